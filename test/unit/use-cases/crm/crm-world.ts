import {
  makeInMemoryCustomerActivity,
  makeInMemoryProductDemand,
} from '../../../../shared/adapters/in-memory/customer-activity';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { newOrder, type Order } from '../../../../shared/domain/order';
import { makeRecordCustomerActivity } from '../../../../shared/use-cases/record-customer-activity';

/** The CRM's stores in memory, a clock to set, and orders to place: the unit tests' world. */
export const CUSTOMER = 'cus_01JCRM00000000000000000001';

export function crmWorld(now = '2026-05-10T12:00:00.000Z') {
  const clock = { at: new Date(now), now: () => clock.at };
  const activity = makeInMemoryCustomerActivity();
  const demand = makeInMemoryProductDemand();
  const orders = makeInMemoryOrderRepository();
  const record = makeRecordCustomerActivity({ activity, demand, orders, clock });
  return { clock, activity, demand, orders, record };
}

/** An order of `quantity` × VALVE-DN50 at EUR 12.50 (and 1 pump), placed at `at`. */
export function placedOrder(orderId: string, at: string, quantity = 100, customerId = CUSTOMER): Order {
  return newOrder({
    orderId,
    customerId,
    placedBy: { kind: 'storefront', id: 'sf_a' },
    currency: 'EUR',
    incoterm: { code: 'FOB', place: 'Shanghai' },
    paymentTerms: { type: 'TT', depositPercent: 30 },
    lines: [
      { sku: 'VALVE-DN50', quantity, unitPrice: '12.50' },
      { sku: 'PUMP-3KW', quantity: 1, unitPrice: '899.90' },
    ],
    shippingAddress: { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
    now: at,
  });
}

const base = (changeId: string, occurredAt: string) => ({ version: 1, changeId, occurredAt });

export const events = {
  orderReceived: (order: Order) => ({
    type: 'OrderReceived',
    detail: {
      ...base(`${order.orderId}:OrderReceived`, order.createdAt),
      orderId: order.orderId,
      customerId: order.customerId,
      currency: order.currency,
      total: (order.total.minor / 100).toFixed(2),
      lineCount: order.lines.length,
      incoterm: 'FOB',
      shipToCountry: 'DE',
    },
  }),
  orderCancelled: (order: Order, at: string) => ({
    type: 'OrderCancelled',
    detail: {
      ...base(`${order.orderId}:OrderCancelled`, at),
      orderId: order.orderId,
      customerId: order.customerId,
      reason: 'buyer withdrew',
      statusWhenCancelled: 'CONFIRMED',
      refundDue: { amount: '0.00', currency: 'EUR' },
      released: [],
    },
  }),
  quote: (type: 'QuoteSent' | 'QuoteAccepted' | 'QuoteExpired', quoteId: string, at: string, extra = {}) => ({
    type,
    detail: { ...base(`${quoteId}:${type}`, at), quoteId, customerId: CUSTOMER, ...extra },
  }),
  inquiry: (
    type: 'InquiryReceived' | 'InquiryLost',
    inquiryId: string,
    at: string,
    customerId = CUSTOMER,
  ) => ({
    type,
    detail: { ...base(`${inquiryId}:${type}`, at), orderId: inquiryId, inquiryId, customerId },
  }),
};
