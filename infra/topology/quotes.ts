import { QUOTE_INDEXES } from '../../shared/adapters/dynamodb-quotes';
import { apiFunction, keyed } from './function-specs';
import type { FunctionSpec, RouteSpec, ScheduleSpec, TableSpec } from './types';

/**
 * Quotes (issue 8): the pricing settings, the quotes API, the buyer's acceptance by link, and the
 * expiry sweep. Kept beside index.ts, as lifecycle.ts is. Quotes have their own table
 * (shared/adapters/dynamodb-quotes.ts says why); the pricing settings are an item of `settings`.
 */

export const quoteTables: Record<string, TableSpec> = {
  quotes: {
    name: 'quotes',
    envVar: 'QUOTES_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        name: QUOTE_INDEXES.byCustomer,
        partitionKey: { name: 'customerId', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
        projection: { include: ['summary'] },
      },
      {
        name: QUOTE_INDEXES.byStatus,
        partitionKey: { name: 'status', type: 'S' },
        sortKey: { name: 'updatedAt', type: 'S' },
        projection: { include: ['summary'] },
      },
      // Sparse: only sent quotes with a reminder or their expiry ahead, by when it is due.
      {
        name: QUOTE_INDEXES.dueChecks,
        partitionKey: { name: 'checkShard', type: 'S' },
        sortKey: { name: 'checkAt', type: 'S' },
        projection: 'KEYS_ONLY',
      },
    ],
  },
};

const api = keyed(apiFunction);
/**
 * Pricing a quote reads the customer, the products and the pricing settings; a quote below the
 * margin floor announces QuoteApprovalRequested (bus).
 */
const pricingTables = {
  quotes: 'readwrite',
  customers: 'read',
  inventory: 'read',
  settings: 'read',
  idempotency: 'readwrite',
} as const;
const pricingAccess: FunctionSpec['access'] = { tables: pricingTables, bus: true };

export const quoteFunctions: [string, FunctionSpec][] = [
  api(
    'get-pricing-settings',
    'GET /settings/pricing: margins, tiers, price lists, zones, rates, rounding, templates',
    {
      tables: { settings: 'read' },
    },
  ),
  api('put-pricing-settings', 'PUT /settings/pricing: a new version of the pricing settings', {
    tables: { settings: 'readwrite' },
  }),
  api(
    'create-quote',
    'POST /quotes: a quote priced by the rules (DRAFT, or PENDING_APPROVAL below the floor)',
    // inquiries: a quote for an inquiry takes its lines and Incoterm when the body leaves them out.
    { tables: { ...pricingTables, inquiries: 'read' }, bus: true },
  ),
  api(
    'revise-quote',
    'POST /quotes/{id}/revisions: the next revision, repriced, with what changed',
    pricingAccess,
  ),
  api('get-quote', 'GET /quotes/{id}', { tables: { quotes: 'read' } }),
  api('list-quotes', 'GET /quotes: by customer and/or status', { tables: { quotes: 'read' } }),
  api('approve-quote', 'POST /quotes/{id}/approve: a sales manager approves lines below the margin floor', {
    tables: { quotes: 'readwrite', idempotency: 'readwrite' },
  }),
  api('send-quote', 'POST /quotes/{id}/send: emails the buyer the quote and its acceptance link; QuoteSent', {
    // customers: the buyer's address, its suppressions, and the communication history (readwrite).
    tables: { quotes: 'readwrite', customers: 'readwrite', settings: 'read', idempotency: 'readwrite' },
    bus: true,
    email: ['buyerMail'],
    apiUrl: true,
  }),
  api(
    'accept-quote',
    "POST /quotes/{id}/accept: the buyer accepts by the link's token; the order is placed",
    {
      tables: { quotes: 'readwrite', orders: 'readwrite', customers: 'read' },
      bus: true,
      workflows: { orderLifecycle: ['start'] },
    },
  ),
  api(
    'get-quote-page',
    "GET /quotes/{id}/accept?token=: the buyer's page of a sent quote, with its Accept form (HTML)",
    // customers: the buyer's language. No apiUrl: the page links relative to itself.
    { tables: { quotes: 'read', customers: 'read' } },
  ),
  api(
    'get-quote-proforma',
    "GET /quotes/{id}/proforma?token=: the quote's proforma invoice (PDF), by the quote's link",
    // inventory: the products' names, HS codes, origins and weights; settings: the company details;
    // documents: each revision's PDF, kept once and opened by a presigned link (a browser's way).
    {
      tables: { quotes: 'read', customers: 'read', inventory: 'read', settings: 'read' },
      buckets: { documents: 'readwrite' },
    },
  ),
  [
    'expire-quotes',
    {
      name: 'expire-quotes',
      kind: 'schedule',
      entry: 'functions/schedules/expire-quotes.ts',
      description:
        'Announces QuoteExpiring before a sent quote expires (sales is told by its notices), then QuoteExpired',
      memoryMb: 256,
      timeoutSeconds: 120,
      access: { tables: { quotes: 'readwrite' }, bus: true },
    },
  ],
];

export const quoteRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/quotes',
    function: 'create-quote',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'GET',
    path: '/quotes',
    function: 'list-quotes',
    callers: { staff: ['sales', 'sales-manager', 'finance', 'admin'] },
  },
  {
    method: 'GET',
    path: '/quotes/{id}',
    function: 'get-quote',
    callers: { staff: ['sales', 'sales-manager', 'finance', 'admin'] },
  },
  {
    method: 'POST',
    path: '/quotes/{id}/revisions',
    function: 'revise-quote',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  // Approving a price below the margin floor: a sales manager (admin may too); sales may not.
  {
    method: 'POST',
    path: '/quotes/{id}/approve',
    function: 'approve-quote',
    callers: { staff: ['sales-manager', 'admin'] },
  },
  {
    method: 'POST',
    path: '/quotes/{id}/send',
    function: 'send-quote',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'POST',
    path: '/quotes/{id}/accept',
    function: 'accept-quote',
    callers: { link: "a quote's acceptance link" },
  },
  {
    method: 'GET',
    path: '/quotes/{id}/accept',
    function: 'get-quote-page',
    callers: { link: "a quote's acceptance link (the buyer's page)" },
  },
  {
    method: 'GET',
    path: '/quotes/{id}/proforma',
    function: 'get-quote-proforma',
    callers: { link: "a quote's acceptance link (its proforma invoice)" },
  },
  {
    method: 'GET',
    path: '/settings/pricing',
    function: 'get-pricing-settings',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'PUT',
    path: '/settings/pricing',
    function: 'put-pricing-settings',
    callers: { staff: ['admin'] },
  },
];

export const quoteSchedules: ScheduleSpec[] = [
  {
    name: 'expire-quotes',
    description: 'Every hour: sent quotes near their validity remind sales once; past it they expire',
    expression: 'rate(1 hour)',
    function: 'expire-quotes',
    retryAttempts: 3,
    maximumEventAgeSeconds: 900,
  },
];
