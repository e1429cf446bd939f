import type { OrderReceivable } from '../domain/receivables';

/** The orders that owe money or hold a credit (the sparse open-receivables index), never all orders. */
export interface ReceivableReader {
  /** Every open receivable, or one customer's; by customer, then order id. */
  list(options?: { customerId?: string }): Promise<OrderReceivable[]>;
}
