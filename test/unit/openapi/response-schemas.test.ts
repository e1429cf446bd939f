import type { $ZodType } from 'zod/v4/core';
import { parse } from 'zod/v4/core';
import { customerResponse } from '../../../shared/contracts/customer-responses';
import { type ErrorResponse, errorResponse } from '../../../shared/contracts/error-responses';
import {
  productResponse,
  receiptResponse,
  stockResponse,
} from '../../../shared/contracts/inventory-responses';
import { orderPageResponse, orderResponse } from '../../../shared/contracts/order-responses';
import type { Customer } from '../../../shared/domain/customer';
import type { Product, Stock } from '../../../shared/domain/inventory';
import type { Order } from '../../../shared/domain/order';
import { summarize } from '../../../shared/domain/order-summary';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../shared/errors';
import { toHttpError } from '../../../shared/http/error-mapping';
import { productView, stockView } from '../../../shared/http/inventory-views';
import type { ErrorBody } from '../../../shared/http/responses';
import { customerView, orderSummaryView, orderView } from '../../../shared/http/views';
import type * as z from '../../../shared/zod-mini';
import { ALL_STATUSES, anOrder, staff, waitingFor } from '../../fixtures/orders';

/**
 * The response schemas the OpenAPI document shows (shared/contracts/*-responses.ts) are written next
 * to the views, not derived from them: real views must fit them key for key (nothing stripped), and
 * the views' types must be assignable to them (checked by tsc, below), so neither can drift.
 */

// Compile-time: each view's return type fits its schema's input type.
type Fits<View, Schema extends $ZodType> = View extends z.input<Schema> ? true : never;
const typeChecks: [
  Fits<ReturnType<typeof orderView>, typeof orderResponse>,
  Fits<{ items: ReturnType<typeof orderSummaryView>[]; nextToken?: string }, typeof orderPageResponse>,
  Fits<ReturnType<typeof customerView>, typeof customerResponse>,
  Fits<ReturnType<typeof productView>, typeof productResponse>,
  Fits<ReturnType<typeof stockView>, typeof stockResponse>,
  Fits<ErrorBody, typeof errorResponse>,
  [ErrorResponse] extends [ErrorBody] ? true : never,
] = [true, true, true, true, true, true, true];

/** Parses and checks nothing was dropped: an unknown key in the view means the schema lags behind. */
function expectFits(schema: $ZodType, view: unknown): void {
  expect(parse(schema, view)).toEqual(JSON.parse(JSON.stringify(view)));
}

function richOrder(): Order {
  return anOrder('IN_TRANSIT', {
    pendingWait: waitingFor('delivery'),
    paid: { currency: 'EUR', minor: 182988 },
    payments: [
      {
        amount: { currency: 'EUR', minor: 182988 },
        reference: 'DEP-1',
        receivedAt: '2026-11-21T00:00:00.000Z',
        by: staff.finance,
      },
    ],
    reservations: [{ sku: 'VALVE-DN50', quantity: 200 }],
    shortfalls: [{ sku: 'PUMP-3KW', short: 1 }],
    packages: [
      {
        weightKg: 10,
        lengthCm: 10,
        widthCm: 10,
        heightCm: 10,
        lines: [{ sku: 'VALVE-DN50', quantity: 200 }],
      },
    ],
    packingTotals: { packageCount: 1, grossWeightKg: 10, volumeM3: 0.001 },
    shipment: {
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'MAEU1',
      trackingNumber: 'MSKU1',
      trackingUrl: 'https://carrier.example/MSKU1',
      etd: '2026-12-01',
      eta: '2027-01-05',
      portOfLoading: 'CNSHA',
      portOfDischarge: 'DEHAM',
      dispatchedAt: '2026-11-26T10:00:00.000Z',
    },
    tracking: {
      eta: '2027-01-09',
      exception: {
        type: 'DELAYED',
        openedAt: '2026-12-10T09:30:00Z',
        location: 'Singapore',
        note: 'Port congestion',
      },
      lastEventAt: '2026-12-10T09:30:00Z',
    },
    trackingEvents: [
      {
        status: 'DELAYED',
        at: '2026-12-10T09:30:00Z',
        newEta: '2027-01-09',
        location: 'Singapore',
        note: 'x',
        recordedAt: '2026-12-10T09:31:00.000Z',
      },
    ],
    delivery: {
      deliveredAt: '2027-01-09T10:00:00Z',
      receivedBy: 'J. Weber',
      recordedAt: '2027-01-09T10:01:00.000Z',
    },
    paymentDueAt: '2027-03-09T00:00:00.000Z',
    problems: ['a problem'],
    failure: { state: 'AllocateStock', error: 'Error', cause: 'boom', at: '2026-11-20T08:00:00.000Z' },
    buyerPo: 'PO-1',
    externalRef: 'shop-1001',
    cancellation: {
      reason: 'withdrawn',
      at: '2026-11-22T00:00:00.000Z',
      by: staff.sales,
      statusBefore: 'CONFIRMED',
      refundDue: { currency: 'EUR', minor: 100 },
      compensatedAt: '2026-11-22T00:01:00.000Z',
    },
  });
}

describe('response schemas', () => {
  it('are checked against the views at compile time', () => {
    // Assess
    expect(typeChecks.every(Boolean)).toBe(true);
  });

  it.each(ALL_STATUSES)('an order %s fits the order schema, for staff and storefronts', (status) => {
    // Prepare
    const order = anOrder(status);
    // Assess
    expectFits(orderResponse, orderView(order, 'staff'));
    expectFits(orderResponse, orderView(order, 'storefront'));
  });

  it('an order with everything an order can carry fits the order schema', () => {
    // Prepare
    const order = richOrder();
    // Act
    const view = orderView({ ...order, paid: { currency: 'EUR', minor: 999999999 } });
    // Assess
    expectFits(orderResponse, view);
    expect(view).toHaveProperty('overpaid');
    expect(view).toHaveProperty('creditReview');
    expect(view).toHaveProperty('paymentSchedule');
  });

  it('a page of order summaries fits the page schema', () => {
    // Prepare
    const items = [anOrder('RECEIVED'), richOrder()].map((order) => orderSummaryView(summarize(order)));
    // Assess
    expectFits(orderPageResponse, { items, nextToken: 'abc' });
  });

  it('customers, products, stock and receipts fit theirs', () => {
    // Prepare
    const customer: Customer = {
      customerId: 'cus_1',
      name: 'Buyer',
      email: 'buyer@example.com',
      country: 'DE',
      company: 'Hamburg Tools GmbH',
      language: 'de',
      currency: 'EUR',
      creditLimit: { currency: 'EUR', minor: 5000000 },
      paymentTerms: { type: 'TT', depositPercent: 30 },
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-20T08:00:00.000Z',
      version: 1,
    };
    const product: Product = {
      sku: 'VALVE-DN50',
      name: 'Ball valve',
      hsCode: '8481.80',
      originCountry: 'CN',
      unit: 'pcs',
      netWeightKg: 1.2,
      grossWeightKg: 1.4,
      unitCost: { currency: 'EUR', minor: 710 },
      price: { currency: 'EUR', minor: 1250 },
      createdAt: '2026-11-20T08:00:00.000Z',
    };
    const stock: Stock = {
      sku: 'VALVE-DN50',
      onHand: 1000,
      available: 800,
      reorderPoint: 100,
      maxStock: 5000,
      warehouse: 'MAIN',
      reservations: { ord_b: 150, ord_a: 50 },
      version: 3,
    };
    // Assess
    expectFits(customerResponse, customerView(customer));
    expectFits(productResponse, productView(product));
    expectFits(stockResponse, stockView(stock));
    expectFits(receiptResponse, {
      sku: 'VALVE-DN50',
      received: 10,
      stock: stockView(stock),
      resumedOrderIds: ['ord_a'],
      note: 'Not every waiting order could be resumed now',
    });
  });

  it('the problem bodies the error mapping gives fit the error schema', () => {
    // Prepare
    const errors = [
      new InvalidInputError('reason is required', 'reason'),
      new NotFoundError('order ord_1 not found'),
      new ConflictError('not now', 'IN_TRANSIT'),
      new Error('internal'),
    ];
    // Assess
    for (const error of errors) expectFits(errorResponse, JSON.parse(toHttpError(error).body));
  });
});
