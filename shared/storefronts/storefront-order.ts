import type { Address } from '../domain/order';

/**
 * An order as a storefront (Shopify, WooCommerce) delivered it in a webhook, in our terms: our SKUs,
 * decimal strings in the order's currency, ISO codes and instants. The webhook consumer turns it
 * into one of our orders (or an update of one); the mapping never throws on a shop's data, it lists
 * problems a person can act on.
 */
export type StorefrontPlatform = 'shopify' | 'woocommerce';

export interface StorefrontOrder {
  platform: StorefrontPlatform;
  /** The shop's order id as a string (Shopify `id`, WooCommerce `id`). */
  externalRef: string;
  /** What the shop shows people: Shopify `name` ("#1001"), WooCommerce `number`. */
  externalName: string;
  buyer: {
    email: string;
    name: string;
    company?: string;
    phone?: string;
    country: string /* ISO 3166 alpha-2 */;
  };
  /** ISO 4217. */
  currency: string;
  /** `unitPrice` is a decimal string ("12.50") net of discounts; `sku` is OUR sku after skuMap. */
  lines: { sku: string; quantity: number; unitPrice: string; title?: string }[];
  shippingAddress: Address;
  buyerPo?: string;
  note?: string;
  /** Decimal string, the shop's order total (with shipping and tax). */
  total: string;
  payment: {
    status: 'unpaid' | 'partially_paid' | 'paid' | 'refunded';
    paidAmount?: string;
    /** ISO 8601 instant. */
    paidAt?: string;
  };
  cancelled: boolean;
  cancelReason?: string;
  /** ISO 8601 instant (UTC); lets a consumer ignore a stale orders/updated. */
  updatedAt?: string;
}

export type StorefrontMappingResult =
  | { ok: true; order: StorefrontOrder }
  | { ok: false; problems: string[] };

/** shop SKU -> our SKU; a SKU not in the map is used as it is. */
export interface StorefrontMappingSettings {
  skuMap: Record<string, string>;
}
