/**
 * Reading the loose text fields shops send: WooCommerce writes "" for an absent value, Shopify
 * `null`, and both may pad with spaces.
 */

/** The trimmed text, or undefined when there is none. */
export function present(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** The first text that is present. */
export function firstPresent(...values: (string | null | undefined)[]): string | undefined {
  for (const value of values) {
    const text = present(value);
    if (text) return text;
  }
  return undefined;
}

export function fullName(
  first: string | null | undefined,
  last: string | null | undefined,
): string | undefined {
  return present([present(first), present(last)].filter(Boolean).join(' '));
}

/**
 * An ISO 8601 instant in UTC ("2024-05-14T14:12:45.000Z"), so instants from one shop compare as
 * strings. `assumeUtc` is for WooCommerce's `*_gmt` dates, which carry no zone.
 */
export function readInstant(
  label: string,
  value: string | null | undefined,
  problems: string[],
  assumeUtc = false,
): string | undefined {
  const text = present(value);
  if (!text) return undefined;
  const zoned = assumeUtc && !/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? `${text}Z` : text;
  const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(zoned) ? Date.parse(zoned) : Number.NaN;
  if (Number.isNaN(time)) {
    problems.push(`${label} ${JSON.stringify(text)} is not a date and time`);
    return undefined;
  }
  return new Date(time).toISOString();
}

/** Optional fields left out rather than set to undefined, so an order serialises as it compares. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
