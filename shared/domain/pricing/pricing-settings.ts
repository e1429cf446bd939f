import type { PaymentTerms } from '../../contracts/common';
import type { ExchangeRate } from '../exchange-rates';
import type { RoundingRule } from './rounding';

/**
 * The team's pricing settings: one document, kept in the settings table and changed by admins
 * (`PUT /settings/pricing`, versioned like the escalation settings). Version 0 is the defaults below,
 * never stored. Percentages have at most two decimals; amounts are decimal strings.
 */
export interface PricingSettings {
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  /** The gross margin (share of the price) a cost-based price earns before discounts. */
  targetMarginPercent: number;
  /** A line earning less than this needs a sales manager's approval before the quote is sent. */
  marginFloorPercent: number;
  /** Quantity breaks for every sku (the best tier the quantity reaches applies). */
  volumeTiers: VolumeTier[];
  /** Per-sku quantity breaks that replace `volumeTiers` for that sku. */
  skuVolumeTiers: Record<string, VolumeTier[]>;
  /** Customer price lists: customer id → sku → a fixed unit price or a discount. */
  priceLists: Record<string, Record<string, PriceListEntry>>;
  /** Destination zones: zone name → ISO country codes. A country in none is in `defaultZone`. */
  zones: Record<string, string[]>;
  defaultZone: string;
  /** Incoterm adders per zone (every zone named above, and the default zone, has one). */
  adders: Record<string, ZoneAdders>;
  /** The rate table (shared/domain/exchange-rates.ts): a quote shows each rate used and its date. */
  exchangeRates: ExchangeRate[];
  /** Per quote currency; a currency not listed rounds to its minor unit. */
  rounding: Record<string, RoundingRule>;
  /** Quote templates by name; `standard` always exists. */
  templates: Record<string, QuoteTemplate>;
  /** Sales is reminded of a sent quote this many days before it expires. */
  expiryReminderDays: number;
}

export interface VolumeTier {
  minQuantity: number;
  discountPercent: number;
}

/** A negotiated price for one customer and sku: a fixed unit price, or a discount off the tiered price. */
export type PriceListEntry =
  | { fixedPrice: { amount: string; currency: string } }
  | { discountPercent: number };

/**
 * Freight, insurance and duties for a zone, as percentages (of the goods value; insurance of 110 % of
 * goods and freight, the cover Incoterms 2020 asks of CIF and CIP). Which apply depends on the term
 * (incoterm-adders.ts).
 */
export interface ZoneAdders {
  freightPercent: number;
  insurancePercent: number;
  dutiesPercent: number;
}

export interface QuoteTemplate {
  /** Days a sent quote stays open for acceptance. */
  validityDays: number;
  /** Days from order confirmation to ready to ship, as promised on the quote. */
  leadTimeDays: number;
  /** The conditions printed on the quote and its proforma. */
  terms: string;
  notes?: string;
  /** Payment terms when the quote and the customer give none. */
  paymentTerms: PaymentTerms;
}

export const STANDARD_TEMPLATE = 'standard';

const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

/** Sane defaults: a 30 % target margin, a 15 % floor, three quantity breaks, four zones. */
export const DEFAULT_PRICING_SETTINGS: PricingSettings = {
  version: 0,
  targetMarginPercent: 30,
  marginFloorPercent: 15,
  volumeTiers: [
    { minQuantity: 100, discountPercent: 2 },
    { minQuantity: 500, discountPercent: 5 },
    { minQuantity: 1000, discountPercent: 8 },
  ],
  skuVolumeTiers: {},
  priceLists: {},
  zones: {
    EUROPE: [...EU, 'GB', 'CH', 'NO', 'IS', 'LI'],
    NORTH_AMERICA: ['US', 'CA', 'MX'],
    ASIA: ['CN', 'HK', 'TW', 'JP', 'KR', 'SG', 'MY', 'TH', 'VN', 'ID', 'PH', 'IN'],
  },
  defaultZone: 'WORLD',
  adders: {
    EUROPE: { freightPercent: 4, insurancePercent: 0.3, dutiesPercent: 3 },
    NORTH_AMERICA: { freightPercent: 6, insurancePercent: 0.4, dutiesPercent: 4 },
    ASIA: { freightPercent: 5, insurancePercent: 0.35, dutiesPercent: 6 },
    WORLD: { freightPercent: 8, insurancePercent: 0.5, dutiesPercent: 8 },
  },
  exchangeRates: [
    { from: 'EUR', to: 'USD', rate: '1.0800', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'GBP', rate: '0.8500', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'CHF', rate: '0.9400', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'CNY', rate: '7.8000', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'JPY', rate: '162.00', effectiveFrom: '2026-01-01' },
  ],
  rounding: { CHF: { increment: '0.05' } },
  templates: {
    [STANDARD_TEMPLATE]: {
      validityDays: 30,
      leadTimeDays: 21,
      terms:
        'Prices per unit in the quote currency under the Incoterm shown. Valid until the date shown; ' +
        'subject to the payment terms shown and to our general conditions of sale.',
      paymentTerms: { type: 'TT', depositPercent: 30 },
    },
  },
  expiryReminderDays: 3,
};
