import { makeInMemoryInventoryRepository } from '../../../../shared/adapters/in-memory/inventory';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { makeRecordingCallbacks } from '../../../../shared/adapters/in-memory/workflow-callbacks';
import { EVENT_TYPES } from '../../../../shared/contracts/events';
import { newOrder, type Order } from '../../../../shared/domain/order';
import { makeAllocateStock } from '../../../../shared/use-cases/allocate-stock';
import { makeCreateProduct } from '../../../../shared/use-cases/create-product';
import { makeReceiveInventory } from '../../../../shared/use-cases/receive-inventory';
import { makeSetStock } from '../../../../shared/use-cases/set-stock';

/** The inventory use cases on in-memory ports, with a clock the test moves. */
export function inventoryWorld(options: { closedTokens?: string[] } = {}) {
  let now = new Date('2026-11-27T10:00:00.000Z');
  const clock = { now: () => now };
  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const orders = makeInMemoryOrderRepository();
  const inventory = makeInMemoryInventoryRepository({
    products: ['VALVE-DN50', 'PUMP-3KW', 'FLANGE-DN50'].map((sku) => ({ sku, name: `Product ${sku}` })),
  });
  const events = makeRecordingPublisher();
  // As on Step Functions, a token answers once: a second SendTaskSuccess finds it closed.
  const closedTokens = options.closedTokens ?? [];
  const callbacks = makeRecordingCallbacks(closedTokens);
  const succeed = callbacks.succeed.bind(callbacks);
  callbacks.succeed = async (token, output) => {
    const answered = await succeed(token, output);
    if (answered) closedTokens.push(token);
    return answered;
  };
  let seq = 0;

  /** A confirmed order placed now (each one a minute after the last, so their age is their order). */
  async function orderFor(lines: { sku: string; quantity: number }[]): Promise<Order> {
    advance(1);
    const order = newOrder({
      orderId: `ord_${String(++seq).padStart(26, '0')}`,
      customerId: 'cus_1',
      placedBy: { kind: 'storefront', id: 'sf_a' },
      currency: 'EUR',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      paymentTerms: { type: 'PREPAID' },
      lines: lines.map((line) => ({ ...line, unitPrice: '10.00' })),
      shippingAddress: { name: 'Buyer', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      now: now.toISOString(),
    });
    await orders.create({ ...order, status: 'CONFIRMED' });
    return order;
  }

  /** What the workflow's stock wait does: stores its token on the order (begin-wait's job). */
  async function waitForStock(orderId: string): Promise<string> {
    const order = (await orders.get(orderId))!;
    const token = `token-${orderId}-${order.version}`;
    await orders.save({
      ...order,
      status: 'AWAITING_STOCK',
      pendingWait: { kind: 'stock', token, since: now.toISOString() },
      version: order.version + 1,
    });
    return token;
  }

  /** Every published event must pass its schema, as the EventBridge publisher requires. */
  function published() {
    for (const event of events.published) EVENT_TYPES[event.type].schema.parse(event.detail);
    return events.published;
  }

  return {
    clock,
    advance,
    orders,
    inventory,
    events,
    callbacks,
    orderFor,
    waitForStock,
    published,
    allocateStock: makeAllocateStock({ orders, inventory, events, clock }),
    receiveInventory: makeReceiveInventory({ inventory, orders, callbacks }),
    setStock: makeSetStock({ inventory }),
    createProduct: makeCreateProduct({ inventory, clock }),
  };
}
