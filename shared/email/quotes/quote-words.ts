import type { PaymentTerms } from '../../contracts/common';
import type { Language } from '../../locale/language';
import { paymentTermsText as zhPaymentTerms } from '../zh-CN/common';

/**
 * A quote's words for the buyer, in each buyer language: the email that sends it and the page behind
 * its acceptance link. Amounts and dates are formatted apart (shared/email/format.ts), for the
 * customer's locale, whatever the language.
 */
export interface QuoteWords {
  subject(quoteId: string, revision: number, total: string, validUntil: string): string;
  opening(buyerName: string): string;
  closing: string[];
  title(quoteId: string): string;
  intro: string;
  labels: {
    quotation: string;
    revision(n: number): string;
    total: string;
    incoterm: string;
    validUntil: string;
    leadTime: string;
    paymentTerms: string;
    yourReference: string;
    shipTo: string;
    items: string;
    sku: string;
    quantity: string;
    unitPrice: string;
    amount: string;
    terms: string;
    notes: string;
  };
  leadTimeDays(days: number): string;
  incotermText(code: string, place: string): string;
  paymentTerms(terms: PaymentTerms): string;
  /** "Unit prices include freight EUR 10.00, insurance EUR 1.00." */
  chargesIncluded(parts: { freight?: string; insurance?: string; duties?: string }): string;
  rateUsed(pair: string, effectiveFrom: string): string;
  /** The email's links and the page's button. */
  acceptLink: string;
  proformaLink: string;
  acceptButton: string;
  acceptHint: string;
  /** The page and its results. */
  accepted: { title: string; text(orderId: string): string };
  expired: { title: string; text(validUntil: string): string };
  notOpen: { title: string; text: string };
  revised: { title: string; text: string };
  notFound: { title: string; text: string };
  footer: string;
}

export function enPaymentTerms(terms: PaymentTerms): string {
  switch (terms.type) {
    case 'TT':
      return `T/T, ${terms.depositPercent}% deposit, balance before shipment`;
    case 'LC':
      return 'Letter of credit';
    case 'DP':
      return 'Documents against payment';
    case 'DA':
      return `Documents against acceptance, ${terms.days} days`;
    case 'OA':
      return `Open account, net ${terms.netDays} days`;
    case 'PREPAID':
      return 'Prepaid';
  }
}

const en: QuoteWords = {
  subject: (id, revision, total, until) =>
    `Quotation ${id} (revision ${revision}): ${total}, valid until ${until}`,
  opening: (name) => `Dear ${name},`,
  closing: ['Kind regards,', 'Sales'],
  title: (id) => `Quotation ${id}`,
  intro: 'Our offer to you. Keep this link to yourself: anyone who has it can see and accept this quotation.',
  labels: {
    quotation: 'Quotation',
    revision: (n) => `revision ${n}`,
    total: 'Total',
    incoterm: 'Incoterm',
    validUntil: 'Valid until',
    leadTime: 'Lead time',
    paymentTerms: 'Payment terms',
    yourReference: 'Your reference',
    shipTo: 'Ship to',
    items: 'Items',
    sku: 'Item',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    amount: 'Amount',
    terms: 'Terms',
    notes: 'Notes',
  },
  leadTimeDays: (days) => `${days} days from order confirmation`,
  incotermText: (code, place) => `${code} ${place} (Incoterms 2020)`,
  paymentTerms: enPaymentTerms,
  chargesIncluded: ({ freight, insurance, duties }) =>
    `Unit prices include ${[
      freight && `freight ${freight}`,
      insurance && `insurance ${insurance}`,
      duties && `duties ${duties}`,
    ]
      .filter(Boolean)
      .join(', ')}.`,
  rateUsed: (pair, from) => `Converted at ${pair}, the rate in effect from ${from}.`,
  acceptLink: 'Accept this quotation online (your order is placed at once):',
  proformaLink: 'Proforma invoice (PDF):',
  acceptButton: 'Accept quotation',
  acceptHint: 'Accepting places your order at these prices and terms at once.',
  accepted: {
    title: 'Quotation accepted',
    text: (orderId) =>
      `Thank you: your order ${orderId} is placed. We will email you its confirmation shortly.`,
  },
  expired: {
    title: 'Quotation expired',
    text: (until) =>
      `This quotation was valid until ${until} and can no longer be accepted. Please ask us for a new quotation.`,
  },
  notOpen: {
    title: 'Quotation not open for acceptance',
    text: 'This quotation cannot be accepted now. Please contact us.',
  },
  revised: {
    title: 'This quotation was revised',
    text: 'This quotation was revised; use the link in our newest email about it.',
  },
  notFound: {
    title: 'Page not found',
    text: 'This quotation link is not valid. Please use the link from our latest email.',
  },
  footer: 'Questions? Reply to the email this quotation came with.',
};

const zhCN: QuoteWords = {
  subject: (id, revision, total, until) => `报价单 ${id}（第 ${revision} 版）：${total}，有效期至 ${until}`,
  opening: (name) => `尊敬的${name}：`,
  closing: ['顺祝商祺！', '出口销售团队'],
  title: (id) => `报价单 ${id}`,
  intro: '这是我们给贵司的报价。请妥善保管此链接：任何持有该链接的人都可以查看并接受本报价。',
  labels: {
    quotation: '报价单',
    revision: (n) => `第 ${n} 版`,
    total: '合计',
    incoterm: '贸易术语',
    validUntil: '有效期至',
    leadTime: '交货期',
    paymentTerms: '付款方式',
    yourReference: '贵司参考号',
    shipTo: '收货地',
    items: '货品',
    sku: '货品',
    quantity: '数量',
    unitPrice: '单价',
    amount: '金额',
    terms: '条款',
    notes: '备注',
  },
  leadTimeDays: (days) => `订单确认后 ${days} 天`,
  incotermText: (code, place) => `${code} ${place}（Incoterms 2020）`,
  paymentTerms: zhPaymentTerms,
  chargesIncluded: ({ freight, insurance, duties }) =>
    `单价已含${[freight && `运费 ${freight}`, insurance && `保险费 ${insurance}`, duties && `关税 ${duties}`]
      .filter(Boolean)
      .join('、')}。`,
  rateUsed: (pair, from) => `按 ${pair} 换算（自 ${from} 起适用的汇率）。`,
  acceptLink: '在线接受本报价（订单将立即生成）：',
  proformaLink: '形式发票（PDF）：',
  acceptButton: '接受报价',
  acceptHint: '接受后，将按上述价格和条款立即生成订单。',
  accepted: {
    title: '报价已接受',
    text: (orderId) => `谢谢！贵司的订单 ${orderId} 已生成，我们将很快通过邮件发送订单确认。`,
  },
  expired: {
    title: '报价已过期',
    text: (until) => `本报价有效期至 ${until}，现已无法接受。请联系我们获取新的报价。`,
  },
  notOpen: { title: '报价暂不可接受', text: '本报价目前无法接受，请与我们联系。' },
  revised: { title: '本报价已修订', text: '本报价已修订，请使用我们最新邮件中的链接。' },
  notFound: { title: '页面不存在', text: '此报价链接无效。请使用我们最新邮件中的链接。' },
  footer: '如有疑问，请直接回复发送本报价的邮件。',
};

export const QUOTE_WORDS: Record<Language, QuoteWords> = { en, 'zh-CN': zhCN };
