import type { Order, OrderStatus } from '../domain/order';
import type { OrderSummary } from '../domain/order-summary';

/** Listings give summaries (what the indexes keep); the whole order is `get(orderId)`. */
export interface OrderPage {
  items: OrderSummary[];
  nextToken?: string;
}

export interface OrderRepository {
  /** Stores a new order; throws ConflictError if the id exists. */
  create(order: Order): Promise<void>;
  get(orderId: string): Promise<Order | undefined>;
  /** Writes the order if its stored version is `order.version - 1`; else throws ConcurrentUpdateError. */
  save(order: Order): Promise<void>;
  /**
   * Orders in a status, by their last change: oldest first (the stalled-order sweep), or newest first
   * (staff listings); `updatedBefore` keeps only those last changed before then.
   */
  listByStatus(
    status: OrderStatus,
    options?: { updatedBefore?: string; limit?: number; nextToken?: string; newestFirst?: boolean },
  ): Promise<OrderPage>;
  /**
   * Orders with a shop's order id, newest first; `placedBy` keeps only those a storefront placed
   * (one shop's order ids may repeat another's).
   */
  listByExternalRef(
    externalRef: string,
    options?: { placedBy?: string; limit?: number; nextToken?: string },
  ): Promise<OrderPage>;
  /** A customer's orders, newest first; `status` keeps only those in that status. */
  listByCustomer(
    customerId: string,
    options?: { status?: OrderStatus; limit?: number; nextToken?: string },
  ): Promise<OrderPage>;
}
