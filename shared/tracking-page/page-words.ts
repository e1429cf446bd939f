import type { TransportMode } from '../domain/incoterms';
import type { OrderStatus } from '../domain/order';
import type { ExceptionType, TrackingStatus } from '../domain/tracking';
import type { Language } from '../locale/language';

/** The tracking page's words in each buyer language (amounts and dates are formatted apart). */
export interface PageWords {
  title(orderId: string): string;
  intro: string;
  labels: {
    status: string;
    yourPo: string;
    placedOn: string;
    shipTo: string;
    items: string;
    total: string;
    eta: string;
    shipment: string;
    carrier: string;
    vessel: string;
    flight: string;
    trackingNumber: string;
    trackAtCarrier: string;
    etd: string;
    portOfLoading: string;
    portOfDischarge: string;
    deliveredOn: string;
    timeline: string;
    carrierUpdates: string;
    newEta: string;
    documents: string;
    noDocuments: string;
  };
  transportDocuments: Record<TransportMode, string>;
  /** Buyer words for each status: a credit hold is "under review", never credit talk. */
  statuses: Record<OrderStatus, string>;
  carrierStatuses: Record<TrackingStatus, string>;
  exceptions: Record<ExceptionType, string>;
  footer: string;
  notFound: { title: string; text: string };
}

const en: PageWords = {
  title: (orderId) => `Order ${orderId}`,
  intro: 'Where your order is, live. Keep this link to yourself: anyone who has it can see this page.',
  labels: {
    status: 'Status',
    yourPo: 'Your PO',
    placedOn: 'Placed on',
    shipTo: 'Ship to',
    items: 'Items',
    total: 'Total',
    eta: 'Estimated arrival (ETA)',
    shipment: 'Shipment',
    carrier: 'Carrier',
    vessel: 'Vessel / voyage',
    flight: 'Flight',
    trackingNumber: 'Tracking number',
    trackAtCarrier: "Track at the carrier's site",
    etd: 'Departure (ETD)',
    portOfLoading: 'Port of loading',
    portOfDischarge: 'Port of discharge',
    deliveredOn: 'Delivered on',
    timeline: 'Progress',
    carrierUpdates: 'Carrier updates',
    newEta: 'new ETA',
    documents: 'Documents',
    noDocuments: 'No documents issued yet.',
  },
  transportDocuments: {
    SEA: 'Bill of lading (B/L)',
    AIR: 'Air waybill (AWB)',
    ROAD: 'CMR consignment note',
    RAIL: 'CIM consignment note',
  },
  statuses: {
    RECEIVED: 'Order received',
    CREDIT_HOLD: 'Under review',
    CONFIRMED: 'Order confirmed',
    AWAITING_DEPOSIT: 'Awaiting deposit',
    AWAITING_STOCK: 'Being prepared',
    IN_PRODUCTION: 'In production',
    AWAITING_BALANCE: 'Awaiting balance payment',
    READY_TO_SHIP: 'Ready to ship',
    IN_TRANSIT: 'In transit',
    DELIVERED: 'Delivered',
    AWAITING_PAYMENT: 'Awaiting payment',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
    REJECTED: 'Not accepted',
  },
  carrierStatuses: {
    PICKED_UP: 'Picked up',
    DEPARTED: 'Departed',
    IN_TRANSIT: 'In transit',
    TRANSSHIPPED: 'Transshipped',
    ARRIVED: 'Arrived',
    CUSTOMS_HOLD: 'Held by customs',
    CUSTOMS_CLEARED: 'Cleared customs',
    OUT_FOR_DELIVERY: 'Out for delivery',
    DELAYED: 'Delayed',
    DAMAGED: 'Damage reported',
    LOST: 'Reported missing',
  },
  exceptions: {
    DELAYED: 'Your shipment is delayed. We are following it closely.',
    DAMAGED: 'The carrier reported damage to the goods. We will contact you about a replacement or a claim.',
    LOST: 'The carrier reported the shipment as missing. We are tracing it and will contact you.',
    CUSTOMS_HOLD: 'Your shipment is held by customs.',
  },
  footer: 'Questions? Reply to any email we sent you about this order.',
  notFound: {
    title: 'Page not found',
    text: 'This tracking link is not valid. Please use the link from your latest email about the order.',
  },
};

const zhCN: PageWords = {
  title: (orderId) => `订单 ${orderId}`,
  intro: '实时查看订单进度。请妥善保管此链接：任何持有该链接的人都可以查看本页面。',
  labels: {
    status: '当前状态',
    yourPo: '采购单号',
    placedOn: '下单日期',
    shipTo: '收货地',
    items: '货品',
    total: '合计',
    eta: '预计到达日期（ETA）',
    shipment: '货运信息',
    carrier: '承运人',
    vessel: '船名 / 航次',
    flight: '航班',
    trackingNumber: '跟踪号',
    trackAtCarrier: '在承运人网站查询',
    etd: '预计发运日期（ETD）',
    portOfLoading: '装运港',
    portOfDischarge: '目的港',
    deliveredOn: '送达日期',
    timeline: '订单进度',
    carrierUpdates: '物流动态',
    newEta: '新的预计到达日期',
    documents: '单据',
    noDocuments: '暂无已出具的单据。',
  },
  transportDocuments: {
    SEA: '提单（B/L）',
    AIR: '航空运单（AWB）',
    ROAD: '国际公路货运单（CMR）',
    RAIL: '国际铁路货运单（CIM）',
  },
  statuses: {
    RECEIVED: '已收到订单',
    CREDIT_HOLD: '审核中',
    CONFIRMED: '订单已确认',
    AWAITING_DEPOSIT: '待付定金',
    AWAITING_STOCK: '备货中',
    IN_PRODUCTION: '生产中',
    AWAITING_BALANCE: '待付尾款',
    READY_TO_SHIP: '待发货',
    IN_TRANSIT: '运输中',
    DELIVERED: '已送达',
    AWAITING_PAYMENT: '待付款',
    COMPLETED: '已完成',
    CANCELLED: '已取消',
    REJECTED: '未能接受',
  },
  carrierStatuses: {
    PICKED_UP: '已揽收',
    DEPARTED: '已启运',
    IN_TRANSIT: '运输中',
    TRANSSHIPPED: '已中转',
    ARRIVED: '已到达',
    CUSTOMS_HOLD: '海关扣留',
    CUSTOMS_CLEARED: '已清关',
    OUT_FOR_DELIVERY: '派送中',
    DELAYED: '延误',
    DAMAGED: '报告货损',
    LOST: '报告丢失',
  },
  exceptions: {
    DELAYED: '您的货物运输出现延误，我们正在密切跟进。',
    DAMAGED: '承运人报告货物受损，我们将就补发或索赔事宜与您联系。',
    LOST: '承运人报告货物下落不明，我们正在追查，并会与您联系。',
    CUSTOMS_HOLD: '您的货物目前被海关扣留。',
  },
  footer: '如有疑问，请直接回复我们就此订单发送给您的任何一封邮件。',
  notFound: {
    title: '页面不存在',
    text: '此跟踪链接无效。请使用您最近收到的订单邮件中的链接。',
  },
};

export const PAGE_WORDS: Record<Language, PageWords> = { en, 'zh-CN': zhCN };
