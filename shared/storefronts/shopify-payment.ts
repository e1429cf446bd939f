import type { ShopifyOrder } from '../contracts/storefronts/shopify-order';
import { formatAmount, type Money } from '../domain/money';
import { subtract } from '../domain/money-math';
import { readAmount } from './amounts';
import type { StorefrontOrder } from './storefront-order';

/**
 * Shopify's `financial_status` in our terms; `paidAmount` is what the buyer has paid, before refunds.
 * - paid, partially_refunded: paid in full (a partial refund is an adjustment, not unpaid money).
 * - partially_paid: the total less `total_outstanding`.
 * - refunded: refunded.
 * - pending, authorized (reserved, not captured), voided, expired and any status Shopify adds
 *   later: unpaid — we never count money that Shopify has not reported as received.
 * The Order resource carries no payment time, so `paidAt` is left out (the orders/paid delivery's
 * X-Shopify-Triggered-At header is the nearest).
 */
export function shopifyPayment(
  order: ShopifyOrder,
  total: Money,
  problems: string[],
): StorefrontOrder['payment'] {
  switch (order.financial_status) {
    case 'paid':
    case 'partially_refunded':
      return { status: 'paid', paidAmount: formatAmount(total) };
    case 'partially_paid': {
      const outstanding =
        order.total_outstanding == null
          ? undefined
          : readAmount('total_outstanding', order.total_outstanding, total.currency, problems);
      return outstanding
        ? { status: 'partially_paid', paidAmount: formatAmount(subtract(total, outstanding)) }
        : { status: 'partially_paid' };
    }
    case 'refunded':
      return { status: 'refunded' };
    default:
      return { status: 'unpaid' };
  }
}
