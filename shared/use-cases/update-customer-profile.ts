import type { UpdateCustomerBody } from '../contracts/customer-profile';
import type { DomainEvent } from '../contracts/events';
import type { Customer } from '../domain/customer';
import { applyProfileChange, type ProfileChange } from '../domain/customer-profile';
import { AmountFormatError, parseAmount } from '../domain/money';
import { ConcurrentUpdateError, ConflictError, InvalidInputError, NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';
import type { EventPublisher } from '../ports/events';
import type { StaffDirectory } from '../ports/staff-directory';
import { assertOwnerIsStaff } from './staff/owner-check';

export interface UpdateCustomerProfileDeps {
  customers: CustomerRepository;
  events: EventPublisher;
  clock: Clock;
  /** A new owner must be an active member of the staff directory. */
  staff: Pick<StaffDirectory, 'get'>;
}

/** GET /customers/{id} (staff). */
export function makeGetCustomer({ customers }: { customers: CustomerRepository }) {
  return async (customerId: string): Promise<Customer> => {
    const customer = await customers.get(customerId);
    if (!customer) throw new NotFoundError(`no customer ${customerId}`);
    return customer;
  };
}

/**
 * PATCH /customers/{id} (sales, sales-manager, admin): the fields given replace the stored ones, at
 * the version the caller read (a change made since is a 409: read it again). A new `owner` must be
 * an active member of the staff directory (400 naming `owner` otherwise; an owner kept as it is is
 * not checked again, so a profile whose owner left can still be edited). Only fields whose value changes count;
 * with none, nothing is written or announced. A change is announced as CustomerUpdated with the
 * names of the fields, never their values.
 */
export function makeUpdateCustomerProfile(deps: UpdateCustomerProfileDeps) {
  return async (customerId: string, body: UpdateCustomerBody): Promise<Customer> => {
    const { version, ...fields } = body;
    const change = profileChange(fields);
    const current = await deps.customers.get(customerId);
    if (!current) throw new NotFoundError(`no customer ${customerId}`);
    if (current.version !== version) throw stale(customerId, version, current.version);
    if (change.owner !== undefined && change.owner !== current.owner) {
      await assertOwnerIsStaff(deps.staff, change.owner);
    }
    const { customer, changed } = applyProfileChange(current, change, deps.clock.now().toISOString());
    if (!changed.length) return current;
    try {
      await deps.customers.save(customer);
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) throw stale(customerId, version);
      throw error;
    }
    await deps.events.publish([customerUpdated(customer, changed)]);
    return customer;
  };
}

function stale(customerId: string, read: number, now?: number): ConflictError {
  return new ConflictError(
    `customer ${customerId} changed since version ${read} was read${now ? ` (it is at version ${now})` : ''}; read it again and resend the change`,
    'STALE_VERSION',
  );
}

/** The body's fields as the customer keeps them: a lower-case email, a canonical language, money. */
function profileChange(fields: Omit<UpdateCustomerBody, 'version'>): ProfileChange {
  const { creditLimit, email, language, ...rest } = fields;
  const change: ProfileChange = { ...rest };
  if (email) change.email = email.toLowerCase();
  if (language) change.language = Intl.getCanonicalLocales(language)[0];
  if (creditLimit) {
    try {
      change.creditLimit = parseAmount(creditLimit.amount, creditLimit.currency);
    } catch (error) {
      if (error instanceof AmountFormatError)
        throw new InvalidInputError(error.message, 'creditLimit.amount');
      throw error;
    }
  }
  return change;
}

function customerUpdated(customer: Customer, fields: string[]): DomainEvent<'CustomerUpdated'> {
  return {
    type: 'CustomerUpdated',
    detail: {
      version: 1,
      changeId: `${customer.customerId}:CustomerUpdated:${customer.version}`,
      occurredAt: customer.updatedAt,
      orderId: customer.customerId,
      customerId: customer.customerId,
      fields,
      customerVersion: customer.version,
    },
  };
}
