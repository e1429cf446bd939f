import { CUSTOMERS_BY_EMAIL_INDEX } from '../../shared/adapters/customer-indexes';
import { apiFunction, keyed } from './function-specs';
import type { EventRuleSpec, FunctionSpec, IndexSpec } from './types';

/**
 * The CRM's customer profile and communication history (the sales issue). Kept beside index.ts, as
 * storefronts.ts is. The history lives in the customers table, beside each profile.
 */

/** On the customers table: a buyer by email (inquiries find or make their customer by it). */
export const customersByEmailIndex: IndexSpec = {
  name: CUSTOMERS_BY_EMAIL_INDEX,
  partitionKey: { name: 'email', type: 'S' },
  sortKey: { name: 'createdAt', type: 'S' },
  projection: 'KEYS_ONLY',
};

const api = keyed(apiFunction);

export const customerProfileFunctions: [string, FunctionSpec][] = [
  api('get-customer', 'GET /customers/{id}: the customer profile, with its version', {
    tables: { customers: 'read' },
  }),
  // staff: a new owner must be an active member of the staff directory.
  api('update-customer', 'PATCH /customers/{id}: changes the profile at the version read; CustomerUpdated', {
    tables: { customers: 'readwrite', staff: 'read' },
    bus: true,
  }),
  api('list-communications', "GET /customers/{id}/communications: the customer's history, newest first", {
    tables: { customers: 'read' },
  }),
  api('add-communication', 'POST /customers/{id}/communications: a staff note or call in the history', {
    tables: { customers: 'readwrite', idempotency: 'readwrite' },
  }),
  [
    'record-order-communication',
    {
      name: 'record-order-communication',
      kind: 'event',
      entry: 'functions/events/record-order-communication.ts',
      description: "Puts each order received in its customer's communication history, once",
      memoryMb: 256,
      timeoutSeconds: 20,
      access: { tables: { customers: 'readwrite' } },
    },
  ],
];

export const customerProfileRules: EventRuleSpec[] = [
  {
    name: 'order-communications',
    description: "Orders received, for their customer's communication history",
    pattern: { source: ['tradeflow.orders'], 'detail-type': ['OrderReceived'] },
    targets: [{ function: 'record-order-communication', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];
