import { openWaitsIndex } from './escalations';
import { apiFunction, keyed } from './function-specs';
import type { EventRuleSpec, FunctionSpec, TableSpec } from './types';

/**
 * Inquiries (the sales issue): a buyer's request for prices, its replies, and its 24 h first-reply
 * SLA. Kept beside index.ts, as storefronts.ts is.
 *
 * An inquiry is its own item in its own table, with the same sparse open-waits index as the orders
 * table (`byOpenWaitDue`, keys `openWaitShard` / `openWaitDueAt`, present only while the first reply
 * has an escalation step left): the `escalate` sweep reads both indexes, each by due time, so its
 * cost still grows with what is overdue, not with how many orders or inquiries exist. Own table
 * rather than the orders': its status and customer listings would otherwise show up in the orders'
 * `byStatus` and `byCustomer` indexes, and the functions that handle inquiries need no orders access.
 */
export const inquiryTables: Record<string, TableSpec> = {
  inquiries: {
    name: 'inquiries',
    envVar: 'INQUIRIES_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        name: 'byStatus',
        partitionKey: { name: 'status', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
        projection: 'ALL',
      },
      {
        name: 'byCustomer',
        partitionKey: { name: 'customerId', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
        projection: 'ALL',
      },
      openWaitsIndex,
    ],
  },
};

const api = keyed(apiFunction);

export const inquiryFunctions: [string, FunctionSpec][] = [
  api(
    'create-inquiry',
    'POST /inquiries: a buyer inquiry (the buyer found or made by email), its first-reply SLA, sales told',
    {
      // customers: the buyer, and the inquiry in their communication history; settings: the SLA.
      tables: { inquiries: 'readwrite', customers: 'readwrite', settings: 'read', idempotency: 'readwrite' },
      bus: true,
    },
  ),
  api('get-inquiry', 'GET /inquiries/{id}: an inquiry with its replies and timeline', {
    tables: { inquiries: 'read' },
  }),
  api('list-inquiries', 'GET /inquiries: inquiries by status or customer', { tables: { inquiries: 'read' } }),
  api(
    'reply-to-inquiry',
    'POST /inquiries/{id}/replies: emails the buyer, logs the reply, ends the first-reply wait',
    {
      tables: { inquiries: 'readwrite', customers: 'readwrite', idempotency: 'readwrite' },
      bus: true,
      email: ['buyerMail'],
    },
  ),
  api('mark-inquiry-lost', 'POST /inquiries/{id}/lost: the inquiry is lost, with a reason', {
    tables: { inquiries: 'readwrite', idempotency: 'readwrite' },
    bus: true,
  }),
  [
    'apply-quote-to-inquiry',
    {
      name: 'apply-quote-to-inquiry',
      kind: 'event',
      entry: 'functions/events/apply-quote-to-inquiry.ts',
      description: 'A quote sent or accepted for an inquiry moves it to QUOTED or WON (in any order)',
      memoryMb: 256,
      timeoutSeconds: 20,
      access: { tables: { inquiries: 'readwrite' }, bus: true },
    },
  ],
];

export const inquiryRules: EventRuleSpec[] = [
  {
    name: 'inquiry-quotes',
    description: 'Quotes sent and accepted for an inquiry, to move the inquiry on',
    pattern: {
      source: ['tradeflow.sales'],
      'detail-type': ['QuoteSent', 'QuoteAccepted'],
      detail: { inquiryId: [{ exists: true }] },
    },
    targets: [{ function: 'apply-quote-to-inquiry', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];
