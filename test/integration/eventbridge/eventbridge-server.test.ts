import {
  DescribeEventBusCommand,
  EventBridgeClient,
  ListEventBusesCommand,
  ListRulesCommand,
  PutEventsCommand,
  type PutEventsRequestEntry,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import {
  type EventBridgeEvent,
  type LocalEventBridge,
  startLocalEventBridge,
} from '../../../infra/local/eventbridge/eventbridge-server';

/**
 * The local EventBridge through the real SDK client: routing by pattern, the event a target receives,
 * asynchronous delivery with retries and dead letters, PutEvents validation, TestEventPattern.
 */
const region = 'us-east-1';
const accountId = '000000000000';
const bus = 'tradeflow';

interface Delivery {
  targetId: string;
  event: EventBridgeEvent;
}

let server: LocalEventBridge;
let client: EventBridgeClient;
const deliveries: Delivery[] = [];
let releaseSlowTarget: (() => void) | undefined;

beforeAll(async () => {
  server = await startLocalEventBridge({
    host: '127.0.0.1',
    port: 0,
    region,
    accountId,
    buses: [bus],
    timeScale: 10_000,
    rules: [
      {
        name: 'order-confirmed',
        eventBusName: bus,
        pattern: { source: ['tradeflow.orders'], 'detail-type': ['OrderConfirmed'] },
        targets: [{ id: 'notify-buyer', retryAttempts: 2, maximumEventAgeSeconds: 3600 }],
      },
      {
        name: 'large-orders',
        eventBusName: bus,
        pattern: { source: ['tradeflow.orders'], detail: { total: [{ numeric: ['>=', 1000] }] } },
        targets: [{ id: 'credit-review', retryAttempts: 2, maximumEventAgeSeconds: 3600 }],
      },
      {
        name: 'broken-target',
        eventBusName: bus,
        pattern: { source: ['tradeflow.broken'] },
        targets: [{ id: 'always-fails', retryAttempts: 2, maximumEventAgeSeconds: 86_400 }],
      },
      {
        name: 'short-lived',
        eventBusName: bus,
        pattern: { source: ['tradeflow.short-lived'] },
        // 10 minutes (60 ms at this time scale): long enough for a second attempt on a busy machine,
        // far too short for 185 retries.
        targets: [{ id: 'fails-until-too-old', retryAttempts: 185, maximumEventAgeSeconds: 600 }],
      },
      {
        name: 'slow-target',
        eventBusName: bus,
        pattern: { source: ['tradeflow.slow'] },
        targets: [{ id: 'slow', retryAttempts: 0, maximumEventAgeSeconds: 60 }],
      },
      {
        name: 'default-bus-rule',
        eventBusName: 'default',
        pattern: { source: ['tradeflow.orders'] },
        targets: [{ id: 'default-bus-target', retryAttempts: 0, maximumEventAgeSeconds: 60 }],
      },
    ],
    deliver: async (targetId, event) => {
      if (targetId === 'always-fails') throw new Error('target is down');
      if (targetId === 'fails-until-too-old') throw new Error('still down');
      if (targetId === 'slow') await new Promise<void>((resolve) => (releaseSlowTarget = resolve));
      deliveries.push({ targetId, event });
    },
  });
  client = new EventBridgeClient({
    endpoint: server.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

beforeEach(() => {
  deliveries.length = 0;
});

function orderEvent(overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry {
  return {
    EventBusName: bus,
    Source: 'tradeflow.orders',
    DetailType: 'OrderConfirmed',
    Detail: JSON.stringify({ version: 1, orderId: 'ord_1', total: 250 }),
    ...overrides,
  };
}

describe('the local EventBridge', () => {
  it('delivers a matching event to the rule target, shaped as a Lambda target receives it', async () => {
    // Prepare
    const entry = orderEvent({
      Time: new Date('2024-05-01T10:00:00.123Z'),
      Resources: ['arn:aws:dynamodb:us-east-1:000000000000:table/orders'],
    });

    // Act
    const answer = await client.send(new PutEventsCommand({ Entries: [entry] }));
    await server.idle();

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    const eventId = answer.Entries?.[0]?.EventId;
    expect(eventId).toEqual(expect.any(String));
    expect(deliveries).toEqual([
      {
        targetId: 'notify-buyer',
        event: {
          version: '0',
          id: eventId,
          'detail-type': 'OrderConfirmed',
          source: 'tradeflow.orders',
          account: accountId,
          time: '2024-05-01T10:00:00Z',
          region,
          resources: ['arn:aws:dynamodb:us-east-1:000000000000:table/orders'],
          detail: { version: 1, orderId: 'ord_1', total: 250 },
        },
      },
    ]);
  });

  it('routes to every matching rule on the named bus only, accepting the bus ARN', async () => {
    // Prepare
    const busArn = `arn:aws:events:${region}:${accountId}:event-bus/${bus}`;
    const detail = JSON.stringify({ version: 1, orderId: 'ord_2', total: 5000 });

    // Act
    const answer = await client.send(
      new PutEventsCommand({ Entries: [orderEvent({ EventBusName: busArn, Detail: detail })] }),
    );
    await server.idle();

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    expect(deliveries.map((delivery) => delivery.targetId).sort()).toEqual(['credit-review', 'notify-buyer']);
    const record = server.putEvents().find((r) => r.id === answer.Entries?.[0]?.EventId);
    expect(record).toMatchObject({
      eventBusName: bus,
      source: 'tradeflow.orders',
      detailType: 'OrderConfirmed',
    });
    expect(
      record?.routes.map((route) => [route.rule, route.targetId, route.status, route.attempts]).sort(),
    ).toEqual([
      ['large-orders', 'credit-review', 'delivered', 1],
      ['order-confirmed', 'notify-buyer', 'delivered', 1],
    ]);
  });

  it('uses the default bus when no bus is named', async () => {
    // Act
    await client.send(new PutEventsCommand({ Entries: [orderEvent({ EventBusName: undefined })] }));
    await server.idle();

    // Assess
    expect(deliveries.map((delivery) => delivery.targetId)).toEqual(['default-bus-target']);
  });

  it('accepts an event no rule matches and delivers it nowhere', async () => {
    // Act
    const answer = await client.send(
      new PutEventsCommand({ Entries: [orderEvent({ DetailType: 'OrderCancelled' })] }),
    );
    await server.idle();

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    expect(deliveries).toEqual([]);
    expect(server.putEvents().find((r) => r.id === answer.Entries?.[0]?.EventId)?.routes).toEqual([]);
  });

  it('answers PutEvents before the target has finished', async () => {
    // Act
    const answer = await client.send(
      new PutEventsCommand({ Entries: [orderEvent({ Source: 'tradeflow.slow' })] }),
    );
    const idle = server.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = deliveries.length;
    releaseSlowTarget?.();
    await idle;

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    expect(before).toBe(0);
    expect(deliveries.map((delivery) => delivery.targetId)).toEqual(['slow']);
  });

  it('retries a failing target, then dead-letters the event with the error', async () => {
    // Prepare
    const countsBefore = server.counts();

    // Act
    const answer = await client.send(
      new PutEventsCommand({ Entries: [orderEvent({ Source: 'tradeflow.broken' })] }),
    );
    await server.idle();

    // Assess
    const eventId = answer.Entries?.[0]?.EventId;
    const deadLetter = server.deadLetters().find((letter) => letter.event.id === eventId);
    expect(deadLetter).toMatchObject({
      rule: 'broken-target',
      targetId: 'always-fails',
      attempts: 3,
      lastError: 'Error: target is down',
      exhaustedRetryCondition: 'MaximumRetryAttempts',
    });
    const counts = server.counts();
    expect(counts.failedAttempts - countsBefore.failedAttempts).toBe(3);
    expect(counts.deadLettered - countsBefore.deadLettered).toBe(1);
    expect(server.putEvents().find((r) => r.id === eventId)?.routes[0]).toMatchObject({
      status: 'dead-lettered',
      attempts: 3,
    });
  });

  it('stops retrying when the event is older than the target allows', async () => {
    // Act
    const answer = await client.send(
      new PutEventsCommand({ Entries: [orderEvent({ Source: 'tradeflow.short-lived' })] }),
    );
    await server.idle();

    // Assess
    const deadLetter = server
      .deadLetters()
      .find((letter) => letter.event.id === answer.Entries?.[0]?.EventId);
    expect(deadLetter?.exhaustedRetryCondition).toBe('MaximumEventAgeInSeconds');
    expect(deadLetter?.attempts).toBeGreaterThan(1);
    expect(deadLetter?.attempts).toBeLessThan(186);
  });

  it('fails invalid entries one by one, as AWS does, and accepts the others', async () => {
    // Prepare
    const entries: PutEventsRequestEntry[] = [
      orderEvent({ Source: undefined }),
      orderEvent({ DetailType: '' }),
      orderEvent({ Detail: undefined }),
      orderEvent({ Detail: '["not", "an", "object"]' }),
      orderEvent({ Detail: '{not json' }),
      orderEvent({ EventBusName: 'no-such-bus' }),
      orderEvent({ DetailType: 'OrderCancelled' }),
    ];

    // Act
    const answer = await client.send(new PutEventsCommand({ Entries: entries }));
    await server.idle();

    // Assess
    expect(answer.FailedEntryCount).toBe(6);
    expect(answer.Entries?.map((entry) => entry.ErrorCode ?? 'ok')).toEqual([
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'InvalidArgument',
      'ok',
    ]);
    expect(answer.Entries?.[0]?.ErrorMessage).toBe(
      'Parameter Source is not valid. Reason: Source is a required argument.',
    );
    expect(answer.Entries?.[3]?.ErrorMessage).toBe('Detail is malformed.');
    expect(answer.Entries?.[5]?.ErrorMessage).toContain('Event bus no-such-bus does not exist.');
    expect(answer.Entries?.[6]?.EventId).toEqual(expect.any(String));
  });

  it('refuses a request of more than 10 entries or more than 256 KB', async () => {
    // Prepare
    const eleven = Array.from({ length: 11 }, () => orderEvent());
    const huge = orderEvent({ Detail: JSON.stringify({ payload: 'p'.repeat(256 * 1024) }) });

    // Act
    const tooMany = client.send(new PutEventsCommand({ Entries: eleven }));
    const tooBig = client.send(new PutEventsCommand({ Entries: [huge] }));

    // Assess
    await expect(tooMany).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must have length less than or equal to 10'),
    });
    await expect(tooBig).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('tests event patterns like TestEventPattern: true, false, invalid pattern, invalid event', async () => {
    // Prepare
    const event = JSON.stringify({
      id: '1',
      source: 'tradeflow.orders',
      'detail-type': 'OrderConfirmed',
      account: accountId,
      region,
      time: '2024-05-01T10:00:00Z',
      detail: { total: 1200 },
    });

    // Act
    const matching = await client.send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: JSON.stringify({ detail: { total: [{ numeric: ['>', 1000] }] } }),
      }),
    );
    const notMatching = await client.send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: JSON.stringify({ source: ['tradeflow.payments'] }),
      }),
    );
    const invalidPattern = client.send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: JSON.stringify({ detail: { total: [{ numeric: 10 }] } }),
      }),
    );
    const invalidEvent = client.send(
      new TestEventPatternCommand({
        Event: JSON.stringify({ testEvent: 'value' }),
        EventPattern: '{"a": ["b"]}',
      }),
    );

    // Assess
    expect(matching.Result).toBe(true);
    expect(notMatching.Result).toBe(false);
    await expect(invalidPattern).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: expect.stringContaining(
        'Event pattern is not valid. Reason: Value of numeric must be an array.',
      ),
    });
    await expect(invalidEvent).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter Event is not valid.',
    });
  });

  it('lists rules and buses and describes a bus', async () => {
    // Act
    const rules = await client.send(new ListRulesCommand({ EventBusName: bus, NamePrefix: 'order' }));
    const buses = await client.send(new ListEventBusesCommand({}));
    const described = await client.send(new DescribeEventBusCommand({ Name: bus }));
    const missing = client.send(new DescribeEventBusCommand({ Name: 'no-such-bus' }));

    // Assess
    expect(rules.Rules).toEqual([
      {
        Name: 'order-confirmed',
        Arn: `arn:aws:events:${region}:${accountId}:rule/${bus}/order-confirmed`,
        EventPattern: JSON.stringify({ source: ['tradeflow.orders'], 'detail-type': ['OrderConfirmed'] }),
        State: 'ENABLED',
        EventBusName: bus,
      },
    ]);
    expect(buses.EventBuses?.map((b) => b.Name)).toEqual(['default', bus]);
    expect(described).toMatchObject({
      Name: bus,
      Arn: `arn:aws:events:${region}:${accountId}:event-bus/${bus}`,
    });
    await expect(missing).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus no-such-bus does not exist.',
    });
  });

  it('answers an unknown operation and malformed JSON with AWS JSON errors', async () => {
    // Prepare
    const post = (target: string, body: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target },
        body,
      });

    // Act
    const unknown = await post('AWSEvents.PutRule', '{}');
    const malformed = await post('AWSEvents.PutEvents', '{"Entries": [');

    // Assess
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await unknown.json()).toEqual({
      __type: 'UnknownOperationException',
      message: expect.stringContaining('PutRule'),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect(await malformed.json()).toMatchObject({ __type: 'SerializationException' });
  });
});
