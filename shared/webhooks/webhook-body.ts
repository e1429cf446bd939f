import type { DomainEvent } from '../contracts/events';
import type { Department } from '../domain/subscription';

/**
 * The JSON a subscription's webhook receives: what changed, on which order, and the event's detail
 * (ids and figures, as on the bus: no buyer's name, email, phone or address; docs/events.md). `id`
 * is the change, the same for every retry: a receiver keeps the ids it has seen to drop repeats.
 */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  department: Department;
  subscriptionId: string;
  orderId: string;
  orderUrl?: string;
  data: Record<string, unknown>;
}

export function webhookBody(
  event: DomainEvent,
  department: Department,
  subscriptionId: string,
  orderUrl: string | undefined,
): WebhookBody {
  const detail = event.detail as { changeId: string; occurredAt: string; orderId: string };
  return {
    id: detail.changeId,
    type: event.type,
    occurredAt: detail.occurredAt,
    department,
    subscriptionId,
    orderId: detail.orderId,
    ...(orderUrl ? { orderUrl } : {}),
    data: event.detail as Record<string, unknown>,
  };
}
