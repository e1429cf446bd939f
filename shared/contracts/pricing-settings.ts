import { STANDARD_TEMPLATE } from '../domain/pricing/pricing-settings';
import * as z from '../zod-mini';
import { countryCode, currencyCode, decimalAmount, nonEmpty, paymentTerms } from './common';
import { sku } from './inventory';

/** PUT /settings/pricing: margins, tiers, price lists, zones and adders, rates, rounding, templates. */

// Two decimals: a whole number of hundredths, so nothing but 0 is below 0.01 (a 4e-323 would also
// be out of DynamoDB's number range).
const twoDecimals = (value: number) =>
  Math.abs(Math.round(value * 100) - value * 100) < 1e-6 && (value === 0 || Math.abs(value) >= 0.01);
const percent = (max: number) =>
  z
    .number()
    .check(
      z.minimum(0, 'must be 0 or more'),
      z.maximum(max, `must be at most ${max}`),
      z.refine(twoDecimals, 'must have at most two decimals'),
    );
const wholeCount = z.number().check(z.int('must be a whole number'), z.positive('must be more than 0'));
const decimalText = z.string().check(z.regex(/^\d+(\.\d+)?$/, 'must be a decimal such as 1.0842'));
const zoneName = z
  .string()
  .check(z.regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be an upper-case zone name such as EUROPE'));

const volumeTiers = z.array(z.strictObject({ minQuantity: wholeCount, discountPercent: percent(90) })).check(
  z.maxLength(20),
  z.refine(
    (tiers) => new Set(tiers.map((t) => t.minQuantity)).size === tiers.length,
    'must not repeat a minQuantity',
  ),
);

const priceListEntry = z.union(
  [
    z.strictObject({ fixedPrice: z.strictObject({ amount: decimalAmount, currency: currencyCode }) }),
    z.strictObject({ discountPercent: percent(90) }),
  ],
  { message: 'must be { fixedPrice: { amount, currency } } or { discountPercent }' },
);

const adders = z.strictObject({
  freightPercent: percent(100),
  insurancePercent: percent(100),
  dutiesPercent: percent(100),
});

const roundingRule = z.union(
  [z.strictObject({ increment: decimalText }), z.strictObject({ ending: decimalText })],
  { message: 'must be { increment: "0.05" } or { ending: "0.99" }' },
);

const template = z.strictObject({
  validityDays: z.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(365)),
  leadTimeDays: z.number().check(z.int('must be a whole number'), z.minimum(0), z.maximum(365)),
  terms: nonEmpty(4000),
  notes: z.optional(nonEmpty(2000)),
  paymentTerms,
});

export const exchangeRateBody = z.strictObject({
  from: currencyCode,
  to: currencyCode,
  rate: decimalText,
  effectiveFrom: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')),
});

export const pricingSettingsFields = {
  targetMarginPercent: percent(95),
  marginFloorPercent: percent(95),
  volumeTiers,
  skuVolumeTiers: z.record(sku, volumeTiers),
  priceLists: z.record(nonEmpty(64), z.record(sku, priceListEntry)),
  zones: z.record(zoneName, z.array(countryCode).check(z.maxLength(250))),
  defaultZone: zoneName,
  adders: z.record(zoneName, adders),
  exchangeRates: z.array(exchangeRateBody).check(z.maxLength(2000)),
  rounding: z.record(currencyCode, roundingRule),
  templates: z.record(nonEmpty(64), template),
  expiryReminderDays: z.number().check(z.int('must be a whole number'), z.minimum(0), z.maximum(60)),
};

/** Every part is optional: a part left out is its default. `version`: the version last read (0: defaults). */
export const putPricingSettingsBody = z.strictObject({
  version: z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be 0 or more')),
  ...Object.fromEntries(
    Object.entries(pricingSettingsFields).map(([key, schema]) => [key, z.optional(schema)]),
  ),
} as { version: z.ZodMiniNumber } & {
  [K in keyof typeof pricingSettingsFields]: z.ZodMiniOptional<(typeof pricingSettingsFields)[K]>;
});
export type PutPricingSettingsBody = z.infer<typeof putPricingSettingsBody>;

export const pricingSettingsResponse = z.object({
  version: z.number(),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
  ...pricingSettingsFields,
});

export { STANDARD_TEMPLATE };
