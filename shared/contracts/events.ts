import * as z from '../zod-mini';

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
});
export const orderPackedV1 = orderEvent({
  packageCount: z.number().check(z.int()),
  grossWeightKg: z.number(),
  volumeM3: z.number(),
});
export const orderReadyToShipV1 = orderEvent({ customerId: z.string() });
export const shipmentDispatchedV1 = orderEvent({
  customerId: z.string(),
  carrier: z.string(),
  mode: z.string(),
  transportDocumentNo: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.optional(z.string()),
  etd: z.string(),
  eta: z.string(),
});
export const trackingUpdatedV1 = orderEvent({
  status: z.string(),
  at: z.string(),
  location: z.optional(z.string()),
  eta: z.string(),
});
export const shipmentExceptionOpenedV1 = orderEvent({
  customerId: z.string(),
  exception: z.string(),
  location: z.optional(z.string()),
  note: z.optional(z.string()),
  eta: z.string(),
});
export const shipmentExceptionResolvedV1 = orderEvent({ exception: z.string(), eta: z.string() });
export const orderDeliveredV1 = orderEvent({ customerId: z.string(), deliveredAt: z.string() });
export const paymentDueV1 = orderEvent({ customerId: z.string(), outstanding: money, dueAt: z.string() });
/** A payment past its due date, raised by the escalation sweep: level 1 finance, 2 its manager, 3+ the buyer. */
export const paymentOverdueV1 = orderEvent({
  customerId: z.string(),
  level: z.number().check(z.int(), z.minimum(1)),
  since: z.iso.datetime(),
  dueAt: z.string(),
  outstanding: money,
});
export const orderCompletedV1 = orderEvent({ customerId: z.string(), total: money });
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
 * An inquiry not answered within its SLA (first reply, 24 h by default): the contract for the
 * inquiries issue to publish. `orderId` carries the inquiry's id (an inquiry has no order yet; every
 * consumer keys its once-log on `orderId`), and `inquiryId` says so explicitly.
 */
export const inquiryOverdueV1 = orderEvent({
  inquiryId: z.string(),
  level: z.number().check(z.int(), z.minimum(1)),
  since: z.iso.datetime(),
  dueAt: z.iso.datetime(),
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
  OrderPacked: { source: 'tradeflow.production', schema: orderPackedV1 },
  OrderReadyToShip: { source: 'tradeflow.orders', schema: orderReadyToShipV1 },
  ShipmentDispatched: { source: 'tradeflow.logistics', schema: shipmentDispatchedV1 },
  TrackingUpdated: { source: 'tradeflow.logistics', schema: trackingUpdatedV1 },
  ShipmentExceptionOpened: { source: 'tradeflow.logistics', schema: shipmentExceptionOpenedV1 },
  ShipmentExceptionResolved: { source: 'tradeflow.logistics', schema: shipmentExceptionResolvedV1 },
  OrderDelivered: { source: 'tradeflow.logistics', schema: orderDeliveredV1 },
  PaymentDue: { source: 'tradeflow.finance', schema: paymentDueV1 },
  PaymentOverdue: { source: 'tradeflow.finance', schema: paymentOverdueV1 },
  InquiryOverdue: { source: 'tradeflow.sales', schema: inquiryOverdueV1 },
  OrderCompleted: { source: 'tradeflow.orders', schema: orderCompletedV1 },
  OrderCancelled: { source: 'tradeflow.orders', schema: orderCancelledV1 },
  StorefrontOrderReceived: { source: 'tradeflow.storefronts', schema: storefrontOrderReceivedV1 },
  StorefrontOrderUnprocessable: { source: 'tradeflow.storefronts', schema: storefrontOrderUnprocessableV1 },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type EventDetail<T extends EventType> = z.infer<(typeof EVENT_TYPES)[T]['schema']>;

export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; detail: EventDetail<K> };
}[T];
