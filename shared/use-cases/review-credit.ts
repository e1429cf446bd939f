import type { DomainEvent } from '../contracts/events';
import { reviewCredit } from '../domain/credit';
import type { Customer } from '../domain/customer';
import type { Money } from '../domain/money';
import type { Order } from '../domain/order';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import { moneyOut } from './money-view';
import { OrderCancelledError } from './order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

export interface ReviewCreditDeps {
  orders: OrderRepository;
  customers: CustomerRepository;
  events: EventPublisher;
  clock: Clock;
  /** What the customer owes on goods already shipped or delivered, in `currency`. */
  outstanding: (customer: Customer, currency: string) => Promise<Money>;
}

/**
 * The automatic credit review. The numbers behind the decision are kept on the order; a hold is
 * announced (CreditHeld) for finance. A retry finds the review done and answers the same.
 */
export function makeReviewCredit({ orders, customers, events, clock, outstanding }: ReviewCreditDeps) {
  return async (orderId: string, read?: Order): Promise<{ decision: 'approve' | 'hold'; order: Order }> => {
    const order = read ?? (await orders.get(orderId));
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    if (order.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
    let reviewed = order;
    if (!order.creditReview) {
      const customer = await customers.get(order.customerId);
      const limitCurrency = customer?.creditLimit?.currency ?? order.currency;
      const owed = customer
        ? await outstanding(customer, limitCurrency)
        : { currency: limitCurrency, minor: 0 };
      const review = reviewCredit({
        orderTotal: order.total,
        paymentTerms: order.paymentTerms,
        creditLimit: customer?.creditLimit,
        outstanding: owed,
      });
      const at = clock.now().toISOString();
      reviewed = await updateOrder(
        orders,
        orderId,
        (current) =>
          current.creditReview
            ? undefined
            : withEntry(
                { ...current, creditReview: { ...review, at } },
                {
                  at,
                  by: WORKFLOW,
                  what:
                    review.decision === 'approve'
                      ? 'Credit approved automatically'
                      : 'Credit held for review',
                  note: review.reason,
                },
              ),
        order,
      );
    }
    const review = reviewed.creditReview!;
    if (review.decision === 'hold') await events.publish([creditHeld(reviewed)]);
    return { decision: review.decision, order: reviewed };
  };
}

function creditHeld(order: Order): DomainEvent {
  const review = order.creditReview!;
  return {
    type: 'CreditHeld',
    detail: {
      version: 1,
      changeId: `${order.orderId}:CreditHeld`,
      occurredAt: review.at,
      orderId: order.orderId,
      customerId: order.customerId,
      reason: review.reason,
      orderExposure: moneyOut(review.orderExposure),
      ...(review.limit ? { limit: moneyOut(review.limit) } : {}),
      ...(review.headroom ? { headroom: moneyOut(review.headroom) } : {}),
    },
  };
}
