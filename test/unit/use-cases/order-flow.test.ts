import { makeInMemoryCustomerRepository } from '../../../shared/adapters/in-memory/customers';
import { makeInMemoryInventoryRepository } from '../../../shared/adapters/in-memory/inventory';
import { makeInMemoryOrderRepository } from '../../../shared/adapters/in-memory/orders';
import {
  makeInMemoryOnceLog,
  makeRecordingMailer,
  makeRecordingPublisher,
  makeRecordingWorkflow,
} from '../../../shared/adapters/in-memory/side-effects';
import { makeInMemoryTrackingTokens } from '../../../shared/adapters/in-memory/tracking-tokens';
import { makeInMemoryTradeDocumentStore } from '../../../shared/adapters/in-memory/trade-documents';
import { createCustomerBody } from '../../../shared/contracts/customers';
import { createOrderBody } from '../../../shared/contracts/orders';
import type { Actor } from '../../../shared/domain/order';
import { IdempotencyKeyReusedError, InvalidInputError, NotFoundError } from '../../../shared/errors';
import type { IdPrefix } from '../../../shared/ids';
import { trackingPageUrls } from '../../../shared/tracking-page/links';
import { makeCreateCustomer } from '../../../shared/use-cases/create-customer';
import { makeGetOrder } from '../../../shared/use-cases/get-order';
import { makeMarkOrderFailed } from '../../../shared/use-cases/mark-order-failed';
import { makeNotifyBuyer } from '../../../shared/use-cases/notify-buyer';
import { makePlaceOrder } from '../../../shared/use-cases/place-order';
import { makeSweepStalledOrders } from '../../../shared/use-cases/sweep-stalled-orders';
import { makeValidateOrder } from '../../../shared/use-cases/validate-order';
import { customerBody, orderBody } from '../../fixtures/api-bodies';

const storefront: Actor = { kind: 'storefront', id: 'sf_a' };

/** The change that gets a buyer a "received, we will confirm shortly" email: a hold for review. */
function heldForReview(orderId: string, customerId: string) {
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  return {
    type: 'CreditHeld',
    detail: {
      version: 1,
      changeId: `${orderId}:CreditHeld`,
      occurredAt: '2026-11-27T10:00:01.000Z',
      orderId,
      customerId,
      reason: 'over the credit limit',
      orderExposure: eur('6099.60'),
      limit: eur('5000.00'),
      headroom: eur('-1099.60'),
    },
  };
}

function world() {
  let now = new Date('2026-11-27T10:00:00Z');
  let seq = 0;
  const clock = { now: () => now };
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const newId = (prefix: IdPrefix) => `${prefix}_${String(++seq).padStart(26, '0')}`;
  const orders = makeInMemoryOrderRepository();
  const customers = makeInMemoryCustomerRepository();
  // The products the fixture's order lines name (validation refuses skus that are not products).
  const inventory = makeInMemoryInventoryRepository({
    products: [
      { sku: 'VALVE-DN50', name: 'Ball valve DN50' },
      { sku: 'PUMP-3KW', name: 'Centrifugal pump 3 kW' },
    ],
  });
  const events = makeRecordingPublisher();
  const workflow = makeRecordingWorkflow();
  const mailer = makeRecordingMailer();
  const once = makeInMemoryOnceLog();
  const trackingTokens = makeInMemoryTrackingTokens();
  const documents = makeInMemoryTradeDocumentStore();
  const trackingUrls = trackingPageUrls('https://api.tradeflow.example.com/v1');
  return {
    clock,
    advance,
    orders,
    customers,
    inventory,
    events,
    workflow,
    mailer,
    once,
    trackingTokens,
    documents,
    trackingUrls,
    createCustomer: makeCreateCustomer({ customers, clock, newId }),
    placeOrder: makePlaceOrder({ orders, customers, workflow, clock, newId, trackingTokens }),
    validateOrder: makeValidateOrder({ orders, customers, inventory, events, clock }),
    getOrder: makeGetOrder({ orders }),
    notifyBuyer: makeNotifyBuyer({
      orders,
      customers,
      mailer,
      once,
      trackingTokens,
      trackingUrls,
    }),
    markOrderFailed: makeMarkOrderFailed({ orders, events, clock }),
    sweep: makeSweepStalledOrders({ orders, workflow, events, once, clock, stalledAfterMs: 15 * 60_000 }),
  };
}

async function placed(w: ReturnType<typeof world>) {
  const customer = await w.createCustomer(createCustomerBody.parse(customerBody));
  const order = await w.placeOrder(createOrderBody.parse(orderBody(customer.customerId)), storefront);
  return { customer, order };
}

describe('the first order, through its use cases', () => {
  it('stores a received order priced exactly and starts its workflow named after it', async () => {
    // Prepare
    const w = world();

    // Act
    const { customer, order } = await placed(w);

    // Assess
    expect(customer.email).toBe('buyer@hamburg-tools.example');
    expect(order.status).toBe('RECEIVED');
    expect(order.total).toEqual({ currency: 'EUR', minor: 200 * 1250 + 4 * 89990 });
    expect(w.workflow.started).toEqual([{ orderId: order.orderId, input: { orderId: order.orderId } }]);
    expect((await w.orders.get(order.orderId))?.timeline[0]).toMatchObject({
      what: 'Order received',
      by: storefront,
    });
  });

  it('refuses an order for an unknown customer without writing anything', async () => {
    // Prepare
    const w = world();

    // Act
    const attempt = w.placeOrder(createOrderBody.parse(orderBody('cus_missing')), storefront);

    // Assess
    await expect(attempt).rejects.toMatchObject({ field: 'customerId', code: 'UNKNOWN_CUSTOMER' });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    expect(w.orders.items.size).toBe(0);
    expect(w.workflow.started).toHaveLength(0);
  });

  it('finds the order a retry under the same Idempotency-Key placed, even when the first answer was lost', async () => {
    // Prepare: the first run stored the order and started its workflow, then died before its answer was kept.
    const w = world();
    const customer = await w.createCustomer(createCustomerBody.parse(customerBody));
    const body = createOrderBody.parse(orderBody(customer.customerId));
    const first = await w.placeOrder(body, storefront, 'checkout-7');

    // Act
    const retried = await w.placeOrder(
      createOrderBody.parse(orderBody(customer.customerId)),
      storefront,
      'checkout-7',
    );
    const otherShop = await w.placeOrder(body, { kind: 'storefront', id: 'sf_b' }, 'checkout-7');
    const reused = w.placeOrder({ ...body, buyerPo: 'PO-OTHER' }, storefront, 'checkout-7');

    // Assess
    expect(retried.orderId).toBe(first.orderId);
    expect(first.orderId).toMatch(/^ord_[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(otherShop.orderId).not.toBe(first.orderId);
    await expect(reused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(w.orders.items.size).toBe(2);
    expect(w.workflow.started.map((start) => start.orderId)).toEqual([
      first.orderId,
      first.orderId,
      otherShop.orderId,
    ]);
  });

  it('finds the customer a retry under the same Idempotency-Key created, and refuses the key for another', async () => {
    // Prepare
    const w = world();
    const body = createCustomerBody.parse(customerBody);

    // Act
    const first = await w.createCustomer(body, storefront, 'signup-1');
    const retried = await w.createCustomer(createCustomerBody.parse(customerBody), storefront, 'signup-1');
    const reused = w.createCustomer({ ...body, name: 'Someone Else' }, storefront, 'signup-1');

    // Assess
    expect(retried.customerId).toBe(first.customerId);
    expect(first.customerId).toMatch(/^cus_[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    await expect(reused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(w.customers.items.size).toBe(1);
  });

  it('validates once and announces OrderReceived again on a retry, with the same changeId', async () => {
    // Prepare
    const w = world();
    const { order } = await placed(w);

    // Act
    const first = await w.validateOrder(order.orderId);
    const retry = await w.validateOrder(order.orderId);

    // Assess
    expect(first).toMatchObject({ valid: true, status: 'RECEIVED' });
    expect(retry).toEqual(first);
    const stored = await w.orders.get(order.orderId);
    expect(stored?.version).toBe(2);
    expect(stored?.timeline.map((entry) => entry.what)).toEqual(['Order received', 'Order validated']);
    expect(w.events.published.map((event) => event.type)).toEqual(['OrderReceived', 'OrderReceived']);
    expect(w.events.published[0].detail).toMatchObject({
      changeId: `${order.orderId}:OrderReceived`,
      total: '6099.60',
      lineCount: 2,
    });
    expect(w.events.published[1].detail).toEqual(w.events.published[0].detail);
  });

  it('rejects an order whose lines repeat a sku, with the reason on the order', async () => {
    // Prepare
    const w = world();
    const customer = await w.createCustomer(createCustomerBody.parse(customerBody));
    const body = orderBody(customer.customerId);
    const order = await w.placeOrder(
      createOrderBody.parse({ ...body, lines: [body.lines[0], body.lines[0]] }),
      storefront,
    );

    // Act
    const result = await w.validateOrder(order.orderId);

    // Assess
    expect(result).toMatchObject({ valid: false, status: 'REJECTED' });
    expect((await w.orders.get(order.orderId))?.problems).toEqual([
      'sku VALVE-DN50 appears on more than one line; combine them',
    ]);
    expect(w.events.published[0]).toMatchObject({
      type: 'OrderRejected',
      detail: { reasons: [expect.stringContaining('VALVE-DN50')] },
    });
  });

  it('rejects an order for a product that does not exist, naming the sku', async () => {
    // Prepare
    const w = world();
    const customer = await w.createCustomer(createCustomerBody.parse(customerBody));
    const body = orderBody(customer.customerId);
    const order = await w.placeOrder(
      createOrderBody.parse({
        ...body,
        lines: [...body.lines, { sku: 'GHOST-1', quantity: 1, unitPrice: '1.00' }],
      }),
      storefront,
    );

    // Act
    const result = await w.validateOrder(order.orderId);

    // Assess
    expect(result).toMatchObject({ valid: false, status: 'REJECTED' });
    expect((await w.orders.get(order.orderId))?.problems).toEqual(['product GHOST-1 does not exist']);
  });

  it('emails the buyer once per change, even when the event is delivered twice', async () => {
    // Prepare
    const w = world();
    const { order } = await placed(w);
    await w.validateOrder(order.orderId);
    const event = heldForReview(order.orderId, order.customerId);

    // Act
    const outcomes = [await w.notifyBuyer(event), await w.notifyBuyer(event)];

    // Assess
    expect(outcomes).toEqual(['sent', 'duplicate']);
    expect(w.mailer.sent).toHaveLength(1);
    expect(w.mailer.sent[0]).toMatchObject({
      to: ['buyer@hamburg-tools.example'],
      subject: `Order ${order.orderId} received`,
    });
    expect(w.mailer.sent[0].text).toContain('PO-2026-0042');
    expect(w.mailer.sent[0].html).toContain('6.099,60 EUR');
  });

  it('gives the claim back when sending fails, so the redelivery sends it', async () => {
    // Prepare
    const w = world();
    const { order } = await placed(w);
    await w.validateOrder(order.orderId);
    const event = heldForReview(order.orderId, order.customerId);
    const failing = makeNotifyBuyer({
      ...w,
      mailer: makeRecordingMailer({ failWith: new Error('throttled') }),
    });

    // Act
    await expect(failing(event)).rejects.toThrow('throttled');
    const retried = await w.notifyBuyer(event);

    // Assess
    expect(retried).toBe('sent');
    expect(w.mailer.sent).toHaveLength(1);
  });

  it('shows a storefront only its own orders, and staff every order', async () => {
    // Prepare
    const w = world();
    const { order } = await placed(w);

    // Act / Assess
    await expect(w.getOrder(order.orderId, { kind: 'storefront', id: 'sf_a' })).resolves.toMatchObject({
      orderId: order.orderId,
    });
    await expect(w.getOrder(order.orderId, { kind: 'storefront', id: 'sf_b' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      w.getOrder(order.orderId, { kind: 'staff', id: 'u1', role: 'finance' }),
    ).resolves.toBeDefined();
    await expect(w.getOrder('ord_nope', { kind: 'staff', id: 'u1', role: 'finance' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('records a failed step on the order once and raises OrderStalled', async () => {
    // Prepare
    const w = world();
    const { order } = await placed(w);
    const failure = { state: 'ValidateOrder', error: 'Sandbox.Timedout', cause: 'Task timed out' };

    // Act
    await w.markOrderFailed(order.orderId, failure);
    await w.markOrderFailed(order.orderId, failure);

    // Assess
    const stored = await w.orders.get(order.orderId);
    expect(stored?.failure).toMatchObject(failure);
    expect(stored?.timeline.filter((entry) => entry.what.includes('failed'))).toHaveLength(1);
    expect(w.events.published.map((event) => event.type)).toEqual(['OrderStalled', 'OrderStalled']);
    expect(w.events.published[0].detail).toMatchObject({
      level: 1,
      changeId: `${order.orderId}:failed:ValidateOrder`,
    });
  });

  it('restarts the workflow of an order left unvalidated and raises it once', async () => {
    // Prepare
    const w = world();
    const { order } = await placed(w);
    const { order: fresh } = await placed(w);
    await w.validateOrder(fresh.orderId);
    w.advance(16 * 60_000);

    // Act
    const first = await w.sweep();
    const second = await w.sweep();

    // Assess
    expect(first).toEqual({ examined: 2, restarted: 1 });
    expect(second).toEqual({ examined: 2, restarted: 1 });
    expect(w.workflow.started.filter((start) => start.orderId === order.orderId)).toHaveLength(3);
    const stalled = w.events.published.filter((event) => event.type === 'OrderStalled');
    expect(stalled).toHaveLength(1);
    expect(stalled[0].detail).toMatchObject({ orderId: order.orderId, status: 'RECEIVED' });
  });
});
