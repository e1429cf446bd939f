import { makeBuyerMailer } from '../../../../shared/adapters/buyer-mailer';
import { makeInMemoryCommunicationLog } from '../../../../shared/adapters/in-memory/communications';
import { makeInMemoryEmailSuppressionList } from '../../../../shared/adapters/in-memory/email-suppressions';
import { withBuyerNotToldNoted } from '../../../../shared/use-cases/note-buyer-not-told';
import { makeNotifyBuyer } from '../../../../shared/use-cases/notify-buyer';
import { CUSTOMER_ID, customer, event, ORDER_ID, world } from '../notifications/world';

/** notify-buyer composed as its function composes it: the buyer mailer, and the not-told note. */
function setup(suppressed: boolean) {
  const w = world({ customer: customer({ email: 'ana@hamburg-tools.example' }) });
  const suppressions = makeInMemoryEmailSuppressionList(
    suppressed
      ? [
          {
            customerId: CUSTOMER_ID,
            address: 'ana@hamburg-tools.example',
            reason: 'complaint',
            detail: 'abuse',
            at: '2026-11-27T09:00:00.000Z',
            feedbackId: 'fb-1',
          },
        ]
      : [],
  );
  const communications = makeInMemoryCommunicationLog();
  const mailer = makeBuyerMailer({ mailer: w.mailer, suppressions, communications });
  const notify = withBuyerNotToldNoted(makeNotifyBuyer({ ...w, mailer }), { orders: w.orders, once: w.once });
  return { ...w, communications, notify };
}

describe('notify-buyer with the buyer mailer', () => {
  it("sends a buyer email once and records it once in the customer's history, however often the change is delivered", async () => {
    // Prepare
    const { mailer, communications, notify } = setup(false);
    const confirmed = event('OrderConfirmed');

    // Act
    const first = await notify(confirmed);
    const again = await notify(confirmed);

    // Assess
    expect([first, again]).toEqual(['sent', 'duplicate']);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].tags).toMatchObject({ customerId: CUSTOMER_ID, orderId: ORDER_ID });
    expect((await communications.list(CUSTOMER_ID)).items).toEqual([
      expect.objectContaining({
        entryId: `email:${ORDER_ID}:${ORDER_ID}:OrderConfirmed`,
        at: confirmed.detail.occurredAt,
        kind: 'email',
        refs: { orderId: ORDER_ID },
      }),
    ]);
  });

  it('answers `suppressed` (not a throw the bus would retry), sends nothing, and notes on the timeline once that the buyer was not told', async () => {
    // Prepare
    const { mailer, orders, communications, notify } = setup(true);
    const confirmed = event('OrderConfirmed');
    const before = (await orders.get(ORDER_ID))!;

    // Act
    const first = await notify(confirmed);
    const again = await notify(confirmed);

    // Assess
    expect([first, again]).toEqual(['suppressed', 'suppressed']);
    expect(mailer.sent).toEqual([]);
    expect((await communications.list(CUSTOMER_ID)).items).toEqual([]);
    const after = (await orders.get(ORDER_ID))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.timeline.slice(before.timeline.length)).toEqual([
      {
        at: confirmed.detail.occurredAt,
        what: 'Buyer not emailed',
        by: { kind: 'system', id: 'buyer-email' },
        note: "OrderConfirmed: the buyer's address is suppressed after a complaint; sales was told",
      },
    ]);
  });

  it('lets any other failure through, so the bus retries it', async () => {
    // Prepare
    const { orders, once } = setup(false);
    const failing = withBuyerNotToldNoted(
      async () => {
        throw new Error('SES throttled');
      },
      { orders, once },
    );

    // Act
    const notifying = failing(event('OrderConfirmed'));

    // Assess
    await expect(notifying).rejects.toThrow('SES throttled');
  });
});
