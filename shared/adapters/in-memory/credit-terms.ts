import type { CreditChange } from '../../domain/credit-terms';
import type { Customer } from '../../domain/customer';
import { ConflictError, NotFoundError } from '../../errors';
import type { CreditTermsStore } from '../../ports/credit-terms';

/** For unit tests: customers and their credit history on Maps, with the store's version rule. */
export function makeInMemoryCreditTermsStore(customers: Customer[] = []) {
  const profiles = new Map(customers.map((c) => [c.customerId, structuredClone(c)]));
  const histories = new Map<string, CreditChange[]>();
  const store: CreditTermsStore = {
    async get(customerId) {
      const customer = profiles.get(customerId);
      if (!customer) return undefined;
      const history = [...(histories.get(customerId) ?? [])].reverse();
      return structuredClone({ customer, history });
    },
    async apply(customerId, change) {
      const customer = profiles.get(customerId);
      if (!customer) throw new NotFoundError(`customer ${customerId} not found`);
      if (customer.version !== change.version - 1) {
        throw new ConflictError(
          `customer ${customerId} changed since version ${change.version - 1} was read`,
        );
      }
      const { creditLimit: _l, paymentTerms: _t, ...rest } = customer;
      const next: Customer = { ...rest, ...change.after, version: change.version, updatedAt: change.at };
      profiles.set(customerId, next);
      histories.set(customerId, [...(histories.get(customerId) ?? []), structuredClone(change)]);
      return structuredClone(next);
    },
  };
  return Object.assign(store, { profiles });
}
