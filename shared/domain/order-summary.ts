import type { Money } from './money';
import { zero } from './money-math';
import type { Order, OrderStatus, WaitKind } from './order';
import type { ExceptionType } from './tracking';
import { WAIT_STATUS } from './waits';

/**
 * What listings need of an order, small enough to keep in the indexes: the order item is rewritten at
 * every change and grows with its timeline, and an index that copied it whole paid for every byte of
 * every rewrite twice over. Readers that need the whole order get it by id.
 */
export interface OrderSummary {
  orderId: string;
  status: OrderStatus;
  customerId: string;
  currency: string;
  total: Money;
  paid: Money;
  incoterm: Order['incoterm'];
  buyerPo?: string;
  externalRef?: string;
  /** The wait that holds the order in its status. */
  waitingFor?: WaitKind;
  /** The open exception of an order in transit. */
  exception?: ExceptionType;
  /** Where the goods go (the shipping address's country): the console's board filters on it. */
  destinationCountry?: string;
  /** When the wait's next escalation is due, and the highest level raised (the board marks stalled orders). */
  waitDueAt?: string;
  escalatedLevel?: number;
  validated: boolean;
  failed: boolean;
  createdAt: string;
  updatedAt: string;
}

export function summarize(order: Order): OrderSummary {
  const wait = order.pendingWait;
  const exception = order.status === 'IN_TRANSIT' ? order.tracking?.exception?.type : undefined;
  return {
    orderId: order.orderId,
    status: order.status,
    customerId: order.customerId,
    currency: order.currency,
    total: order.total,
    paid: order.paid ?? zero(order.currency),
    incoterm: order.incoterm,
    ...(order.buyerPo ? { buyerPo: order.buyerPo } : {}),
    ...(order.externalRef ? { externalRef: order.externalRef } : {}),
    ...(wait && WAIT_STATUS[wait.kind] === order.status ? { waitingFor: wait.kind } : {}),
    ...(exception ? { exception } : {}),
    ...(order.shippingAddress?.country ? { destinationCountry: order.shippingAddress.country } : {}),
    ...(wait && WAIT_STATUS[wait.kind] === order.status && wait.dueAt ? { waitDueAt: wait.dueAt } : {}),
    ...(wait && WAIT_STATUS[wait.kind] === order.status && wait.escalatedLevel
      ? { escalatedLevel: wait.escalatedLevel }
      : {}),
    validated: Boolean(order.validatedAt),
    failed: Boolean(order.failure),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
