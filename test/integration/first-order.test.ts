import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { PutEventRecord } from '../../infra/local/eventbridge/eventbridge-server';
import { localClientConfig, localNames } from '../../infra/local/local-aws';
import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from './support/local-system';

/** The first order, end to end on the embedded runtime: every hop asserted on the real local parts. */
describe('the first order, end to end', () => {
  let system: LocalSystem;
  let db: DynamoDBDocumentClient;
  let sfn: SFNClient;

  beforeAll(async () => {
    system = await startLocalSystem();
    db = DynamoDBDocumentClient.from(
      new DynamoDBClient(localClientConfig(system.runtime.info.endpoints.dynamodb)),
    );
    sfn = new SFNClient(localClientConfig(system.runtime.info.endpoints.sfn));
    await system.seedProducts();
  });

  afterAll(async () => {
    db.destroy();
    sfn.destroy();
    await system.stop();
  });

  it('stores the order, runs its execution to its first wait, announces OrderReceived and emails the buyer the confirmation', async () => {
    // Prepare
    const customer = await system.api('/customers', { body: customerBody });
    expect(customer.status).toBe(201);

    // Act
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });

    // Assess: the answer
    expect(placed.status).toBe(201);
    expect(placed.json).toEqual({ orderId: expect.stringMatching(/^ord_/), status: 'RECEIVED' });
    const { orderId } = placed.json;

    // the execution, named after the order, validated, reviewed credit, confirmed and now waits for the deposit
    const executionArn = `${localNames.workflowArn('orderLifecycle').replace(':stateMachine:', ':execution:')}:${orderId}`;
    const history = await eventually(
      async () => {
        const events = (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
        return events.some((event) => event.stateEnteredEventDetails?.name === 'WaitForDeposit')
          ? events
          : undefined;
      },
      // The first order starts every function on its path (and draws its first two PDFs).
      30_000,
      'the execution to reach WaitForDeposit',
    );
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    const entered = history
      .filter((event) => event.type?.endsWith('StateEntered'))
      .map((event) => event.stateEnteredEventDetails?.name);
    expect(entered).toEqual([
      'ScreenOrder',
      'Screened',
      'IssueConfirmationDocuments',
      'NeedsDeposit',
      'WaitForDeposit',
    ]);

    // the item in DynamoDB: validated, credit reviewed, confirmed with its schedule, waiting with its token
    const order = await eventually(
      async () => {
        const { Item } = await db.send(
          new GetCommand({
            TableName: localNames.table('orders'),
            Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' },
          }),
        );
        return Item?.pendingWait ? Item : undefined;
      },
      10_000,
      'the deposit wait on the order',
    );
    expect(order).toMatchObject({
      orderId,
      status: 'AWAITING_DEPOSIT',
      customerId: customer.json.customerId,
      total: { currency: 'EUR', minor: 609960 },
    });
    expect(order.validatedAt).toBeDefined();
    expect(order.creditReview).toMatchObject({ decision: 'approve' });
    expect(order.pendingWait).toMatchObject({ kind: 'deposit', token: expect.any(String) });

    // OrderReceived on the bus (nobody is emailed: the confirmation follows within seconds), and
    // OrderConfirmed routed by the rule to the buyer-email consumer, delivered
    const published = async (type: string) =>
      (await system.admin<{ events: PutEventRecord[] }>('/events')).events.find(
        (e) => e.detailType === type && e.event.detail.orderId === orderId,
      );
    // No department or buyer is told: the live feed (which shows every event) and the CRM (the
    // customer's activity and communication history) take it.
    const received = await published('OrderReceived');
    expect(received).toMatchObject({ source: 'tradeflow.orders' });
    expect(received?.routes.map((route: { rule: string }) => route.rule).sort()).toEqual([
      'crm-activity',
      'live-feed',
      'order-communications',
    ]);
    const routed = await eventually(
      async () => {
        const event = await published('OrderConfirmed');
        return event?.routes.every((route) => route.status === 'delivered') ? event : undefined;
      },
      10_000,
      'OrderConfirmed to be delivered',
    );
    expect(routed.source).toBe('tradeflow.orders');
    expect(routed.routes).toEqual([
      expect.objectContaining({ rule: 'buyer-notifications', targetId: 'notify-buyer', status: 'delivered' }),
      expect.objectContaining({ rule: 'live-feed', targetId: 'fan-out-feed', status: 'delivered' }),
    ]);

    // the buyer's one email so far in the SES store: the confirmation
    const email = await eventually(
      async () => (await system.sentEmails()).find((mail) => mail.subject === `Order ${orderId} confirmed`),
      10_000,
      'the confirmation email',
    );
    expect(email.from).toBe('orders@tradeflow.example.com');
    expect(email.destination.to).toEqual(['buyer@hamburg-tools.example']);
    expect(email.body.text).toContain('6.099,60 EUR'); // the buyer's language is de
    expect((await system.sentEmails()).filter((mail) => mail.subject.includes(orderId))).toHaveLength(1);

    // GET /orders/{id} shows it
    const read = await system.api(`/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      orderId,
      status: 'AWAITING_DEPOSIT',
      totals: { total: '6099.60' },
      lines: [
        { sku: 'VALVE-DN50', quantity: 200, unitPrice: '12.50', amount: '2500.00' },
        { sku: 'PUMP-3KW', quantity: 4, unitPrice: '899.90', amount: '3599.60' },
      ],
    });
    expect(read.json.timeline.map((entry: { what: string }) => entry.what)).toEqual([
      'Order received',
      'Order validated',
      'Credit approved automatically',
      'Order confirmed',
      expect.stringMatching(/^Documents issued: PI-\d{4}-\d{6} v1, OC-\d{4}-\d{6} v1$/),
      'Waiting for the deposit',
    ]);

    // staff see it too; the functions ran in their own sandboxes
    expect((await system.api(`/orders/${orderId}`, { as: 'finance' })).status).toBe(200);
    const { functions } = await system.admin<{ functions: Record<string, { invocations: number }> }>(
      '/functions',
    );
    expect(functions['screen-order'].invocations).toBe(1);
    expect(functions['notify-buyer'].invocations).toBe(1); // OrderConfirmed
  });

  describe('bad input changes nothing', () => {
    async function orderCount() {
      const { Items } = await db.send(new ScanCommand({ TableName: localNames.table('orders') }));
      return (Items ?? []).filter((item) => item.sk === 'ORDER').length;
    }

    it.each([
      ['malformed JSON', '{"customerId": "x",', 'MALFORMED_JSON', undefined],
      ['a wrong type', { ...orderBody('cus_x'), lines: 'many' }, 'INVALID_INPUT', 'lines'],
      [
        'a missing field',
        { ...orderBody('cus_x'), shippingAddress: undefined },
        'INVALID_INPUT',
        'shippingAddress',
      ],
      ['an unknown customer', orderBody('cus_nobody'), 'UNKNOWN_CUSTOMER', 'customerId'],
    ])('answers 400 for %s, naming the field', async (_case, body, code, field) => {
      // Prepare
      const before = await orderCount();

      // Act
      const response = await system.api('/orders', { body });

      // Assess
      expect(response.status).toBe(400);
      expect(response.json.error).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(response.json.error.message).toEqual(expect.any(String));
      expect(await orderCount()).toBe(before);
    });

    it.each([
      ['no API key', 'none', undefined],
      ['a wrong API key', 'none', { 'x-api-key': 'tfk_not-a-real-key-at-all' }],
      ['a staff role without the right', 'warehouse', undefined],
    ])('answers 403 for %s', async (_case, as, headers) => {
      const response = await system.api('/orders', { body: orderBody('cus_x'), as, headers });
      expect(response.status).toBe(403);
      expect(response.json.error.code).toBe('FORBIDDEN');
    });

    it('answers 404 for an unknown route and an unknown order, never a 5xx', async () => {
      expect((await system.api('/nowhere')).status).toBe(404);
      expect((await system.api('/orders', { method: 'DELETE' })).status).toBe(404);
      expect((await system.api('/orders/ord_01J0000000000000000000000A')).status).toBe(404);
      expect((await system.api('/orders/not-an-id')).json.error).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'id',
      });
    });
  });
});
