import * as z from '../zod-mini';
import { bankTransactionMatchedV1, bankTransactionUnmatchedV1 } from './finance-events';

/**
 * The events on the bus: source `tradeflow.<area>`, past-tense detail types, one zod schema per
 * version with the version in the detail. Adding an optional field is compatible; any other change
 * is a new version. `changeId` is deterministic per change, so consumers can deduplicate redeliveries
 * and re-publications alike. Details carry ids and figures, never personal data. docs/events.md is
 * the catalog.
 */

const base = {
  version: z.literal(1),
  changeId: z.string().check(z.minLength(1)),
  occurredAt: z.iso.datetime(),
  orderId: z.string(),
};
const money = z.object({ amount: z.string(), currency: z.string() });
/**
 * Partial shipments: which shipment of an order shipped in parts a change is about (absent for an
 * ordinary order), and units per sku (what a shipment carries, what is still on backorder).
 */
const shipmentNo = z.optional(z.number().check(z.int(), z.minimum(1)));
const units = z.array(z.object({ sku: z.string(), quantity: z.number().check(z.int()) }));
const orderEvent = <T extends z.core.$ZodLooseShape>(shape: T) => z.object({ ...base, ...shape });

export const orderReceivedV1 = orderEvent({
  customerId: z.string(),
  currency: z.string(),
  total: z.string(),
  lineCount: z.number().check(z.int()),
  incoterm: z.string(),
  shipToCountry: z.string(),
});
export const orderRejectedV1 = orderEvent({ customerId: z.string(), reasons: z.array(z.string()) });
export const orderStalledV1 = orderEvent({
  status: z.string(),
  since: z.iso.datetime(),
  level: z.number().check(z.int(), z.minimum(1)),
  reason: z.string(),
  wait: z.optional(z.string()),
  /** The SLA due time this level was raised for (escalations by the sweep). */
  dueAt: z.optional(z.iso.datetime()),
});
export const creditHeldV1 = orderEvent({
  customerId: z.string(),
  reason: z.string(),
  orderExposure: money,
  limit: z.optional(money),
  headroom: z.optional(money),
});
export const orderConfirmedV1 = orderEvent({
  customerId: z.string(),
  total: money,
  paymentTerms: z.string(),
  installments: z.array(z.object({ kind: z.string(), amount: money, dueOn: z.string(), label: z.string() })),
});
export const paymentReceivedV1 = orderEvent({
  customerId: z.string(),
  amount: money,
  reference: z.string(),
  paid: money,
  outstanding: money,
  overpayment: z.optional(money),
  /** This payment completed the deposit: a DepositReceived is published with it. */
  coversDeposit: z.optional(z.literal(true)),
});
export const depositReceivedV1 = orderEvent({ customerId: z.string(), paid: money });
export const procurementRequestedV1 = orderEvent({
  sku: z.string(),
  quantityShort: z.number().check(z.int(), z.positive()),
});
export const stockAllocatedV1 = orderEvent({
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().check(z.int()) })),
  shipmentNo,
  /** A part allocated: what waits for stock (procurement has a ProcurementRequested for it). */
  backorder: z.optional(units),
});
export const orderPackedV1 = orderEvent({
  packageCount: z.number().check(z.int()),
  grossWeightKg: z.number(),
  volumeM3: z.number(),
  shipmentNo,
});
export const orderReadyToShipV1 = orderEvent({ customerId: z.string(), shipmentNo });
/**
 * The workflow began waiting for people (the status shows what for), where no other event says so:
 * the shipment and balance waits announce themselves as OrderReadyToShip and PaymentDue. For the
 * watchers of the live feed (the console), who otherwise learn of the new status only by reading.
 */
export const orderWaitingV1 = orderEvent({
  wait: z.string(),
  status: z.string(),
  since: z.iso.datetime(),
  shipmentNo,
});
export const shipmentDispatchedV1 = orderEvent({
  customerId: z.string(),
  carrier: z.string(),
  mode: z.string(),
  transportDocumentNo: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.optional(z.string()),
  etd: z.string(),
  eta: z.string(),
  shipmentNo,
  /** What this shipment carries, and what is left on backorder after it (an order shipped in parts). */
  lines: z.optional(units),
  backorder: z.optional(units),
});
export const trackingUpdatedV1 = orderEvent({
  status: z.string(),
  at: z.string(),
  location: z.optional(z.string()),
  eta: z.string(),
  shipmentNo,
});
export const shipmentExceptionOpenedV1 = orderEvent({
  customerId: z.string(),
  exception: z.string(),
  location: z.optional(z.string()),
  note: z.optional(z.string()),
  eta: z.string(),
  shipmentNo,
});
export const shipmentExceptionResolvedV1 = orderEvent({ exception: z.string(), eta: z.string(), shipmentNo });
/** Every unit delivered; `shipmentNo`: the shipment whose delivery completed an order shipped in parts. */
export const orderDeliveredV1 = orderEvent({ customerId: z.string(), deliveredAt: z.string(), shipmentNo });
/** One shipment of an order shipped in parts arrived, and the order is not complete yet. */
export const shipmentDeliveredV1 = orderEvent({
  customerId: z.string(),
  shipmentNo: z.number().check(z.int(), z.minimum(1)),
  deliveredAt: z.string(),
});
export const paymentDueV1 = orderEvent({
  customerId: z.string(),
  outstanding: money,
  dueAt: z.string(),
  /** The balance due before this shipment of an order shipped in parts. */
  shipmentNo,
});
/** A payment past its due date, raised by the escalation sweep: level 1 finance, 2 its manager, 3+ the buyer. */
export const paymentOverdueV1 = orderEvent({
  customerId: z.string(),
  level: z.number().check(z.int(), z.minimum(1)),
  since: z.iso.datetime(),
  dueAt: z.string(),
  outstanding: money,
});
export const orderCompletedV1 = orderEvent({ customerId: z.string(), total: money });
/** Trade documents issued (a set: confirmation or shipping); each with its number and version. */
export const documentsIssuedV1 = orderEvent({
  customerId: z.string(),
  set: z.enum(['confirmation', 'shipping']),
  documents: z.array(
    z.object({ kind: z.string(), number: z.string(), version: z.number().check(z.int(), z.minimum(1)) }),
  ),
  /** The shipment a shipping set is for (an order that allows partial shipments). */
  shipmentNo,
});
/** A check before issue failed: nothing issued; sales fixes the product data and retries. Skus and counts only. */
export const documentChecksFailedV1 = orderEvent({
  customerId: z.string(),
  set: z.enum(['confirmation', 'shipping']),
  summary: z.string(),
  problems: z.array(z.string()),
  problemCount: z.number().check(z.int(), z.minimum(1)),
});
export const orderCancelledV1 = orderEvent({
  customerId: z.string(),
  reason: z.string(),
  statusWhenCancelled: z.string(),
  refundDue: money,
  released: z.array(z.object({ sku: z.string(), quantity: z.number().check(z.int()) })),
});

/**
 * A shop's order webhook, verified and kept (its payload, with the buyer's details, stays in the
 * inbox table; the event carries ids only). `orderId` is the order it makes or changes: one per shop
 * order, whatever the topic or the order in which topics arrive.
 */
const storefrontDelivery = {
  ...base,
  storefrontId: z.string(),
  platform: z.string(),
  deliveryId: z.string(),
  topic: z.string(),
  externalRef: z.string(),
};
export const storefrontOrderReceivedV1 = z.object(storefrontDelivery);
export const storefrontOrderUnprocessableV1 = z.object({
  ...storefrontDelivery,
  problems: z.array(z.string()),
});

/**
 * An inquiry not answered within its SLA (first reply, 24 h by default), raised by the escalation
 * sweep once per level (1 sales, 2 its manager). `orderId` carries the inquiry's id (an inquiry has
 * no order yet; every consumer keys its once-log on `orderId`), and `inquiryId` says so explicitly.
 */
export const inquiryOverdueV1 = orderEvent({
  inquiryId: z.string(),
  level: z.number().check(z.int(), z.minimum(1)),
  since: z.iso.datetime(),
  dueAt: z.iso.datetime(),
});

/**
 * A quote's life (issue 8, "Quotes"): a quote has no order (until accepted), so its events have their
 * own base, without `orderId`, keyed by `quoteId`. `inquiryId` when the quote answers an inquiry (the
 * inquiries consume QuoteSent → QUOTED, QuoteAccepted → WON). Ids and figures only.
 */
const quoteEvent = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.object({
    version: z.literal(1),
    changeId: z.string().check(z.minLength(1)),
    occurredAt: z.iso.datetime(),
    quoteId: z.string(),
    inquiryId: z.optional(z.string()),
    customerId: z.string(),
    /** The quote's revision (v1, v2…) the event is about. */
    revision: z.number().check(z.int(), z.minimum(1)),
    ...shape,
  });
export const quoteSentV1 = quoteEvent({
  total: z.string(),
  currency: z.string(),
  validUntil: z.iso.datetime(),
});
export const quoteAcceptedV1 = quoteEvent({ orderId: z.string(), total: z.string(), currency: z.string() });
export const quoteExpiringV1 = quoteEvent({ validUntil: z.iso.datetime() });
/** A revision with lines below the margin floor waits for a sales manager: how many, and the floor. */
export const quoteApprovalRequestedV1 = quoteEvent({
  total: z.string(),
  currency: z.string(),
  linesBelowFloor: z.number().check(z.int(), z.minimum(1)),
  marginFloorPercent: z.number(),
});
export const quoteExpiredV1 = quoteEvent({ validUntil: z.iso.datetime() });

/**
 * A buyer's inquiry and its life (the inquiries issue). As with InquiryOverdue, `orderId` carries the
 * inquiry's id (consumers key their once-log on it) and `inquiryId` says so. Ids and figures only.
 */
const inquiryEvent = <T extends z.core.$ZodLooseShape>(shape: T) =>
  orderEvent({ inquiryId: z.string(), customerId: z.string(), ...shape });
export const inquiryReceivedV1 = inquiryEvent({
  /** `storefront` (its form, with its key) or `staff`. */
  channel: z.enum(['storefront', 'staff']),
  lineCount: z.number().check(z.int()),
  /** The buyer wrote free text besides (or instead of) product lines. */
  hasText: z.boolean(),
  targetPrice: z.optional(money),
  destinationCountry: z.optional(z.string()),
  incoterm: z.optional(z.string()),
});
export const inquiryRepliedV1 = inquiryEvent({
  replyId: z.string(),
  /** Replies so far, this one included: 1 is the first reply, which ends the SLA wait. */
  replyCount: z.number().check(z.int(), z.minimum(1)),
});
export const inquiryLostV1 = inquiryEvent({
  replyCount: z.number().check(z.int()),
  quoteCount: z.number().check(z.int()),
});
export const inquiryWonV1 = inquiryEvent({ quoteId: z.string() });

/**
 * A customer's profile changed (`PATCH /customers/{id}`): which fields, never their values. `orderId`
 * carries the customer's id (consumers key their once-log on it), as the inquiries' events do theirs.
 */
export const customerUpdatedV1 = orderEvent({
  customerId: z.string(),
  fields: z.array(z.string()).check(z.minLength(1)),
  /** The profile's version after the change. */
  customerVersion: z.number().check(z.int(), z.minimum(2)),
});

/**
 * A buyer's address was suppressed after a permanent bounce or a complaint: no buyer email goes to it
 * any more, and sales gets a working address. `orderId` is the order the refused email was about, or
 * the customer's id when it was about none (every consumer keys its once-log on `orderId`, as with
 * InquiryOverdue). Ids only: never the address. `detail`: SES' bounce sub-type or complaint type.
 */
export const buyerEmailSuppressedV1 = orderEvent({
  customerId: z.string(),
  reason: z.enum(['bounce', 'complaint']),
  detail: z.optional(z.string()),
});

/**
 * The weekly nudge (schedule `nudge-dormant`): a sales rep's repeat customers past their predicted
 * next order, once per owner and ISO week. `owner` is the profile's owner (a staff id), `sales` for
 * customers with none. As with InquiryOverdue, `orderId` carries the nudge's own id
 * (`nudge_<week>_<owner>`: consumers key their once-log on it). Ids and figures only.
 */
export const dormantCustomersFoundV1 = orderEvent({
  owner: z.string(),
  /** ISO 8601 week, `2026-W10`. */
  week: z.string(),
  /** How many of the owner's customers are dormant. */
  count: z.number().check(z.int(), z.minimum(1)),
  /** The most overdue first; at most 200 (see `count`). */
  customerIds: z.array(z.string()),
});

/**
 * An entry of the staff directory was added or changed (`PUT /staff/{staffId}`, admin): which fields,
 * never their values (no names or addresses), with the role and whether the member is active.
 * `orderId` carries the staff id (consumers key their once-log on it), as CustomerUpdated's carries
 * the customer's. `staffVersion` 1 is the member added (every field named).
 */
export const staffMemberUpdatedV1 = orderEvent({
  staffId: z.string(),
  fields: z.array(z.string()).check(z.minLength(1)),
  staffVersion: z.number().check(z.int(), z.minimum(1)),
  role: z.string(),
  active: z.boolean(),
});

/**
 * Stock of a sku in a warehouse fell to its reorder point (available + incoming): a replenishment
 * up to the maximum is requested, once while it is open (the inventory issue). `orderId` carries the
 * request's id (consumers key their once-log on it), as the inquiries' events do theirs.
 */
export const replenishmentRequestedV1 = orderEvent({
  requestId: z.string(),
  sku: z.string(),
  warehouse: z.string(),
  quantity: z.number().check(z.int(), z.minimum(1)),
  available: z.number().check(z.int()),
  incoming: z.number().check(z.int()),
  reorderPoint: z.number().check(z.int()),
  maxStock: z.optional(z.number().check(z.int())),
});

/** Every event type: its source and schema. The publisher refuses a detail its schema rejects. */
export const EVENT_TYPES = {
  OrderReceived: { source: 'tradeflow.orders', schema: orderReceivedV1 },
  OrderRejected: { source: 'tradeflow.orders', schema: orderRejectedV1 },
  OrderStalled: { source: 'tradeflow.orders', schema: orderStalledV1 },
  CreditHeld: { source: 'tradeflow.finance', schema: creditHeldV1 },
  OrderConfirmed: { source: 'tradeflow.orders', schema: orderConfirmedV1 },
  PaymentReceived: { source: 'tradeflow.finance', schema: paymentReceivedV1 },
  DepositReceived: { source: 'tradeflow.finance', schema: depositReceivedV1 },
  ProcurementRequested: { source: 'tradeflow.inventory', schema: procurementRequestedV1 },
  StockAllocated: { source: 'tradeflow.inventory', schema: stockAllocatedV1 },
  ReplenishmentRequested: { source: 'tradeflow.inventory', schema: replenishmentRequestedV1 },
  OrderPacked: { source: 'tradeflow.production', schema: orderPackedV1 },
  OrderReadyToShip: { source: 'tradeflow.orders', schema: orderReadyToShipV1 },
  OrderWaiting: { source: 'tradeflow.orders', schema: orderWaitingV1 },
  ShipmentDispatched: { source: 'tradeflow.logistics', schema: shipmentDispatchedV1 },
  TrackingUpdated: { source: 'tradeflow.logistics', schema: trackingUpdatedV1 },
  ShipmentExceptionOpened: { source: 'tradeflow.logistics', schema: shipmentExceptionOpenedV1 },
  ShipmentExceptionResolved: { source: 'tradeflow.logistics', schema: shipmentExceptionResolvedV1 },
  OrderDelivered: { source: 'tradeflow.logistics', schema: orderDeliveredV1 },
  ShipmentDelivered: { source: 'tradeflow.logistics', schema: shipmentDeliveredV1 },
  PaymentDue: { source: 'tradeflow.finance', schema: paymentDueV1 },
  PaymentOverdue: { source: 'tradeflow.finance', schema: paymentOverdueV1 },
  BankTransactionMatched: { source: 'tradeflow.finance', schema: bankTransactionMatchedV1 },
  BankTransactionUnmatched: { source: 'tradeflow.finance', schema: bankTransactionUnmatchedV1 },
  InquiryOverdue: { source: 'tradeflow.sales', schema: inquiryOverdueV1 },
  QuoteSent: { source: 'tradeflow.sales', schema: quoteSentV1 },
  QuoteAccepted: { source: 'tradeflow.sales', schema: quoteAcceptedV1 },
  QuoteExpiring: { source: 'tradeflow.sales', schema: quoteExpiringV1 },
  QuoteApprovalRequested: { source: 'tradeflow.sales', schema: quoteApprovalRequestedV1 },
  QuoteExpired: { source: 'tradeflow.sales', schema: quoteExpiredV1 },
  InquiryReceived: { source: 'tradeflow.sales', schema: inquiryReceivedV1 },
  InquiryReplied: { source: 'tradeflow.sales', schema: inquiryRepliedV1 },
  InquiryLost: { source: 'tradeflow.sales', schema: inquiryLostV1 },
  InquiryWon: { source: 'tradeflow.sales', schema: inquiryWonV1 },
  CustomerUpdated: { source: 'tradeflow.crm', schema: customerUpdatedV1 },
  OrderCompleted: { source: 'tradeflow.orders', schema: orderCompletedV1 },
  DocumentsIssued: { source: 'tradeflow.documents', schema: documentsIssuedV1 },
  DocumentChecksFailed: { source: 'tradeflow.documents', schema: documentChecksFailedV1 },
  OrderCancelled: { source: 'tradeflow.orders', schema: orderCancelledV1 },
  StorefrontOrderReceived: { source: 'tradeflow.storefronts', schema: storefrontOrderReceivedV1 },
  StorefrontOrderUnprocessable: { source: 'tradeflow.storefronts', schema: storefrontOrderUnprocessableV1 },
  BuyerEmailSuppressed: { source: 'tradeflow.customers', schema: buyerEmailSuppressedV1 },
  DormantCustomersFound: { source: 'tradeflow.crm', schema: dormantCustomersFoundV1 },
  StaffMemberUpdated: { source: 'tradeflow.staff', schema: staffMemberUpdatedV1 },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type EventDetail<T extends EventType> = z.infer<(typeof EVENT_TYPES)[T]['schema']>;

/**
 * What an event is about, the key consumers keep their once-log under: its `orderId` (or the inquiry
 * or customer standing in for one), or a quote's id for the quote events, which have no order.
 */
export const subjectIdOf = (detail: EventDetail<EventType>): string =>
  'orderId' in detail ? detail.orderId : detail.quoteId;

export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; detail: EventDetail<K> };
}[T];
