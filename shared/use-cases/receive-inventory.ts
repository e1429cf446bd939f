import type { ReceiveInventoryBody } from '../contracts/inventory';
import type { Stock } from '../domain/inventory';
import { type Actor, TERMINAL_STATUSES } from '../domain/order';
import { NotFoundError } from '../errors';
import type { InventoryRepository } from '../ports/inventory';
import type { OrderRepository } from '../ports/orders';
import type { WorkflowCallbacks } from '../ports/workflow-callbacks';

export interface ReceiveInventoryDeps {
  inventory: InventoryRepository;
  orders: OrderRepository;
  callbacks: WorkflowCallbacks;
}

export interface Receipt {
  stock: Stock;
  /** The orders whose stock wait was ended by this receipt, oldest first. */
  resumedOrderIds: string[];
  /**
   * Set when resuming failed part way (the stock is added either way, so the receipt must not fail
   * and be posted again): the orders not told end their wait when it next times out and re-checks.
   */
  resumeFailed?: { error: unknown };
}

/**
 * POST /inventory/receipts: adds the units, then resumes the orders waiting for the sku, oldest
 * first, as many as the available stock covers (their shortfalls added up; a younger order never
 * overtakes an older one). A resumed order's workflow allocates again. An order covered but not in
 * its stock wait at this moment (its wait is just starting, or was re-entered after a timeout) keeps
 * its place: the wait's start sees the units and ends itself. Orders that ended meanwhile leave the queue.
 */
export function makeReceiveInventory({ inventory, orders, callbacks }: ReceiveInventoryDeps) {
  const resumeWaiting = makeResumeWaitingOrders({ inventory, orders, callbacks });
  return async (body: ReceiveInventoryBody, by?: Actor): Promise<Receipt> => {
    if (!(await inventory.getProduct(body.sku)))
      throw new NotFoundError(`product ${body.sku} does not exist`);
    const stock = await inventory.receive(body.sku, body.quantity, { warehouse: body.warehouse, by });
    return { stock, ...(await resumeWaiting(body.sku, stock.available)) };
  };
}

/**
 * After units of `sku` arrived (`available` now, over every warehouse): resumes the orders waiting
 * for it, oldest first, as many as the units cover (see makeReceiveInventory). Shared by
 * `POST /inventory/receipts` and purchase-order receipts, so both resume orders the same way.
 */
export function makeResumeWaitingOrders({ inventory, orders, callbacks }: ReceiveInventoryDeps) {
  return async (sku: string, available: number): Promise<Omit<Receipt, 'stock'>> => {
    const resumedOrderIds: string[] = [];
    try {
      let unpromised = available;
      for (const entry of await inventory.listWaiting(sku)) {
        const order = await orders.get(entry.orderId);
        if (!order || order.cancellation || TERMINAL_STATUSES.has(order.status)) {
          await inventory.removeWaiting(sku, entry.orderId);
          continue;
        }
        if (entry.short > unpromised) break;
        unpromised -= entry.short;
        const wait = order.pendingWait;
        if (wait?.kind === 'stock' && (await callbacks.succeed(wait.token, { kind: 'stock' }))) {
          resumedOrderIds.push(order.orderId);
        }
      }
    } catch (error) {
      return { resumedOrderIds, resumeFailed: { error } };
    }
    return { resumedOrderIds };
  };
}
