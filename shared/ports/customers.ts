import type { Customer } from '../domain/customer';

export interface CustomerRepository {
  /** Stores a new customer; throws ConflictError if the id exists. */
  create(customer: Customer): Promise<void>;
  get(customerId: string): Promise<Customer | undefined>;
}
