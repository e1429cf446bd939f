import type { CreateCustomerBody } from '../contracts/customers';
import type { Customer } from '../domain/customer';
import { parseAmount } from '../domain/money';
import type { IdGenerator } from '../ids';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';

export interface CreateCustomerDeps {
  customers: CustomerRepository;
  clock: Clock;
  newId: IdGenerator;
}

export function makeCreateCustomer({ customers, clock, newId }: CreateCustomerDeps) {
  return async (body: CreateCustomerBody): Promise<Customer> => {
    const now = clock.now().toISOString();
    const customer: Customer = {
      customerId: newId('cus'),
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
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await customers.create(customer);
    return customer;
  };
}
