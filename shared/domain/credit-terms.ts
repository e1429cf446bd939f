import type { PaymentTerms } from '../contracts/common';
import type { Money } from './money';
import type { Actor } from './order';

/** A customer's credit terms: the limit the automatic credit review checks, and the default terms. */
export interface CreditTerms {
  creditLimit?: Money;
  paymentTerms?: PaymentTerms;
}

/**
 * One change of a customer's credit terms, kept for good: who changed what, when, from what. `version`
 * is the customer profile's version the change made.
 */
export interface CreditChange {
  version: number;
  at: string;
  by: Actor;
  before: CreditTerms;
  after: CreditTerms;
  note?: string;
}

/** What a change asks for: a value sets it, null removes it, absent leaves it as it is. */
export interface CreditTermsRequest {
  creditLimit?: Money | null;
  paymentTerms?: PaymentTerms | null;
}

export function nextCreditTerms(current: CreditTerms, request: CreditTermsRequest): CreditTerms {
  const creditLimit =
    request.creditLimit === undefined ? current.creditLimit : (request.creditLimit ?? undefined);
  const paymentTerms =
    request.paymentTerms === undefined ? current.paymentTerms : (request.paymentTerms ?? undefined);
  return { ...(creditLimit ? { creditLimit } : {}), ...(paymentTerms ? { paymentTerms } : {}) };
}

export function sameCreditTerms(a: CreditTerms, b: CreditTerms): boolean {
  const limit = (t: CreditTerms) => (t.creditLimit ? `${t.creditLimit.currency}:${t.creditLimit.minor}` : '');
  const terms = (t: CreditTerms) => (t.paymentTerms ? JSON.stringify(sorted(t.paymentTerms)) : '');
  return limit(a) === limit(b) && terms(a) === terms(b);
}

function sorted(value: object): [string, unknown][] {
  return Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1));
}
