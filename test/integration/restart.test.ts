import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from './support/local-system';

/** A second `npm start` on the same data folder: nothing is lost and nothing happens twice. */
describe('restarting the local system', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
  });
  afterAll(() => system.stop());

  it('keeps customers, orders and credentials, and finishes an execution interrupted by the stop', async () => {
    // Prepare
    const apiKey = system.runtime.info.apiKey;
    const customer = await system.api('/customers', { body: customerBody });
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
    expect(placed.status).toBe(201);
    const { orderId } = placed.json;

    // Act: stop at once (the execution is typically still validating), then start again
    await system.restart();

    // Assess
    expect(system.runtime.info.apiKey).toBe(apiKey);
    const finished = await eventually(
      async () => {
        const { executions } = await system.admin<{ executions: { name: string; status: string }[] }>(
          '/executions',
        );
        const execution = executions.find((candidate) => candidate.name === orderId);
        return execution && execution.status !== 'RUNNING' ? execution : undefined;
      },
      20_000,
      'the execution to finish after the restart',
    );
    expect(finished.status).toBe('SUCCEEDED');
    const read = await system.api(`/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(
      read.json.timeline.filter((entry: { what: string }) => entry.what === 'Order validated'),
    ).toHaveLength(1);
    const emails = await eventually(
      async () => {
        const sent = (await system.sentEmails()).filter(
          (mail) => mail.subject === `Order ${orderId} received`,
        );
        return sent.length ? sent : undefined;
      },
      10_000,
      'the buyer email',
    );
    await system.runtime.idle();
    expect(emails).toHaveLength(1);
    expect(
      (await system.api(`/customers`, { body: { ...customerBody, email: 'second@example.com' } })).status,
    ).toBe(201);
  });
});
