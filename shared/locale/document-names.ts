import type { BuyerDocumentKind } from '../tracking-page/buyer-documents';
import type { Language } from './language';

/** The buyer documents' names, as the trade calls them in each language. */
export const DOCUMENT_NAMES: Record<Language, Record<BuyerDocumentKind, string>> = {
  en: {
    'proforma-invoice': 'Proforma invoice',
    'order-confirmation': 'Order confirmation',
    'commercial-invoice': 'Commercial invoice',
    'packing-list': 'Packing list',
  },
  'zh-CN': {
    'proforma-invoice': '形式发票',
    'order-confirmation': '订单确认书',
    'commercial-invoice': '商业发票',
    'packing-list': '装箱单',
  },
};
