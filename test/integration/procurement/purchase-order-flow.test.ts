import type { PutEventRecord } from '../../../infra/local/eventbridge/eventbridge-server';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * Procurement end to end on the embedded runtime: an order short of stock waits, procurement is asked,
 * a supplier and a purchase order answer, two receipts (the first not enough) resume the order; and an
 * order filled from two warehouses gives back to each when cancelled.
 */
describe('purchase orders and warehouses, end to end', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  const order = (id: string) => system.api(`/orders/${id}`, { as: 'sales' });

  async function untilStatus(id: string, accept: (status: string) => boolean, what: string) {
    return eventually(
      async () => {
        const { json } = await order(id);
        return accept(json.status) ? json : undefined;
      },
      60_000,
      `order ${id} ${what}`,
    );
  }

  async function createProduct(sku: string) {
    const created = await system.api('/products', {
      body: { sku, name: `Test part ${sku}`, unitCost: '7.10', price: '12.50', currency: 'EUR' },
      as: 'procurement',
    });
    expect(created.status).toBe(201);
  }

  async function placeOrder(sku: string, quantity: number): Promise<string> {
    const customer = await system.api('/customers', {
      body: {
        name: 'Ana Buyer',
        email: `ana+${sku.toLowerCase()}@example.com`,
        country: 'DE',
        company: 'Hamburg Tools GmbH',
        creditLimit: { amount: '50000', currency: 'EUR' },
      },
    });
    expect(customer.status).toBe(201);
    const placed = await system.api('/orders', {
      body: {
        customerId: customer.json.customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: { type: 'OA', netDays: 30 },
        lines: [{ sku, quantity, unitPrice: '12.50' }],
        shippingAddress: { name: 'Ana Buyer', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      },
    });
    expect(placed.status).toBe(201);
    return placed.json.orderId;
  }

  const eventsOf = async (type: string, sku: string) =>
    (await system.admin<{ events: PutEventRecord[] }>('/events')).events.filter(
      (record) => record.detailType === type && record.event.detail.sku === sku,
    );

  /** A date `days` from today (UTC), as the API takes it. */
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('waits for stock, asks procurement, and resumes only when the purchase order receipts cover the shortfall', async () => {
    // Prepare: 10 on hand, reorder point 20, maximum 100; an order for 40 is short by 30
    const sku = 'PO-FLOW-1';
    await createProduct(sku);
    const counted = await system.api(`/inventory/${sku}`, {
      method: 'PUT',
      body: { onHand: 10, reorderPoint: 20, maxStock: 100 },
      as: 'warehouse',
    });
    expect(counted.status).toBe(200);

    // Act: the order reaches the stock wait
    const orderId = await placeOrder(sku, 40);
    const waiting = await eventually(
      async () => {
        const { json } = await order(orderId);
        return json.status === 'AWAITING_STOCK' && json.waitingFor === 'stock' ? json : undefined;
      },
      60_000,
      'the order to wait for stock',
    );

    // Assess: short by 30 and procurement asked; the count itself (10 ≤ 20) raised one replenishment
    // request for up to the maximum (100 − 10), and the reservation did not raise another
    expect(waiting.shortfalls).toEqual([{ sku, short: 30 }]);
    expect(waiting.reservations).toEqual([{ sku, quantity: 10 }]);
    const [asked] = await eventually(
      async () => {
        const found = await eventsOf('ProcurementRequested', sku);
        return found.length ? found : undefined;
      },
      10_000,
      'ProcurementRequested',
    );
    expect(asked).toMatchObject({ source: 'tradeflow.inventory' });
    expect(asked.event.detail).toMatchObject({ orderId, sku, quantityShort: 30 });
    const request = await eventually(
      async () => {
        const open = await system.api('/replenishment-requests', { as: 'procurement' });
        return open.json.items.find((item: { sku: string }) => item.sku === sku);
      },
      15_000,
      'the replenishment request',
    );
    expect(request).toMatchObject({ sku, warehouse: 'MAIN', quantity: 90 });
    const replenishment = await eventually(
      async () => {
        const found = await eventsOf('ReplenishmentRequested', sku);
        return found.length ? found : undefined;
      },
      10_000,
      'ReplenishmentRequested',
    );
    expect(replenishment).toHaveLength(1);

    // with no supplier and no purchase order yet, the stock wait's SLA is the 14-day fallback
    const since = Date.parse(waiting.waitingSince);
    const days = (iso: string) => (Date.parse(iso) - since) / 86_400_000;
    expect(days(waiting.waitDueAt)).toBeCloseTo(14, 0);

    // Act: a supplier with a lead time of 21 days
    const supplier = await system.api('/suppliers', {
      body: { name: 'Ningbo Valve Works', leadTimeDays: 21, currency: 'EUR', skus: [sku] },
      as: 'procurement',
    });

    // Assess: the waiting order's SLA now counts the supplier's lead time
    expect(supplier.status).toBe(201);
    const slaAfterSupplier = (await order(orderId)).json;
    expect(slaAfterSupplier.waitingSince).toBe(waiting.waitingSince);
    expect(days(slaAfterSupplier.waitDueAt)).toBeCloseTo(21, 0);

    // Act: a purchase order for the shortfall and the request, due in 30 days
    const expectedDate = inDays(30);
    const placedPo = await system.api('/purchase-orders', {
      body: {
        supplierId: supplier.json.supplierId,
        expectedDate,
        currency: 'EUR',
        lines: [{ sku, quantity: 100, unitCost: '7.10' }],
        requestIds: [request.requestId],
      },
      headers: { 'Idempotency-Key': 'po-flow-1' },
      as: 'procurement',
    });

    // Assess: OPEN, its units incoming; the waiting order's SLA now counts from the PO's date
    expect(placedPo.status).toBe(201);
    expect(placedPo.json).toMatchObject({ status: 'OPEN', expectedDate, warehouse: 'MAIN' });
    const purchaseOrderId: string = placedPo.json.purchaseOrderId;
    expect((await system.api(`/inventory/${sku}`, { as: 'procurement' })).json).toMatchObject({
      onHand: 10,
      reserved: 10,
      available: 0,
      incoming: 100,
    });
    const slaAfterPo = await order(orderId);
    expect(slaAfterPo.json).toMatchObject({
      status: 'AWAITING_STOCK',
      waitingFor: 'stock',
      waitDueAt: `${expectedDate}T00:00:00.000Z`,
    });

    // Act: a first receipt of 20 (the order is short by 30)
    const first = await system.api(`/purchase-orders/${purchaseOrderId}/receipts`, {
      body: { lines: [{ sku, quantity: 20 }] },
      headers: { 'Idempotency-Key': 'grn-1' },
      as: 'warehouse',
    });

    // Assess: partly received, nobody resumed, the order still waits
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      resumedOrderIds: [],
      purchaseOrder: { status: 'PARTIALLY_RECEIVED', lines: [{ sku, received: 20, remaining: 80 }] },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await order(orderId)).json).toMatchObject({ status: 'AWAITING_STOCK', waitingFor: 'stock' });

    // Act: the rest arrives
    const second = await system.api(`/purchase-orders/${purchaseOrderId}/receipts`, {
      body: { lines: [{ lineNo: 1, quantity: 80 }] },
      headers: { 'Idempotency-Key': 'grn-2' },
      as: 'warehouse',
    });

    // Assess: received in full, the order resumed past the stock wait with all 40 reserved
    expect(second.status).toBe(201);
    expect(second.json.resumedOrderIds).toEqual([orderId]);
    const resumed = await untilStatus(
      orderId,
      (status) => status !== 'AWAITING_STOCK',
      'to leave AWAITING_STOCK',
    );
    expect(resumed.status).toBe('IN_PRODUCTION');
    expect(resumed.reservations).toEqual([{ sku, quantity: 40 }]);
    expect(resumed.shortfalls).toBeUndefined();

    const read = await system.api(`/purchase-orders/${purchaseOrderId}`, { as: 'procurement' });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      status: 'RECEIVED',
      lines: [{ lineNo: 1, sku, quantity: 100, received: 100, remaining: 0, unitCost: { amount: '7.10' } }],
      requestIds: [request.requestId],
    });
    expect(read.json.receipts).toHaveLength(2);

    const movements = await system.api(`/inventory/${sku}/movements`, { as: 'procurement' });
    expect(movements.status).toBe(200);
    const receipts = movements.json.items.filter((item: { reason: string }) => item.reason === 'receipt');
    expect(receipts.map((item: { quantity: number }) => item.quantity)).toEqual([80, 20]); // newest first
    for (const receipt of receipts)
      expect(receipt).toMatchObject({ purchaseOrderId, warehouse: 'MAIN', by: { role: 'warehouse' } });

    // the stock: 110 on hand, 40 held for the order, nothing more to come
    const stock = await eventually(
      async () => {
        const { json } = await system.api(`/inventory/${sku}`, { as: 'procurement' });
        return json.reserved === 40 ? json : undefined;
      },
      10_000,
      'the order to hold all 40',
    );
    expect(stock).toMatchObject({ onHand: 110, available: 70, incoming: 0 });

    // the request was raised once and is closed by the receipt that completed its line
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await eventsOf('ReplenishmentRequested', sku)).toHaveLength(1);
    const open = await system.api('/replenishment-requests', { as: 'procurement' });
    expect(open.json.items.filter((item: { sku: string }) => item.sku === sku)).toEqual([]);
  });

  it('takes an order from two warehouses and gives each back its units when the order is cancelled', async () => {
    // Prepare: 6 in MAIN, 5 in HAM
    const sku = 'SPLIT-WH-1';
    await createProduct(sku);
    for (const [warehouse, onHand] of [
      ['MAIN', 6],
      ['HAM', 5],
    ] as const) {
      const counted = await system.api(`/inventory/${sku}`, {
        method: 'PUT',
        body: { onHand, warehouse },
        as: 'warehouse',
      });
      expect(counted.status).toBe(200);
    }

    // Act: an order for 9 needs both
    const orderId = await placeOrder(sku, 9);
    const allocated = await untilStatus(orderId, (status) => status === 'IN_PRODUCTION', 'to be allocated');

    // Assess: all 9 held, 6 from MAIN (the most available) and 3 from HAM
    expect(allocated.reservations).toEqual([{ sku, quantity: 9 }]);
    const held = await system.api(`/inventory/${sku}`, { as: 'warehouse' });
    expect(held.status).toBe(200);
    expect(held.json).toMatchObject({ onHand: 11, reserved: 9, available: 2 });
    expect(held.json.reservations).toEqual([{ orderId, quantity: 9 }]);
    const byWarehouse = (json: { warehouses: { warehouse: string }[] }) =>
      Object.fromEntries(json.warehouses.map(({ warehouse, ...rest }) => [warehouse, rest]));
    expect(byWarehouse(held.json)).toMatchObject({
      MAIN: { onHand: 6, reserved: 6, available: 0 },
      HAM: { onHand: 5, reserved: 3, available: 2 },
    });

    // Act: the order is cancelled
    const cancelled = await system.api(`/orders/${orderId}/cancel`, {
      body: { reason: 'The buyer withdrew the order' },
      as: 'sales',
    });

    // Assess: each warehouse has its units back, each with a release in the ledger
    expect(cancelled.status).toBe(200);
    const released = await eventually(
      async () => {
        const { json } = await system.api(`/inventory/${sku}`, { as: 'warehouse' });
        return json.reserved === 0 ? json : undefined;
      },
      30_000,
      'the stock to be released',
    );
    expect(byWarehouse(released)).toMatchObject({
      MAIN: { onHand: 6, reserved: 0, available: 6 },
      HAM: { onHand: 5, reserved: 0, available: 5 },
    });
    expect(released.reservations).toEqual([]);
    const ledger = await system.api(`/inventory/${sku}/movements`, { as: 'warehouse' });
    const releases = ledger.json.items
      .filter((item: { reason: string }) => item.reason === 'release')
      .map((item: { warehouse: string; quantity: number; orderId: string }) => [
        item.warehouse,
        item.quantity,
        item.orderId,
      ])
      .sort();
    expect(releases).toEqual([
      ['HAM', 3, orderId],
      ['MAIN', 6, orderId],
    ]);
    expect((await order(orderId)).json.status).toBe('CANCELLED');
  });

  it('refuses bad figures in procurement bodies with a 400 naming the field, and writes nothing', async () => {
    // Prepare
    const sku = 'PO-BAD-1';
    await createProduct(sku);
    const supplier = await system.api('/suppliers', {
      body: { name: 'Shenzhen Pumps', leadTimeDays: 10, skus: [sku] },
      as: 'procurement',
    });
    expect(supplier.status).toBe(201);
    const line = { sku, quantity: 10, unitCost: '7.10' };
    const po = (change: Record<string, unknown>) => ({
      supplierId: supplier.json.supplierId,
      currency: 'USD',
      lines: [line],
      ...change,
    });
    const cases: [string, unknown, string, string?][] = [
      ['/purchase-orders', po({ lines: [{ ...line, unitCost: '-7.10' }] }), 'lines.0.unitCost'],
      ['/purchase-orders', po({ lines: [{ ...line, unitCost: 0 }] }), 'lines.0.unitCost'],
      ['/purchase-orders', po({ lines: [{ ...line, unitCost: '7.105' }] }), 'lines.0.unitCost', 'decimal'],
      [
        '/purchase-orders',
        po({ currency: 'JPY', lines: [{ ...line, unitCost: '710.5' }] }),
        'lines.0.unitCost',
      ],
      ['/purchase-orders', po({ lines: [{ ...line, unitCost: 'seven' }] }), 'lines.0.unitCost'],
      ['/purchase-orders', po({ lines: [{ ...line, quantity: 0 }] }), 'lines.0.quantity'],
      ['/purchase-orders', po({ lines: [{ ...line, quantity: 2.5 }] }), 'lines.0.quantity'],
      ['/purchase-orders', po({ lines: [{ ...line, quantity: -3 }] }), 'lines.0.quantity'],
      ['/purchase-orders', po({ expectedDate: '2026-02-30' }), 'expectedDate', 'real date'],
      ['/purchase-orders', po({ expectedDate: '2020-01-15' }), 'expectedDate', 'past'],
      ['/purchase-orders', po({ expectedDate: '2199-01-15' }), 'expectedDate', 'five years'],
      ['/purchase-orders', po({ expectedDate: '15.01.2027' }), 'expectedDate'],
      ['/suppliers', { name: 'X', leadTimeDays: -1 }, 'leadTimeDays'],
      ['/suppliers', { name: 'X', leadTimeDays: 2.5 }, 'leadTimeDays'],
    ];

    for (const [path, body, field, words] of cases) {
      // Act
      const answer = await system.api(path, { body, as: 'procurement' });

      // Assess
      expect({ path, body, status: answer.status, field: answer.json?.error?.field }).toEqual({
        path,
        body,
        status: 400,
        field,
      });
      if (words) expect(answer.json.error.message).toContain(words);
    }
    const listed = await system.api('/purchase-orders', { as: 'procurement' });
    expect(
      listed.json.items.filter((item: { lines: { sku: string }[] }) => item.lines[0].sku === sku),
    ).toEqual([]);
    expect((await system.api(`/inventory/${sku}`, { as: 'procurement' })).json).toMatchObject({
      incoming: 0,
    });

    // a receipt of nothing, or of a line that is not a number, is refused the same way
    const placed = await system.api('/purchase-orders', { body: po({}), as: 'procurement' });
    expect(placed.status).toBe(201);
    const receiptsPath = `/purchase-orders/${placed.json.purchaseOrderId}/receipts`;
    for (const [body, field] of [
      [{ lines: [{ sku, quantity: 0 }] }, 'lines.0.quantity'],
      [{ lines: [{ lineNo: 0, quantity: 1 }] }, 'lines.0.lineNo'],
      [{ lines: [{ quantity: 1 }] }, 'lines.0.sku'],
    ] as const) {
      const answer = await system.api(receiptsPath, { body, as: 'warehouse' });
      expect({ body, status: answer.status, field: answer.json?.error?.field }).toEqual({
        body,
        status: 400,
        field,
      });
    }
  });
});
