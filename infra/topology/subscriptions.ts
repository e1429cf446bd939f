import { apiFunction, keyed } from './function-specs';
import type { FunctionSpec, TableSpec } from './types';

/**
 * Department subscriptions (issue 6): who else hears of a department's changes, managed through the
 * API, and delivered by the `notify-<department>` functions (lifecycle.ts), which read this table.
 * Deliveries retry with the department rules' retry policy and then dead-letter there.
 */

export const subscriptionTables: Record<string, TableSpec> = {
  // Their own table: the notify functions read it (webhook secrets too) and nothing else of access's.
  subscriptions: {
    name: 'subscriptions',
    envVar: 'SUBSCRIPTIONS_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    indexes: [
      {
        name: 'byDepartment',
        partitionKey: { name: 'department', type: 'S' },
        sortKey: { name: 'subscriptionId', type: 'S' },
        projection: 'ALL',
      },
    ],
  },
};

const api = keyed(apiFunction);

export const subscriptionFunctions: [string, FunctionSpec][] = [
  api(
    'create-subscription',
    'POST /subscriptions: a department subscription (its webhook secret shown once)',
    {
      tables: { subscriptions: 'readwrite', idempotency: 'readwrite' },
    },
  ),
  api('list-subscriptions', "GET /subscriptions: a department's subscriptions, without secrets", {
    tables: { subscriptions: 'read' },
  }),
  api('get-subscription', 'GET /subscriptions/{id}: a subscription, without its secret', {
    tables: { subscriptions: 'read' },
  }),
  api('update-subscription', "PUT /subscriptions/{id}: replaces a subscription's settings at its version", {
    tables: { subscriptions: 'readwrite' },
  }),
  api('delete-subscription', 'DELETE /subscriptions/{id}', { tables: { subscriptions: 'readwrite' } }),
];
