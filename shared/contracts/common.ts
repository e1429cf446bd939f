import { isCountryCode } from '../domain/countries';
import { isCurrencyCode } from '../domain/currencies';
import * as z from '../zod-mini';

/** Shared field schemas of the API contract (DESIGN.md, "The core API contract"). */

export const nonEmpty = (max: number) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `at most ${max} characters`));

export const currencyCode = z
  .string()
  .check(z.refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as USD or EUR' }));

export const countryCode = z
  .string()
  .check(z.refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code such as DE or CN' }));

export const languageTag = z.string().check(
  z.refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'must be a BCP 47 language tag such as en or zh-CN' },
  ),
);

/** A decimal amount as a number or string; digits are checked against the currency where it is known. */
export const decimalAmount = z
  .union([z.number(), z.string()])
  .check(
    z.refine(
      (value) => (typeof value === 'number' ? Number.isFinite(value) : /^-?\d+(\.\d+)?$/.test(value.trim())),
      { message: 'must be a decimal amount such as 1250.50' },
    ),
  );

export const email = z.email({ message: 'must be an email address' }).check(z.maxLength(254));

export const paymentTerms = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('TT'),
      depositPercent: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
    }),
    z.object({ type: z.literal('LC') }),
    z.object({ type: z.literal('DP') }),
    z.object({ type: z.literal('DA'), days: z.number().check(z.int(), z.minimum(1), z.maximum(365)) }),
    z.object({ type: z.literal('OA'), netDays: z.number().check(z.int(), z.minimum(1), z.maximum(365)) }),
    z.object({ type: z.literal('PREPAID') }),
  ],
  { message: 'must be one of TT (with depositPercent), LC, DP, DA (with days), OA (with netDays), PREPAID' },
);
export type PaymentTerms = z.infer<typeof paymentTerms>;

/** `?limit=` of a listing: how many items a page holds, 1 to 100 (one DynamoDB Query), `fallback` when absent. */
export const pageLimit = (fallback: number) =>
  z._default(
    z.coerce
      .number()
      .check(
        z.int('must be a whole number'),
        z.minimum(1, 'must be at least 1'),
        z.maximum(100, 'must be at most 100'),
      ),
    fallback,
  );

/** `?nextToken=` of a listing: the opaque token the previous page answered (adapters/page-token.ts). */
export const pageToken = z.optional(nonEmpty(2000));
