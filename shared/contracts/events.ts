import { z } from 'zod';

/**
 * The events on the bus: source `tradeflow.<area>`, past-tense detail types, one zod schema per
 * version with the version in the detail. Adding an optional field is compatible; any other change
 * is a new version. `changeId` is deterministic per change, so consumers can deduplicate redeliveries
 * and re-publications alike. docs/events.md is the catalog.
 */

const base = {
  version: z.literal(1),
  changeId: z.string().min(1),
  occurredAt: z.iso.datetime(),
};

export const orderReceivedV1 = z.object({
  ...base,
  orderId: z.string(),
  customerId: z.string(),
  currency: z.string(),
  total: z.string(),
  lineCount: z.number().int(),
  incoterm: z.string(),
  shipToCountry: z.string(),
});

export const orderRejectedV1 = z.object({
  ...base,
  orderId: z.string(),
  customerId: z.string(),
  reasons: z.array(z.string()),
});

export const orderStalledV1 = z.object({
  ...base,
  orderId: z.string(),
  status: z.string(),
  since: z.iso.datetime(),
  level: z.number().int().min(1),
  reason: z.string(),
});

/** Every event type: its source and schema. The publisher refuses a detail its schema rejects. */
export const EVENT_TYPES = {
  OrderReceived: { source: 'tradeflow.orders', schema: orderReceivedV1 },
  OrderRejected: { source: 'tradeflow.orders', schema: orderRejectedV1 },
  OrderStalled: { source: 'tradeflow.orders', schema: orderStalledV1 },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type EventDetail<T extends EventType> = z.infer<(typeof EVENT_TYPES)[T]['schema']>;

export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  detail: EventDetail<T>;
}
