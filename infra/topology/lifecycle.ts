import { WAIT_OWNER } from '../../shared/domain/waits';
import { DEPARTMENTS, type Department, NEXT_STEPS } from '../../shared/email/department/next-steps';
import { apiFunction, stepFunction } from './function-specs';
import type { EventRuleSpec, FunctionSpec } from './types';

/**
 * The order lifecycle's functions and department rules (the lifecycle issue). Kept beside index.ts
 * so the platform's own entries stay short to read.
 */

const step = stepFunction;
const api = apiFunction;

/** An order action: reads and writes the order, ends the workflow's wait, announces the change. */
const orderAction = (name: string, description: string) =>
  api(name, description, {
    tables: { orders: 'readwrite', idempotency: 'readwrite' },
    bus: true,
    workflows: { orderLifecycle: ['callback'] },
  });

const notifyDepartment = (department: Department): FunctionSpec => ({
  name: `notify-${department}`,
  kind: 'event',
  entry: `functions/events/notify-${department}.ts`,
  description: `Tells ${department} about the order changes it acts on (its subscriptions, else its mailbox)`,
  memoryMb: 256,
  timeoutSeconds: 20,
  // DEPARTMENT_EMAIL: the mailbox that gets the notices while the department has no enabled subscription.
  environment: { DEPARTMENT: department, DEPARTMENT_EMAIL: `${department}@tradeflow.example.com` },
  // Subscriptions (infra/topology/subscriptions.ts) with their webhook secrets; the console's address
  // for the order's link.
  access: {
    tables: { orders: 'readwrite', subscriptions: 'read' },
    email: ['buyerMail'],
    consoleUrl: true,
  },
});

export const lifecycleFunctions: [string, FunctionSpec][] = [
  step(
    'screen-order',
    'Workflow step: the intake (validation, automatic credit review, confirmation when credit is approved)',
    {
      tables: { orders: 'readwrite', customers: 'read', inventory: 'read' },
      bus: true,
    },
  ),
  step('confirm-order', 'Workflow step: confirms the order with its payment schedule; emits OrderConfirmed', {
    tables: { orders: 'readwrite' },
    bus: true,
  }),
  step(
    'allocate-stock',
    'Workflow step: reserves stock per line with conditional writes; raises procurement for shortfalls',
    {
      // procurement: the short skus' suppliers and open purchase orders, for the stock wait's SLA.
      tables: { orders: 'readwrite', inventory: 'readwrite', procurement: 'read' },
      bus: true,
    },
  ),
  step(
    'begin-wait',
    'Workflow callback task: stores the wait token on the order, or ends the wait at once if already satisfied',
    {
      // settings: the SLAs that give a new wait its first due time (the open-waits index).
      tables: { orders: 'readwrite', inventory: 'read', settings: 'read' },
      bus: true,
      workflows: { orderLifecycle: ['callback'] },
    },
  ),
  step('dispatch-stock', 'Workflow step: the goods shipped; their reserved stock leaves the warehouse', {
    tables: { orders: 'read', inventory: 'readwrite' },
  }),
  step(
    'escalate-wait',
    'Workflow step: a wait timed out (a backstop); it is entered again. The escalate sweep raises levels',
    { tables: { orders: 'read' } },
  ),
  step('advance-order', 'Workflow step: moves the order to its next status and announces it', {
    tables: { orders: 'readwrite' },
    bus: true,
  }),
  step(
    'compensate-order',
    'Workflow step: a cancelled order gives its stock back and notes refunds; emits OrderCancelled',
    {
      tables: { orders: 'readwrite', inventory: 'readwrite' },
      bus: true,
    },
  ),
  api('create-product', 'POST /products', { tables: { inventory: 'readwrite', idempotency: 'readwrite' } }),
  // procurement and the bus: a count at or below the reorder point raises a replenishment request.
  api('put-inventory', 'PUT /inventory/{sku}', {
    tables: { inventory: 'readwrite', procurement: 'readwrite' },
    bus: true,
  }),
  api(
    'receive-inventory',
    'POST /inventory/receipts: adds stock and resumes the orders waiting for it, oldest first',
    {
      tables: { inventory: 'readwrite', orders: 'read', idempotency: 'readwrite' },
      workflows: { orderLifecycle: ['callback'] },
    },
  ),
  // customers: the profiles' owners, for `?owner=` (the console's board).
  api('list-orders', 'GET /orders', { tables: { orders: 'read', customers: 'read' } }),
  orderAction('decide-credit', 'POST /orders/{id}/credit-decision'),
  orderAction('record-payment', 'POST /orders/{id}/payments'),
  orderAction('record-packing', 'POST /orders/{id}/packing'),
  orderAction('record-shipment', 'POST /orders/{id}/shipment'),
  orderAction('record-tracking-event', 'POST /orders/{id}/tracking-events'),
  orderAction('record-delivery', 'POST /orders/{id}/delivery'),
  orderAction('cancel-order', 'POST /orders/{id}/cancel'),
  // Also the SLA settings: the packing wait's due time moves to the promised day.
  api('promise-production-date', 'POST /orders/{id}/promised-date: the day production promises', {
    tables: { orders: 'readwrite', idempotency: 'readwrite', settings: 'read' },
    bus: true,
    workflows: { orderLifecycle: ['callback'] },
  }),
  ...DEPARTMENTS.map(notifyDepartment),
].map((spec) => [spec.name, spec]);

/**
 * Which changes each department hears of: the ones it has a next step for (NEXT_STEPS, the same table
 * its notices are written from), and the stalls of the waits it owns (WAIT_OWNER).
 */
function departmentEvents(department: Department): { types: string[]; stalledWaits: string[] } {
  return {
    types: Object.keys(NEXT_STEPS[department]).filter((type) => type !== 'OrderStalled'),
    stalledWaits: Object.entries(WAIT_OWNER)
      .filter(([, owner]) => owner === department)
      .map(([wait]) => wait),
  };
}

export const departmentRules: EventRuleSpec[] = DEPARTMENTS.map((department) => {
  const { types, stalledWaits } = departmentEvents(department);
  const byType = { 'detail-type': types };
  const stalled = { 'detail-type': ['OrderStalled'], detail: { wait: stalledWaits } };
  // Sales hears of every stall that no department owns (a failed step, an order that never started).
  const salesStalled = { 'detail-type': ['OrderStalled'], detail: { wait: [{ exists: false }] } };
  const alternatives = [
    byType,
    ...(stalledWaits.length ? [stalled] : []),
    ...(department === 'sales' ? [salesStalled] : []),
  ];
  return {
    name: `${department}-notifications`,
    description: `Order changes ${department} acts on`,
    pattern: { source: [{ prefix: 'tradeflow.' }], $or: alternatives },
    targets: [{ function: `notify-${department}`, retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  };
});
