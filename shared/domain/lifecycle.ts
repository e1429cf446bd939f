import { ConflictError } from '../errors';
import { ORDER_STATUSES, type OrderStatus, TERMINAL_STATUSES } from './order';

/**
 * The order's status machine (DESIGN.md, "The lifecycle"). The optional statuses (CREDIT_HOLD,
 * AWAITING_DEPOSIT, AWAITING_STOCK, AWAITING_BALANCE, AWAITING_PAYMENT) may be skipped, so each
 * status lists every status it may move to. Cancellation is allowed from every open status.
 */
const FORWARD: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // REJECTED from RECEIVED: validation failed.
  RECEIVED: ['CREDIT_HOLD', 'CONFIRMED', 'REJECTED'],
  CREDIT_HOLD: ['CONFIRMED', 'REJECTED'],
  CONFIRMED: ['AWAITING_DEPOSIT', 'AWAITING_STOCK', 'IN_PRODUCTION'],
  AWAITING_DEPOSIT: ['AWAITING_STOCK', 'IN_PRODUCTION'],
  AWAITING_STOCK: ['IN_PRODUCTION'],
  IN_PRODUCTION: ['AWAITING_BALANCE', 'READY_TO_SHIP'],
  AWAITING_BALANCE: ['READY_TO_SHIP'],
  READY_TO_SHIP: ['IN_TRANSIT'],
  IN_TRANSIT: ['DELIVERED'],
  DELIVERED: ['AWAITING_PAYMENT', 'COMPLETED'],
  AWAITING_PAYMENT: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
  REJECTED: [],
};

export function isOpen(status: OrderStatus): boolean {
  return !TERMINAL_STATUSES.has(status);
}

/** Every status the order may move to from `from` (a status never "moves" to itself). */
export function nextStatuses(from: OrderStatus): OrderStatus[] {
  return isOpen(from) ? [...FORWARD[from], 'CANCELLED'] : [];
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return nextStatuses(from).includes(to);
}

/** Throws ConflictError (409) naming the current status when the move is not in the machine. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  const why = isOpen(from) ? '' : ` (${from} is final)`;
  throw new ConflictError(`the order is ${from} and cannot move to ${to}${why}`, from);
}

/** What staff can do to an order; each is one POST /orders/{id}/<action>. */
export const STAFF_ACTIONS = [
  'credit-decision',
  'payment',
  'packing',
  'shipment',
  'tracking-event',
  'delivery',
  'cancel',
  'promised-date',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

// Money can arrive early (a deposit before the workflow asks for it), so payments are taken in every
// open status from CONFIRMED on, not only in the AWAITING_* ones. Before confirmation the order may
// still be rejected, so money is refused there.
const PAYABLE: readonly OrderStatus[] = [
  'CONFIRMED',
  'AWAITING_DEPOSIT',
  'AWAITING_STOCK',
  'IN_PRODUCTION',
  'AWAITING_BALANCE',
  'READY_TO_SHIP',
  'IN_TRANSIT',
  'DELIVERED',
  'AWAITING_PAYMENT',
];

const ALLOWED_IN: Readonly<Record<StaffAction, readonly OrderStatus[]>> = {
  'credit-decision': ['CREDIT_HOLD'],
  payment: PAYABLE,
  packing: ['IN_PRODUCTION'],
  shipment: ['READY_TO_SHIP'],
  'tracking-event': ['IN_TRANSIT'],
  delivery: ['IN_TRANSIT'],
  cancel: openStatuses(),
  // Production promises a finish date any time before the goods are packed.
  'promised-date': ['CONFIRMED', 'AWAITING_DEPOSIT', 'AWAITING_STOCK', 'IN_PRODUCTION'],
};

function openStatuses(): OrderStatus[] {
  return ORDER_STATUSES.filter(isOpen);
}

/** The statuses in which staff may take the action. */
export function statusesAllowing(action: StaffAction): OrderStatus[] {
  return [...ALLOWED_IN[action]];
}

/** The staff actions that fit the status (what a UI would offer). */
export function allowedActions(status: OrderStatus): StaffAction[] {
  return STAFF_ACTIONS.filter((action) => ALLOWED_IN[action].includes(status));
}

export function isActionAllowed(action: StaffAction, status: OrderStatus): boolean {
  return ALLOWED_IN[action].includes(status);
}

/**
 * Throws ConflictError (409) with `.status` set, e.g. "shipment is not allowed while the order is
 * IN_PRODUCTION; it is allowed when the order is READY_TO_SHIP".
 */
export function assertActionAllowed(action: StaffAction, status: OrderStatus): void {
  if (isActionAllowed(action, status)) return;
  throw new ConflictError(
    `${action} is not allowed while the order is ${status}; ${hint(action, status)}`,
    status,
  );
}

function hint(action: StaffAction, status: OrderStatus): string {
  if (action === 'cancel' && status === 'COMPLETED') return 'a completed order cannot be cancelled';
  if (!isOpen(status)) return `the order is ${status.toLowerCase()} and nothing more can be done to it`;
  const allowed = ALLOWED_IN[action];
  if (allowed.length === 1) return `it is allowed when the order is ${allowed[0]}`;
  return `it is allowed when the order is one of ${allowed.join(', ')}`;
}
