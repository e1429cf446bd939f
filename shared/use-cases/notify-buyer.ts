import { isBuyerEmailType, notForTheBuyer, toldByAnotherEmail } from '../email/buyer-catalog';
import { renderBuyerEmail } from '../email/buyer-emails';
import { logger } from '../observability';
import type { CustomerRepository } from '../ports/customers';
import type { Mailer } from '../ports/mailer';
import type { OnceLog } from '../ports/once';
import type { OrderRepository } from '../ports/orders';
import type { TrackingTokens } from '../ports/tracking-tokens';
import type { TrackingPageUrls } from '../tracking-page/links';
import { buyerLinks } from './buyer-links';
import { doOnce, type RunInfo } from './do-once';
import { type IncomingEvent, parseEvent } from './incoming-event';

export interface NotifyBuyerDeps {
  orders: OrderRepository;
  customers: CustomerRepository;
  mailer: Mailer;
  once: OnceLog;
  /**
   * Every email links the order's tracking page (its token made here if the order has none yet); the
   * shipment email also the documents the order lists.
   */
  trackingTokens: TrackingTokens;
  trackingUrls: TrackingPageUrls;
}

export type NotifyOutcome = 'sent' | 'duplicate' | 'skipped';

/**
 * The buyer's email for a change. The detail is checked against its type's schema (a detail that
 * does not fit throws InvalidInputError: see parseEvent). A type with no buyer email is skipped, not thrown, since a throw means a
 * redelivery. One email per change: the change is claimed first; if sending fails the claim is given
 * back so the bus's retry sends it; a redelivered event finds the claim and sends nothing.
 */
export function makeNotifyBuyer(deps: NotifyBuyerDeps) {
  const { orders, customers, mailer, once } = deps;
  return async (event: IncomingEvent, run?: RunInfo): Promise<NotifyOutcome> => {
    if (!isBuyerEmailType(event.type)) {
      logger.info('no buyer email for this event type', { type: event.type });
      return 'skipped';
    }
    const parsed = parseEvent(event.type, event.detail);
    const { orderId, changeId } = parsed.detail;
    if (notForTheBuyer(parsed)) {
      logger.info('an escalation level for staff, not the buyer', { type: event.type, orderId });
      return 'skipped';
    }
    if (toldByAnotherEmail(parsed)) {
      logger.info('this change is told by another email', { type: event.type, orderId });
      return 'skipped';
    }
    const order = await orders.get(orderId);
    const customer = order && (await customers.get(order.customerId));
    if (!order || !customer) {
      logger.warn('no order or customer for buyer email', { orderId, type: event.type });
      return 'skipped';
    }
    const email = renderBuyerEmail(
      parsed,
      order,
      customer,
      await buyerLinks(
        deps,
        parsed.type,
        order,
        'shipmentNo' in parsed.detail ? parsed.detail.shipmentNo : undefined,
      ),
    );
    const done = await doOnce(once, `ORDER#${orderId}`, `email:${changeId}`, run, () =>
      mailer.send({
        ...email,
        to: [customer.email],
        tags: { orderId, change: event.type },
        // The buyer mailer checks suppression and records it in the customer's history, once.
        customer: {
          customerId: customer.customerId,
          entryId: `email:${orderId}:${changeId}`,
          at: parsed.detail.occurredAt,
          refs: { orderId },
        },
      }),
    );
    return done === 'now' ? 'sent' : 'duplicate';
  };
}
