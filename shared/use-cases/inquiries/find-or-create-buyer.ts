import type { CreateInquiryBody } from '../../contracts/inquiries';
import type { Actor } from '../../domain/order';
import { IdempotencyKeyReusedError } from '../../errors';
import { idFor } from '../../ids';
import type { CustomerRepository } from '../../ports/customers';
import type { makeCreateCustomer } from '../create-customer';

export interface FindOrCreateBuyerDeps {
  customers: CustomerRepository;
  createCustomer: ReturnType<typeof makeCreateCustomer>;
}

/** Staff inquiries make their new buyers as one team, whoever of the team takes them. */
const STAFF_TEAM: Actor = { kind: 'staff', id: 'inquiries' };

/**
 * The inquiry's buyer as a customer, by email (lower case):
 * - from a storefront, scoped to that storefront, exactly as its shop orders' buyers are
 *   (apply-storefront-order.ts): the customer the storefront made under `buyer:<email>`, so the shop's
 *   order and inquiry from one buyer land on one customer;
 * - from staff, any customer with that email (the oldest), else one made for the team under
 *   `buyer:<email>`, so two inquiries racing for a new buyer make one customer.
 */
export function makeFindOrCreateBuyer({ customers, createCustomer }: FindOrCreateBuyerDeps) {
  return async (buyer: NonNullable<CreateInquiryBody['buyer']>, by: Actor): Promise<string> => {
    const email = buyer.email.toLowerCase();
    if (by.kind !== 'storefront') {
      const [found] = await customers.findByEmail(email);
      if (found) return found.customerId;
    }
    const maker = by.kind === 'storefront' ? by : STAFF_TEAM;
    const key = `buyer:${email}`;
    // The id keyedCreation gives a customer made by `maker` under this key.
    const customerId = idFor('cus', `${maker.kind}:${maker.id}:${key}`);
    const existing = await customers.get(customerId);
    if (existing) return existing.customerId;
    try {
      const made = await createCustomer(
        {
          name: buyer.name,
          email,
          country: buyer.country,
          ...(buyer.company ? { company: buyer.company } : {}),
          ...(buyer.language ? { language: buyer.language } : {}),
        },
        maker,
        key,
      );
      return made.customerId;
    } catch (error) {
      // Made at the same moment from other details (another inquiry or a shop order): that one stands.
      if (!(error instanceof IdempotencyKeyReusedError)) throw error;
      const made = await customers.get(customerId);
      if (!made) throw error;
      return made.customerId;
    }
  };
}
