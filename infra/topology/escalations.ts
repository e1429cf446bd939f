import { OPEN_WAIT_SHARDS, OPEN_WAITS_INDEX } from '../../shared/adapters/open-wait-keys';
import { NEXT_STEPS } from '../../shared/email/department/next-steps';
import { apiFunction, keyed } from './function-specs';
import type { EventRuleSpec, FunctionSpec, IndexSpec, ScheduleSpec, TableSpec } from './types';

/**
 * Escalations (issue 6): SLAs on a business calendar, the settings that hold them, and the sweep that
 * raises overdue waits through a sparse index. Kept beside index.ts, as lifecycle.ts is.
 */

/**
 * On the orders table: the orders whose wait has an escalation step left, by the step's due time,
 * over OPEN_WAIT_SHARDS partitions. KEYS_ONLY: the sweep reads the order anyway, and an order write
 * that leaves the due time as it is writes nothing to the index.
 */
export const openWaitsIndex: IndexSpec = {
  name: OPEN_WAITS_INDEX,
  partitionKey: { name: 'openWaitShard', type: 'S' },
  sortKey: { name: 'openWaitDueAt', type: 'S' },
  projection: 'KEYS_ONLY',
};

/**
 * Team settings, starting with the escalation settings (one item). Its own table rather than `access`:
 * the functions that read SLAs (begin-wait, the sweep, the manager notices) need no read of the
 * storefront keys and webhook secrets kept there.
 */
export const escalationTables: Record<string, TableSpec> = {
  settings: {
    name: 'settings',
    envVar: 'SETTINGS_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    indexes: [],
  },
};

const api = keyed(apiFunction);

export const escalationFunctions: [string, FunctionSpec][] = [
  api('get-escalation-settings', 'GET /settings/escalations: SLAs, business calendar and managers', {
    tables: { settings: 'read' },
  }),
  api('put-escalation-settings', 'PUT /settings/escalations: a new version of the escalation settings', {
    tables: { settings: 'readwrite' },
  }),
  [
    'escalate-overdue-waits',
    {
      name: 'escalate-overdue-waits',
      kind: 'schedule',
      entry: 'functions/schedules/escalate-overdue-waits.ts',
      description: `Raises overdue waits one level (read from the ${OPEN_WAIT_SHARDS}-shard open-waits index), once per level`,
      memoryMb: 256,
      timeoutSeconds: 120,
      // inquiries: their first-reply waits, read from the same sparse index on the inquiries table.
      access: { tables: { orders: 'readwrite', inquiries: 'readwrite', settings: 'read' }, bus: true },
    },
  ],
  [
    'notify-managers',
    {
      name: 'notify-managers',
      kind: 'event',
      entry: 'functions/events/notify-managers.ts',
      description:
        "Tells the owning department's manager (from the settings) of an escalation at level 2 and up",
      memoryMb: 256,
      timeoutSeconds: 20,
      environment: { DEFAULT_MANAGER_EMAIL: 'managers@tradeflow.example.com' },
      access: { tables: { orders: 'readwrite', settings: 'read' }, email: ['buyerMail'] },
    },
  ],
];

/** The escalation events some department acts on (NEXT_STEPS): their level 2 and up reach its manager. */
export const ESCALATION_TYPES = ['OrderStalled', 'PaymentOverdue', 'InquiryOverdue'].filter((type) =>
  Object.values(NEXT_STEPS).some((steps) => type in steps),
);

export const escalationRules: EventRuleSpec[] = [
  {
    name: 'manager-escalations',
    description: "Escalations at level 2 and up, for the owning department's manager",
    pattern: {
      source: [{ prefix: 'tradeflow.' }],
      'detail-type': ESCALATION_TYPES,
      detail: { level: [{ numeric: ['>=', 2] }] },
    },
    targets: [{ function: 'notify-managers', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];

export const escalationSchedules: ScheduleSpec[] = [
  {
    name: 'escalate',
    description: 'Every 15 minutes: waits past an SLA step are raised one level (department, manager, buyer)',
    expression: 'rate(15 minutes)',
    function: 'escalate-overdue-waits',
    // A missed sweep is made up by the next one: retry briefly, then dead-letter.
    retryAttempts: 3,
    maximumEventAgeSeconds: 300,
  },
];
