import { sku } from '../../shared/contracts/inventory';
import { stockResponse } from '../../shared/contracts/inventory-responses';
import {
  createPurchaseOrderBody,
  createSupplierBody,
  listPurchaseOrdersQuery,
  listReplenishmentsQuery,
  listSuppliersQuery,
  movementsQuery,
  purchaseOrderIdParam,
  receivePurchaseOrderBody,
  stockOverviewQuery,
} from '../../shared/contracts/procurement';
import {
  movementPageResponse,
  purchaseOrderPageResponse,
  purchaseOrderReceiptResponse,
  purchaseOrderResponse,
  replenishmentPageResponse,
  supplierPageResponse,
  supplierResponse,
} from '../../shared/contracts/procurement-responses';
import { stockOverviewPageResponse } from '../../shared/contracts/stock-overview-responses';
import type { RouteContract } from './route-contracts';

/** The OpenAPI contracts of procurement.ts's routes (spread into route-contracts.ts). */
export const procurementRouteContracts: Record<string, RouteContract> = {
  'GET /inventory': {
    summary: 'List the stock of every sku',
    description:
      'Each sku with its totals over its warehouses (on hand, reserved, available, incoming), its home ' +
      "warehouse's reorder point and maximum, and whether available stock is at or below the reorder point in " +
      'any warehouse. Those below a reorder point come first, then the others, each by sku; ' +
      '`belowReorderPoint=true` keeps only those. Skus never counted or received are not listed.',
    tag: 'Inventory',
    query: stockOverviewQuery,
    responses: { 200: { description: 'A page of stock', body: stockOverviewPageResponse } },
  },
  'GET /inventory/{sku}': {
    summary: 'Read the stock of a sku',
    description:
      'On hand, reserved, available and incoming per warehouse (with its reorder point and maximum) and in total.',
    tag: 'Inventory',
    pathParams: { sku },
    responses: { 200: { description: 'The stock', body: stockResponse } },
    problems: { 404: 'No product with this sku' },
  },
  'GET /inventory/{sku}/movements': {
    summary: 'Read the stock ledger of a sku',
    description:
      'Every movement (reservation, release, receipt, shipment, adjustment) with who made it and the ' +
      "warehouse's figures after it, newest first, a page at a time; `warehouse` keeps one warehouse's.",
    tag: 'Inventory',
    pathParams: { sku },
    query: movementsQuery,
    responses: { 200: { description: 'A page of movements', body: movementPageResponse } },
    problems: { 404: 'No product with this sku' },
  },
  'POST /suppliers': {
    summary: 'Register a supplier',
    description:
      'A supplier with its lead time in days, made the supplier of the skus it lists (the last one registered ' +
      'for a sku). Orders waiting for those skus get an SLA from the lead time unless a purchase order covers them.',
    tag: 'Procurement',
    body: createSupplierBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The supplier',
        body: supplierResponse,
        headers: { Location: 'The supplier: `/suppliers/{supplierId}`' },
      },
    },
    example: { name: 'Ningbo Valve Works', leadTimeDays: 21, currency: 'USD', skus: ['VALVE-DN50'] },
  },
  'POST /purchase-orders': {
    summary: 'Place a purchase order',
    description:
      'An order to a supplier for a warehouse (default MAIN), its lines with unit costs, and its expected date ' +
      "(default: today plus the supplier's lead time). Name the open replenishment requests it answers in " +
      '`requestIds`: its receipt closes them. Its units show as incoming until received.',
    tag: 'Procurement',
    body: createPurchaseOrderBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The purchase order, OPEN',
        body: purchaseOrderResponse,
        headers: { Location: 'The purchase order: `/purchase-orders/{purchaseOrderId}`' },
      },
    },
    problems: {
      404: 'No supplier with this id',
      409: 'A replenishment request named is not open, or another purchase order answers it',
    },
    example: {
      supplierId: 'sup_01JD0000000000000000000001',
      warehouse: 'MAIN',
      expectedDate: '2026-12-20',
      currency: 'USD',
      lines: [{ sku: 'VALVE-DN50', quantity: 500, unitCost: '7.10' }],
      requestIds: ['rpl_01JD0000000000000000000001'],
    },
  },
  'GET /suppliers': {
    summary: 'List suppliers',
    description:
      'Every supplier with its lead time, currency and the skus it was registered for, newest first, a page at a time.',
    tag: 'Procurement',
    query: listSuppliersQuery,
    responses: { 200: { description: 'A page of suppliers', body: supplierPageResponse } },
  },
  'GET /purchase-orders': {
    summary: 'List purchase orders',
    description: 'By status (OPEN, PARTIALLY_RECEIVED, RECEIVED) or all, newest first, a page at a time.',
    tag: 'Procurement',
    query: listPurchaseOrdersQuery,
    responses: { 200: { description: 'A page of purchase orders', body: purchaseOrderPageResponse } },
  },
  'GET /purchase-orders/{id}': {
    summary: 'Read a purchase order',
    description: 'Its lines with what is received and still to come, its receipts and status.',
    tag: 'Procurement',
    pathParams: { id: purchaseOrderIdParam },
    responses: { 200: { description: 'The purchase order', body: purchaseOrderResponse } },
    problems: { 404: 'No purchase order with this id' },
  },
  'POST /purchase-orders/{id}/receipts': {
    summary: 'Receive against a purchase order',
    description:
      'Units of some lines arrived, partial or whole (named by lineNo or sku; never more than is still to ' +
      "come). They move from incoming to on hand in the order's warehouse (or `warehouse`), each with a ledger " +
      'entry; the status goes OPEN → PARTIALLY_RECEIVED → RECEIVED; the orders waiting for the stock resume, ' +
      'oldest first, as after POST /inventory/receipts; a line received in full closes its replenishment request.',
    tag: 'Procurement',
    pathParams: { id: purchaseOrderIdParam },
    body: receivePurchaseOrderBody,
    idempotent: true,
    responses: { 201: { description: 'The receipt', body: purchaseOrderReceiptResponse } },
    problems: { 404: 'No purchase order with this id', 409: 'The purchase order is received in full' },
    example: { lines: [{ sku: 'VALVE-DN50', quantity: 200 }] },
  },
  'GET /replenishment-requests': {
    summary: 'List the open replenishment requests',
    description:
      'Raised once per sku and warehouse when available plus incoming units fall to the reorder point, for ' +
      'up to the maximum; open until the receipt of the purchase order that answers it. Newest first.',
    tag: 'Procurement',
    query: listReplenishmentsQuery,
    responses: { 200: { description: 'A page of open requests', body: replenishmentPageResponse } },
  },
};
