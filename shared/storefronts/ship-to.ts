import { isCountryCode } from '../domain/countries';
import { present, withoutUndefined } from './loose-fields';
import type { StorefrontOrder } from './storefront-order';

/** One of the shop's addresses in our terms, with the shop's own names for the fields we require. */
export interface ShopAddress {
  /** The shop's name for the address: `shipping_address`, `billing`. */
  label: string;
  fields: { line1: string; city: string; country: string };
  name?: string;
  line1?: string;
  line2?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country?: string;
}

type ShippingAddress = StorefrontOrder['shippingAddress'];

/**
 * Where the goods go: the shipping address, or the billing address when there is none (digital goods,
 * or a shop that does not ask). An address counts as given when it has a street, city or country;
 * WooCommerce sends an all-blank `shipping` object rather than none. Problems name what is missing.
 */
export function shipTo(
  shipping: ShopAddress | undefined,
  billing: ShopAddress | undefined,
  buyerName: string | undefined,
  problems: string[],
): ShippingAddress | undefined {
  const chosen = [shipping, billing].find((address) => address && isGiven(address));
  if (!chosen) {
    problems.push('the order has neither a shipping nor a billing address');
    return undefined;
  }
  const missing: string[] = [];
  if (!chosen.line1) missing.push(chosen.fields.line1);
  if (!chosen.city) missing.push(chosen.fields.city);
  if (!chosen.country) missing.push(chosen.fields.country);
  const name = chosen.name ?? buyerName;
  if (!name) missing.push('name');
  if (missing.length > 0) {
    problems.push(`${chosen.label} has no ${missing.join(', no ')}`);
    return undefined;
  }
  if (!isCountryCode(chosen.country!)) {
    problems.push(
      `${chosen.label}.${chosen.fields.country} ${JSON.stringify(chosen.country)} ${NOT_A_COUNTRY}`,
    );
    return undefined;
  }
  return withoutUndefined({
    name: name!,
    line1: chosen.line1!,
    line2: chosen.line2,
    city: chosen.city!,
    postalCode: chosen.postalCode,
    region: chosen.region,
    country: chosen.country!,
  });
}

export const NOT_A_COUNTRY = 'is not an ISO 3166-1 alpha-2 country code such as DE or CN';

function isGiven(address: ShopAddress): boolean {
  return Boolean(present(address.line1) || present(address.city) || present(address.country));
}
