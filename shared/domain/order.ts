import type { PaymentTerms } from '../contracts/common';
import type { SkuQuantity } from './allocation';
import type { CreditReview } from './credit';
import type { IncotermCode } from './incoterms';
import { type Money, multiply, parseAmount, sum } from './money';
import type { Package, PackingTotals } from './packing';
import type { PaymentSchedule } from './payment-schedule';
import type { Shipment } from './shipment';
import type { ShipmentRecord } from './shipments';
import type { TrackingEvent, TrackingState } from './tracking';

/** The waits of the order workflow; each is a task token with a timeout. */
export const WAIT_KINDS = [
  'credit-decision',
  'deposit',
  'stock',
  'packing',
  'balance',
  'shipment',
  'delivery',
  'payment',
  /** Trade documents held by a failed check until sales fixes the product data (POST …/documents/retry). */
  'documents',
] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];

export interface PendingWait {
  kind: WaitKind;
  token: string;
  since: string;
  /** The highest escalation level raised for this wait (each level is raised once per wait). */
  escalatedLevel?: number;
  /**
   * When the wait's next escalation step is due (ISO; locally compressed by the time scale). It puts
   * the order in the sparse open-waits index the escalation sweep reads; absent once no step is left.
   */
  dueAt?: string;
}

export interface IssuedDocument {
  kind: string;
  number: string;
  version: number;
  issuedAt: string;
  /** The shipment a shipping document is for (orders that allow partial shipments; shipments.ts). */
  shipmentNo?: number;
  /**
   * What this version says (issue-documents' content hash): a step issuing the document again finds
   * it unchanged here, without reading the bucket. Absent on entries written before it was kept.
   */
  contentHash?: string;
}

export interface DocumentTask {
  /** Which documents are held: `confirmation` (proforma, order confirmation) or `shipping` (CI, PL, customs). */
  set: 'confirmation' | 'shipping';
  /** One sentence per problem, e.g. "3 lines have no HS code: 1 VALVE-DN50, 2 …". */
  problems: string[];
  summary: string;
  since: string;
  /** When a retry last found the problems still there. */
  checkedAt?: string;
}

export interface CreditDecisionRecord {
  decision: 'approve' | 'reject';
  by: Actor;
  note?: string;
  at: string;
}

export interface PaymentRecord {
  amount: Money;
  reference: string;
  receivedAt: string;
  by: Actor;
}

/** The public statuses of an order (the lifecycle in DESIGN.md). */
export const ORDER_STATUSES = [
  'RECEIVED',
  'CREDIT_HOLD',
  'CONFIRMED',
  'AWAITING_DEPOSIT',
  'AWAITING_STOCK',
  'IN_PRODUCTION',
  'AWAITING_BALANCE',
  'READY_TO_SHIP',
  'IN_TRANSIT',
  'DELIVERED',
  'AWAITING_PAYMENT',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['COMPLETED', 'CANCELLED', 'REJECTED']);

export interface OrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPrice: Money;
  amount: Money;
}

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: string;
}

/** Who did something: a storefront (by its key's id), a staff member with a role, or the system. */
export interface Actor {
  kind: 'storefront' | 'staff' | 'system';
  id: string;
  role?: string;
}

export interface TimelineEntry {
  at: string;
  what: string;
  status?: OrderStatus;
  by: Actor;
  note?: string;
}

export interface Order {
  orderId: string;
  customerId: string;
  /** The storefront that placed it; a storefront may read only its own orders. */
  placedBy: Actor;
  status: OrderStatus;
  currency: string;
  incoterm: { code: IncotermCode; place: string };
  paymentTerms: PaymentTerms;
  lines: OrderLine[];
  total: Money;
  shippingAddress: Address;
  buyerPo?: string;
  externalRef?: string;
  /** What the shop shows people for `externalRef` (Shopify's "#1042", WooCommerce's number). */
  externalName?: string;
  /** The Idempotency-Key it was placed under, and a hash of the request, to tell a retry from a reuse. */
  createdUnder?: { idempotencyKey: string; requestHash: string };
  /** Why the order was rejected or failed, for people to read. */
  problems?: string[];
  /** Set once business validation passed. */
  validatedAt?: string;
  /** A workflow step that failed for good: where and why, so people can act on it. */
  failure?: { state: string; error: string; cause: string; at: string };
  /** The automatic review and, for a hold, the finance decision: the numbers are kept. */
  creditReview?: CreditReview & { at: string; finalDecision?: CreditDecisionRecord };
  paymentSchedule?: PaymentSchedule;
  /** Every payment recorded, partial and over payments included; `paid` is their sum. */
  payments?: PaymentRecord[];
  paid?: Money;
  /** Units reserved per sku, and what is still short (waiting for stock). */
  reservations?: SkuQuantity[];
  shortfalls?: { sku: string; short: number }[];
  /**
   * When the stock it is short of is expected (set by the stock step): the longest supplier lead time
   * of short skus no purchase order covers, and the latest date of the purchase orders that cover the
   * rest. The SLA of the stock wait counts from it (sla.ts, `supplier-lead-time`).
   */
  supply?: { supplierLeadTimeDays?: number; stockExpectedAt?: string };
  packages?: Package[];
  packingTotals?: PackingTotals;
  shipment?: Shipment & { dispatchedAt: string };
  tracking?: TrackingState;
  trackingEvents?: (TrackingEvent & { recordedAt: string })[];
  delivery?: { deliveredAt: string; receivedBy?: string; recordedAt: string };
  /**
   * The buyer accepts partial shipments: what is allocated ships, the rest is a backorder that ships
   * later (shipments.ts). The fields above (packages … delivery) are then the current shipment's.
   */
  allowPartialShipments?: boolean;
  /** The earlier shipments of an order shipped in parts, closed when the next one starts (shipments.ts). */
  shipments?: ShipmentRecord[];
  /** When settlement is due (e.g. OA net 60 after delivery). */
  paymentDueAt?: string;
  cancellation?: {
    reason: string;
    at: string;
    by: Actor;
    /** The status the order was in when cancelled. */
    statusBefore: OrderStatus;
    refundDue: Money;
    /** Set by the workflow once stock is released and everyone is told. */
    compensatedAt?: string;
  };
  /** The workflow wait the order is in: ended through the API with its task token. */
  pendingWait?: PendingWait;
  /** The day production promised the goods packed (`YYYY-MM-DD`): the packing wait's SLA counts to it. */
  promisedDate?: string;
  /** The trade documents issued: the newest version of each kind (every version is in the documents store). */
  documents?: IssuedDocument[];
  /**
   * Document checks that failed, at most one per set: those documents are not issued until sales
   * fixes the data and retries (POST /orders/{id}/documents/retry). Removed when they are issued.
   */
  documentTasks?: DocumentTask[];
  /** How many times each wait has escalated. */
  escalations?: Partial<Record<WaitKind, number>>;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency counter: every write expects the version it read. */
  version: number;
  timeline: TimelineEntry[];
}

export interface NewOrderInput {
  orderId: string;
  customerId: string;
  placedBy: Actor;
  currency: string;
  incoterm: { code: IncotermCode; place: string };
  paymentTerms: PaymentTerms;
  lines: { sku: string; quantity: number; unitPrice: number | string }[];
  shippingAddress: Address;
  buyerPo?: string;
  externalRef?: string;
  externalName?: string;
  allowPartialShipments?: boolean;
  now: string;
}

/** A received order, priced exactly in minor units. Throws AmountFormatError on a bad price. */
export function newOrder(input: NewOrderInput): Order {
  const lines = input.lines.map((line, index) => {
    const unitPrice = parseAmount(line.unitPrice, input.currency);
    return {
      lineNo: index + 1,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice,
      amount: multiply(unitPrice, line.quantity),
    };
  });
  return {
    orderId: input.orderId,
    customerId: input.customerId,
    placedBy: input.placedBy,
    status: 'RECEIVED',
    currency: input.currency,
    incoterm: input.incoterm,
    paymentTerms: input.paymentTerms,
    lines,
    total: sum(
      input.currency,
      lines.map((line) => line.amount),
    ),
    shippingAddress: input.shippingAddress,
    buyerPo: input.buyerPo,
    externalRef: input.externalRef,
    ...(input.externalName ? { externalName: input.externalName } : {}),
    ...(input.allowPartialShipments ? { allowPartialShipments: true } : {}),
    createdAt: input.now,
    updatedAt: input.now,
    version: 1,
    timeline: [{ at: input.now, what: 'Order received', status: 'RECEIVED', by: input.placedBy }],
  };
}

/** The next state of an order after a status change, with its timeline entry. Pure. */
export function withStatus(
  order: Order,
  status: OrderStatus,
  what: string,
  by: Actor,
  now: string,
  note?: string,
): Order {
  return {
    ...order,
    status,
    updatedAt: now,
    version: order.version + 1,
    timeline: [...order.timeline, { at: now, what, status, by, ...(note ? { note } : {}) }],
  };
}
