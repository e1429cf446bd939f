import type { Customer } from '../../domain/customer';
import { ConcurrentUpdateError, ConflictError } from '../../errors';
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
    async save(customer) {
      const stored = items.get(customer.customerId);
      if (!stored || stored.version !== customer.version - 1)
        throw new ConcurrentUpdateError(`customer ${customer.customerId} changed since it was read`);
      items.set(customer.customerId, structuredClone(customer));
    },
    async findByEmail(email) {
      return [...items.values()]
        .filter((customer) => customer.email === email)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((customer) => structuredClone(customer));
    },
  };
  return Object.assign(repository, { items });
}
