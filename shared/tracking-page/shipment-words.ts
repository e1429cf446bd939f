import type { ShipmentStatus } from '../domain/shipments';
import type { Language } from '../locale/language';

/** The tracking page's words for the shipments of an order shipped in parts, in each buyer language. */
export interface ShipmentWords {
  title(shipmentNo: number): string;
  intro: string;
  status: string;
  statuses: Record<ShipmentStatus, string>;
  contents: string;
}

export const SHIPMENT_WORDS: Record<Language, ShipmentWords> = {
  en: {
    title: (shipmentNo) => `Shipment ${shipmentNo}`,
    intro: 'Your order ships in parts: what is in stock leaves first, the rest follows in later shipments.',
    status: 'Shipment status',
    statuses: { PACKED: 'Packed, ready to leave', IN_TRANSIT: 'On its way', DELIVERED: 'Delivered' },
    contents: 'In this shipment',
  },
  'zh-CN': {
    title: (shipmentNo) => `第 ${shipmentNo} 批货物`,
    intro: '您的订单分批发运：现有库存的货物先行发出，其余货物随后分批发运。',
    status: '本批状态',
    statuses: { PACKED: '已包装，待发运', IN_TRANSIT: '运输中', DELIVERED: '已送达' },
    contents: '本批货物',
  },
};
