import type { EventType } from '../../../shared/contracts/events';
import type { Order } from '../../../shared/domain/order';
import { BUYER_EMAIL_TYPES } from '../../../shared/email/buyer-catalog';
import { catalogFor } from '../../../shared/email/buyer-emails';
import { languageFor } from '../../../shared/locale/language';
import {
  API_BASE,
  customer,
  event,
  lastSent,
  ORDER_ID,
  order,
  TRACKING_TOKEN,
  world,
} from '../use-cases/notifications/world';

const PAGE = `${API_BASE}/track/${TRACKING_TOKEN}`;
const shipment = {
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: 'MAEU123456789',
  trackingNumber: 'MSKU7654321',
  trackingUrl: 'https://track.example/MSKU7654321',
  etd: '2026-12-01',
  eta: '2027-01-05',
  portOfLoading: 'Shanghai',
  portOfDischarge: 'Hamburg',
  dispatchedAt: '2026-12-01T08:00:00.000Z',
};

async function emailFor<T extends EventType>(
  type: T,
  language: string,
  setup: { detail?: Parameters<typeof event<T>>[1]; order?: Order } = {},
) {
  const w = world({ order: setup.order, customer: customer({ language }) });
  await expect(w.notifyBuyer(event(type, setup.detail ?? {}))).resolves.toBe('sent');
  return lastSent(w.mailer);
}

describe('buyer emails: which language', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH-cn'])(
    'writes %s in Simplified Chinese',
    (tag) => {
      // Assess
      expect(languageFor(tag)).toBe('zh-CN');
      expect(catalogFor(tag).language).toBe('zh-CN');
    },
  );

  it.each(['en', 'en-GB', 'de', 'fr-FR', 'zh-TW', 'zh-Hant', 'zh-HK', 'qq', 'not a tag', '', undefined])(
    'writes %s in English',
    (tag) => {
      // Assess
      expect(languageFor(tag)).toBe('en');
      expect(catalogFor(tag).language).toBe('en');
    },
  );
});

describe('buyer emails in Simplified Chinese (zh-CN)', () => {
  it.each([
    [
      'CreditHeld',
      `已收到订单 ${ORDER_ID}`,
      [
        '我们已收到贵司的订单',
        '200 × VALVE-DN50，单价 EUR 12.50：EUR 2,500.00',
        '合计：EUR 6,099.60',
        '贸易术语：FOB Shanghai（Incoterms 2020）',
        '采购单号：PO-2026-0042',
      ],
    ],
    ['OrderRejected', `订单 ${ORDER_ID} 未能接受`, ['原因如下', '- sku VALVE-DN50 is not sold']],
    [
      'OrderConfirmed',
      `订单 ${ORDER_ID} 已确认`,
      [
        '付款条件：电汇（T/T），30% 定金，70% 尾款',
        '30% 定金：EUR 1,829.88，订单确认时支付',
        '70% 尾款：EUR 4,269.72，发货前支付',
      ],
    ],
    [
      'DepositReceived',
      `订单 ${ORDER_ID} 的定金已收到`,
      ['累计已收：EUR 1,829.88', '尚需支付：EUR 4,269.72，按付款计划支付'],
    ],
    [
      'PaymentReceived',
      `订单 ${ORDER_ID} 的付款已收到`,
      ['本次付款：EUR 2,000.00', '付款参考号：BANK-REF-77', '尚需支付：EUR 4,099.60'],
    ],
    [
      'ShipmentExceptionOpened',
      `订单 ${ORDER_ID}：货物运输延误`,
      ['新的预计到达日期为 2027年1月19日', '报告地点：Port Klang'],
    ],
    ['OrderDelivered', `订单 ${ORDER_ID} 已送达`, ['已于 2027年1月20日 送达', '尚余 EUR 6,099.60 未付']],
    [
      'PaymentDue',
      `订单 ${ORDER_ID} 付款通知：应付 EUR 4,269.72`,
      ['请于 2026年12月20日 前支付', '付款截止日期：2026年12月20日'],
    ],
    [
      'PaymentOverdue',
      `付款逾期提醒：订单 ${ORDER_ID}，EUR 4,269.72`,
      ['已于 2026年12月20日 到期', '逾期金额：EUR 4,269.72'],
    ],
    [
      'OrderCancelled',
      `订单 ${ORDER_ID} 已取消`,
      ['取消原因：buyer withdrew', '贵司已为该订单支付 EUR 1,829.88，我们将全额退还'],
    ],
  ] as const)(
    '%s: its subject, words, amounts and dates for the zh-CN locale',
    async (type, subject, texts) => {
      // Act
      const email = await emailFor(type, 'zh-CN');

      // Assess
      expect(email.subject).toBe(subject);
      expect(email.text).toContain('尊敬的Ana Buyer：');
      expect(email.text).toContain('顺祝商祺！');
      for (const text of texts) expect(email.text).toContain(text);
      expect(email.html).toContain('<html lang="zh-CN">');
      expect(email.text).not.toMatch(/\b(Dear|Total|Kind regards)\b/);
    },
  );

  it.each(['zh', 'zh-Hans'])('%s gets the same Chinese email', async (tag) => {
    // Act
    const email = await emailFor('OrderConfirmed', tag);

    // Assess
    expect(email.subject).toBe(`订单 ${ORDER_ID} 已确认`);
  });
});

describe('buyer emails: the shipment email', () => {
  /** As the order lists its documents once issued (one entry per kind, newest version). */
  const documents = [
    {
      kind: 'commercial-invoice',
      number: 'CI-2026-000123',
      version: 2,
      issuedAt: '2026-11-30T09:00:00.000Z',
    },
    { kind: 'packing-list', number: 'PL-2026-000123', version: 1, issuedAt: '2026-11-30T09:00:00.000Z' },
    {
      kind: 'customs-declaration',
      number: 'CD-2026-000123',
      version: 1,
      issuedAt: '2026-11-30T09:00:00.000Z',
    },
  ];

  it('English: B/L number, tracking number and link, ETD/ETA, and the invoice and packing list through the tracking page', async () => {
    // Act
    const email = await emailFor('ShipmentDispatched', 'en', {
      order: order({ shipment, documents }),
    });

    // Assess
    expect(email.text).toContain('Bill of lading (B/L): MAEU123456789');
    expect(email.text).toContain('Tracking number: MSKU7654321');
    expect(email.text).toContain('Track it: https://track.example/MSKU7654321');
    expect(email.text).toContain('Departure (ETD): Dec 1, 2026');
    expect(email.text).toContain('Estimated arrival (ETA): Jan 5, 2027');
    expect(email.text).toContain(`Commercial invoice: CI-2026-000123 (${PAGE}/documents/commercial-invoice)`);
    expect(email.text).toContain(`Packing list: PL-2026-000123 (${PAGE}/documents/packing-list)`);
    expect(email.html).toContain(`<a href="${PAGE}/documents/commercial-invoice">CI-2026-000123</a>`);
    expect(email.text).not.toContain('CD-2026-000123'); // the customs sheet is not the buyer's
  });

  it('Chinese: the same facts, in Chinese words and zh-CN dates', async () => {
    // Act
    const email = await emailFor('ShipmentDispatched', 'zh-CN', {
      order: order({ shipment, documents }),
    });

    // Assess
    expect(email.subject).toBe(`订单 ${ORDER_ID} 已发货`);
    expect(email.text).toContain('已通过海运发出');
    expect(email.text).toContain('提单（B/L）：MAEU123456789');
    expect(email.text).toContain('跟踪号：MSKU7654321');
    expect(email.text).toContain('在线跟踪：https://track.example/MSKU7654321');
    expect(email.text).toContain('预计发运日期（ETD）：2026年12月1日');
    expect(email.text).toContain('预计到达日期（ETA）：2027年1月5日');
    expect(email.text).toContain(`商业发票：CI-2026-000123 (${PAGE}/documents/commercial-invoice)`);
    expect(email.text).toContain(`装箱单：PL-2026-000123 (${PAGE}/documents/packing-list)`);
  });

  it('by air: the air waybill (AWB) by name in both languages', async () => {
    // Act
    const english = await emailFor('ShipmentDispatched', 'en', {
      detail: { mode: 'AIR', transportDocumentNo: '176-12345675' },
    });
    const chinese = await emailFor('ShipmentDispatched', 'zh-CN', {
      detail: { mode: 'AIR', transportDocumentNo: '176-12345675' },
    });

    // Assess
    expect(english.text).toContain('Air waybill (AWB): 176-12345675');
    expect(chinese.text).toContain('航空运单（AWB）：176-12345675');
  });

  it('names the vessel or flight when the booking has one, in both languages', async () => {
    // Act
    const vessel = { ...shipment, vesselOrFlight: 'MAERSK ESSEX / 245W' };
    const english = await emailFor('ShipmentDispatched', 'en', { order: order({ shipment: vessel }) });
    const chinese = await emailFor('ShipmentDispatched', 'zh-CN', { order: order({ shipment: vessel }) });
    const flight = await emailFor('ShipmentDispatched', 'en', {
      detail: { mode: 'AIR' },
      order: order({ shipment: { ...shipment, mode: 'AIR', vesselOrFlight: 'LH 8400' } }),
    });
    const none = await emailFor('ShipmentDispatched', 'en', { order: order({ shipment }) });

    // Assess
    expect(english.text).toContain('Vessel / voyage: MAERSK ESSEX / 245W');
    expect(chinese.text).toContain('船名 / 航次：MAERSK ESSEX / 245W');
    expect(flight.text).toContain('Flight: LH 8400');
    expect(none.text).not.toMatch(/Vessel|Flight/);
  });

  it('before the documents are issued: says they will be on the tracking page', async () => {
    // Act
    const email = await emailFor('ShipmentDispatched', 'en', { order: order({ shipment }) });

    // Assess
    expect(email.text).toContain('will be on your tracking page as soon as they are issued');
    expect(email.text).not.toContain('/documents/');
  });
});

describe('buyer emails: the tracking page in every email', () => {
  it.each(BUYER_EMAIL_TYPES.flatMap((type) => [[type, 'en'] as const, [type, 'zh-CN'] as const]))(
    '%s (%s) ends with the link to the order’s tracking page',
    async (type, language) => {
      // Act
      const email = await emailFor(type, language);

      // Assess
      expect(email.text.endsWith(PAGE)).toBe(true);
      expect(email.html).toContain(`<a href="${PAGE}">${PAGE}</a>`);
    },
  );

  it('makes the token of an order that has none, once, and links it in every later email', async () => {
    // Prepare
    const w = world({ order: order({ orderId: 'ord_01JNOTOKEN000000000000000' }) });

    // Act
    await w.notifyBuyer(
      event('OrderConfirmed', { orderId: 'ord_01JNOTOKEN000000000000000', changeId: 'c1' }),
    );
    await w.notifyBuyer(
      event('DepositReceived', { orderId: 'ord_01JNOTOKEN000000000000000', changeId: 'c2' }),
    );

    // Assess
    const token = w.trackingTokens.byOrder.get('ord_01JNOTOKEN000000000000000');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(w.mailer.sent.map((email) => email.text.split('\n').at(-1))).toEqual([
      `${API_BASE}/track/${token}`,
      `${API_BASE}/track/${token}`,
    ]);
  });
});

describe('buyer emails: any other language is written in English', () => {
  it.each(BUYER_EMAIL_TYPES)(
    '%s for a de buyer: the English words, German dates and amounts',
    async (type) => {
      // Act
      const german = await emailFor(type, 'de');
      const english = await emailFor(type, 'en');

      // Assess
      expect(german.text.split('\n')[0]).toBe('Dear Ana Buyer,');
      expect(german.html).toContain('<html lang="en">');
      expect(german.subject.replace(/[\d.,]+ EUR/, '')).toBe(english.subject.replace(/EUR [\d.,]+/, ''));
    },
  );
});
