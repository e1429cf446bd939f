import type { CompanyCurrency } from '../domain/aging';
import { type ExchangeRate, RateTable } from '../domain/exchange-rates';
import * as z from '../zod-mini';

/**
 * The company currency and its rates from the function's settings: `COMPANY_CURRENCY` and
 * `EXCHANGE_RATES` (a JSON array of shared/domain/exchange-rates.ts rates). Both absent: undefined,
 * and the CRM reports per currency. One without the other, or a bad rate, fails at cold start.
 */
export const companyCurrencySettings = {
  COMPANY_CURRENCY: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'))),
  EXCHANGE_RATES: z.optional(z.string().check(z.minLength(2))),
};

export function companyCurrencyOf(settings: {
  COMPANY_CURRENCY?: string;
  EXCHANGE_RATES?: string;
}): CompanyCurrency | undefined {
  const { COMPANY_CURRENCY: currency, EXCHANGE_RATES: rates } = settings;
  if (!currency && !rates) return undefined;
  if (!currency || !rates) throw new Error('set COMPANY_CURRENCY and EXCHANGE_RATES together, or neither');
  return { currency, rates: new RateTable(JSON.parse(rates) as ExchangeRate[]) };
}
