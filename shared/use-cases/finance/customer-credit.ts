import type { PutCustomerCreditBody } from '../../contracts/finance';
import {
  type CreditChange,
  type CreditTerms,
  nextCreditTerms,
  sameCreditTerms,
} from '../../domain/credit-terms';
import { parseAmount } from '../../domain/money';
import type { Actor } from '../../domain/order';
import { NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { CreditTermsStore, CustomerCredit } from '../../ports/credit-terms';

/** GET /customers/{id}/credit: the credit limit and terms in force, and every change, newest first. */
export function makeGetCustomerCredit({ credit }: { credit: CreditTermsStore }) {
  return async (customerId: string): Promise<CustomerCredit> => {
    const found = await credit.get(customerId);
    if (!found) throw new NotFoundError(`customer ${customerId} not found`);
    return found;
  };
}

/**
 * PUT /customers/{id}/credit (finance): a new credit limit and/or payment terms, at the customer's
 * version read (409 if it moved on), kept in the history with who and when. A request that changes
 * nothing (a retry of one that was applied) answers the customer as it is, with no new version.
 */
export function makePutCustomerCredit({ credit, clock }: { credit: CreditTermsStore; clock: Clock }) {
  return async (customerId: string, body: PutCustomerCreditBody, by: Actor): Promise<CustomerCredit> => {
    const found = await credit.get(customerId);
    if (!found) throw new NotFoundError(`customer ${customerId} not found`);
    const before: CreditTerms = {
      ...(found.customer.creditLimit ? { creditLimit: found.customer.creditLimit } : {}),
      ...(found.customer.paymentTerms ? { paymentTerms: found.customer.paymentTerms } : {}),
    };
    const after = nextCreditTerms(before, {
      ...(body.creditLimit !== undefined
        ? { creditLimit: body.creditLimit && parseAmount(body.creditLimit.amount, body.creditLimit.currency) }
        : {}),
      ...(body.paymentTerms !== undefined ? { paymentTerms: body.paymentTerms } : {}),
    });
    if (sameCreditTerms(before, after)) return found;
    const change: CreditChange = {
      version: body.version + 1,
      at: clock.now().toISOString(),
      by,
      before,
      after,
      ...(body.note ? { note: body.note } : {}),
    };
    await credit.apply(customerId, change);
    const saved = await credit.get(customerId);
    if (!saved) throw new NotFoundError(`customer ${customerId} not found`);
    return saved;
  };
}
