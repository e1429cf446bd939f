import { TERMINAL_STATUSES } from '../../../../shared/domain/order';
import type { OrderView } from './order-types';

/** The staff actions on an order, each one API call; `roles` are who the API lets make it (routes.ts). */
export const ORDER_ACTIONS = {
  'credit-decision': { method: 'POST', path: '/orders/{id}/credit-decision', roles: ['finance'] },
  payment: { method: 'POST', path: '/orders/{id}/payments', roles: ['finance'] },
  'stock-receipt': { method: 'POST', path: '/inventory/receipts', roles: ['warehouse', 'procurement'] },
  packing: { method: 'POST', path: '/orders/{id}/packing', roles: ['warehouse'] },
  'promised-date': { method: 'POST', path: '/orders/{id}/promised-date', roles: ['warehouse', 'admin'] },
  'documents-retry': { method: 'POST', path: '/orders/{id}/documents/retry', roles: ['sales', 'admin'] },
  shipment: { method: 'POST', path: '/orders/{id}/shipment', roles: ['logistics'] },
  'tracking-event': { method: 'POST', path: '/orders/{id}/tracking-events', roles: ['logistics'] },
  delivery: { method: 'POST', path: '/orders/{id}/delivery', roles: ['logistics'] },
  cancel: { method: 'POST', path: '/orders/{id}/cancel', roles: ['sales', 'admin'] },
} as const satisfies Record<string, { method: string; path: string; roles: readonly string[] }>;

export type OrderAction = keyof typeof ORDER_ACTIONS;

/** The wait each status is held in when the order does not say (between a step and its wait). */
const WAIT_OF_STATUS: Record<string, string> = {
  CREDIT_HOLD: 'credit-decision',
  AWAITING_DEPOSIT: 'deposit',
  AWAITING_STOCK: 'stock',
  IN_PRODUCTION: 'packing',
  AWAITING_BALANCE: 'balance',
  READY_TO_SHIP: 'shipment',
  IN_TRANSIT: 'delivery',
  AWAITING_PAYMENT: 'payment',
};

const ACTIONS_OF_WAIT: Record<string, OrderAction[]> = {
  'credit-decision': ['credit-decision'],
  deposit: ['payment'],
  balance: ['payment'],
  payment: ['payment'],
  stock: ['stock-receipt'],
  packing: ['packing', 'promised-date'],
  documents: ['documents-retry'],
  shipment: ['shipment'],
  delivery: ['tracking-event', 'delivery'],
};

/**
 * What the order's current wait lets staff do, plus cancel while it is open, and a retry while
 * documents are held. Shown to every role with who may do it: the API decides (403 names the role,
 * 409 the status), the page only offers what makes sense now.
 */
export function availableActions(
  order: Pick<OrderView, 'status' | 'waitingFor' | 'documentTasks'>,
): OrderAction[] {
  const wait = order.waitingFor ?? WAIT_OF_STATUS[order.status];
  const actions = new Set<OrderAction>(wait ? (ACTIONS_OF_WAIT[wait] ?? []) : []);
  if (order.documentTasks?.length) actions.add('documents-retry');
  if (!TERMINAL_STATUSES.has(order.status as never)) actions.add('cancel');
  return [...actions];
}

/** What is due now: the installments up to the first one not covered, less what was paid (exact decimals). */
export function amountDueNow(order: Pick<OrderView, 'paymentSchedule' | 'paid' | 'outstanding'>): string {
  const installments = order.paymentSchedule?.installments ?? [];
  const firstOpen = installments.findIndex((installment) => !installment.covered);
  if (firstOpen < 0) return order.outstanding;
  const amounts = [
    order.paid,
    ...installments.slice(0, firstOpen + 1).map((installment) => installment.amount),
  ];
  const digits = Math.max(...amounts.map((amount) => amount.split('.')[1]?.length ?? 0));
  const units = (amount: string) => {
    const [whole, fraction = ''] = amount.split('.');
    return BigInt(whole + fraction.padEnd(digits, '0'));
  };
  const due = amounts.slice(1).reduce((sum, amount) => sum + units(amount), 0n) - units(order.paid);
  const owed = (due > 0n ? due : 0n).toString().padStart(digits + 1, '0');
  return digits ? `${owed.slice(0, -digits)}.${owed.slice(-digits)}` : owed;
}
