import { isCurrencyCode, minorDigits } from '../domain/currencies';
import { AmountFormatError, parseAmount } from '../domain/money';
import { PURCHASE_ORDER_STATUSES } from '../domain/procurement';
import * as z from '../zod-mini';
import { currencyCode, decimalAmount, nonEmpty, pageLimit, pageToken } from './common';
import { sku } from './inventory';

/** API bodies and queries of warehouses, the stock ledger, suppliers and purchase orders. */

const quantity = z
  .number()
  .check(z.int('must be a whole number'), z.positive('must be more than 0'), z.maximum(100_000_000));
export const warehouseName = z
  .string()
  .check(
    z.trim(),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, ".", "_" or "-"'),
  );
const limit = pageLimit(25);
/** A calendar date that exists (2026-02-30 does not: Date.parse would roll it over to March). */
const isRealDate = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};
const DAY_MS = 86_400_000;
const startOfTodayUtc = () => Math.floor(Date.now() / DAY_MS) * DAY_MS;
const isoDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-31'),
    z.refine(isRealDate, { message: 'must be a real date' }),
  );
/**
 * When goods are expected: a real date, from yesterday (a late entry, or a zone behind UTC) up to
 * five years ahead — anything else is a typo that would set a waiting order's SLA.
 */
const expectedDate = isoDate.check(
  z.refine((value) => Date.parse(`${value}T00:00:00Z`) >= startOfTodayUtc() - DAY_MS, {
    message: 'must not be in the past',
  }),
  z.refine((value) => Date.parse(`${value}T00:00:00Z`) <= Date.now() + 5 * 366 * DAY_MS, {
    message: 'must be within five years',
  }),
);
/** A unit cost: a decimal amount above zero (its decimals are checked against the currency below). */
const unitCost = decimalAmount.check(
  z.refine((value) => Number(value) > 0, { message: 'must be more than 0' }),
);
const idParam = (prefix: string) =>
  z
    .string()
    .check(z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]{10,40}$`), `must be an id such as ${prefix}_01J…`));

export const supplierIdParam = idParam('sup');
export const purchaseOrderIdParam = idParam('po');
export const requestIdParam = idParam('rpl');

export const movementsQuery = z.strictObject({
  warehouse: z.optional(warehouseName),
  limit,
  nextToken: pageToken,
});
export type MovementsQuery = z.infer<typeof movementsQuery>;

export const createSupplierBody = z.strictObject({
  name: nonEmpty(200),
  leadTimeDays: z
    .number()
    .check(
      z.int('must be a whole number of days'),
      z.minimum(0, 'must be 0 or more'),
      z.maximum(730, 'must be at most 730'),
    ),
  currency: z.optional(currencyCode),
  /** The skus this supplier supplies: it becomes their supplier, and its lead time their stock waits' SLA. */
  skus: z._default(z.array(sku).check(z.maxLength(500, 'at most 500 skus')), []),
});
export type CreateSupplierBody = z.infer<typeof createSupplierBody>;

export const createPurchaseOrderBody = z
  .strictObject({
    supplierId: supplierIdParam,
    /** Where the goods are to arrive; the default warehouse when absent. */
    warehouse: z.optional(warehouseName),
    /** When absent: today plus the supplier's lead time. */
    expectedDate: z.optional(expectedDate),
    currency: currencyCode,
    lines: z
      .array(z.strictObject({ sku, quantity, unitCost }))
      .check(z.minLength(1, 'must have at least one line'), z.maxLength(200, 'at most 200 lines')),
    /** Open replenishment requests this order answers; its receipt closes them. */
    requestIds: z._default(z.array(requestIdParam).check(z.maxLength(200)), []),
  })
  .check(
    z.refine((body) => new Set(body.lines.map((line) => line.sku)).size === body.lines.length, {
      message: 'must name each sku once',
      path: ['lines'],
    }),
    // Costs are kept exactly in the currency's minor units: 7.105 USD is refused, not rounded.
    z.superRefine((body, ctx) => {
      if (!isCurrencyCode(body.currency)) return;
      for (const [index, line] of body.lines.entries()) {
        const problem = decimalsProblem(line.unitCost, body.currency);
        if (problem)
          ctx.addIssue({
            code: 'custom',
            message: problem,
            input: line.unitCost,
            path: ['lines', index, 'unitCost'],
          });
      }
    }),
  );

function decimalsProblem(value: number | string, currency: string): string | undefined {
  try {
    parseAmount(value, currency);
    return undefined;
  } catch (error) {
    if (error instanceof AmountFormatError)
      return `must have at most ${minorDigits(currency)} decimal places in ${currency}`;
    throw error;
  }
}
export type CreatePurchaseOrderBody = z.infer<typeof createPurchaseOrderBody>;

export const receivePurchaseOrderBody = z.strictObject({
  /** Each line received now, named by `lineNo` or `sku`; partial quantities are fine. */
  lines: z
    .array(
      z
        .strictObject({
          lineNo: z.optional(
            z.number().check(z.int('must be a whole number'), z.minimum(1, 'must be 1 or more')),
          ),
          sku: z.optional(sku),
          quantity,
        })
        .check(
          z.refine((line) => line.lineNo !== undefined || line.sku !== undefined, {
            message: 'must name the line by lineNo or sku',
            path: ['sku'],
          }),
        ),
    )
    .check(z.minLength(1, 'must have at least one line'), z.maxLength(200)),
  /** Where the goods arrived, when not the purchase order's warehouse. */
  warehouse: z.optional(warehouseName),
});
export type ReceivePurchaseOrderBody = z.infer<typeof receivePurchaseOrderBody>;

export const listPurchaseOrdersQuery = z.strictObject({
  status: z.optional(
    z.enum(PURCHASE_ORDER_STATUSES, { message: `must be one of ${PURCHASE_ORDER_STATUSES.join(', ')}` }),
  ),
  limit,
  nextToken: pageToken,
});
export type ListPurchaseOrdersQuery = z.infer<typeof listPurchaseOrdersQuery>;

export const listReplenishmentsQuery = z.strictObject({ limit, nextToken: pageToken });

export const listSuppliersQuery = z.strictObject({ limit, nextToken: pageToken });
export type ListSuppliersQuery = z.infer<typeof listSuppliersQuery>;

/** GET /inventory: every sku's stock; `belowReorderPoint=true` keeps those at or below a reorder point. */
export const stockOverviewQuery = z.strictObject({
  belowReorderPoint: z.optional(z.enum(['true', 'false'], { message: 'must be true or false' })),
  limit,
  nextToken: pageToken,
});
export type StockOverviewQuery = z.infer<typeof stockOverviewQuery>;
