import { inquiryActivity, quoteActivity } from '../contracts/crm-activity-events';
import { monthOf } from '../domain/calendar-keys';
import { parseAmount } from '../domain/money';
import type { Order } from '../domain/order';
import { InvalidInputError } from '../errors';
import { logger } from '../observability';
import type { Clock } from '../ports/clock';
import type { CustomerActivityRepository, FactFields } from '../ports/customer-activity';
import type { OrderRepository } from '../ports/orders';
import type { ProductDemandRepository } from '../ports/product-demand';
import type * as z from '../zod-mini';
import { type IncomingEvent, parseEvent } from './incoming-event';
import { makeRefreshCustomerSummary } from './refresh-customer-summary';

export type ActivityOutcome = 'recorded' | 'skipped';

export interface RecordCustomerActivityDeps {
  activity: CustomerActivityRepository;
  demand: ProductDemandRepository;
  /** The order's lines and placing time: OrderReceived carries its total, not its lines. */
  orders: Pick<OrderRepository, 'get'>;
  clock: Clock;
}

/**
 * Keeps the CRM's facts from the bus: orders placed, cancelled or refused, quotes sent, accepted or
 * expired, inquiries received or lost; and the demand rows of each order's products. Every write sets
 * only fields not yet set (first write wins), so a redelivery changes nothing and any arrival order
 * gives the same facts; then the customer's summary is recomputed from all of them.
 */
export function makeRecordCustomerActivity(deps: RecordCustomerActivityDeps) {
  const { activity, demand, orders, clock } = deps;
  const refresh = makeRefreshCustomerSummary({ activity, clock });

  /** The order, which must exist when its events are published: a missing one is retried by the bus. */
  const orderOf = async (orderId: string): Promise<Order> => {
    const order = await orders.get(orderId);
    if (!order) throw new Error(`order ${orderId} not found for its event; delivered again later`);
    return order;
  };

  const recordDemand = async (order: Order, isVoid: boolean) => {
    const quantities = new Map<string, number>();
    for (const line of order.lines) quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
    for (const [sku, quantity] of quantities) {
      await demand.record({
        sku,
        month: monthOf(order.createdAt),
        customerId: order.customerId,
        orderId: order.orderId,
        quantity,
        ...(isVoid ? { void: true } : {}),
      });
    }
  };

  const orderEnded = async (orderId: string, customerId: string, fields: FactFields) => {
    await activity.recordFact(customerId, 'order', orderId, fields);
    const order = await orderOf(orderId);
    await recordDemand(order, true);
    await refresh(customerId, monthOf(order.createdAt));
  };

  return async (event: IncomingEvent): Promise<ActivityOutcome> => {
    switch (event.type) {
      case 'OrderReceived': {
        const { detail } = parseEvent('OrderReceived', event.detail);
        const order = await orderOf(detail.orderId);
        await activity.recordFact(detail.customerId, 'order', detail.orderId, {
          placedAt: order.createdAt,
          currency: order.total.currency,
          totalMinor: order.total.minor,
        });
        await recordDemand(order, false);
        await refresh(detail.customerId, monthOf(order.createdAt));
        return 'recorded';
      }
      case 'OrderCancelled': {
        const { detail } = parseEvent('OrderCancelled', event.detail);
        await orderEnded(detail.orderId, detail.customerId, { cancelledAt: detail.occurredAt });
        return 'recorded';
      }
      case 'OrderRejected': {
        const { detail } = parseEvent('OrderRejected', event.detail);
        await orderEnded(detail.orderId, detail.customerId, { rejectedAt: detail.occurredAt });
        return 'recorded';
      }
      case 'InquiryReceived':
      case 'InquiryLost': {
        const detail = parse(event, inquiryActivity);
        const field = event.type === 'InquiryReceived' ? 'receivedAt' : 'lostAt';
        await activity.recordFact(detail.customerId, 'inquiry', detail.inquiryId, {
          [field]: detail.occurredAt ?? clock.now().toISOString(),
        });
        await refresh(detail.customerId);
        return 'recorded';
      }
      case 'QuoteSent':
      case 'QuoteAccepted':
      case 'QuoteExpired': {
        const detail = parse(event, quoteActivity);
        const field = { QuoteSent: 'sentAt', QuoteAccepted: 'acceptedAt', QuoteExpired: 'expiredAt' }[
          event.type
        ];
        await activity.recordFact(detail.customerId, 'quote', detail.quoteId, {
          [field]: detail.occurredAt ?? clock.now().toISOString(),
          ...(detail.inquiryId ? { inquiryId: detail.inquiryId } : {}),
          ...(event.type === 'QuoteSent' ? quoteTotal(detail) : {}),
        });
        await refresh(detail.customerId);
        return 'recorded';
      }
      default:
        logger.warn('not a customer activity', { type: event.type });
        return 'skipped';
    }
  };
}

/** A detail that lacks what is read is a producer's bug: named (never its values) and dead-lettered. */
function parse<T extends z.ZodMiniType>(event: IncomingEvent, schema: T): z.infer<T> {
  const result = schema.safeParse(event.detail);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.');
    throw new InvalidInputError(
      `${event.type} detail: ${field || '(detail)'}: ${issue.message}`,
      field,
      'INVALID_EVENT',
    );
  }
  return result.data;
}

/** The quote's total as figures, when it can be read; a quote without one still counts as sent. */
function quoteTotal(detail: z.infer<typeof quoteActivity>): FactFields {
  const amount = typeof detail.total === 'object' ? detail.total.amount : detail.total;
  const currency = typeof detail.total === 'object' ? detail.total.currency : detail.currency;
  if (!amount || !currency) return {};
  try {
    return { currency, totalMinor: parseAmount(amount, currency).minor };
  } catch {
    return {};
  }
}
