import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { makeRecordingCallbacks } from '../../../../shared/adapters/in-memory/workflow-callbacks';
import type { Order } from '../../../../shared/domain/order';
import type { OrderActionDeps } from '../../../../shared/use-cases/order-action';
import { ORDER_ID } from '../../../fixtures/orders';

export { ALL_STATUSES, anOrder, ORDER_ID, staff, waitingFor } from '../../../fixtures/orders';

/** The clock of every staff action in these tests. */
export const NOW = '2026-11-27T10:00:00.000Z';

/** The ports, in memory, around one stored order. */
export function world(...orders: Order[]) {
  const repository = makeInMemoryOrderRepository(orders);
  const events = makeRecordingPublisher();
  const callbacks = makeRecordingCallbacks();
  const clock = { now: () => new Date(NOW) };
  const deps: OrderActionDeps = { orders: repository, events, callbacks, clock };
  return {
    deps,
    orders: repository,
    events,
    callbacks,
    stored: async (orderId = ORDER_ID) => (await repository.get(orderId))!,
    types: () => events.published.map((event) => event.type),
  };
}
