import type { Context, EventBridgeEvent } from 'aws-lambda';

/** The composition roots: config checked at cold start, and a skipped type answered without I/O. */

const env = {
  DEPARTMENT: 'finance',
  DEPARTMENT_EMAIL: 'finance@tradeflow.example.com',
  ORDERS_TABLE: 'orders',
  CUSTOMERS_TABLE: 'customers',
  BUYER_MAIL_FROM: 'orders@tradeflow.example.com',
  BUYER_MAIL_FROM_CONFIGURATION_SET: 'tradeflow-buyer-mail',
  SUBSCRIPTIONS_TABLE: 'subscriptions',
  DOCUMENTS_BUCKET: 'documents',
  API_BASE_URL: 'https://api.tradeflow.example.com/v1/',
};

const context = {
  functionName: 'test',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 20_000,
} as unknown as Context;

function busEvent(type: string): EventBridgeEvent<string, unknown> {
  return {
    version: '0',
    id: 'evt-1',
    'detail-type': type,
    source: 'tradeflow.logistics',
    account: '000000000000',
    time: '2026-11-27T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {
      version: 1,
      changeId: 'ord_1:tracking:1',
      occurredAt: '2026-11-27T10:00:00.000Z',
      orderId: 'ord_1',
      status: 'DEPARTED',
      at: '2026-11-27T09:00:00.000Z',
      eta: '2027-01-05',
    },
  };
}

describe('notification handlers', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('a department function skips a type it does not act on, without touching AWS', async () => {
    // Prepare
    Object.assign(process.env, env);
    const { handler } = await import('../../../../functions/events/notify-finance');

    // Act
    const outcome = await handler(busEvent('TrackingUpdated'), context);

    // Assess
    expect(outcome).toBe('skipped');
  });

  it("refuses to start with another department's configuration", () => {
    // Prepare
    Object.assign(process.env, { ...env, DEPARTMENT: 'sales' });

    // Act / Assess
    jest.isolateModules(() => {
      expect(() => require('../../../../functions/events/notify-logistics')).toThrow(/DEPARTMENT/);
    });
  });

  it('notify-buyer skips a type that has no buyer email, without touching AWS', async () => {
    // Prepare
    Object.assign(process.env, env);
    const { handler } = await import('../../../../functions/events/notify-buyer');

    // Act
    const outcome = await handler(busEvent('TrackingUpdated'), context);

    // Assess
    expect(outcome).toBe('skipped');
  });
});
