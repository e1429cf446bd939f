import type { CustomerName, CustomerNames } from '../../ports/customer-names';

/** For unit tests: customers' names from a record. */
export function makeInMemoryCustomerNames(names: Record<string, CustomerName> = {}): CustomerNames {
  return {
    async namesOf(customerIds) {
      return new Map(customerIds.flatMap((id) => (names[id] ? [[id, { ...names[id] }] as const] : [])));
    },
  };
}
