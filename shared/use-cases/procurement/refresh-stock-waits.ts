import type { EscalationSettings } from '../../domain/escalation-settings';
import type { Order } from '../../domain/order';
import type { InventoryRepository } from '../../ports/inventory';
import type { OrderRepository } from '../../ports/orders';
import { updateOrder } from '../update-order';
import { scheduledSteps } from '../wait-schedule';

export interface RefreshStockWaitsDeps {
  orders: OrderRepository;
  inventory: Pick<InventoryRepository, 'listWaiting'>;
  /** When the short stock is expected now (makeSupplyOutlook). */
  supply: (order: Order, shortfalls: { sku: string; short: number }[]) => Promise<Order['supply']>;
  settings: { get: () => Promise<EscalationSettings> };
  timeScale?: number;
}

/**
 * After a purchase order or a supplier's lead time changes what the orders waiting for some skus may
 * expect: each such order's `supply` and its stock wait's next due time follow (the stock step sets
 * them only when it runs, and it runs again only after a receipt that covers the order). Safe to
 * repeat: it writes only what differs, conditional on the order's version. Returns the orders changed.
 */
export function makeRefreshStockWaits(deps: RefreshStockWaitsDeps) {
  return async (skus: readonly string[]): Promise<string[]> => {
    const seen = new Set<string>();
    const changed: string[] = [];
    let settings: EscalationSettings | undefined;
    for (const sku of new Set(skus)) {
      for (const { orderId } of await deps.inventory.listWaiting(sku)) {
        if (seen.has(orderId)) continue;
        seen.add(orderId);
        const order = await deps.orders.get(orderId);
        if (!isWaitingForStock(order) || !order.shortfalls?.length) continue;
        const supply = await deps.supply(order, order.shortfalls);
        settings ??= await deps.settings.get();
        const current = settings;
        const wait = order.pendingWait;
        let wrote = false;
        await updateOrder(deps.orders, orderId, (latest) => {
          // Only the same wait: one that ended or began again meanwhile has its own figures.
          const open = latest.pendingWait;
          if (!isWaitingForStock(latest) || open?.since !== wait.since) return undefined;
          const next: Order = { ...latest, supply };
          const level = (open.escalatedLevel ?? 0) + 1;
          const step = scheduledSteps(next, 'stock', open.since, current, deps.timeScale ?? 1).find(
            (each) => each.level === level,
          );
          if (sameJson(latest.supply, supply) && open.dueAt === step?.at) return undefined;
          const { dueAt: _old, ...rest } = open;
          wrote = true;
          return { ...next, pendingWait: step ? { ...rest, dueAt: step.at } : rest };
        });
        if (wrote) changed.push(orderId);
      }
    }
    return changed;
  };
}

function isWaitingForStock(
  order: Order | undefined,
): order is Order & { pendingWait: NonNullable<Order['pendingWait']> } {
  return (
    !!order && !order.cancellation && order.status === 'AWAITING_STOCK' && order.pendingWait?.kind === 'stock'
  );
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
