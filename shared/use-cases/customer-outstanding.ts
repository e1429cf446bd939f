import type { Customer } from '../domain/customer';
import type { Money } from '../domain/money';
import { add, subtract, zero } from '../domain/money-math';
import type { OrderStatus } from '../domain/order';
import type { OrderRepository } from '../ports/orders';

/** The goods have left; what is unpaid on them is credit the customer is using. */
const SHIPPED: ReadonlySet<OrderStatus> = new Set(['IN_TRANSIT', 'DELIVERED', 'AWAITING_PAYMENT']);

/**
 * What a customer owes on goods already shipped or delivered, in `currency` (orders in other
 * currencies are not converted here: there is no exchange-rate table yet, so they do not count).
 */
export function makeCustomerOutstanding(orders: OrderRepository) {
  return async (customer: Customer, currency: string): Promise<Money> => {
    let owed = zero(currency);
    let nextToken: string | undefined;
    do {
      const page = await orders.listByCustomer(customer.customerId, { limit: 100, nextToken });
      for (const order of page.items) {
        if (!SHIPPED.has(order.status) || order.currency !== currency) continue;
        const unpaid = subtract(order.total, order.paid);
        if (unpaid.minor > 0) owed = add(owed, unpaid);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return owed;
  };
}
