import * as z from '../zod-mini';
import { countryCode, currencyCode, decimalAmount, nonEmpty } from './common';

/** API bodies of products and stock (DESIGN.md, "The core API contract"). */

/** Letters, digits, `.`, `_` and `-`: safe in a URL path (`/inventory/{sku}`) and in keys. */
export const sku = z
  .string()
  .check(
    z.trim(),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, ".", "_" or "-"'),
  );

const units = (message: string) =>
  z.number().check(z.int('must be a whole number'), z.minimum(0, message), z.maximum(100_000_000));
const quantity = z
  .number()
  .check(z.int('must be a whole number'), z.positive('must be more than 0'), z.maximum(100_000_000));
/** An amount with its currency, or a plain amount in the body's `currency`. */
const price = z.union([decimalAmount, z.strictObject({ amount: decimalAmount, currency: currencyCode })], {
  message: 'must be a decimal amount (in currency) or { amount, currency }',
});
const kilograms = z.number().check(z.positive('must be more than 0'), z.maximum(1_000_000));

/** HS codes: 6 digits internationally, up to 10 nationally, written with or without dots ("8481.80"). */
const hsCode = z.string().check(
  z.trim(),
  z.refine((code) => /^[0-9.\s]+$/.test(code) && /^\d{6,10}$/.test(code.replace(/[.\s]/g, '')), {
    message: 'must be an HS code of 6 to 10 digits, such as 8481.80',
  }),
);

export const createProductBody = z
  .strictObject({
    sku,
    name: nonEmpty(200),
    hsCode: z.optional(hsCode),
    originCountry: z.optional(countryCode),
    unit: z.optional(nonEmpty(20)),
    netWeightKg: z.optional(kilograms),
    grossWeightKg: z.optional(kilograms),
    /** The currency of unitCost and price when they are plain amounts. */
    currency: z.optional(currencyCode),
    unitCost: z.optional(price),
    price: z.optional(price),
  })
  .check(
    z.refine((body) => !body.netWeightKg || !body.grossWeightKg || body.grossWeightKg >= body.netWeightKg, {
      message: 'must not be less than netWeightKg',
      path: ['grossWeightKg'],
    }),
    z.refine(
      (body) =>
        body.currency !== undefined ||
        [body.unitCost, body.price].every((amount) => amount === undefined || typeof amount === 'object'),
      { message: 'is required when unitCost or price is a plain amount', path: ['currency'] },
    ),
  );
export type CreateProductBody = z.infer<typeof createProductBody>;

export const putInventoryBody = z
  .strictObject({
    onHand: units('must be 0 or more'),
    reorderPoint: z.optional(units('must be 0 or more')),
    maxStock: z.optional(quantity),
    warehouse: z.optional(nonEmpty(64)),
  })
  .check(
    z.refine(
      (body) =>
        body.maxStock === undefined || body.reorderPoint === undefined || body.maxStock >= body.reorderPoint,
      {
        message: 'must not be less than reorderPoint',
        path: ['maxStock'],
      },
    ),
  );
export type PutInventoryBody = z.infer<typeof putInventoryBody>;

export const receiveInventoryBody = z.strictObject({
  sku,
  quantity,
  warehouse: z.optional(nonEmpty(64)),
});
export type ReceiveInventoryBody = z.infer<typeof receiveInventoryBody>;
