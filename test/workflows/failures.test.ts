import { lambdaError, startWorkflowHarness, type WorkflowHarness } from './support/workflow-harness';

/**
 * Steps that fail: transient errors are retried by the ASL; anything else is caught, recorded on the
 * order by MarkOrderFailed (with the state's name) and raised as OrderStalled, and the execution fails.
 */
describe('workflow: failing steps', () => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  /** An order whose execution starts only after the fault is in place (faults are per order). */
  async function orderWithFault(
    functionName: string,
    error: () => Error,
    options: { times?: number; when?: (payload: Record<string, unknown>) => boolean } = {},
    terms: Parameters<WorkflowHarness['placeOrder']>[0]['terms'] = { type: 'LC' },
  ) {
    const placed = await h.placeOrder({ terms, deferStart: true });
    h.breakStep(functionName, error, {
      times: options.times,
      when: (payload) => payload.orderId === placed.orderId && (options.when?.(payload) ?? true),
    });
    await h.start(placed.orderId);
    return placed;
  }

  const callsTo = (functionName: string, orderId: string) =>
    h.calls.filter((call) => call.functionName === functionName && call.payload.orderId === orderId);

  it('a step failing for good: MarkOrderFailed keeps the cause on the order and the execution fails', async () => {
    // Prepare / Act
    const { orderId } = await orderWithFault('screen-order', () =>
      lambdaError('DocumentStoreError', 'proforma template missing'),
    );
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution).toMatchObject({ status: 'FAILED', error: 'OrderStepFailed' });
    expect((await h.statesEntered(orderId)).slice(-4)).toEqual([
      'ScreenOrder',
      'ScreenOrderFailed',
      'MarkOrderFailed',
      'Failed',
    ]);
    expect(callsTo('screen-order', orderId)).toHaveLength(1);
    const order = await h.order(orderId);
    expect(order.status).toBe('RECEIVED');
    expect(order.failure).toMatchObject({
      state: 'ScreenOrder',
      error: 'DocumentStoreError',
      cause: expect.stringContaining('proforma template missing'),
      at: expect.any(String),
    });
    expect(order.timeline.at(-1)?.what).toBe('Workflow step ScreenOrder failed: DocumentStoreError');
    const stalled = h.eventsOf(orderId, 'OrderStalled');
    expect(stalled).toHaveLength(1);
    expect(stalled[0].detail).toMatchObject({
      changeId: `${orderId}:failed:ScreenOrder`,
      status: 'RECEIVED',
      level: 1,
      reason: 'step ScreenOrder failed: DocumentStoreError',
    });
    expect(stalled[0].detail).not.toHaveProperty('wait');
  });

  it('a transient error is retried by the ASL and the order goes on', async () => {
    // Prepare / Act
    const { orderId } = await orderWithFault(
      'allocate-stock',
      () => lambdaError('Lambda.TooManyRequestsException', 'Rate exceeded'),
      { times: 2 },
    );
    await h.waitForWait(orderId, 'packing');

    // Assess
    expect(callsTo('allocate-stock', orderId).map((call) => call.outcome)).toEqual([
      'Lambda.TooManyRequestsException',
      'Lambda.TooManyRequestsException',
      'ok',
    ]);
    expect((await h.statesEntered(orderId)).filter((state) => state === 'AllocateStock')).toHaveLength(1);
    expect((await h.order(orderId)).failure).toBeUndefined();
  });

  it('a transient error that outlasts the retries (4 more attempts) fails the order', async () => {
    // Prepare / Act
    const { orderId } = await orderWithFault('screen-order', () =>
      lambdaError('ConcurrentUpdateError', 'order changed since it was read'),
    );
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution.status).toBe('FAILED');
    expect(callsTo('screen-order', orderId)).toHaveLength(5);
    expect((await h.order(orderId)).failure).toMatchObject({
      state: 'ScreenOrder',
      error: 'ConcurrentUpdateError',
    });
  });

  it('a wait whose begin-wait fails for good is caught and recorded under the wait state', async () => {
    // Prepare / Act
    const { orderId } = await orderWithFault(
      'begin-wait',
      () => lambdaError('ResourceNotFoundException', 'Requested resource not found'),
      { when: (payload) => payload.wait === 'packing' },
    );
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution.status).toBe('FAILED');
    expect((await h.statesEntered(orderId)).slice(-4)).toEqual([
      'WaitForPacking',
      'WaitForPackingFailed',
      'MarkOrderFailed',
      'Failed',
    ]);
    expect((await h.order(orderId)).failure).toMatchObject({
      state: 'WaitForPacking',
      error: 'ResourceNotFoundException',
    });
  });

  it('a failing compensation is recorded too: the order stays CANCELLED with the failure on it', async () => {
    // Prepare
    const { orderId } = await orderWithFault(
      'compensate-order',
      () => lambdaError('InventoryUnavailableError', 'inventory table throttled'),
      {},
      { type: 'TT', depositPercent: 30 },
    );
    await h.waitForWait(orderId, 'deposit');

    // Act
    await h.cancel(orderId);
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution.status).toBe('FAILED');
    expect((await h.statesEntered(orderId)).slice(-4)).toEqual([
      'CompensateOrder',
      'CompensateOrderFailed',
      'MarkOrderFailed',
      'Failed',
    ]);
    const order = await h.order(orderId);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellation?.compensatedAt).toBeUndefined();
    expect(order.failure).toMatchObject({ state: 'CompensateOrder', error: 'InventoryUnavailableError' });
    expect(h.eventsOf(orderId, 'OrderCancelled')).toHaveLength(0);
    expect(h.eventsOf(orderId, 'OrderStalled')[0].detail).toMatchObject({ status: 'CANCELLED' });
  });
});
