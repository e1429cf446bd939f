import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from './support/local-system';

/** A second `npm start` on the same data folder: nothing is lost and nothing happens twice. */
describe('restarting the local system', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
  });
  afterAll(() => system.stop());

  const statusOf = async (orderId: string) => (await system.api(`/orders/${orderId}`)).json.status as string;

  it('continues an execution interrupted mid-step and one waiting on a task token, without repeating a side effect', async () => {
    // Prepare
    const apiKey = system.runtime.info.apiKey;
    const customer = await system.api('/customers', { body: customerBody });
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
    expect(placed.status).toBe(201);
    const { orderId } = placed.json;

    // Act 1: stop at once (the execution is typically still in its first steps), then start again
    await system.restart();

    // Assess 1: it ran on to its deposit wait, each step's effect once
    expect(system.runtime.info.apiKey).toBe(apiKey);
    await eventually(
      async () => ((await statusOf(orderId)) === 'AWAITING_DEPOSIT' ? true : undefined),
      20_000,
      'AWAITING_DEPOSIT',
    );
    const read = await system.api(`/orders/${orderId}`);
    const whats = read.json.timeline.map((entry: { what: string }) => entry.what);
    expect(whats.filter((what: string) => what === 'Order validated')).toHaveLength(1);
    expect(whats.filter((what: string) => what === 'Order confirmed')).toHaveLength(1);
    const confirmations = async () =>
      (await system.sentEmails()).filter(
        (mail) => mail.subject.includes(orderId) && /confirmed/i.test(mail.subject),
      );
    await eventually(
      async () => ((await confirmations()).length ? true : undefined),
      10_000,
      'the buyer email',
    );
    await system.runtime.idle();
    // once, though sent mail is kept across restarts
    expect(await confirmations()).toHaveLength(1);

    // Act 2: stop while the execution waits for the deposit; after the start the API still ends the wait
    await system.restart();
    const deposit = await system.api(`/orders/${orderId}/payments`, {
      as: 'finance',
      body: { amount: '1829.88', currency: 'EUR', reference: 'DEP-RESTART-1' },
    });

    // Assess 2
    expect(deposit.status).toBe(200);
    await eventually(
      async () => ((await statusOf(orderId)) === 'IN_PRODUCTION' ? true : undefined),
      20_000,
      'IN_PRODUCTION after the deposit',
    );
    const { executions } = await system.admin<{ executions: { name: string; status: string }[] }>(
      '/executions',
    );
    expect(executions.find((execution) => execution.name === orderId)?.status).toBe('RUNNING');
  });
});
