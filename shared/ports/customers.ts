import type { Customer } from '../domain/customer';

export interface CustomerRepository {
  /** Stores a new customer; throws ConflictError if the id exists. */
  create(customer: Customer): Promise<void>;
  get(customerId: string): Promise<Customer | undefined>;
  /** Writes the customer if its stored version is `customer.version - 1`; else ConcurrentUpdateError. */
  save(customer: Customer): Promise<void>;
  /** The customers with this email (lower case), oldest first: read from an index, so eventually consistent. */
  findByEmail(email: string): Promise<Customer[]>;
}
