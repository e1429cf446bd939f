import {
  type WooCommerceAddress,
  type WooCommerceOrder,
  wooCommerceOrder,
} from '../contracts/storefronts/woocommerce-order';
import { formatAmount } from '../domain/money';
import { perUnit, readAmount, readCurrency } from './amounts';
import { readBuyer } from './buyer';
import { firstPresent, fullName, present, readInstant, withoutUndefined } from './loose-fields';
import { parsePayload } from './payload-problems';
import { type ShopAddress, shipTo } from './ship-to';
import { lineLabel, type ShopLine, toOurLines } from './storefront-lines';
import type { StorefrontMappingResult, StorefrontMappingSettings } from './storefront-order';
import { wooCommercePayment } from './woocommerce-payment';

/** A WooCommerce order webhook body (order.created, order.updated) as a StorefrontOrder. */
export function mapWooCommerceOrder(
  payload: unknown,
  settings: StorefrontMappingSettings,
): StorefrontMappingResult {
  const parsed = parsePayload(wooCommerceOrder, payload);
  if (!parsed.ok) return parsed;
  const order = parsed.value;
  const { billing, shipping } = order;
  const problems: string[] = [];

  const currency = readCurrency(order.currency, problems);
  const buyer = readBuyer(
    {
      email: [['billing.email', billing?.email]],
      name: [
        ['billing.first_name/last_name', fullName(billing?.first_name, billing?.last_name)],
        ['shipping.first_name/last_name', fullName(shipping?.first_name, shipping?.last_name)],
        ['billing.company', billing?.company],
      ],
      company: [
        ['billing.company', billing?.company],
        ['shipping.company', shipping?.company],
      ],
      phone: [
        ['billing.phone', billing?.phone],
        ['shipping.phone', shipping?.phone],
      ],
      country: [
        ['billing.country', billing?.country],
        ['shipping.country', shipping?.country],
      ],
    },
    problems,
  );
  const shippingAddress = shipTo(
    shopAddress('shipping', shipping),
    shopAddress('billing', billing),
    buyer?.name,
    problems,
  );
  const lines = readLines(order, currency, problems);
  const total = currency ? readAmount('total', order.total, currency, problems) : undefined;
  const payment = total ? wooCommercePayment(order, total, problems) : undefined;
  const updatedAt = readInstant('date_modified_gmt', order.date_modified_gmt, problems, true);

  if (problems.length > 0 || !currency || !buyer || !shippingAddress || !total || !payment) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    order: withoutUndefined({
      platform: 'woocommerce' as const,
      externalRef: String(order.id),
      externalName: String(order.number),
      buyer,
      currency,
      lines: toOurLines(lines, settings),
      shippingAddress,
      note: present(order.customer_note),
      total: formatAmount(total),
      payment,
      // WooCommerce records no reason for a cancellation.
      cancelled: order.status === 'cancelled',
      updatedAt,
    }),
  };
}

function shopAddress(label: string, address: WooCommerceAddress | null | undefined): ShopAddress | undefined {
  if (!address) return undefined;
  return {
    label,
    fields: { line1: 'address_1', city: 'city', country: 'country' },
    name: firstPresent(fullName(address.first_name, address.last_name), address.company),
    line1: present(address.address_1),
    line2: present(address.address_2),
    city: present(address.city),
    postalCode: present(address.postcode),
    region: present(address.state),
    country: present(address.country),
  };
}

/**
 * A line's unit price is its `total` (after discounts, coupons included, excluding tax) over its
 * quantity, to the minor unit half up — the same rule as Shopify's lines. Not `price`: WooCommerce
 * computes it as a float (total / quantity), and `subtotal` is before discounts.
 */
function readLines(order: WooCommerceOrder, currency: string | undefined, problems: string[]): ShopLine[] {
  if (order.line_items.length === 0) problems.push('the order has no line items');
  const lines: ShopLine[] = [];
  order.line_items.forEach((item, index) => {
    const title = present(item.name);
    const label = lineLabel(title, index);
    const shopSku = present(item.sku);
    if (!shopSku) problems.push(`${label} has no SKU`);
    const quantityOk = Number.isInteger(item.quantity) && item.quantity > 0;
    if (!quantityOk) problems.push(`${label} quantity ${item.quantity} is not a whole number above 0`);
    const net = currency ? readAmount(`${label} total`, item.total, currency, problems) : undefined;
    if (net && net.minor < 0) problems.push(`${label} total ${JSON.stringify(item.total)} is below zero`);
    if (shopSku && quantityOk && net && net.minor >= 0) {
      lines.push({ shopSku, quantity: item.quantity, unitPrice: perUnit(net, item.quantity), title });
    }
  });
  return lines;
}
