import {
  startWorkflowHarness,
  timeScaleFor,
  WAIT_STATE,
  type WorkflowHarness,
} from './support/workflow-harness';

/**
 * Staff actions that land while the workflow is between waits (a step running, a wait timing out and
 * being escalated, the server restarting): placed exactly there with a hook before the step's use
 * case, so each interleaving is deterministic.
 */
describe('workflow: actions landing between steps', () => {
  let h: WorkflowHarness | undefined;

  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  const harness = () => h!;
  const onlyFor = (orderId: string, wait?: string) => (payload: Record<string, unknown>) =>
    payload.orderId === orderId && (wait === undefined || payload.wait === wait);

  it('money received before the deposit wait starts ends that wait at once: no AWAITING_DEPOSIT', async () => {
    // Prepare
    h = await startWorkflowHarness();
    const { orderId } = await h.placeOrder({ terms: { type: 'TT', depositPercent: 30 }, deferStart: true });
    h.beforeStep(
      'begin-wait',
      () =>
        harness()
          .payFor(orderId, 'deposit')
          .then(() => undefined),
      {
        times: 1,
        when: onlyFor(orderId, 'deposit'),
      },
    );

    // Act
    await h.start(orderId);
    const producing = await h.waitForWait(orderId, 'packing');

    // Assess
    expect(await h.statuses(orderId)).toEqual(['RECEIVED', 'CONFIRMED', 'IN_PRODUCTION']);
    expect(await h.statesEntered(orderId)).toContain('WaitForDeposit');
    expect(producing.paid).toEqual({ currency: 'EUR', minor: 182988 });
    expect(h.typesOf(orderId)).toContain('DepositReceived');
  });

  it('a payment recorded while the timed-out deposit wait is being escalated is not lost', async () => {
    // Prepare
    h = await startWorkflowHarness({ timeScale: timeScaleFor('deposit', 150) });
    const { orderId } = await h.placeOrder({ terms: { type: 'TT', depositPercent: 30 }, deferStart: true });
    h.beforeStep(
      'escalate-wait',
      () =>
        harness()
          .payFor(orderId, 'deposit')
          .then(() => undefined),
      {
        times: 1,
        when: onlyFor(orderId, 'deposit'),
      },
    );

    // Act
    await h.start(orderId);
    await h.waitForWait(orderId, 'packing');

    // Assess: the payment found the token closed; the wait, entered again, saw the money and ended.
    const states = await h.statesEntered(orderId);
    const from = states.indexOf('WaitForDeposit');
    expect(states.slice(from, from + 4)).toEqual([
      'WaitForDeposit',
      'EscalateWaitForDeposit',
      'WaitForDeposit',
      'AllocateStock',
    ]);
    // The timeout is a backstop that only re-enters the wait: the escalation sweep owns the levels.
    expect(h.eventsOf(orderId, 'OrderStalled')).toHaveLength(0);
    expect((await h.order(orderId)).status).toBe('IN_PRODUCTION');
  });

  it('a cancellation while a wait is being escalated compensates instead of waiting again', async () => {
    // Prepare
    h = await startWorkflowHarness({ timeScale: timeScaleFor('packing', 150) });
    const { orderId, skus } = await h.placeOrder({ terms: { type: 'LC' }, deferStart: true });
    h.beforeStep(
      'escalate-wait',
      () =>
        harness()
          .cancel(orderId)
          .then(() => undefined),
      {
        times: 1,
        when: onlyFor(orderId, 'packing'),
      },
    );

    // Act
    await h.start(orderId);
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect((await h.statesEntered(orderId)).slice(-4)).toEqual([
      WAIT_STATE.packing,
      'EscalateWaitForPacking',
      'CompensateOrder',
      'Cancelled',
    ]);
    expect(h.eventsOf(orderId, 'OrderStalled')).toHaveLength(0);
    expect(h.eventsOf(orderId, 'OrderCancelled')[0].detail).toMatchObject({
      statusWhenCancelled: 'IN_PRODUCTION',
      released: [
        { sku: skus[0], quantity: 200 },
        { sku: skus[1], quantity: 4 },
      ],
    });
    for (const sku of skus) {
      const stock = await h.inventory.getStock(sku);
      expect(stock?.available).toBe(stock?.onHand);
    }
  });

  it('a cancellation in the middle of allocation releases what the allocation had reserved', async () => {
    // Prepare: the order is cancelled right after its first line is reserved.
    h = await startWorkflowHarness();
    const { orderId, skus } = await h.placeOrder({ terms: { type: 'LC' }, deferStart: true });
    const reserve = h.inventory.reserve;
    let cancelled = false;
    h.inventory.reserve = async (sku, id, wanted) => {
      const held = await reserve(sku, id, wanted);
      if (id === orderId && !cancelled) {
        cancelled = true;
        await harness().cancel(orderId);
      }
      return held;
    };

    // Act
    await h.start(orderId);
    const execution = await h.waitForExecution(orderId);
    h.inventory.reserve = reserve;

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect((await h.statesEntered(orderId)).slice(-3)).toEqual([
      'AllocateStock',
      'CompensateOrder',
      'Cancelled',
    ]);
    expect((await h.order(orderId)).cancellation?.compensatedAt).toEqual(expect.any(String));
    expect(h.eventsOf(orderId, 'StockAllocated')).toHaveLength(0);
    for (const sku of skus) {
      expect(await h.inventory.getStock(sku)).toMatchObject({ reservations: {} });
      const stock = await h.inventory.getStock(sku);
      expect(stock?.available).toBe(stock?.onHand);
    }
  });

  it('after a restart the waiting order gets a new token through begin-wait, and goes on', async () => {
    // Prepare
    h = await startWorkflowHarness();
    const { orderId } = await h.placeOrder({ terms: { type: 'TT', depositPercent: 30 } });
    const before = await h.waitForWait(orderId, 'deposit');
    const callsBefore = h.calls.length;

    // Act
    await h.restart();
    const after = await h.waitForWait(orderId, 'deposit', { otherThanToken: before.pendingWait!.token });
    await h.payFor(orderId, 'deposit');
    await h.waitForWait(orderId, 'packing');

    // Assess: nothing before the wait ran again; the wait kept its start and its status.
    expect(h.calls.slice(callsBefore, callsBefore + 1)).toEqual([
      expect.objectContaining({
        functionName: 'begin-wait',
        payload: expect.objectContaining({ wait: 'deposit' }),
      }),
    ]);
    expect(after.pendingWait?.since).toBe(before.pendingWait!.since);
    expect(h.typesOf(orderId).filter((type) => type === 'OrderConfirmed')).toHaveLength(1);
    expect(await h.statuses(orderId)).toEqual(['RECEIVED', 'CONFIRMED', 'AWAITING_DEPOSIT', 'IN_PRODUCTION']);
  });
});
