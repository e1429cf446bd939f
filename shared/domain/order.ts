import type { PaymentTerms } from '../contracts/common';
import type { IncotermCode } from './incoterms';
import { type Money, multiply, parseAmount, sum } from './money';

/** The public statuses of an order (the lifecycle in DESIGN.md). */
export const ORDER_STATUSES = [
  'RECEIVED',
  'CREDIT_HOLD',
  'CONFIRMED',
  'AWAITING_DEPOSIT',
  'AWAITING_STOCK',
  'IN_PRODUCTION',
  'AWAITING_BALANCE',
  'READY_TO_SHIP',
  'IN_TRANSIT',
  'DELIVERED',
  'AWAITING_PAYMENT',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['COMPLETED', 'CANCELLED', 'REJECTED']);

export interface OrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPrice: Money;
  amount: Money;
}

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: string;
}

/** Who did something: a storefront (by its key's id), a staff member with a role, or the system. */
export interface Actor {
  kind: 'storefront' | 'staff' | 'system';
  id: string;
  role?: string;
}

export interface TimelineEntry {
  at: string;
  what: string;
  status?: OrderStatus;
  by: Actor;
  note?: string;
}

export interface Order {
  orderId: string;
  customerId: string;
  /** The storefront that placed it; a storefront may read only its own orders. */
  placedBy: Actor;
  status: OrderStatus;
  currency: string;
  incoterm: { code: IncotermCode; place: string };
  paymentTerms: PaymentTerms;
  lines: OrderLine[];
  total: Money;
  shippingAddress: Address;
  buyerPo?: string;
  externalRef?: string;
  /** Why the order was rejected or failed, for people to read. */
  problems?: string[];
  /** Set once business validation passed. */
  validatedAt?: string;
  /** A workflow step that failed for good: where and why, so people can act on it. */
  failure?: { state: string; error: string; cause: string; at: string };
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency counter: every write expects the version it read. */
  version: number;
  timeline: TimelineEntry[];
}

export interface NewOrderInput {
  orderId: string;
  customerId: string;
  placedBy: Actor;
  currency: string;
  incoterm: { code: IncotermCode; place: string };
  paymentTerms: PaymentTerms;
  lines: { sku: string; quantity: number; unitPrice: number | string }[];
  shippingAddress: Address;
  buyerPo?: string;
  externalRef?: string;
  now: string;
}

/** A received order, priced exactly in minor units. Throws AmountFormatError on a bad price. */
export function newOrder(input: NewOrderInput): Order {
  const lines = input.lines.map((line, index) => {
    const unitPrice = parseAmount(line.unitPrice, input.currency);
    return {
      lineNo: index + 1,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice,
      amount: multiply(unitPrice, line.quantity),
    };
  });
  return {
    orderId: input.orderId,
    customerId: input.customerId,
    placedBy: input.placedBy,
    status: 'RECEIVED',
    currency: input.currency,
    incoterm: input.incoterm,
    paymentTerms: input.paymentTerms,
    lines,
    total: sum(
      input.currency,
      lines.map((line) => line.amount),
    ),
    shippingAddress: input.shippingAddress,
    buyerPo: input.buyerPo,
    externalRef: input.externalRef,
    createdAt: input.now,
    updatedAt: input.now,
    version: 1,
    timeline: [{ at: input.now, what: 'Order received', status: 'RECEIVED', by: input.placedBy }],
  };
}

/** The next state of an order after a status change, with its timeline entry. Pure. */
export function withStatus(
  order: Order,
  status: OrderStatus,
  what: string,
  by: Actor,
  now: string,
  note?: string,
): Order {
  return {
    ...order,
    status,
    updatedAt: now,
    version: order.version + 1,
    timeline: [...order.timeline, { at: now, what, status, by, ...(note ? { note } : {}) }],
  };
}
