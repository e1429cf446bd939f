import { makeInMemoryCustomerRepository } from '../../../shared/adapters/in-memory/customers';
import { makeInMemoryOrderRepository } from '../../../shared/adapters/in-memory/orders';
import { makeInMemoryPdfLinks } from '../../../shared/adapters/in-memory/pdf-links';
import { makeInMemoryTrackingTokens } from '../../../shared/adapters/in-memory/tracking-tokens';
import { makeInMemoryTradeDocumentStore } from '../../../shared/adapters/in-memory/trade-documents';
import type { Order } from '../../../shared/domain/order';
import type { DocumentKind, TradeDocumentStore } from '../../../shared/ports/trade-documents';
import { documentUrlFromPage } from '../../../shared/tracking-page/links';
import { renderNotFoundPage, renderTrackingPage } from '../../../shared/tracking-page/render-page';
import { trackingNotFound, wantsJson } from '../../../shared/tracking-page/responses';
import { isWellFormedToken, newTrackingToken, sameToken } from '../../../shared/tracking-page/token';
import { makeGetTrackingDocument } from '../../../shared/use-cases/get-tracking-document';
import { makeGetTrackingPage } from '../../../shared/use-cases/get-tracking-page';
import { customer, order } from '../use-cases/notifications/world';

/**
 * The public tracking page: a token opens its one order, shows the buyer what matters and nothing
 * of anyone else, and every token that opens nothing gets the same answer.
 */

const A = 'ord_01JTRACKA0000000000000000';
const B = 'ord_01JTRACKB0000000000000000';
const staff = { kind: 'staff' as const, id: 'anna.keller@tradeflow.example.com', role: 'finance' };

/** Order A (a zh-CN buyer), in transit with a delay, rich in things the page must not show. */
function orderA(): Order {
  const base = order({ orderId: A, customerId: 'cus_A' });
  return {
    ...base,
    status: 'IN_TRANSIT',
    buyerPo: 'PO-A-7731',
    shippingAddress: {
      name: 'Li Wei',
      line1: '88 Secret Road',
      city: 'Hamburg',
      postalCode: '20457',
      country: 'DE',
    },
    creditReview: { decision: 'hold', reason: 'over the credit limit', at: base.createdAt } as never,
    failure: { state: 'Dispatch', error: 'Boom', cause: 'internal stack trace', at: base.createdAt },
    timeline: [
      ...base.timeline,
      {
        at: '2026-11-28T09:00:00.000Z',
        what: 'Credit held: over limit by EUR 1099.60',
        status: 'CREDIT_HOLD',
        by: { kind: 'system', id: 'review-credit' },
      },
      {
        at: '2026-11-28T10:00:00.000Z',
        what: 'Credit approved',
        status: 'CONFIRMED',
        by: staff,
        note: 'Internal: CFO said ok',
      },
      { at: '2026-11-28T10:00:01.000Z', what: 'Note added', by: staff, note: 'Buyer is slow to pay' },
      { at: '2026-12-01T08:00:00.000Z', what: 'Shipped', status: 'IN_TRANSIT', by: staff },
    ],
    shipment: {
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'MAEU-A-111',
      trackingNumber: 'MSKU-A-222',
      vesselOrFlight: 'MAERSK ESSEX / 245W',
      trackingUrl: 'https://track.example/MSKU-A-222',
      etd: '2026-12-01',
      eta: '2027-01-05',
      portOfLoading: 'Shanghai',
      portOfDischarge: 'Hamburg',
      dispatchedAt: '2026-12-01T08:00:00.000Z',
    },
    tracking: {
      eta: '2027-01-19',
      exception: {
        type: 'DELAYED',
        openedAt: '2026-12-20T06:00:00.000Z',
        location: 'Port Klang',
        note: 'Staff-only: the vessel lost a slot',
      },
      lastEventAt: '2026-12-20T06:00:00.000Z',
    },
    trackingEvents: [
      {
        status: 'DEPARTED',
        at: '2026-12-01T06:00:00.000Z',
        location: 'Shanghai',
        recordedAt: '2026-12-01T07:00:00.000Z',
      },
      {
        status: 'DELAYED',
        at: '2026-12-20T06:00:00.000Z',
        location: 'Port Klang',
        newEta: '2027-01-19',
        note: 'Staff-only: the vessel lost a slot',
        recordedAt: '2026-12-20T07:00:00.000Z',
      },
    ],
  };
}

/** Order B (an en buyer elsewhere): none of it may appear on A's page. */
function orderB(): Order {
  return {
    ...order({ orderId: B, customerId: 'cus_B' }),
    buyerPo: 'PO-B-4420',
    lines: [
      {
        lineNo: 1,
        sku: 'GASKET-B9',
        quantity: 77,
        unitPrice: { currency: 'USD', minor: 1234 },
        amount: { currency: 'USD', minor: 95018 },
      },
    ],
    total: { currency: 'USD', minor: 95018 },
    shippingAddress: { name: 'Bob Berg', line1: '1 Canal St', city: 'Rotterdam', country: 'NL' },
  };
}

async function issue(store: TradeDocumentStore, orderId: string, kind: DocumentKind, number: string) {
  const version = ((await store.latest(orderId, kind))?.version ?? 0) + 1;
  await store.save({
    orderId,
    kind,
    number,
    version,
    issuedAt: `2026-11-3${version - 1}T09:00:00.000Z`,
    contentHash: `${orderId}-${kind}-${version}`,
    files: { pdf: new TextEncoder().encode(`%PDF ${number} v${version}`) },
  });
}

async function setup() {
  const tokens = makeInMemoryTrackingTokens();
  const documents = makeInMemoryTradeDocumentStore();
  await issue(documents, A, 'commercial-invoice', 'CI-2026-000123');
  await issue(documents, A, 'commercial-invoice', 'CI-2026-000123');
  await issue(documents, A, 'packing-list', 'PL-2026-000123');
  await issue(documents, A, 'customs-declaration', 'CD-2026-000123');
  await issue(documents, B, 'commercial-invoice', 'CI-2026-000999');
  const deps = {
    tokens,
    orders: makeInMemoryOrderRepository([orderA(), orderB()]),
    customers: makeInMemoryCustomerRepository([
      customer({ customerId: 'cus_A', name: 'Li Wei', email: 'li.wei@buyer-a.example', language: 'zh-CN' }),
      customer({ customerId: 'cus_B', name: 'Bob Berg', email: 'bob@buyer-b.example', language: 'en' }),
    ]),
    documents,
    documentUrl: documentUrlFromPage,
    links: makeInMemoryPdfLinks(),
  };
  return {
    ...deps,
    tokenA: await tokens.issue(A),
    tokenB: await tokens.issue(B),
    getPage: makeGetTrackingPage(deps),
    getDocument: makeGetTrackingDocument(deps),
  };
}

/** What only order B, its buyer or staff know: none of it may be on A's page. */
const NOT_ON_A = [
  B,
  'PO-B-4420',
  'GASKET-B9',
  'Rotterdam',
  'Bob Berg',
  'bob@buyer-b.example',
  'CI-2026-000999',
  'Li Wei',
  'li.wei@buyer-a.example',
  '88 Secret Road',
  '20457',
  'anna.keller',
  'Internal: CFO',
  'slow to pay',
  'Staff-only',
  'credit',
  'Credit',
  'internal stack trace',
  'CD-2026-000123',
  'customs-declaration',
  'cus_A',
];

describe('tracking tokens', () => {
  it('are 192 random bits, base64url, never the same twice', () => {
    // Act
    const tokens = Array.from({ length: 1000 }, newTrackingToken);

    // Assess
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(tokens).size).toBe(1000);
    expect(Buffer.from(tokens[0], 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('refuse anything that is not a token before any lookup', () => {
    // Assess
    expect(isWellFormedToken(newTrackingToken())).toBe(true);
    for (const bad of [
      undefined,
      '',
      'abc',
      `${newTrackingToken()}x`,
      `${newTrackingToken().slice(1)}!`,
      '../../etc/passwd',
    ])
      expect(isWellFormedToken(bad)).toBe(false);
  });

  it('compare in constant time, whole tokens only', () => {
    // Prepare
    const token = newTrackingToken();

    // Assess
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(token, `${token.slice(0, 31)}${token[31] === 'A' ? 'B' : 'A'}`)).toBe(false);
    expect(sameToken(token, token.slice(0, 16))).toBe(false);
  });
});

describe('the tracking page of one order', () => {
  it('shows the order the token opens: status, progress, carrier updates, ETA, shipment and buyer documents', async () => {
    // Prepare
    const w = await setup();

    // Act
    const page = await w.getPage(w.tokenA);

    // Assess
    expect(page?.language).toBe('zh-CN');
    expect(page?.view).toMatchObject({
      orderId: A,
      buyerPo: 'PO-A-7731',
      status: 'IN_TRANSIT',
      shipTo: { city: 'Hamburg', country: 'DE' },
      total: { amount: '6099.60', currency: 'EUR' },
      eta: '2027-01-19',
      exception: { type: 'DELAYED', since: '2026-12-20T06:00:00.000Z' },
      shipment: {
        transportDocumentNo: 'MAEU-A-111',
        trackingNumber: 'MSKU-A-222',
        vesselOrFlight: 'MAERSK ESSEX / 245W',
        etd: '2026-12-01',
      },
    });
    expect(page?.view.timeline.map((entry) => entry.status)).toEqual([
      'RECEIVED',
      'CREDIT_HOLD',
      'CONFIRMED',
      'IN_TRANSIT',
    ]);
    expect(page?.view.carrierUpdates).toEqual([
      { at: '2026-12-20T06:00:00.000Z', status: 'DELAYED', location: 'Port Klang', newEta: '2027-01-19' },
      { at: '2026-12-01T06:00:00.000Z', status: 'DEPARTED', location: 'Shanghai' },
    ]);
    expect(page?.view.documents).toEqual([
      {
        kind: 'commercial-invoice',
        number: 'CI-2026-000123',
        issuedAt: '2026-11-31T09:00:00.000Z',
        url: `${w.tokenA}/documents/commercial-invoice`,
      },
      {
        kind: 'packing-list',
        number: 'PL-2026-000123',
        issuedAt: '2026-11-30T09:00:00.000Z',
        url: `${w.tokenA}/documents/packing-list`,
      },
    ]);
  });

  it('shows nothing of another order, the buyer, staff or internal details, as JSON or HTML', async () => {
    // Prepare
    const w = await setup();

    // Act
    const page = await w.getPage(w.tokenA);
    const json = JSON.stringify(page?.view);
    const html = renderTrackingPage(page!.view, page!.language);

    // Assess
    for (const secret of NOT_ON_A) {
      expect(json).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    expect(Object.keys(page!.view).sort()).toEqual(
      [
        'buyerPo',
        'carrierUpdates',
        'documents',
        'eta',
        'exception',
        'lines',
        'orderId',
        'placedAt',
        'shipTo',
        'shipment',
        'status',
        'timeline',
        'total',
      ].sort(),
    );
  });

  it("is written in the customer's language: Chinese words and zh-CN dates for A, English for B", async () => {
    // Prepare
    const w = await setup();

    // Act
    const a = await w.getPage(w.tokenA);
    const b = await w.getPage(w.tokenB);
    const zh = renderTrackingPage(a!.view, a!.language);
    const en = renderTrackingPage(b!.view, b!.language);

    // Assess
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain(`<h1>订单 ${A}</h1>`);
    expect(zh).toContain('<strong>运输中</strong>');
    expect(zh).toContain('您的货物运输出现延误');
    expect(zh).toContain('<strong>2027年1月19日</strong>');
    expect(zh).toContain('提单（B/L）</th><td>MAEU-A-111');
    expect(zh).toContain('船名 / 航次</th><td>MAERSK ESSEX / 245W');
    expect(zh).toContain('Hamburg, 德国');
    expect(zh).toContain('商业发票 CI-2026-000123');
    expect(zh).toContain('延误 · Port Klang');
    expect(zh).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(`<h1>Order ${B}</h1>`);
    expect(en).toContain('Rotterdam, Netherlands');
    expect(en).toContain('USD 950.18');
    expect(en).not.toContain(A);
  });

  it('escapes what people typed and links only http(s) carrier pages, without a Referer', async () => {
    // Prepare
    const w = await setup();
    const page = await w.getPage(w.tokenA);
    const view = {
      ...page!.view,
      buyerPo: '<script>alert(1)</script>',
      shipment: { ...page!.view.shipment!, trackingUrl: 'javascript:alert(1)' },
    };

    // Act
    const html = renderTrackingPage(view, 'en');

    // Assess
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).not.toContain('javascript:');
    const withLink = renderTrackingPage(page!.view, 'en');
    expect(withLink).toContain('<a href="https://track.example/MSKU-A-222" rel="noopener noreferrer">');
  });

  it.each([
    ['an unknown token', () => newTrackingToken()],
    ['a malformed token', () => 'not-a-token'],
    ['a token one character off', (token: string) => `${token.slice(0, 31)}${token[31] === 'A' ? 'B' : 'A'}`],
    ['no token', () => undefined],
  ])('opens nothing with %s', async (_case, make) => {
    // Prepare
    const w = await setup();

    // Act
    const page = await w.getPage(make(w.tokenA));

    // Assess
    expect(page).toBeUndefined();
  });

  it('answers every link that opens nothing with the same 404, in both languages', () => {
    // Act
    const html = trackingNotFound(false);
    const json = trackingNotFound(true);

    // Assess
    expect(html).toMatchObject({ statusCode: 404, body: renderNotFoundPage() });
    expect(html.body).toContain('此跟踪链接无效');
    expect(html.body).toContain('This tracking link is not valid');
    expect(html.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    expect(JSON.parse(json.body)).toEqual({
      error: { code: 'NOT_FOUND', message: 'No tracking page at this link' },
    });
  });

  it('answers JSON to Accept: application/json, the page otherwise', () => {
    // Assess
    expect(wantsJson({ Accept: 'application/json' })).toBe(true);
    expect(wantsJson({ accept: 'text/html, application/json;q=0.9' })).toBe(true);
    expect(wantsJson({ accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })).toBe(false);
    expect(wantsJson({})).toBe(false);
    expect(wantsJson(null)).toBe(false);
  });
});

describe("the tracking page's documents", () => {
  it('gives the bytes of the newest PDF of a buyer document of the token’s order when asked for a PDF', async () => {
    // Prepare
    const w = await setup();

    // Act
    const document = await w.getDocument(w.tokenA, 'commercial-invoice', { asBytes: true });

    // Assess
    expect(document?.filename).toBe('CI-2026-000123.pdf');
    expect(document && 'bytes' in document && new TextDecoder().decode(document.bytes)).toBe(
      '%PDF CI-2026-000123 v2',
    );
  });

  it('gives a link to the file of that newest version otherwise (a browser following the page)', async () => {
    // Prepare
    const w = await setup();
    const newest = await w.documents.latest(A, 'commercial-invoice');

    // Act
    const document = await w.getDocument(w.tokenA, 'commercial-invoice', { asBytes: false });

    // Assess
    expect(document).toEqual({
      filename: 'CI-2026-000123.pdf',
      url: `https://pdfs.test/${newest?.files.pdf?.key}?filename=CI-2026-000123.pdf`,
    });
    expect(newest?.version).toBe(2);
  });

  it.each([
    ['the customs sheet', 'customs-declaration'],
    ['an unknown kind', 'secrets'],
    ['a document not issued yet', 'proforma-invoice'],
  ])('gives nothing for %s', async (_case, kind) => {
    // Prepare
    const w = await setup();

    // Act / Assess
    await expect(w.getDocument(w.tokenA, kind, { asBytes: true })).resolves.toBeUndefined();
    await expect(w.getDocument(w.tokenA, kind, { asBytes: false })).resolves.toBeUndefined();
  });

  it("never gives another order's document", async () => {
    // Prepare
    const w = await setup();

    // Act
    const mine = await w.getDocument(w.tokenB, 'commercial-invoice', { asBytes: false });
    const unknown = await w.getDocument(newTrackingToken(), 'commercial-invoice', { asBytes: false });

    // Assess
    expect(mine?.filename).toBe('CI-2026-000999.pdf');
    expect(mine && 'url' in mine && mine.url).toContain(`orders/${B}/`);
    expect(unknown).toBeUndefined();
  });
});
