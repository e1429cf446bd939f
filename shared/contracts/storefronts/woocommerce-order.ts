import * as z from '../../zod-mini';

/**
 * The fields we use of a WooCommerce REST API v3 order, the body of the order.created and
 * order.updated webhooks (WooCommerce builds it from GET /wc/v3/orders/<id>). Objects are loose:
 * WooCommerce and its plugins add fields. Order and line totals are decimal strings; a line's `price`
 * is a float (total / quantity, e.g. 3.3333333), so it is not parsed: the line's `total` is used.
 * Absent address parts are empty strings, and dates carry no zone (`*_gmt` are UTC). Amounts,
 * codes and required-for-us values are checked when the order is mapped
 * (shared/storefronts/woocommerce-order-mapping.ts).
 */

const text = z.nullish(z.string());
/** A decimal string in the order's currency ("29.35"). */
const amount = z.string();

export const wooCommerceAddress = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  /** ISO code or name of the state, province or district. */
  state: text,
  postcode: text,
  /** ISO 3166-1 alpha-2. */
  country: text,
  phone: text,
});
export type WooCommerceAddress = z.infer<typeof wooCommerceAddress>;

export const wooCommerceBilling = z.extend(wooCommerceAddress, { email: text });
export type WooCommerceBilling = z.infer<typeof wooCommerceBilling>;

export const wooCommerceLineItem = z.looseObject({
  id: z.number(),
  name: text,
  sku: text,
  quantity: z.number(),
  /** Before discounts, excluding tax. */
  subtotal: amount,
  /** After discounts, excluding tax. */
  total: amount,
});
export type WooCommerceLineItem = z.infer<typeof wooCommerceLineItem>;

export const wooCommerceOrder = z.looseObject({
  id: z.number(),
  /** A string in the REST schema; order-number plugins may send a number. */
  number: z.union([z.string(), z.number()]),
  /** pending, processing, on-hold, completed, cancelled, refunded, failed, trash, or a plugin's own. */
  status: z.string(),
  currency: z.string(),
  date_modified_gmt: text,
  date_paid_gmt: text,
  total: amount,
  customer_note: text,
  billing: z.nullish(wooCommerceBilling),
  shipping: z.nullish(wooCommerceAddress),
  line_items: z.array(wooCommerceLineItem),
});
export type WooCommerceOrder = z.infer<typeof wooCommerceOrder>;
