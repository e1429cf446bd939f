import {
  type ShopifyAddress,
  type ShopifyLineItem,
  type ShopifyOrder,
  shopifyOrder,
} from '../contracts/storefronts/shopify-order';
import { formatAmount, type Money, multiply } from '../domain/money';
import { add, subtract, zero } from '../domain/money-math';
import { perUnit, readAmount, readCurrency } from './amounts';
import { readBuyer } from './buyer';
import { firstPresent, fullName, present, readInstant, withoutUndefined } from './loose-fields';
import { parsePayload } from './payload-problems';
import { type ShopAddress, shipTo } from './ship-to';
import { shopifyPayment } from './shopify-payment';
import { lineLabel, type ShopLine, toOurLines } from './storefront-lines';
import type { StorefrontMappingResult, StorefrontMappingSettings } from './storefront-order';

/** A Shopify order webhook body (orders/create, /updated, /paid, /cancelled) as a StorefrontOrder. */
export function mapShopifyOrder(
  payload: unknown,
  settings: StorefrontMappingSettings,
): StorefrontMappingResult {
  const parsed = parsePayload(shopifyOrder, payload);
  if (!parsed.ok) return parsed;
  const order = parsed.value;
  const problems: string[] = [];

  const externalRef = orderRef(order, problems);
  const currency = readCurrency(order.currency, problems);
  const buyer = readBuyer(
    {
      email: [
        ['email', order.email],
        ['contact_email', order.contact_email],
        ['customer.email', order.customer?.email],
      ],
      name: [
        ['customer.first_name/last_name', fullName(order.customer?.first_name, order.customer?.last_name)],
        ['billing_address.name', addressName(order.billing_address)],
        ['shipping_address.name', addressName(order.shipping_address)],
      ],
      company: [
        ['billing_address.company', order.billing_address?.company],
        ['shipping_address.company', order.shipping_address?.company],
      ],
      phone: [
        ['phone', order.phone],
        ['customer.phone', order.customer?.phone],
        ['billing_address.phone', order.billing_address?.phone],
        ['shipping_address.phone', order.shipping_address?.phone],
      ],
      country: [
        ['billing_address.country_code', order.billing_address?.country_code],
        ['shipping_address.country_code', order.shipping_address?.country_code],
        ['customer.default_address.country_code', order.customer?.default_address?.country_code],
      ],
    },
    problems,
  );
  const shippingAddress = shipTo(
    shopAddress('shipping_address', order.shipping_address),
    shopAddress('billing_address', order.billing_address),
    buyer?.name,
    problems,
  );
  const lines = readLines(order, currency, problems);
  const total = currency ? readAmount('total_price', order.total_price, currency, problems) : undefined;
  const payment = total ? shopifyPayment(order, total, problems) : undefined;
  const updatedAt = readInstant('updated_at', order.updated_at, problems);
  const cancelled = Boolean(present(order.cancelled_at));

  if (problems.length > 0 || !externalRef || !currency || !buyer || !shippingAddress || !total || !payment) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    order: withoutUndefined({
      platform: 'shopify' as const,
      externalRef,
      externalName: order.name,
      buyer,
      currency,
      lines: toOurLines(lines, settings),
      shippingAddress,
      buyerPo: present(order.po_number),
      note: present(order.note),
      total: formatAmount(total),
      payment,
      cancelled,
      cancelReason: cancelled ? present(order.cancel_reason) : undefined,
      updatedAt,
    }),
  };
}

const ORDER_GID = /^gid:\/\/shopify\/Order\/(\d+)$/;

/** The order id as a string: from the GraphQL id when present, which no JSON parser rounds. */
function orderRef(order: ShopifyOrder, problems: string[]): string | undefined {
  const fromGid = order.admin_graphql_api_id?.match(ORDER_GID)?.[1];
  if (fromGid) return fromGid;
  if (Number.isSafeInteger(order.id) && order.id > 0) return String(order.id);
  problems.push(`id ${order.id} is not an exact order id and admin_graphql_api_id is missing`);
  return undefined;
}

function addressName(address: ShopifyAddress | null | undefined): string | undefined {
  if (!address) return undefined;
  return firstPresent(address.name, fullName(address.first_name, address.last_name), address.company);
}

function shopAddress(label: string, address: ShopifyAddress | null | undefined): ShopAddress | undefined {
  if (!address) return undefined;
  return {
    label,
    fields: { line1: 'address1', city: 'city', country: 'country_code' },
    name: addressName(address),
    line1: present(address.address1),
    line2: present(address.address2),
    city: present(address.city),
    postalCode: present(address.zip),
    region: firstPresent(address.province_code, address.province),
    country: present(address.country_code),
  };
}

function readLines(order: ShopifyOrder, currency: string | undefined, problems: string[]): ShopLine[] {
  if (order.line_items.length === 0) problems.push('the order has no line items');
  const lines: ShopLine[] = [];
  order.line_items.forEach((item, index) => {
    const title = firstPresent(item.name, item.title);
    const label = lineLabel(title, index);
    const shopSku = present(item.sku);
    if (!shopSku) problems.push(`${label} has no SKU`);
    const quantityOk = Number.isInteger(item.quantity) && item.quantity > 0;
    if (!quantityOk) problems.push(`${label} quantity ${item.quantity} is not a whole number above 0`);
    const net = currency && quantityOk ? netAmount(item, order, label, currency, problems) : undefined;
    if (shopSku && net)
      lines.push({ shopSku, quantity: item.quantity, unitPrice: perUnit(net, item.quantity), title });
  });
  return lines;
}

/**
 * What the buyer pays for a line's goods: `price` × quantity, less its discounts, less the tax in
 * it when the shop's prices include tax — the same net-of-discount, tax-exclusive amount
 * WooCommerce sends as a line's `total`, so both platforms' unit prices mean the same thing.
 * Discounts are the line's `discount_allocations`, which include its share of order-level
 * discounts (a code for 10.00 across three lines is 3.34 + 3.33 + 3.33); the older
 * `total_discount` only when a payload has no allocations. Shipping and its tax stay out of the
 * lines: they are in the order `total`.
 */
function netAmount(
  item: ShopifyLineItem,
  order: ShopifyOrder,
  label: string,
  currency: string,
  problems: string[],
): Money | undefined {
  const price = readAmount(`${label} price`, item.price, currency, problems);
  const discounts = item.discount_allocations
    ? sumOf(
        item.discount_allocations.map((d) => d.amount),
        `${label} discount_allocations amount`,
        currency,
        problems,
      )
    : item.total_discount === undefined
      ? zero(currency)
      : readAmount(`${label} total_discount`, item.total_discount, currency, problems);
  const tax = order.taxes_included
    ? sumOf(
        (item.tax_lines ?? []).map((t) => t.price),
        `${label} tax_lines price`,
        currency,
        problems,
      )
    : zero(currency);
  if (!price || !discounts || !tax) return undefined;
  const gross = multiply(price, item.quantity);
  const net = subtract(subtract(gross, discounts), tax);
  if (net.minor < 0) {
    problems.push(
      `${label} discounts and tax (${formatAmount(add(discounts, tax))}) exceed its price (${formatAmount(gross)})`,
    );
    return undefined;
  }
  return net;
}

function sumOf(values: string[], label: string, currency: string, problems: string[]): Money | undefined {
  let total = zero(currency);
  for (const value of values) {
    const amount = readAmount(label, value, currency, problems);
    if (!amount) return undefined;
    total = add(total, amount);
  }
  return total;
}
