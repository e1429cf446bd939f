import type { PaymentTerms } from '../../contracts/common';
import type { Order } from '../../domain/order';
import type { Formatter } from '../format';

/** Simplified Chinese words the buyer templates share (business correspondence: 贵司, 您). */

/** "订单 ord_…（采购单号：PO-2026-0042）". */
export function orderRef(order: Order): string {
  return `订单 ${order.orderId}${order.buyerPo ? `（采购单号：${order.buyerPo}）` : ''}`;
}

/** "FOB Shanghai（Incoterms 2020）": the named place as the order gives it. */
export function incotermText(order: Order): string {
  return `${order.incoterm.code} ${order.incoterm.place}（Incoterms 2020）`;
}

/** When an installment falls due, from the event's `dueOn` ("confirmation", "60 days after delivery", a date). */
export function dueText(dueOn: string, fmt: Formatter): string {
  switch (dueOn) {
    case 'confirmation':
      return '订单确认时';
    case 'before-shipment':
      return '发货前';
    case 'delivery':
      return '交货时';
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(dueOn)) return `${fmt.date(dueOn)}前`;
  const days = /^(\d+) days after delivery$/.exec(dueOn);
  if (days) return `交货后 ${days[1]} 天内`;
  return dueOn;
}

/** The payment terms as Chinese trade writes them (the event's own text is English). */
export function paymentTermsText(terms: PaymentTerms): string {
  switch (terms.type) {
    case 'TT':
      if (terms.depositPercent === 0) return '电汇（T/T），发货前付清全款';
      if (terms.depositPercent === 100) return '电汇（T/T），全额预付';
      return `电汇（T/T），${terms.depositPercent}% 定金，${100 - terms.depositPercent}% 尾款`;
    case 'LC':
      return '即期信用证（L/C）';
    case 'DP':
      return '付款交单（D/P）';
    case 'DA':
      return `承兑交单（D/A），承兑后 ${terms.days} 天付款`;
    case 'OA':
      return `赊销（O/A），交货后 ${terms.netDays} 天付款`;
    case 'PREPAID':
      return '全额预付';
  }
}

/** An installment's name, from its kind and the order's terms (the event's label is English). */
export function installmentLabel(kind: string, terms: PaymentTerms): string {
  switch (terms.type) {
    case 'TT':
      if (kind === 'deposit') return `${terms.depositPercent}% 定金`;
      return terms.depositPercent === 0 ? '全部货款' : `${100 - terms.depositPercent}% 尾款`;
    case 'LC':
      return '即期信用证，经银行付款';
    case 'DP':
      return '付款交单，交单时付款';
    case 'DA':
      return `承兑交单，承兑后 ${terms.days} 天付款`;
    case 'OA':
      return `赊销，交货后 ${terms.netDays} 天付款`;
    case 'PREPAID':
      return '生产前全额预付';
  }
}
