import type { CreateCustomerBody } from '../contracts/customers';
import type { Customer } from '../domain/customer';
import { parseAmount } from '../domain/money';
import type { Actor } from '../domain/order';
import type { IdGenerator } from '../ids';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';
import { createOrFindRetried, keyedCreation } from './keyed-creation';

export interface CreateCustomerDeps {
  customers: CustomerRepository;
  clock: Clock;
  newId: IdGenerator;
}

/** Creates a customer; under an Idempotency-Key, a retry whose first answer was lost finds it (see keyedCreation). */
export function makeCreateCustomer({ customers, clock, newId }: CreateCustomerDeps) {
  return async (body: CreateCustomerBody, by?: Actor, idempotencyKey?: string): Promise<Customer> => {
    const now = clock.now().toISOString();
    const keyed = by && keyedCreation('cus', by, idempotencyKey, body);
    const customer: Customer = {
      customerId: keyed?.id ?? newId('cus'),
      name: body.name,
      email: body.email.toLowerCase(),
      country: body.country,
      company: body.company,
      language: body.language ? Intl.getCanonicalLocales(body.language)[0] : 'en',
      currency: body.currency,
      creditLimit: body.creditLimit
        ? parseAmount(body.creditLimit.amount, body.creditLimit.currency)
        : undefined,
      paymentTerms: body.paymentTerms,
      ...(keyed ? { createdUnder: keyed.createdUnder } : {}),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const retried = await createOrFindRetried(
      keyed,
      () => customers.create(customer),
      () => customers.get(customer.customerId),
    );
    return retried ?? customer;
  };
}
