import type { Order } from '../../domain/order';
import type { Formatter } from '../format';

/** English words the buyer templates share. */

/** "order ord_… (your PO PO-2026-0042)". */
export function orderRef(order: Order): string {
  return `order ${order.orderId}${order.buyerPo ? ` (your PO ${order.buyerPo})` : ''}`;
}

/** "FOB Shanghai (Incoterms 2020)". */
export function incotermText(order: Order): string {
  return `${order.incoterm.code} ${order.incoterm.place} (Incoterms 2020)`;
}

/** When an installment falls due, from the event's `dueOn` ("confirmation", "60 days after delivery", a date). */
export function dueText(dueOn: string, fmt: Formatter): string {
  switch (dueOn) {
    case 'confirmation':
      return 'on confirmation';
    case 'before-shipment':
      return 'before shipment';
    case 'delivery':
      return 'on delivery';
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(dueOn)) return `by ${fmt.date(dueOn)}`;
  return dueOn.replace(/-/g, ' ');
}

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
