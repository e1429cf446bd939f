import type { TransportMode } from '../../domain/incoterms';
import type { Order } from '../../domain/order';
import { DOCUMENT_NAMES } from '../../locale/document-names';
import { type BuyerLinks, type BuyerTemplates, stillToPay } from '../buyer-catalog';
import { type Block, facts, paragraph, safeUrl } from '../layout';
import { bookingOf, deliveryOf, unitsText } from '../shipment-of';
import { orderRef } from './common';

/** 货物在途：已发货、运输异常、已送达。 */

const MODE_WORDS: Record<TransportMode, string> = {
  SEA: '海运',
  AIR: '空运',
  ROAD: '公路运输',
  RAIL: '铁路运输',
};

/** The transport document each mode travels under, as Chinese trade names it. */
const TRANSPORT_DOCUMENTS: Record<TransportMode, string> = {
  SEA: '提单（B/L）',
  AIR: '航空运单（AWB）',
  ROAD: '国际公路货运单（CMR）',
  RAIL: '国际铁路货运单（CIM）',
};

function documentName(mode: string): string {
  return TRANSPORT_DOCUMENTS[mode as TransportMode] ?? '运输单据';
}

/** The commercial invoice and packing list, linked through the tracking page; a word if not issued yet. */
function shippingDocuments(links: BuyerLinks): Block[] {
  if (!links.documents.length) {
    return [paragraph('商业发票和装箱单出具后，将在您的订单跟踪页面上提供。')];
  }
  return [
    paragraph('您的货运单据（清关用）：'),
    facts(
      ...links.documents.map((document) => ({
        label: DOCUMENT_NAMES['zh-CN'][document.kind],
        value: document.number,
        href: document.url,
      })),
    ),
  ];
}

/** 分批发货：本批所含货物及尚待发运的部分。 */
function partialShipment(detail: {
  shipmentNo?: number;
  lines?: { sku: string; quantity: number }[];
  backorder?: { sku: string; quantity: number }[];
}): Block[] {
  if (detail.shipmentNo === undefined) return [];
  const rest = detail.backorder ?? [];
  return [
    facts(
      Boolean(detail.lines?.length) && { label: '本批货物', value: unitsText(detail.lines) },
      rest.length > 0 && { label: '待发货物', value: unitsText(rest) },
    ),
    paragraph(
      rest.length ? '订单其余货物将分批后续发运，发货时我们会另行邮件通知您。' : '这是本订单的最后一批货物。',
    ),
  ];
}

export const ShipmentDispatched: BuyerTemplates['ShipmentDispatched'] = ({ detail, order, fmt, links }) => {
  const link = safeUrl(detail.trackingUrl);
  const mode = MODE_WORDS[detail.mode as TransportMode];
  const booked = bookingOf(order, detail.shipmentNo);
  const n = detail.shipmentNo;
  return {
    subject: n ? `订单 ${order.orderId}：第 ${n} 批货物已发货` : `订单 ${order.orderId} 已发货`,
    blocks: [
      paragraph(
        n
          ? `贵司${orderRef(order)}的第 ${n} 批货物已${mode ? `通过${mode}` : ''}发出。`
          : `贵司的${orderRef(order)}已${mode ? `通过${mode}` : ''}发出。`,
      ),
      facts(
        { label: '承运人', value: detail.carrier },
        booked?.vesselOrFlight && {
          label: detail.mode === 'AIR' ? '航班' : '船名 / 航次',
          value: booked.vesselOrFlight,
        },
        { label: documentName(detail.mode), value: detail.transportDocumentNo },
        { label: '跟踪号', value: detail.trackingNumber },
        link && { label: '在线跟踪', value: link, href: link },
        { label: '预计发运日期（ETD）', value: fmt.date(detail.etd) },
        { label: '预计到达日期（ETA）', value: fmt.date(detail.eta) },
        booked?.portOfLoading && { label: '装运港', value: booked.portOfLoading },
        booked?.portOfDischarge && { label: '目的港', value: booked.portOfDischarge },
      ),
      ...partialShipment(detail),
      ...shippingDocuments(links),
      paragraph('运输途中如有任何变化，我们会及时通知您。'),
    ],
  };
};

/** What each exception means for the buyer, and what happens next. */
function exceptionWords(
  exception: string,
  order: Order,
  eta: string,
  shipmentNo?: number,
): { subject: string; blocks: Block[] } {
  // "订单 ord_…" or, for one shipment of an order shipped in parts, "订单 ord_… 第 2 批货物".
  const id = shipmentNo ? `${order.orderId} 第 ${shipmentNo} 批货物` : order.orderId;
  switch (exception) {
    case 'DELAYED':
      return {
        subject: `订单 ${id}：货物运输延误`,
        blocks: [
          paragraph(`承运人报告，贵司${orderRef(order)}的货物运输出现延误，新的预计到达日期为 ${eta}。`),
          paragraph('您无需采取任何行动，我们会持续向您通报最新情况。'),
        ],
      };
    case 'DAMAGED':
      return {
        subject: `订单 ${id}：货物报告受损`,
        blocks: [
          paragraph(`承运人报告，贵司${orderRef(order)}的货物出现损坏。`),
          paragraph(
            '我们正在与承运人和保险公司评估损失，并将就补发或索赔事宜与您联系。货物到达时，请在签收单上注明所有可见损坏，并保留外包装。',
          ),
        ],
      };
    case 'LOST':
      return {
        subject: `订单 ${id}：货物下落不明`,
        blocks: [
          paragraph(`承运人报告，贵司${orderRef(order)}的货物已丢失。`),
          paragraph('我们正在与承运人一起追查。如仍无法找到，我们将安排补发或索赔，并告知您后续步骤。'),
        ],
      };
    case 'CUSTOMS_HOLD':
      return {
        subject: `订单 ${id}：货物被海关扣留`,
        blocks: [
          paragraph(`贵司${orderRef(order)}的货物目前被海关扣留，暂定预计到达日期为 ${eta}。`),
          paragraph(
            order.incoterm.code === 'DDP'
              ? '按 DDP 条款，进口清关由我方负责；如需您提供任何资料，我们会另行告知。'
              : `按 ${order.incoterm.code} 条款，进口清关由贵司负责：请与您的报关行确认是否需要补充资料。如有需要，我们可以提供商业发票和装箱单副本。`,
          ),
        ],
      };
    default:
      return {
        subject: `订单 ${id}：货运最新情况`,
        blocks: [
          paragraph(
            `承运人报告，贵司${orderRef(order)}的货物运输出现问题。我们正在处理，并会持续向您通报最新情况。`,
          ),
        ],
      };
  }
}

export const ShipmentExceptionOpened: BuyerTemplates['ShipmentExceptionOpened'] = ({
  detail,
  order,
  fmt,
}) => {
  const words = exceptionWords(detail.exception, order, fmt.date(detail.eta), detail.shipmentNo);
  const booked = bookingOf(order, detail.shipmentNo);
  return {
    subject: words.subject,
    blocks: [
      ...words.blocks,
      facts(
        detail.shipmentNo !== undefined && { label: '批次', value: `本订单第 ${detail.shipmentNo} 批货物` },
        detail.location && { label: '报告地点', value: detail.location },
        { label: '预计到达日期（ETA）', value: fmt.date(detail.eta) },
        booked && {
          label: '跟踪号',
          value: booked.trackingNumber,
          href: booked.trackingUrl,
        },
      ),
    ],
  };
};

export const OrderDelivered: BuyerTemplates['OrderDelivered'] = ({ detail, order, fmt }) => {
  const rest = stillToPay(order, order.paid);
  const n = detail.shipmentNo;
  const receivedBy = deliveryOf(order, n)?.receivedBy;
  const by = receivedBy ? `，签收人：${receivedBy}` : '';
  return {
    subject: `订单 ${order.orderId} 已送达`,
    blocks: [
      paragraph(
        n
          ? `贵司${orderRef(order)}的第 ${n} 批货物已于 ${fmt.date(detail.deliveredAt)} 送达${by}，至此订单货物已全部送达。`
          : `贵司的${orderRef(order)}已于 ${fmt.date(detail.deliveredAt)} 送达${by}。`,
      ),
      ...(rest && rest.minor > 0
        ? [
            paragraph(
              `尚余 ${fmt.money(rest)} 未付，${order.paymentDueAt ? `请于 ${fmt.date(order.paymentDueAt)} 前支付` : '请按付款计划支付'}；到期前我们会发送提醒。`,
            ),
          ]
        : []),
      paragraph('感谢您的订购。如货物有任何问题，请直接回复本邮件。'),
    ],
  };
};

/** 分批发货订单的某一批货物已送达，订单尚未全部完成。 */
export const ShipmentDelivered: BuyerTemplates['ShipmentDelivered'] = ({ detail, order, fmt }) => {
  const receivedBy = deliveryOf(order, detail.shipmentNo)?.receivedBy;
  return {
    subject: `订单 ${order.orderId}：第 ${detail.shipmentNo} 批货物已送达`,
    blocks: [
      paragraph(
        `贵司${orderRef(order)}的第 ${detail.shipmentNo} 批货物已于 ${fmt.date(detail.deliveredAt)} 送达${receivedBy ? `，签收人：${receivedBy}` : ''}。`,
      ),
      paragraph('订单其余货物正在运输途中或将分批后续发运；每批货物发出和送达时，我们都会邮件通知您。'),
    ],
  };
};
