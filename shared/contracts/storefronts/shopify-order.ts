import * as z from '../../zod-mini';

/**
 * The fields we use of Shopify's REST Admin API Order resource, the body of the orders/create,
 * orders/updated, orders/paid and orders/cancelled webhooks. Objects are loose: Shopify adds fields
 * with every API version. Shopify writes money as decimal strings ("199.00") in the shop's currency
 * and sends `null` for most absent values. Amounts, codes and required-for-us values are checked
 * when the order is mapped (shared/storefronts/shopify-order-mapping.ts), where the messages can
 * name the line and the value.
 */

const text = z.nullish(z.string());
/** A decimal string in the shop's currency ("199.00"). */
const amount = z.string();

export const shopifyAddress = z.looseObject({
  first_name: text,
  last_name: text,
  name: text,
  company: text,
  address1: text,
  address2: text,
  city: text,
  zip: text,
  province: text,
  province_code: text,
  country: text,
  /** ISO 3166-1 alpha-2; `country` is the country's English name. */
  country_code: text,
  phone: text,
});
export type ShopifyAddress = z.infer<typeof shopifyAddress>;

export const shopifyLineItem = z.looseObject({
  id: z.number(),
  /** Product and variant title ("IPod Nano - 8gb - green"); `title` is the product's alone. */
  name: text,
  title: text,
  sku: text,
  quantity: z.number(),
  /** Unit price before discounts; includes tax when the order's `taxes_included` is true. */
  price: amount,
  /** Deprecated by Shopify in favour of `discount_allocations`, which also carry order-level discounts. */
  total_discount: z.optional(amount),
  discount_allocations: z.optional(z.array(z.looseObject({ amount }))),
  tax_lines: z.optional(z.array(z.looseObject({ price: amount }))),
});
export type ShopifyLineItem = z.infer<typeof shopifyLineItem>;

export const shopifyCustomer = z.looseObject({
  email: text,
  first_name: text,
  last_name: text,
  phone: text,
  default_address: z.nullish(shopifyAddress),
});

export const shopifyOrder = z.looseObject({
  /** Can exceed 2^53 in principle, so `admin_graphql_api_id` (a string) is preferred for the reference. */
  id: z.number(),
  admin_graphql_api_id: z.optional(z.string()),
  name: z.string(),
  email: text,
  contact_email: text,
  phone: text,
  currency: z.string(),
  total_price: amount,
  total_outstanding: z.nullish(amount),
  taxes_included: z.nullish(z.boolean()),
  /** pending, authorized, partially_paid, paid, partially_refunded, refunded, voided (expired in newer versions). */
  financial_status: text,
  cancelled_at: text,
  /** customer, declined, fraud, inventory, staff, other. */
  cancel_reason: text,
  updated_at: text,
  note: text,
  po_number: text,
  customer: z.nullish(shopifyCustomer),
  billing_address: z.nullish(shopifyAddress),
  shipping_address: z.nullish(shopifyAddress),
  line_items: z.array(shopifyLineItem),
});
export type ShopifyOrder = z.infer<typeof shopifyOrder>;
