import { email as emailSchema } from '../contracts/common';
import { isCountryCode } from '../domain/countries';
import * as z from '../zod-mini';
import { present, withoutUndefined } from './loose-fields';
import { NOT_A_COUNTRY } from './ship-to';
import type { StorefrontOrder } from './storefront-order';

/** Where a buyer detail may be found, in the order tried: the shop's field name and its value. */
export type Source = readonly [field: string, value: string | null | undefined];

export interface BuyerSources {
  email: Source[];
  name: Source[];
  company: Source[];
  phone: Source[];
  country: Source[];
}

/** The buyer from the first present value of each detail; email, name and country are required. */
export function readBuyer(sources: BuyerSources, problems: string[]): StorefrontOrder['buyer'] | undefined {
  const email = pick(sources.email);
  const name = pick(sources.name);
  const country = pick(sources.country);
  const before = problems.length;
  if (!email) problems.push(`the order has no buyer email: ${empty(sources.email)}`);
  else if (!z.safeParse(emailSchema, email.value).success)
    problems.push(`${email.field} ${JSON.stringify(email.value)} is not an email address`);
  if (!name) problems.push(`the order has no buyer name: ${empty(sources.name)}`);
  if (!country) problems.push(`the order has no buyer country: ${empty(sources.country)}`);
  else if (!isCountryCode(country.value))
    problems.push(`${country.field} ${JSON.stringify(country.value)} ${NOT_A_COUNTRY}`);
  if (problems.length > before || !email || !name || !country) return undefined;
  return withoutUndefined({
    email: email.value,
    name: name.value,
    company: pick(sources.company)?.value,
    phone: pick(sources.phone)?.value,
    country: country.value,
  });
}

function pick(sources: Source[]): { field: string; value: string } | undefined {
  for (const [field, raw] of sources) {
    const value = present(raw);
    if (value) return { field, value };
  }
  return undefined;
}

function empty(sources: Source[]): string {
  const fields = sources.map(([field]) => field);
  return `${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} empty`;
}
