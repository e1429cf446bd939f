import type { WooCommerceOrder } from '../contracts/storefronts/woocommerce-order';
import { formatAmount, type Money } from '../domain/money';
import { readInstant, withoutUndefined } from './loose-fields';
import type { StorefrontOrder } from './storefront-order';

/** WooCommerce's own "paid" statuses (wc_get_is_paid_statuses()): payment received. */
const PAID = new Set(['processing', 'completed']);

/**
 * WooCommerce's order `status` in our terms:
 * - processing, completed: paid in full, at `date_paid_gmt` (WooCommerce sets it on reaching these).
 * - refunded: refunded (WooCommerce sets it when the refunds reach the total; a partial refund
 *   leaves the order processing or completed, so paid).
 * - pending (awaiting payment), on-hold (awaiting confirmation, e.g. a bank transfer), failed,
 *   cancelled and any plugin status: unpaid.
 * WooCommerce has no partial payment of its own.
 */
export function wooCommercePayment(
  order: WooCommerceOrder,
  total: Money,
  problems: string[],
): StorefrontOrder['payment'] {
  if (order.status === 'refunded') return { status: 'refunded' };
  if (!PAID.has(order.status)) return { status: 'unpaid' };
  const paidAt = readInstant('date_paid_gmt', order.date_paid_gmt, problems, true);
  return withoutUndefined({ status: 'paid' as const, paidAmount: formatAmount(total), paidAt });
}
