import { SubscriptionDeliveryError } from '../../../../shared/use-cases/deliver-to-subscriptions';
import {
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
} from '../../../../shared/webhooks/signature';
import { CUSTOMER_ID, event, ORDER_ID } from '../notifications/world';
import { CONSOLE, deliveryWorld, NOW, subscription } from './delivery-world';

const HOOK = 'https://hooks.example.com/a';
const OTHER_HOOK = 'https://hooks.example.com/b';
const SECRET = 'whsec_unit-test-secret-0123456789';

describe('department notices to subscriptions', () => {
  it('keeps the default mailbox while the department has no enabled subscription', async () => {
    // Prepare
    const w = deliveryWorld({ subscriptions: [subscription({ enabled: false })] });

    // Act
    const outcome = await w.notify(event('CreditHeld'));

    // Assess
    expect(outcome).toBe('sent');
    expect(w.mailer.sent.map((m) => m.to)).toEqual([['finance@tradeflow.example.com']]);
    expect(w.mailer.sent[0].text).toContain(`Order: ${ORDER_ID} (${CONSOLE}#/orders/${ORDER_ID})`);
    expect(w.mailer.sent[0].html).toContain(`<a href="${CONSOLE}#/orders/${ORDER_ID}">`);
  });

  it('sends the short notice to each matching list instead of the mailbox, linking to the order', async () => {
    // Prepare
    const w = deliveryWorld({
      subscriptions: [
        subscription({ subscriptionId: 'sub_A', emails: ['a@example.com', 'b@example.com'] }),
        subscription({ subscriptionId: 'sub_B', emails: ['c@example.com'] }),
      ],
    });

    // Act
    const outcome = await w.notify(event('CreditHeld'));

    // Assess
    expect(outcome).toBe('sent');
    expect(w.mailer.sent.map((m) => m.to).sort()).toEqual([
      ['a@example.com', 'b@example.com'],
      ['c@example.com'],
    ]);
    const email = w.mailer.sent[0];
    expect(email.subject).toMatch(/^\[finance\] Credit hold: ord_/);
    expect(email.text.split('\n').length).toBeLessThanOrEqual(7);
    expect(email.text).toContain(`${CONSOLE}#/orders/${ORDER_ID}`);
    expect(email.tags).toMatchObject({ orderId: ORDER_ID, subscription: expect.stringMatching(/^sub_/) });
  });

  it.each([
    ['event type', { eventTypes: ['OrderCancelled'] }, { eventTypes: ['CreditHeld'] }],
    ['customer', { customerIds: ['cus_OTHER'] }, { customerIds: [CUSTOMER_ID] }],
    ['country', { countries: ['FR', 'IT'] }, { countries: ['DE'] }],
  ])('filters by %s: only the matching subscription hears it', async (_what, miss, hit) => {
    // Prepare
    const w = deliveryWorld({
      subscriptions: [
        subscription({ subscriptionId: 'sub_MISS', emails: ['miss@example.com'], filters: miss }),
        subscription({ subscriptionId: 'sub_HIT', emails: ['hit@example.com'], filters: hit }),
      ],
    });

    // Act
    await w.notify(event('CreditHeld'));

    // Assess
    expect(w.mailer.sent.map((m) => m.to)).toEqual([['hit@example.com']]);
  });

  it('needs every filter to hold, and skips (no mailbox) when no enabled subscription matches', async () => {
    // Prepare
    const w = deliveryWorld({
      subscriptions: [subscription({ filters: { eventTypes: ['CreditHeld'], countries: ['FR'] } })],
    });

    // Act
    const outcome = await w.notify(event('CreditHeld'));

    // Assess
    expect(outcome).toBe('skipped');
    expect(w.mailer.sent).toEqual([]);
  });

  it('reads the order only when a filter needs its customer or country', async () => {
    // Prepare
    const plain = deliveryWorld({
      subscriptions: [subscription({ filters: { eventTypes: ['CreditHeld'] } })],
    });
    const byCountry = deliveryWorld({ subscriptions: [subscription({ filters: { countries: ['DE'] } })] });

    // Act
    await plain.notify(event('CreditHeld'));
    await byCountry.notify(event('CreditHeld'));

    // Assess
    expect(plain.orderFactReads).toEqual([]);
    expect(byCountry.orderFactReads).toEqual([ORDER_ID]);
  });

  it('posts a signed JSON body a receiver can verify: ids and figures, no buyer data', async () => {
    // Prepare
    const w = deliveryWorld({
      subscriptions: [subscription({ emails: undefined, webhook: { url: HOOK, secret: SECRET } })],
    });

    // Act
    await w.notify(event('CreditHeld'));

    // Assess
    const [post] = w.webhooks.posts;
    expect(post.url).toBe(HOOK);
    expect(post.headers[EVENT_ID_HEADER]).toBe(`${ORDER_ID}:CreditHeld`);
    expect(post.headers[TIMESTAMP_HEADER]).toBe(String(NOW.getTime() / 1000));
    expect(post.headers[SIGNATURE_HEADER]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const verify = (secret: string, rawBody = post.body) =>
      verifyWebhook({
        secret,
        rawBody,
        signature: post.headers[SIGNATURE_HEADER],
        timestamp: post.headers[TIMESTAMP_HEADER],
        now: NOW,
      });
    expect(verify(SECRET)).toBe(true);
    expect(verify('whsec_another-secret-0123456789')).toBe(false);
    expect(verify(SECRET, post.body.replace('CreditHeld', 'CreditHelt'))).toBe(false);
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({
      id: `${ORDER_ID}:CreditHeld`,
      type: 'CreditHeld',
      department: 'finance',
      orderId: ORDER_ID,
      orderUrl: `${CONSOLE}#/orders/${ORDER_ID}`,
      data: { customerId: CUSTOMER_ID, orderExposure: { amount: '6099.60', currency: 'EUR' } },
    });
    expect(post.body).not.toMatch(/Ana Buyer|ana@hamburg-tools|Am Hafen/);
  });

  it('does each side effect once per event and subscription across redeliveries', async () => {
    // Prepare
    const w = deliveryWorld({
      subscriptions: [subscription({ webhook: { url: HOOK, secret: SECRET } })],
    });

    // Act
    const first = await w.notify(event('CreditHeld'));
    const again = await w.notify(event('CreditHeld'));

    // Assess
    expect([first, again]).toEqual(['sent', 'duplicate']);
    expect(w.mailer.sent).toHaveLength(1);
    expect(w.webhooks.posts).toHaveLength(1);
  });

  it('retries a failing webhook on redelivery without repeating the emails or the other webhook', async () => {
    // Prepare
    const w = deliveryWorld({
      failing: { [HOOK]: 2 },
      subscriptions: [
        subscription({ subscriptionId: 'sub_FAILING', webhook: { url: HOOK, secret: SECRET } }),
        subscription({
          subscriptionId: 'sub_HEALTHY',
          emails: undefined,
          webhook: { url: OTHER_HOOK, secret: SECRET },
        }),
      ],
    });

    // Act
    const attempts = [];
    for (let i = 0; i < 3; i++)
      attempts.push(await w.notify(event('CreditHeld')).catch((error: Error) => error));

    // Assess
    expect(attempts[0]).toBeInstanceOf(SubscriptionDeliveryError);
    expect((attempts[0] as Error).message).toBe(
      '1 of 3 deliveries failed: sub_FAILING webhook: WebhookDeliveryError: the receiver answered HTTP 503',
    );
    expect(attempts[1]).toBeInstanceOf(SubscriptionDeliveryError);
    expect(attempts[2]).toBe('sent');
    expect(w.mailer.sent).toHaveLength(1);
    expect(w.webhooks.posts.map((p) => p.url).sort()).toEqual([HOOK, OTHER_HOOK]);
    expect(w.webhooks.attempts.filter((p) => p.url === OTHER_HOOK)).toHaveLength(1);
    expect(w.webhooks.attempts.filter((p) => p.url === HOOK)).toHaveLength(3);
  });
});
