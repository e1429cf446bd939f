import { SEGMENT_INDEX, SEGMENT_PROJECTION } from '../../shared/adapters/crm-keys';
import { CRM_ACTIVITY_TYPES } from '../../shared/contracts/crm-activity-events';
import { apiFunction, keyed } from './function-specs';
import type { EventRuleSpec, FunctionSpec, IndexSpec, ScheduleSpec } from './types';

/**
 * The CRM's insights (the sales issue): a consumer keeps each customer's orders, quotes and inquiries
 * as facts beside the profile, with a summary, revenue per month and demand per product; staff read
 * insights, lists and demand; a weekly schedule nudges each owner about dormant customers. Kept
 * beside index.ts, as storefronts.ts is.
 */

/**
 * On the customers table: only summaries of prospects (by last inquiry) and repeat buyers (by
 * predicted next order) carry `segment`, so the index is sparse and the lists never scan the table.
 */
export const customerSegmentsIndex: IndexSpec = {
  name: SEGMENT_INDEX,
  partitionKey: { name: 'segment', type: 'S' },
  sortKey: { name: 'segmentKey', type: 'S' },
  projection: { include: SEGMENT_PROJECTION },
};

const api = keyed(apiFunction);

export const crmInsightFunctions: [string, FunctionSpec][] = [
  // settings: the company currency and its dated rates (/settings/exchange-rates).
  api(
    'get-customer-insights',
    'GET /customers/{id}/insights: revenue, order rhythm, next order, win rate, exposure',
    {
      tables: { customers: 'read', orders: 'read', settings: 'read' },
    },
  ),
  api('list-prospects', 'GET /customers/lists/prospects: inquired, never ordered', {
    tables: { customers: 'read' },
  }),
  api(
    'list-dormant-customers',
    'GET /customers/lists/dormant: repeat buyers past their predicted next order',
    {
      tables: { customers: 'read' },
    },
  ),
  api('list-top-customers', 'GET /customers/lists/top: customers by revenue over a period', {
    tables: { customers: 'read', settings: 'read' },
  }),
  api('get-product-demand', 'GET /products/{sku}/demand: monthly quantities by customer, with a forecast', {
    tables: { customers: 'read' },
  }),
  [
    'record-customer-activity',
    {
      name: 'record-customer-activity',
      kind: 'event',
      entry: 'functions/events/record-customer-activity.ts',
      description: 'Keeps orders, quotes and inquiries as CRM facts per customer, and demand per product',
      memoryMb: 256,
      timeoutSeconds: 20,
      // orders: an order's lines and placing time (OrderReceived carries its total, not its lines).
      access: { tables: { customers: 'readwrite', orders: 'read' } },
    },
  ],
  [
    'nudge-dormant-customers',
    {
      name: 'nudge-dormant-customers',
      kind: 'schedule',
      entry: 'functions/schedules/nudge-dormant-customers.ts',
      description:
        'Weekly: tells each owner of their dormant customers (DormantCustomersFound), once per ISO week',
      memoryMb: 256,
      timeoutSeconds: 120,
      access: { tables: { customers: 'readwrite' }, bus: true },
    },
  ],
];

export const crmInsightRules: EventRuleSpec[] = [
  {
    name: 'crm-activity',
    description: "Orders, quotes and inquiries, for their customer's CRM facts and product demand",
    pattern: { source: [{ prefix: 'tradeflow.' }], 'detail-type': [...CRM_ACTIVITY_TYPES] },
    targets: [{ function: 'record-customer-activity', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];

export const crmInsightSchedules: ScheduleSpec[] = [
  {
    name: 'nudge-dormant',
    description: 'Weekly: each owner hears of their repeat customers past their predicted next order',
    // rate(), not cron(): the local scheduler runs rates only. A week's nudge is claimed per ISO week,
    // so a retry or a run by hand in the same week publishes nothing twice.
    expression: 'rate(7 days)',
    function: 'nudge-dormant-customers',
    retryAttempts: 3,
    maximumEventAgeSeconds: 3600,
  },
];
