import { makeRecordingMailer } from '../../../../shared/adapters/in-memory/side-effects';
import { BUYER_EMAIL_TYPES } from '../../../../shared/email/buyer-catalog';
import { InvalidInputError } from '../../../../shared/errors';
import { logger } from '../../../../shared/observability';
import { makeNotifyBuyer } from '../../../../shared/use-cases/notify-buyer';
import { event, lastSent, ORDER_ID, world } from './world';

describe('notify-buyer', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(BUYER_EMAIL_TYPES)(
    'sends one email for %s, to the buyer, tagged with the order and the change',
    async (type) => {
      // Prepare
      const w = world();

      // Act
      const outcome = await w.notifyBuyer(event(type));

      // Assess
      expect(outcome).toBe('sent');
      expect(w.mailer.sent).toHaveLength(1);
      expect(lastSent(w.mailer)).toMatchObject({
        to: ['ana@hamburg-tools.example'],
        tags: { orderId: ORDER_ID, change: type },
      });
      expect(lastSent(w.mailer).subject).toContain(ORDER_ID);
      expect(w.once.claims.has(`ORDER#${ORDER_ID}|email:${ORDER_ID}:${type}`)).toBe(true);
    },
  );

  it('sends once when the same change is delivered twice', async () => {
    // Prepare
    const w = world();
    const shipped = event('ShipmentDispatched');

    // Act
    const outcomes = [await w.notifyBuyer(shipped), await w.notifyBuyer(shipped)];

    // Assess
    expect(outcomes).toEqual(['sent', 'duplicate']);
    expect(w.mailer.sent).toHaveLength(1);
  });

  it('sends again for another change of the same type (a second payment)', async () => {
    // Prepare
    const w = world();

    // Act
    await w.notifyBuyer(event('PaymentReceived', { changeId: `${ORDER_ID}:payment:BANK-1` }));
    await w.notifyBuyer(event('PaymentReceived', { changeId: `${ORDER_ID}:payment:BANK-2` }));

    // Assess
    expect(w.mailer.sent).toHaveLength(2);
  });

  it('gives the claim back when sending fails, so the redelivery sends it', async () => {
    // Prepare
    const w = world();
    const failing = makeNotifyBuyer({
      ...w,
      mailer: makeRecordingMailer({ failWith: new Error('throttled') }),
    });
    const confirmed = event('OrderConfirmed');

    // Act
    await expect(failing(confirmed)).rejects.toThrow('throttled');
    const claimsAfterFailure = w.once.claims.size;
    const retried = await w.notifyBuyer(confirmed);

    // Assess
    expect(claimsAfterFailure).toBe(0);
    expect(retried).toBe('sent');
    expect(w.mailer.sent).toHaveLength(1);
  });

  it('skips, without throwing, a type that has no buyer email', async () => {
    // Prepare
    const w = world();

    // Act
    const outcomes = [
      await w.notifyBuyer(event('TrackingUpdated')),
      await w.notifyBuyer(event('OrderReceived')),
      await w.notifyBuyer({ type: 'SomethingNew', detail: {} }),
    ];

    // Assess
    expect(outcomes).toEqual(['skipped', 'skipped', 'skipped']);
    expect(w.mailer.sent).toHaveLength(0);
    expect(w.once.claims.size).toBe(0);
  });

  it('tells the payment that completes the deposit once, in the deposit email', async () => {
    // Prepare
    const w = world();

    // Act: record-payment publishes both for that payment.
    const payment = await w.notifyBuyer(event('PaymentReceived', { coversDeposit: true }));
    const deposit = await w.notifyBuyer(event('DepositReceived'));

    // Assess
    expect([payment, deposit]).toEqual(['skipped', 'sent']);
    expect(w.mailer.sent.map((email) => email.subject)).toEqual([`Deposit received for order ${ORDER_ID}`]);
  });

  it('skips an order it cannot find', async () => {
    // Prepare
    const w = world();

    // Act
    const outcome = await w.notifyBuyer(event('OrderDelivered', { orderId: 'ord_unknown' }));

    // Assess
    expect(outcome).toBe('skipped');
    expect(w.mailer.sent).toHaveLength(0);
  });

  it('throws InvalidInputError for a detail that does not fit its schema, naming the field', async () => {
    // Prepare
    const w = world();
    const broken = { type: 'PaymentDue', detail: { ...event('PaymentDue').detail, outstanding: '12.00' } };

    // Act
    const attempt = w.notifyBuyer(broken);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ field: 'outstanding', code: 'INVALID_EVENT' });
    expect(w.mailer.sent).toHaveLength(0);
  });

  it('logs no personal data', async () => {
    // Prepare
    const w = world();
    const logged: unknown[] = [];
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      });
    }

    // Act
    await w.notifyBuyer(event('CreditHeld'));
    await w.notifyBuyer(event('CreditHeld'));
    await w.notifyBuyer(event('TrackingUpdated'));
    await w.notifyBuyer(event('OrderDelivered', { orderId: 'ord_unknown' }));

    // Assess
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toMatch(/Ana Buyer|hamburg-tools\.example/);
  });
});
