import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../integration/support/local-system';
import { errorShapeProblems } from './support/api-error';
import { retryWhileBusy } from './support/retry-while-busy';
import { sized } from './support/size';
import { tableSnapshots } from './support/table-snapshot';

/**
 * Issue 4, idempotency: a storefront that fires the same POST /orders many times at once (a retry
 * storm, a double-clicked button behind a load balancer) places one order, starts one execution and
 * sends one confirmation email; the same key with another body is refused (422) and changes nothing.
 */
const CONCURRENT = sized(50, 50);
const KEY = 'checkout-7f3c9a';

describe('idempotency: one Idempotency-Key fired concurrently', () => {
  let system: LocalSystem;
  let customerId: string;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    customerId = (await system.api('/customers', { body: customerBody })).json.customerId;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const placeOrder = (body: unknown) => system.api('/orders', { body, headers: { 'Idempotency-Key': KEY } });

  it(`${CONCURRENT} concurrent POST /orders with one key: one order, one execution, one confirmation email`, async () => {
    // Prepare
    const body = orderBody(customerId);

    // Act
    const callers = await Promise.all(
      Array.from({ length: CONCURRENT }, () => retryWhileBusy(() => placeOrder(body))),
    );
    await eventually(
      async () => (await system.sentEmails()).find((mail) => /^Order \S+ confirmed$/.test(mail.subject)),
      30_000,
      'the confirmation email',
    );
    await system.runtime.idle();

    // Assess: every caller ends with the one order; only one answer is not a replay
    const all = callers.flat();
    const finals = callers.map((answers) => answers[answers.length - 1]);
    expect(finals.map((answer) => answer.status)).toEqual(finals.map(() => 201));
    const orderIds = new Set(finals.map((answer) => answer.json.orderId));
    expect(orderIds.size).toBe(1);
    const [orderId] = orderIds;
    const firstRuns = all.filter(
      (answer) => answer.status === 201 && !answer.headers.get('idempotent-replayed'),
    );
    expect(firstRuns).toHaveLength(1);
    const inProgress = all.filter((answer) => answer.status === 409);
    for (const answer of inProgress) expect(answer.json.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    console.log(
      `${CONCURRENT} callers sent ${all.length} requests: 1 ran, ${all.length - 1 - inProgress.length} replayed, ${inProgress.length} told "in progress" and retried`,
    );

    // one order for the customer, one execution, and the buyer emailed once per change
    const listed = await system.api(`/orders?customerId=${customerId}`, { as: 'sales' });
    expect(listed.json.items.map((item: { orderId: string }) => item.orderId)).toEqual([orderId]);
    const { executions } = await system.admin<{ executions: { name: string }[] }>('/executions');
    expect(executions.map((execution) => execution.name)).toEqual([orderId]);
    const subjects = (await system.sentEmails())
      .map((mail) => mail.subject)
      .filter((subject) => subject.includes(orderId));
    expect(subjects.filter((subject) => subject === `Order ${orderId} confirmed`)).toHaveLength(1);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('refuses the same key with another body with 422, and changes nothing', async () => {
    // Prepare: the workflow at rest first, waiting for the deposit (after the confirmation email it
    // still issues the confirmation documents, whose writes are not the 422's)
    await eventually(
      async () => {
        const listed = await system.api(`/orders?customerId=${customerId}`, { as: 'sales' });
        const waiting = listed.json.items.some(
          (item: { status: string }) => item.status === 'AWAITING_DEPOSIT',
        );
        return waiting || undefined;
      },
      60_000,
      'the order waiting for its deposit',
    );
    await system.runtime.idle();
    const snapshots = tableSnapshots(system.runtime.info.endpoints.dynamodb);
    const before = await snapshots.take();
    const other = { ...orderBody(customerId), buyerPo: 'PO-ANOTHER' };

    // Act
    const reused = await placeOrder(other);

    // Assess
    const after = await snapshots.take();
    snapshots.close();
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(errorShapeProblems({ ...reused, headers: Object.fromEntries(reused.headers), text: '' })).toEqual(
      [],
    );
    expect(after).toEqual(before);
  });
});
