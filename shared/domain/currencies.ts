/**
 * ISO 4217 currencies and their minor-unit digits, from the runtime's ICU data (Intl), which follows
 * ISO 4217. Pure: no I/O.
 */
const supported = new Set(Intl.supportedValuesOf('currency'));
const digitsCache = new Map<string, number>();

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && supported.has(code);
}

/** How many decimal places the currency's minor unit has (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}
