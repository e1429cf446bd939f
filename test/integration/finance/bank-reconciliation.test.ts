import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { camt053, csvStatement } from '../../fixtures/bank/statements';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * Finance on the embedded runtime: a camt.053 statement pays an order's deposit and its workflow moves
 * on; a re-import adds nothing; a CSV line that matches nothing waits in the queue and is matched by
 * hand; the aging report ages what is open.
 */
describe('bank reconciliation and receivables, end to end', () => {
  let system: LocalSystem;
  let customerId: string;

  const placeOrderAwaitingDeposit = async () => {
    const placed = await system.api('/orders', { body: orderBody(customerId) });
    expect(placed.status).toBe(201);
    const orderId: string = placed.json.orderId;
    await eventually(
      async () => {
        const order = await system.api(`/orders/${orderId}`, { as: 'finance' });
        return order.json?.status === 'AWAITING_DEPOSIT' && order.json.waitingFor === 'deposit'
          ? true
          : undefined;
      },
      45_000,
      `order ${orderId} to wait for its deposit`,
    );
    return orderId;
  };

  const importStatement = (body: string, contentType: string) =>
    system.api('/bank-transactions', { body, as: 'finance', headers: { 'content-type': contentType } });

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    const customer = await system.api('/customers', { body: customerBody });
    customerId = customer.json.customerId;
  }, 120_000);

  afterAll(async () => {
    await system.stop();
  });

  it('records a deposit named in a camt.053 remittance, and the order moves on; a re-import adds nothing', async () => {
    // Prepare
    const orderId = await placeOrderAwaitingDeposit();
    const statement = camt053('2026-04-15', [
      {
        ref: 'IT-DEP-0001',
        amount: '1829.88',
        remittance: `Deposit ${orderId}`,
        payer: 'HAMBURG TOOLS GMBH',
        iban: 'DE89 3704 0044 0532 0130 00',
      },
      {
        ref: 'IT-FEE-0001',
        amount: '12.50',
        remittance: 'ACCOUNT FEE',
        payer: 'Bank',
        iban: 'DE44500105175407324931',
        direction: 'DBIT',
      },
    ]);

    // Act
    const imported = await importStatement(statement, 'application/xml');

    // Assess: matched by reference, recorded as the order's payment, the deposit wait over
    expect(imported.status).toBe(200);
    expect(imported.json.counts).toEqual({
      transactions: 2,
      alreadyImported: 0,
      matched: 1,
      unmatched: 0,
      notApplicable: 1,
    });
    const [deposit] = imported.json.transactions;
    expect(deposit).toMatchObject({
      status: 'matched',
      match: {
        by: 'reference',
        settlement: 'partial',
        allocations: [{ orderId, amount: { amount: '1829.88', currency: 'EUR' } }],
      },
    });
    const moved = await eventually(
      async () => {
        const order = await system.api(`/orders/${orderId}`, { as: 'finance' });
        return order.json.status !== 'AWAITING_DEPOSIT' ? order.json : undefined;
      },
      45_000,
      'the workflow to leave AWAITING_DEPOSIT',
    );
    expect(['AWAITING_STOCK', 'IN_PRODUCTION']).toContain(moved.status);
    expect(moved.payments).toEqual([
      expect.objectContaining({ amount: '1829.88', reference: deposit.transactionId }),
    ]);

    // Act again: the same statement, this time in the JSON envelope
    const again = await system.api('/bank-transactions', {
      body: { format: 'camt053', content: Buffer.from(statement).toString('base64'), encoding: 'base64' },
      as: 'finance',
    });

    // Assess: nothing added
    expect(again.status).toBe(200);
    expect(again.json.counts).toEqual({
      transactions: 2,
      alreadyImported: 2,
      matched: 0,
      unmatched: 0,
      notApplicable: 0,
    });
    const after = await system.api(`/orders/${orderId}`, { as: 'finance' });
    expect(after.json.payments).toHaveLength(1);
  }, 120_000);

  it('queues a CSV line that matches nothing, and finance matches it by hand to the order it pays', async () => {
    // Prepare
    const orderId = await placeOrderAwaitingDeposit();
    const csv = csvStatement('2026-04-16', [
      {
        ref: 'IT-CSV-0001',
        amount: '1829.88',
        remittance: 'as agreed',
        payer: 'J. Doe',
        iban: 'FR7630006000011234567890189',
      },
    ]);

    // Act
    const imported = await importStatement(csv, 'text/csv');
    const queue = await system.api('/bank-transactions?status=unmatched', { as: 'finance' });
    const [line] = imported.json.transactions;
    const matched = await system.api(`/bank-transactions/${line.transactionId}/match`, {
      body: { orderId },
      as: 'finance',
      headers: { 'Idempotency-Key': `match-${line.transactionId}` },
    });

    // Assess
    expect(imported.json.counts).toMatchObject({ unmatched: 1, matched: 0 });
    expect(queue.json.items.map((tx: { transactionId: string }) => tx.transactionId)).toContain(
      line.transactionId,
    );
    expect(
      queue.json.items.find((tx: { transactionId: string }) => tx.transactionId === line.transactionId),
    ).toMatchObject({
      status: 'unmatched',
      reason: 'no order or invoice reference, and the payer is not a known customer',
      amount: { amount: '1829.88', currency: 'EUR' },
    });
    expect(matched.status).toBe(200);
    expect(matched.json).toMatchObject({
      status: 'matched',
      match: { by: 'manual', allocations: [{ orderId }] },
    });
    await eventually(
      async () => {
        const order = await system.api(`/orders/${orderId}`, { as: 'finance' });
        return order.json.status !== 'AWAITING_DEPOSIT' ? true : undefined;
      },
      45_000,
      'the manually matched deposit to end the wait',
    );
    const stillQueued = await system.api('/bank-transactions?status=unmatched', { as: 'finance' });
    expect(stillQueued.json.items.map((tx: { transactionId: string }) => tx.transactionId)).not.toContain(
      line.transactionId,
    );
    // only finance works the queue
    expect((await system.api('/bank-transactions', { as: 'sales' })).status).toBe(403);
  }, 120_000);

  it('lists open receivables with due dates and ages them, in the company currency too', async () => {
    // Prepare: an order whose deposit falls due on confirmation (today) and is not paid
    const orderId = await placeOrderAwaitingDeposit();
    const today = new Date().toISOString().slice(0, 10);
    const in45Days = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    const rates = await system.api('/settings/exchange-rates', {
      method: 'PUT',
      as: 'finance',
      body: {
        version: 0,
        companyCurrency: 'USD',
        rates: [{ from: 'EUR', to: 'USD', rate: '1.10', effectiveFrom: '2026-01-01' }],
      },
    });
    expect(rates.status).toBe(200);

    // Act
    const listing = await system.api(`/receivables?customerId=${customerId}`, { as: 'finance' });
    const aging = await system.api(`/receivables/aging?asOf=${in45Days}`, { as: 'finance' });

    // Assess: the unpaid deposit is due today; the paid orders' balances are not due yet
    const deposit = listing.json.items.find(
      (item: { orderId: string; installment: string }) =>
        item.orderId === orderId && item.installment === 'deposit',
    );
    expect(deposit).toMatchObject({ outstanding: { amount: '1829.88', currency: 'EUR' }, daysOverdue: 0 });
    expect(deposit.dueAt.slice(0, 10)).toBe(today);
    expect(aging.status).toBe(200);
    const mine = aging.json.customers.find((c: { customerId: string }) => c.customerId === customerId);
    expect(mine.byCurrency).toEqual([
      {
        currency: 'EUR',
        buckets: { current: '0.00', '1-30': '0.00', '31-60': '1829.88', '61-90': '0.00', '90+': '0.00' },
        total: '1829.88',
      },
    ]);
    expect(mine.inCompanyCurrency).toMatchObject({ currency: 'USD', total: '2012.87' });
    // the three orders' balances (EUR 4269.72 each), due before shipment: not aged yet
    expect(aging.json.notYetDue).toEqual([{ amount: '12809.16', currency: 'EUR' }]);
  }, 120_000);

  it("changes a customer's credit terms with history, and shows a held order in the credit controller's queue", async () => {
    // Prepare
    const read = await system.api(`/customers/${customerId}/credit`, { as: 'finance' });
    expect(read.status).toBe(200);

    // Act: a lower limit, then an order on open account over it
    const changed = await system.api(`/customers/${customerId}/credit`, {
      method: 'PUT',
      as: 'finance',
      body: {
        version: read.json.version,
        creditLimit: { amount: '1000.00', currency: 'EUR' },
        note: 'reduced after late payments',
      },
    });
    const stale = await system.api(`/customers/${customerId}/credit`, {
      method: 'PUT',
      as: 'finance',
      body: { version: read.json.version, creditLimit: { amount: '2000.00', currency: 'EUR' } },
    });
    const placed = await system.api('/orders', {
      body: { ...orderBody(customerId), paymentTerms: { type: 'OA', netDays: 30 } },
    });
    const orderId: string = placed.json.orderId;
    const holds = await eventually(
      async () => {
        const queue = await system.api('/credit/holds', { as: 'finance' });
        return queue.json.items.find((h: { orderId: string }) => h.orderId === orderId)
          ? queue.json
          : undefined;
      },
      45_000,
      'the order in the credit controller queue',
    );

    // Assess
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      version: read.json.version + 1,
      creditLimit: { amount: '1000.00', currency: 'EUR' },
      history: [
        {
          before: { creditLimit: { amount: '50000.00', currency: 'EUR' } },
          after: { creditLimit: { amount: '1000.00', currency: 'EUR' } },
          by: { kind: 'staff', role: 'finance' },
          note: 'reduced after late payments',
        },
      ],
    });
    expect(stale.status).toBe(409);
    expect(holds.items.find((h: { orderId: string }) => h.orderId === orderId)).toMatchObject({
      customerId,
      total: { amount: '6099.60', currency: 'EUR' },
      limit: { amount: '1000.00', currency: 'EUR' },
      orderExposure: { amount: '6099.60', currency: 'EUR' },
      reason: expect.stringContaining('over the credit limit'),
      current: { creditLimit: { amount: '1000.00', currency: 'EUR' } },
      overdue: [],
    });
  }, 120_000);
});
