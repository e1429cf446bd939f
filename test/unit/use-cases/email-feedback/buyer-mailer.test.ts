import { makeBuyerMailer } from '../../../../shared/adapters/buyer-mailer';
import { makeInMemoryCommunicationLog } from '../../../../shared/adapters/in-memory/communications';
import { makeInMemoryEmailSuppressionList } from '../../../../shared/adapters/in-memory/email-suppressions';
import { makeRecordingMailer } from '../../../../shared/adapters/in-memory/side-effects';
import { type OutgoingEmail, RecipientSuppressedError } from '../../../../shared/ports/mailer';

const CUSTOMER_ID = 'cus_01JBUYERMAILER00000000000';
const ORDER_ID = 'ord_01JBUYERMAILER00000000000';

function buyerEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to: ['ana@hamburg-tools.example'],
    subject: `Order ${ORDER_ID} confirmed`,
    html: '<p>Confirmed</p>',
    text: 'Confirmed',
    tags: { orderId: ORDER_ID, change: 'OrderConfirmed' },
    customer: {
      customerId: CUSTOMER_ID,
      entryId: `email:${ORDER_ID}:${ORDER_ID}:OrderConfirmed`,
      at: '2026-11-27T10:00:00.000Z',
      refs: { orderId: ORDER_ID },
    },
    ...overrides,
  };
}

function setup(suppressed: string[] = []) {
  const inner = makeRecordingMailer();
  const suppressions = makeInMemoryEmailSuppressionList(
    suppressed.map((address) => ({
      customerId: CUSTOMER_ID,
      address,
      reason: 'bounce' as const,
      detail: 'General',
      at: '2026-11-26T09:00:00.000Z',
      feedbackId: 'fb-1',
    })),
  );
  const communications = makeInMemoryCommunicationLog();
  const mailer = makeBuyerMailer({ mailer: inner, suppressions, communications });
  return { inner, suppressions, communications, mailer };
}

describe('makeBuyerMailer', () => {
  it('sends to a buyer whose address is not suppressed, tagged with the customer, and records it in their history', async () => {
    // Prepare
    const { inner, communications, mailer } = setup();

    // Act
    const messageId = await mailer.send(buyerEmail());

    // Assess
    expect(messageId).toBe('msg-1');
    expect(inner.sent).toHaveLength(1);
    expect(inner.sent[0].to).toEqual(['ana@hamburg-tools.example']);
    expect(inner.sent[0].tags).toEqual({
      orderId: ORDER_ID,
      change: 'OrderConfirmed',
      customerId: CUSTOMER_ID,
    });
    const history = await communications.list(CUSTOMER_ID);
    expect(history.items).toEqual([
      {
        customerId: CUSTOMER_ID,
        entryId: `email:${ORDER_ID}:${ORDER_ID}:OrderConfirmed`,
        at: '2026-11-27T10:00:00.000Z',
        kind: 'email',
        direction: 'outbound',
        subject: `Order ${ORDER_ID} confirmed`,
        summary: 'OrderConfirmed',
        refs: { orderId: ORDER_ID },
        by: 'system',
      },
    ]);
  });

  it('records one history entry when the same email is sent twice (a retried send)', async () => {
    // Prepare
    const { communications, mailer } = setup();

    // Act
    await mailer.send(buyerEmail());
    await mailer.send(buyerEmail());

    // Assess
    expect((await communications.list(CUSTOMER_ID)).items).toHaveLength(1);
  });

  it('refuses a suppressed address (any case): nothing is sent or recorded, RecipientSuppressedError names the reason', async () => {
    // Prepare
    const { inner, communications, mailer } = setup(['ana@hamburg-tools.example']);

    // Act
    const sending = mailer.send(buyerEmail({ to: ['Ana@Hamburg-Tools.example'] }));

    // Assess
    await expect(sending).rejects.toBeInstanceOf(RecipientSuppressedError);
    await expect(sending).rejects.toMatchObject({ customerId: CUSTOMER_ID, reason: 'bounce' });
    expect(inner.sent).toEqual([]);
    expect((await communications.list(CUSTOMER_ID)).items).toEqual([]);
  });

  it('sends to the recipients that are not suppressed and leaves out the one that is', async () => {
    // Prepare
    const { inner, mailer } = setup(['old@hamburg-tools.example']);

    // Act
    await mailer.send(buyerEmail({ to: ['old@hamburg-tools.example', 'ana@hamburg-tools.example'] }));

    // Assess
    expect(inner.sent.map((email) => email.to)).toEqual([['ana@hamburg-tools.example']]);
  });

  it('suppression is per customer: another customer at the same address still gets email', async () => {
    // Prepare
    const { inner, mailer } = setup(['ana@hamburg-tools.example']);
    const other = buyerEmail();

    // Act
    await mailer.send({
      ...other,
      customer: { ...other.customer!, customerId: 'cus_01JOTHER000000000000000000' },
    });

    // Assess
    expect(inner.sent).toHaveLength(1);
  });

  it('throws for an email without its customer, sending nothing (it could not be checked)', async () => {
    // Prepare
    const { inner, mailer } = setup();

    // Act
    const sending = mailer.send(buyerEmail({ customer: undefined }));

    // Assess
    await expect(sending).rejects.toThrow(/needs `customer`/);
    expect(inner.sent).toEqual([]);
  });

  it('records nothing when sending fails, so the retry records it once', async () => {
    // Prepare
    const failing = makeRecordingMailer({ failWith: new Error('SES throttled') });
    const communications = makeInMemoryCommunicationLog();
    const mailer = makeBuyerMailer({
      mailer: failing,
      suppressions: makeInMemoryEmailSuppressionList(),
      communications,
    });

    // Act
    const sending = mailer.send(buyerEmail());

    // Assess
    await expect(sending).rejects.toThrow('SES throttled');
    expect((await communications.list(CUSTOMER_ID)).items).toEqual([]);
  });
});
