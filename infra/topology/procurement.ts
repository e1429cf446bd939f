import { apiFunction, keyed } from './function-specs';
import {
  type EventRuleSpec,
  type FunctionSpec,
  type RouteSpec,
  STAFF_ROLES,
  type StaffRole,
  type TableSpec,
} from './types';

/**
 * Inventory and procurement (the back-office issue): stock per warehouse and its ledger (in the
 * inventory table), suppliers, purchase orders and replenishment requests (in the procurement
 * table). Kept beside index.ts, as storefronts.ts is. docs/procurement.md tells the rules.
 */

export const procurementTables: Record<string, TableSpec> = {
  procurement: {
    name: 'procurement',
    envVar: 'PROCUREMENT_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      // Purchase orders by status (`PO#<status>`) and the open replenishment requests (`REPLENISH#OPEN`).
      {
        name: 'byList',
        partitionKey: { name: 'listKey', type: 'S' },
        sortKey: { name: 'listedAt', type: 'S' },
        projection: 'ALL',
      },
      // Every purchase order (`PO`) and every supplier (`SUPPLIER`), newest first.
      {
        name: 'byKind',
        partitionKey: { name: 'kind', type: 'S' },
        sortKey: { name: 'listedAt', type: 'S' },
        projection: 'ALL',
      },
    ],
  },
};

const api = keyed(apiFunction);

export const procurementFunctions: [string, FunctionSpec][] = [
  api('get-stock', 'GET /inventory/{sku}: stock per warehouse and in total', {
    tables: { inventory: 'read' },
  }),
  api('list-stock', "GET /inventory: every sku's stock, those below a reorder point first", {
    tables: { inventory: 'read' },
  }),
  api('list-stock-movements', 'GET /inventory/{sku}/movements: the stock ledger, newest first', {
    tables: { inventory: 'read' },
  }),
  // orders + settings: the orders already waiting for the skus get the new SLA (refresh-stock-waits.ts).
  api('create-supplier', 'POST /suppliers: a supplier, its lead time and the skus it supplies', {
    tables: {
      procurement: 'readwrite',
      inventory: 'read',
      orders: 'readwrite',
      settings: 'read',
      idempotency: 'readwrite',
    },
  }),
  api('create-purchase-order', 'POST /purchase-orders: an order to a supplier; its units become incoming', {
    tables: {
      procurement: 'readwrite',
      inventory: 'readwrite',
      orders: 'readwrite',
      settings: 'read',
      idempotency: 'readwrite',
    },
  }),
  api('list-suppliers', 'GET /suppliers: every supplier, newest first', { tables: { procurement: 'read' } }),
  api('get-purchase-order', 'GET /purchase-orders/{id}', { tables: { procurement: 'read' } }),
  api('list-purchase-orders', 'GET /purchase-orders: by status, newest first', {
    tables: { procurement: 'read' },
  }),
  api(
    'receive-purchase-order',
    'POST /purchase-orders/{id}/receipts: units received; waiting orders resume; requests close',
    {
      tables: { procurement: 'readwrite', inventory: 'readwrite', orders: 'read', idempotency: 'readwrite' },
      bus: true,
      workflows: { orderLifecycle: ['callback'] },
    },
  ),
  api('list-replenishment-requests', 'GET /replenishment-requests: the open requests', {
    tables: { procurement: 'read' },
  }),
  [
    'check-reorder',
    {
      name: 'check-reorder',
      kind: 'event',
      entry: 'functions/events/check-reorder.ts',
      description:
        'After reservations, raises a replenishment request (once) where stock fell to its reorder point',
      memoryMb: 256,
      timeoutSeconds: 20,
      access: { tables: { inventory: 'read', procurement: 'readwrite' }, bus: true },
    },
  ],
];

export const procurementRules: EventRuleSpec[] = [
  {
    name: 'reorder-after-allocation',
    description: 'Reservations made by the stock step: check the reorder points of their skus',
    pattern: { source: ['tradeflow.inventory'], 'detail-type': ['StockAllocated', 'ProcurementRequested'] },
    targets: [{ function: 'check-reorder', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];

const staff = (
  method: RouteSpec['method'],
  path: string,
  fn: string,
  roles: readonly StaffRole[] = STAFF_ROLES,
): RouteSpec => ({
  method,
  path,
  function: fn,
  callers: { staff: roles },
});

export const procurementRoutes: RouteSpec[] = [
  staff('GET', '/inventory', 'list-stock', ['warehouse', 'procurement', 'admin']),
  staff('GET', '/inventory/{sku}', 'get-stock'),
  staff('GET', '/inventory/{sku}/movements', 'list-stock-movements'),
  staff('POST', '/suppliers', 'create-supplier', ['procurement', 'admin']),
  staff('GET', '/suppliers', 'list-suppliers', ['procurement', 'admin']),
  staff('POST', '/purchase-orders', 'create-purchase-order', ['procurement']),
  staff('GET', '/purchase-orders', 'list-purchase-orders'),
  staff('GET', '/purchase-orders/{id}', 'get-purchase-order'),
  staff('POST', '/purchase-orders/{id}/receipts', 'receive-purchase-order', ['warehouse', 'procurement']),
  staff('GET', '/replenishment-requests', 'list-replenishment-requests'),
];
