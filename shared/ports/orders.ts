import type { Order, OrderStatus } from '../domain/order';

export interface OrderPage {
  items: Order[];
  nextToken?: string;
}

export interface OrderRepository {
  /** Stores a new order; throws ConflictError if the id exists. */
  create(order: Order): Promise<void>;
  get(orderId: string): Promise<Order | undefined>;
  /** Writes the order if its stored version is `order.version - 1`; else throws ConcurrentUpdateError. */
  save(order: Order): Promise<void>;
  /** Orders in a status whose last change is older than `updatedBefore`, oldest first. */
  listByStatus(
    status: OrderStatus,
    options?: { updatedBefore?: string; limit?: number; nextToken?: string },
  ): Promise<OrderPage>;
}
