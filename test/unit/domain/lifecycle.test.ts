import {
  allowedActions,
  assertActionAllowed,
  assertTransition,
  canTransition,
  isOpen,
  nextStatuses,
  STAFF_ACTIONS,
  type StaffAction,
  statusesAllowing,
} from '../../../shared/domain/lifecycle';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order';
import { ConflictError } from '../../../shared/errors';

// The machine as the issue states it, written out by hand so the test does not restate the code.
const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  RECEIVED: ['CREDIT_HOLD', 'CONFIRMED', 'REJECTED', 'CANCELLED'],
  CREDIT_HOLD: ['CONFIRMED', 'REJECTED', 'CANCELLED'],
  CONFIRMED: ['AWAITING_DEPOSIT', 'AWAITING_STOCK', 'IN_PRODUCTION', 'CANCELLED'],
  AWAITING_DEPOSIT: ['AWAITING_STOCK', 'IN_PRODUCTION', 'CANCELLED'],
  AWAITING_STOCK: ['IN_PRODUCTION', 'CANCELLED'],
  IN_PRODUCTION: ['AWAITING_BALANCE', 'READY_TO_SHIP', 'CANCELLED'],
  AWAITING_BALANCE: ['READY_TO_SHIP', 'CANCELLED'],
  READY_TO_SHIP: ['IN_TRANSIT', 'CANCELLED'],
  IN_TRANSIT: ['DELIVERED', 'CANCELLED'],
  DELIVERED: ['AWAITING_PAYMENT', 'COMPLETED', 'CANCELLED'],
  AWAITING_PAYMENT: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
  REJECTED: [],
};

const PAIRS = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

describe('lifecycle transitions', () => {
  it.each(PAIRS)('%s → %s follows the machine', (from, to) => {
    // Act
    const allowed = canTransition(from, to);

    // Assess
    expect(allowed).toBe(ALLOWED[from].includes(to));
  });

  it.each(PAIRS.filter(([from, to]) => !ALLOWED[from].includes(to)))(
    'refuses %s → %s with a 409 naming the current status',
    (from, to) => {
      // Act
      const attempt = () => assertTransition(from, to);

      // Assess
      expect(attempt).toThrow(ConflictError);
      try {
        attempt();
      } catch (error) {
        expect((error as ConflictError).status).toBe(from);
        expect((error as ConflictError).message).toContain(`is ${from}`);
        expect((error as ConflictError).message).toContain(to);
      }
    },
  );

  it('walks the longest path and the shortest path', () => {
    // Prepare
    const longest: OrderStatus[] = [
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
    ];
    const shortest: OrderStatus[] = [
      'RECEIVED',
      'CONFIRMED',
      'IN_PRODUCTION',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ];

    // Act & Assess
    for (const path of [longest, shortest]) {
      for (let i = 1; i < path.length; i++)
        expect(() => assertTransition(path[i - 1], path[i])).not.toThrow();
    }
  });

  it('never moves a status to itself and nothing leaves a final status', () => {
    // Act & Assess
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
    expect(nextStatuses('COMPLETED')).toEqual([]);
    expect(() => assertTransition('CANCELLED', 'RECEIVED')).toThrow(/CANCELLED is final/);
  });

  it('knows the open statuses', () => {
    // Act
    const open = ORDER_STATUSES.filter(isOpen);

    // Assess
    expect(open).toHaveLength(11);
    expect(open).not.toEqual(expect.arrayContaining(['COMPLETED']));
  });
});

const PAYABLE: OrderStatus[] = [
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
const ACTION_STATUSES: Record<StaffAction, OrderStatus[]> = {
  'credit-decision': ['CREDIT_HOLD'],
  payment: PAYABLE,
  packing: ['IN_PRODUCTION'],
  shipment: ['READY_TO_SHIP'],
  'tracking-event': ['IN_TRANSIT'],
  delivery: ['IN_TRANSIT'],
  cancel: ORDER_STATUSES.filter((s) => !['COMPLETED', 'CANCELLED', 'REJECTED'].includes(s)),
  'promised-date': ['CONFIRMED', 'AWAITING_DEPOSIT', 'AWAITING_STOCK', 'IN_PRODUCTION'],
};

const ACTION_PAIRS = STAFF_ACTIONS.flatMap((action) =>
  ORDER_STATUSES.map((status) => [action, status] as const),
);

describe('staff actions', () => {
  it.each(ACTION_PAIRS)('%s while %s', (action, status) => {
    // Prepare
    const expected = ACTION_STATUSES[action].includes(status);

    // Act
    const attempt = () => assertActionAllowed(action, status);

    // Assess
    if (expected) {
      expect(attempt).not.toThrow();
    } else {
      expect(attempt).toThrow(ConflictError);
      expect(attempt).toThrow(`${action} is not allowed while the order is ${status}`);
    }
    expect(allowedActions(status).includes(action)).toBe(expected);
  });

  it('says which status the action needs and carries the current one', () => {
    // Act
    let error: unknown;
    try {
      assertActionAllowed('shipment', 'IN_PRODUCTION');
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).status).toBe('IN_PRODUCTION');
    expect((error as ConflictError).message).toBe(
      'shipment is not allowed while the order is IN_PRODUCTION; it is allowed when the order is READY_TO_SHIP',
    );
  });

  it('refuses to cancel a completed order with a reason', () => {
    expect(() => assertActionAllowed('cancel', 'COMPLETED')).toThrow(/a completed order cannot be cancelled/);
    expect(() => assertActionAllowed('cancel', 'REJECTED')).toThrow(/rejected and nothing more can be done/);
  });

  it('takes money early but not before confirmation', () => {
    expect(() => assertActionAllowed('payment', 'IN_PRODUCTION')).not.toThrow();
    expect(() => assertActionAllowed('payment', 'CREDIT_HOLD')).toThrow(/one of CONFIRMED, AWAITING_DEPOSIT/);
  });

  it('offers what fits a status', () => {
    expect(allowedActions('IN_TRANSIT')).toEqual(['payment', 'tracking-event', 'delivery', 'cancel']);
    expect(allowedActions('RECEIVED')).toEqual(['cancel']);
    expect(allowedActions('COMPLETED')).toEqual([]);
    expect(statusesAllowing('packing')).toEqual(['IN_PRODUCTION']);
  });
});
