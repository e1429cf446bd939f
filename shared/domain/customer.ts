import type { PaymentTerms } from '../contracts/common';
import type { CustomerAddress, CustomerContact, CustomerOwner } from './customer-profile';
import type { Money } from './money';

export interface Customer {
  customerId: string;
  name: string;
  email: string;
  country: string;
  company?: string;
  /** BCP 47; buyer emails use it, falling back to English. */
  language: string;
  currency?: string;
  creditLimit?: Money;
  paymentTerms?: PaymentTerms;
  /** CRM profile (PATCH /customers/{id}): the people, billing/shipping addresses, labels, owner. */
  contacts?: CustomerContact[];
  addresses?: CustomerAddress[];
  tags?: string[];
  owner?: CustomerOwner;
  /** The Idempotency-Key it was created under, and a hash of the request, to tell a retry from a reuse. */
  createdUnder?: { idempotencyKey: string; requestHash: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}
