import type { CreditChange, CreditTerms } from '../domain/credit-terms';
import type { Customer } from '../domain/customer';

export interface CustomerCredit {
  customer: Customer;
  /** Newest first. */
  history: CreditChange[];
}

export interface CreditTermsStore {
  get(customerId: string): Promise<CustomerCredit | undefined>;
  /**
   * Sets the customer's credit terms to `change.after` if the profile is at `change.version - 1`,
   * and keeps the change in its history; ConflictError if the profile moved on, NotFoundError if
   * there is no such customer.
   */
  apply(customerId: string, change: CreditChange & { after: CreditTerms }): Promise<Customer>;
}
