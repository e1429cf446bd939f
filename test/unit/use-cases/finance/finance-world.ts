import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeInMemoryBankTransactionStore } from '../../../../shared/adapters/in-memory/bank-transactions';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeInMemoryReceivableReader } from '../../../../shared/adapters/in-memory/receivables';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { makeRecordingCallbacks } from '../../../../shared/adapters/in-memory/workflow-callbacks';
import type { PaymentTerms } from '../../../../shared/contracts/common';
import type { Customer } from '../../../../shared/domain/customer';
import { parseAmount } from '../../../../shared/domain/money';
import { newOrder, type Order, type OrderStatus, type WaitKind } from '../../../../shared/domain/order';
import { paymentSchedule } from '../../../../shared/domain/payment-schedule';
import type { BankReconciliationDeps } from '../../../../shared/use-cases/finance/bank-reconciliation-deps';

/** The clock of these tests: the day after the fixture statements were booked. */
export const NOW = '2026-04-16T09:00:00.000Z';
export const CONFIRMED_AT = '2026-04-01T10:00:00.000Z';

export const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../fixtures/bank', name), 'utf8');
export const eur = (amount: string) => parseAmount(amount, 'EUR');

/**
 * An order owing `total` (one line), confirmed on CONFIRMED_AT, in `status` and waiting for `wait`
 * with its token `token-<orderId>` when given.
 */
export function owing(
  orderId: string,
  customerId: string,
  total: string,
  options: {
    terms?: PaymentTerms;
    status?: OrderStatus;
    wait?: WaitKind;
    paid?: string;
    deliveredAt?: string;
    currency?: string;
  } = {},
): Order {
  const terms = options.terms ?? { type: 'PREPAID' };
  const currency = options.currency ?? 'EUR';
  const base = newOrder({
    orderId,
    customerId,
    placedBy: { kind: 'storefront', id: 'sf_a' },
    currency,
    incoterm: { code: 'FOB', place: 'Shanghai' },
    paymentTerms: terms,
    lines: [{ sku: 'VALVE-DN50', quantity: 1, unitPrice: total }],
    shippingAddress: { name: 'Buyer', line1: 'Street 1', city: 'Hamburg', country: 'DE' },
    now: '2026-03-31T08:00:00.000Z',
  });
  const system = { kind: 'system' as const, id: 'workflow' };
  const status = options.status ?? 'AWAITING_DEPOSIT';
  const paid = options.paid ? parseAmount(options.paid, currency) : undefined;
  return {
    ...base,
    status,
    paymentSchedule: paymentSchedule(terms, base.total),
    ...(paid
      ? { paid, payments: [{ amount: paid, reference: 'EARLIER', receivedAt: CONFIRMED_AT, by: system }] }
      : {}),
    ...(options.wait
      ? { pendingWait: { kind: options.wait, token: `token-${orderId}`, since: CONFIRMED_AT } }
      : {}),
    ...(options.deliveredAt
      ? { delivery: { deliveredAt: options.deliveredAt, recordedAt: options.deliveredAt } }
      : {}),
    timeline: [
      ...base.timeline,
      { at: CONFIRMED_AT, what: 'Order confirmed', status: 'CONFIRMED', by: system },
      ...(status !== 'CONFIRMED' ? [{ at: CONFIRMED_AT, what: `Now ${status}`, status, by: system }] : []),
    ],
  };
}

export function aCustomer(customerId: string, company: string, extra: Partial<Customer> = {}): Customer {
  return {
    customerId,
    name: `Buyer at ${company}`,
    email: `${customerId}@example.com`,
    country: 'DE',
    company,
    language: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...extra,
  };
}

/** The ports, in memory, around the given orders and customers. */
export function financeWorld(orders: Order[], customers: Customer[] = []) {
  const repository = makeInMemoryOrderRepository(orders);
  const transactions = makeInMemoryBankTransactionStore();
  const events = makeRecordingPublisher();
  const callbacks = makeRecordingCallbacks();
  const clock = { now: () => new Date(NOW) };
  const deps: BankReconciliationDeps = {
    orders: repository,
    events,
    callbacks,
    clock,
    transactions,
    receivables: makeInMemoryReceivableReader(repository),
    customers: makeInMemoryCustomerRepository(customers),
    tolerance: { absoluteMinor: { EUR: 2500 }, basisPoints: 50 },
  };
  return {
    deps,
    orders: repository,
    transactions,
    events,
    callbacks,
    order: async (orderId: string) => (await repository.get(orderId))!,
    types: () => events.published.map((event) => event.type),
    byReference: async (ref: string) =>
      [...transactions.items.values()].find((tx) => tx.bankReference === ref)!,
  };
}
