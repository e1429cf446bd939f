import type { Actor } from '../domain/order';
import { logger } from '../observability';
import { RecipientSuppressedError } from '../ports/mailer';
import type { OnceLog } from '../ports/once';
import type { OrderRepository } from '../ports/orders';
import { doOnce, type RunInfo } from './do-once';
import type { IncomingEvent } from './incoming-event';
import { retryOnConflict } from './retry-on-conflict';

const SYSTEM: Actor = { kind: 'system', id: 'buyer-email' };

export interface NoteBuyerNotToldDeps {
  orders: OrderRepository;
  once: OnceLog;
}

/**
 * Wraps a buyer-email consumer (notify-buyer) whose mailer refuses suppressed addresses (makeBuyerMailer).
 * A refused email is not a failure: retrying would be refused the same way, until sales fixes the
 * address. So instead of throwing (which makes the bus redeliver, then dead-letter) it answers
 * `suppressed`, and notes on the order's timeline, once per change, that the buyer was not emailed
 * and why, where staff see it (GET /orders/{id}, the console). Sales was told when the address was
 * suppressed (BuyerEmailSuppressed).
 */
export function withBuyerNotToldNoted<R extends string>(
  notify: (event: IncomingEvent, run?: RunInfo) => Promise<R>,
  { orders, once }: NoteBuyerNotToldDeps,
) {
  return async (event: IncomingEvent, run?: RunInfo): Promise<R | 'suppressed'> => {
    try {
      return await notify(event, run);
    } catch (error) {
      if (!(error instanceof RecipientSuppressedError)) throw error;
      const { orderId, changeId, occurredAt } = event.detail as {
        orderId: string;
        changeId: string;
        occurredAt: string;
      };
      await doOnce(once, `ORDER#${orderId}`, `not-told:${changeId}`, run, () =>
        retryOnConflict(async () => {
          const order = await orders.get(orderId);
          if (!order) return;
          await orders.save({
            ...order,
            version: order.version + 1,
            timeline: [
              ...order.timeline,
              {
                at: occurredAt,
                what: 'Buyer not emailed',
                by: SYSTEM,
                note: `${event.type}: the buyer's address is suppressed after a ${error.reason}; sales was told`,
              },
            ],
          });
        }),
      );
      logger.info('buyer not told: address suppressed', { orderId, type: event.type, reason: error.reason });
      return 'suppressed';
    }
  };
}
