import { escalationFunctions } from './escalations';
import { apiFunction, keyed } from './function-specs';
import { lifecycleFunctions } from './lifecycle';
import type { EventRuleSpec, FunctionSpec, RouteSpec, TableSpec } from './types';

/**
 * The staff directory (issue 8's owners and sales managers): who works here, their role, work
 * address and language; admin keeps it, sales reads it to pick owners. It addresses the weekly
 * dormant-customer nudge to each owner and quote approval requests to the sales managers. Kept
 * beside index.ts, as storefronts.ts is.
 */

export const staffTables: Record<string, TableSpec> = {
  // Its own table (shared/adapters/dynamodb-staff-directory.ts says why): one partition, by staff id.
  staff: {
    name: 'staff',
    envVar: 'STAFF_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [],
  },
};

/** A setting of another function, read from its spec, so the address is declared once. */
function settingOf(functions: [string, FunctionSpec][], name: string, variable: string): string {
  const value = functions.find(([fn]) => fn === name)?.[1].environment?.[variable];
  if (!value) throw new Error(`${name} has no ${variable}`);
  return value;
}

/** The sales department's mailbox, where nudges no owner can receive go: notify-sales' own. */
const SALES_MAILBOX = settingOf(lifecycleFunctions, 'notify-sales', 'DEPARTMENT_EMAIL');
/** Where quote approvals go while neither the directory nor the settings name a sales manager. */
const DEFAULT_MANAGER_EMAIL = settingOf(escalationFunctions, 'notify-managers', 'DEFAULT_MANAGER_EMAIL');

const api = keyed(apiFunction);

export const staffFunctions: [string, FunctionSpec][] = [
  api('put-staff-member', 'PUT /staff/{staffId}: adds or changes a staff member; StaffMemberUpdated', {
    tables: { staff: 'readwrite' },
    bus: true,
  }),
  api('get-staff-member', 'GET /staff/{staffId}: one entry of the staff directory', {
    tables: { staff: 'read' },
  }),
  api('list-staff', 'GET /staff: the staff directory, by staff id', { tables: { staff: 'read' } }),
  [
    'notify-dormant-owner',
    {
      name: 'notify-dormant-owner',
      kind: 'event',
      entry: 'functions/events/notify-dormant-owner.ts',
      description:
        "Emails each owner their dormant customers (in their language), or sales when the owner can't be reached; once a week",
      memoryMb: 256,
      timeoutSeconds: 30,
      environment: { SALES_MAILBOX },
      // customers: the customers' names, and the once-log beside the nudge's own (`NUDGE#<week>`).
      access: {
        tables: { customers: 'readwrite', staff: 'read' },
        email: ['buyerMail'],
        consoleUrl: true,
      },
    },
  ],
  [
    'notify-sales-managers',
    {
      name: 'notify-sales-managers',
      kind: 'event',
      entry: 'functions/events/notify-sales-managers.ts',
      description: "Emails every active sales manager a quote's approval request, in their language",
      memoryMb: 256,
      timeoutSeconds: 20,
      environment: { DEFAULT_MANAGER_EMAIL },
      // orders: the once-log (`ORDER#<quoteId>`, as every notifier); settings: the fallback manager.
      access: {
        tables: { orders: 'readwrite', staff: 'read', settings: 'read' },
        email: ['buyerMail'],
        consoleUrl: true,
      },
    },
  ],
];

/** Admin keeps the directory; those who give customers an owner read it. */
const staffReaders = ['sales', 'sales-manager', 'admin'] as const;

export const staffRoutes: RouteSpec[] = [
  { method: 'GET', path: '/staff', function: 'list-staff', callers: { staff: staffReaders } },
  {
    method: 'GET',
    path: '/staff/{staffId}',
    function: 'get-staff-member',
    callers: { staff: staffReaders },
  },
  {
    method: 'PUT',
    path: '/staff/{staffId}',
    function: 'put-staff-member',
    callers: { staff: ['admin'] },
  },
];

export const staffRules: EventRuleSpec[] = [
  {
    name: 'dormant-customer-nudges',
    description: "The weekly nudge, to each owner's work address (or sales, when no owner can get it)",
    pattern: { source: ['tradeflow.crm'], 'detail-type': ['DormantCustomersFound'] },
    targets: [{ function: 'notify-dormant-owner', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
  {
    name: 'quote-approval-requests',
    description: 'Quotes below the margin floor, for the sales managers who may approve them',
    pattern: { source: ['tradeflow.sales'], 'detail-type': ['QuoteApprovalRequested'] },
    targets: [{ function: 'notify-sales-managers', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];
