import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PutEventRecord } from '../../../infra/local/eventbridge/eventbridge-server';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { makeDynamoCommunicationLog } from '../../../shared/adapters/dynamodb-communications';
import { makeDynamoEmailSuppressionList } from '../../../shared/adapters/dynamodb-email-suppressions';
import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * Bounces and complaints on the embedded runtime, through SES' mailbox simulator: the local SES part
 * publishes the bounce (or complaint) of an email to `bounce@simulator.amazonses.com` on the default
 * bus, as SES' event destination does on AWS; the rule hands it to handle-email-feedback, which
 * suppresses the address and tells sales; the next buyer email is not sent.
 */
describe('bounces and complaints of buyer emails', () => {
  let system: LocalSystem;
  let db: DynamoDBDocumentClient;

  beforeAll(async () => {
    system = await startLocalSystem();
    db = DynamoDBDocumentClient.from(
      new DynamoDBClient(localClientConfig(system.runtime.info.endpoints.dynamodb)),
    );
    await system.seedProducts();
  });

  afterAll(async () => {
    db.destroy();
    await system.stop();
  });

  const emailsTo = async (address: string) =>
    (await system.sentEmails()).filter((mail) => mail.destination.to.includes(address));
  const published = async (type: string, match: (detail: Record<string, unknown>) => boolean) =>
    (await system.admin<{ events: PutEventRecord[] }>('/events')).events.filter(
      (event) => event.detailType === type && match(event.event.detail),
    );
  const statusOf = async (orderId: string) => (await system.api(`/orders/${orderId}`)).json?.status;

  /** A customer at `address` places the fixture order; answers once its confirmation is sent. */
  async function orderFrom(address: string) {
    const customer = await system.api('/customers', { body: { ...customerBody, email: address } });
    expect(customer.status).toBe(201);
    const { customerId } = customer.json;
    const placed = await system.api('/orders', { body: orderBody(customerId) });
    expect(placed.status).toBe(201);
    const { orderId } = placed.json;
    await eventually(
      async () => ((await statusOf(orderId)) === 'AWAITING_DEPOSIT' ? true : undefined),
      // The first order pays the functions' cold starts.
      45_000,
      'the order to wait for its deposit',
    );
    await eventually(
      async () => ((await emailsTo(address)).length ? true : undefined),
      15_000,
      'the confirmation',
    );
    return { customerId, orderId };
  }

  it.each([
    ['a permanent bounce', 'bounce+order@simulator.amazonses.com', 'bounce', 'Email Bounced'],
    ['a complaint', 'complaint+order@simulator.amazonses.com', 'complaint', 'Email Complaint Received'],
  ])(
    '%s: the address is suppressed, sales is told, and the next buyer email is not sent',
    async (_case, address, reason, detailType) => {
      // Act 1: the order is placed and confirmed; SES reports the confirmation
      const { customerId, orderId } = await orderFrom(address);

      // Assess 1: the confirmation was sent, once
      await system.runtime.idle();
      expect(await emailsTo(address)).toHaveLength(1);

      // the report came on the default bus from aws.ses, and the feedback rule delivered it
      const [report] = await eventually(
        async () => {
          const found = (await system.admin<{ events: PutEventRecord[] }>('/events')).events.filter(
            (event) =>
              event.source === 'aws.ses' &&
              event.detailType === detailType &&
              (event.event.detail as { mail: { tags: Record<string, string[]> } }).mail.tags
                .customerId?.[0] === customerId,
          );
          return found.every((event) => event.routes.every((route) => route.status === 'delivered')) &&
            found.length
            ? found
            : undefined;
        },
        15_000,
        `the ${reason} report`,
      );
      expect(report.eventBusName).toBe('default');
      expect(report.routes).toEqual([
        expect.objectContaining({
          rule: 'buyer-email-feedback',
          targetId: 'handle-email-feedback',
          status: 'delivered',
        }),
      ]);
      expect((report.event.detail as { mail: { tags: Record<string, string[]> } }).mail.tags).toMatchObject({
        'ses:configuration-set': ['tradeflow-buyer-mail'],
        orderId: [orderId],
        customerId: [customerId],
      });

      // the address is suppressed on the customer, with why and when
      const suppressions = makeDynamoEmailSuppressionList(db, localNames.table('customers'));
      expect(await suppressions.find(customerId, address)).toMatchObject({
        customerId,
        address,
        reason,
        orderId,
        at: expect.any(String),
      });

      // sales was told: BuyerEmailSuppressed (ids only) to its rule, and an email to its mailbox
      const [suppressed] = await eventually(
        async () => {
          const found = await published('BuyerEmailSuppressed', (detail) => detail.customerId === customerId);
          return found.length && found[0].routes.every((route) => route.status === 'delivered')
            ? found
            : undefined;
        },
        15_000,
        'BuyerEmailSuppressed',
      );
      expect(suppressed.event.detail).toMatchObject({ orderId, customerId, reason });
      expect(JSON.stringify(suppressed.event.detail)).not.toContain('simulator');
      expect(suppressed.routes.map((route) => route.rule)).toEqual(
        expect.arrayContaining(['sales-notifications']),
      );
      const salesNotice = await eventually(
        async () =>
          (await emailsTo('sales@tradeflow.example.com')).find(
            (mail) =>
              mail.subject.includes('Buyer email address suppressed') && mail.subject.includes(orderId),
          ),
        15_000,
        "sales' notice",
      );
      expect(salesNotice.body.text).toContain(customerId);

      // Act 2: the deposit is paid: the buyer would be told
      const deposit = await system.api(`/orders/${orderId}/payments`, {
        as: 'finance',
        body: { amount: '1829.88', currency: 'EUR', reference: `DEP-${reason}` },
      });
      expect(deposit.status).toBe(200);

      // Assess 2: the deposit email is refused: nothing new in the SES store for the buyer, the
      // delivery succeeded (not retried), and the order's timeline says the buyer was not emailed
      const timeline = await eventually(
        async () => {
          const order = await system.api(`/orders/${orderId}`);
          const entries = order.json.timeline as { what: string; note?: string }[];
          return entries.some((entry) => entry.what === 'Buyer not emailed') ? entries : undefined;
        },
        20_000,
        'the not-emailed note',
      );
      await system.runtime.idle();
      expect(await emailsTo(address)).toHaveLength(1);
      expect(timeline.filter((entry) => entry.what === 'Buyer not emailed')).toEqual([
        expect.objectContaining({ note: expect.stringContaining(`address is suppressed after a ${reason}`) }),
      ]);
      const [depositReceived] = await published('DepositReceived', (detail) => detail.orderId === orderId);
      expect(depositReceived.routes.find((route) => route.targetId === 'notify-buyer')).toMatchObject({
        status: 'delivered',
        attempts: 1,
      });
    },
    // An order, its bounce, sales' notice and a payment, on a busy 2-core machine.
    120_000,
  );

  it("records a normal customer's emails in their communication history, with no suppression", async () => {
    // Act
    const address = 'success+history@simulator.amazonses.com';
    const { customerId, orderId } = await orderFrom(address);
    await system.runtime.idle();

    // Assess
    expect(await published('BuyerEmailSuppressed', (detail) => detail.customerId === customerId)).toEqual([]);
    const suppressions = makeDynamoEmailSuppressionList(db, localNames.table('customers'));
    expect(await suppressions.find(customerId, address)).toBeUndefined();
    const [sent] = await emailsTo(address);
    const history = await makeDynamoCommunicationLog(db, localNames.table('customers')).list(customerId);
    // Other kinds (the order itself, recorded by the CRM) may be there too: the emails are these.
    expect(history.items.filter((item) => item.kind === 'email')).toEqual([
      expect.objectContaining({
        customerId,
        entryId: expect.stringContaining(`email:${orderId}:`),
        kind: 'email',
        direction: 'outbound',
        subject: sent.subject,
        refs: { orderId },
        by: 'system',
      }),
    ]);
  }, 120_000);
});
