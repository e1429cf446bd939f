import type { Customer } from '../../domain/customer';
import { ConflictError } from '../../errors';
import type { CustomerRepository } from '../../ports/customers';

/** For unit tests. */
export function makeInMemoryCustomerRepository(initial: Customer[] = []) {
  const items = new Map(initial.map((customer) => [customer.customerId, structuredClone(customer)]));
  const repository: CustomerRepository = {
    async create(customer) {
      if (items.has(customer.customerId)) throw new ConflictError(`customer ${customer.customerId} exists`);
      items.set(customer.customerId, structuredClone(customer));
    },
    async get(customerId) {
      const customer = items.get(customerId);
      return customer && structuredClone(customer);
    },
  };
  return Object.assign(repository, { items });
}
