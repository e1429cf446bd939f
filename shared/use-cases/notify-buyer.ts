import type { DomainEvent } from '../contracts/events';
import { renderBuyerEmail } from '../email/buyer-emails';
import { logger } from '../observability';
import type { CustomerRepository } from '../ports/customers';
import type { Mailer } from '../ports/mailer';
import type { OnceLog } from '../ports/once';
import type { OrderRepository } from '../ports/orders';

export interface NotifyBuyerDeps {
  orders: OrderRepository;
  customers: CustomerRepository;
  mailer: Mailer;
  once: OnceLog;
}

/**
 * One email per change: the change is claimed first; if sending fails the claim is given back so the
 * bus's retry sends it. A redelivered event finds the claim and sends nothing.
 */
export function makeNotifyBuyer({ orders, customers, mailer, once }: NotifyBuyerDeps) {
  return async (event: DomainEvent<'OrderReceived'>): Promise<'sent' | 'duplicate' | 'skipped'> => {
    const { orderId, changeId } = event.detail;
    const order = await orders.get(orderId);
    const customer = order && (await customers.get(order.customerId));
    if (!order || !customer) {
      logger.warn('no order or customer for buyer email', { orderId });
      return 'skipped';
    }
    const scope = `ORDER#${orderId}`;
    if (!(await once.claim(scope, `email:${changeId}`))) return 'duplicate';
    try {
      const email = renderBuyerEmail(event.type, order, customer);
      await mailer.send({ ...email, to: [customer.email], tags: { orderId, change: event.type } });
      return 'sent';
    } catch (error) {
      await once.release(scope, `email:${changeId}`);
      throw error;
    }
  };
}
