import { makeInMemoryCommunicationLog } from '../../../../shared/adapters/in-memory/communications';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryEmailSuppressionList } from '../../../../shared/adapters/in-memory/email-suppressions';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { InvalidInputError } from '../../../../shared/errors';
import { makeHandleEmailFeedback } from '../../../../shared/use-cases/handle-email-feedback';
import {
  bounceDetail,
  complaintDetail,
  deliveryDelayDetail,
  type FeedbackOptions,
} from '../../../fixtures/ses/email-events';
import { CUSTOMER_ID, customer, ORDER_ID } from '../notifications/world';

const tagged: FeedbackOptions = { customerId: CUSTOMER_ID, orderId: ORDER_ID };

function setup() {
  const customers = makeInMemoryCustomerRepository([customer({ email: 'ana@hamburg-tools.example' })]);
  const suppressions = makeInMemoryEmailSuppressionList();
  const communications = makeInMemoryCommunicationLog();
  const events = makeRecordingPublisher();
  const handle = makeHandleEmailFeedback({ customers, suppressions, communications, events });
  return { suppressions, communications, events, handle };
}

describe('handle-email-feedback', () => {
  it('suppresses the address on a permanent bounce, records why and when, and tells sales with ids only', async () => {
    // Prepare
    const { suppressions, communications, events, handle } = setup();

    // Act
    const outcome = await handle({ type: 'Email Bounced', detail: bounceDetail('Permanent', tagged) });

    // Assess
    expect(outcome).toBe('suppressed');
    expect(await suppressions.find(CUSTOMER_ID, 'ANA@hamburg-tools.example')).toEqual({
      customerId: CUSTOMER_ID,
      address: 'ana@hamburg-tools.example',
      reason: 'bounce',
      detail: 'General',
      at: '2026-11-27T10:00:02.669Z',
      feedbackId: '01000157c44f053b-61b59c11-example-000000',
      orderId: ORDER_ID,
    });
    expect((await communications.list(CUSTOMER_ID)).items).toEqual([
      expect.objectContaining({
        kind: 'note',
        direction: 'internal',
        subject: 'Email address suppressed',
        at: '2026-11-27T10:00:02.669Z',
        refs: { orderId: ORDER_ID },
      }),
    ]);
    expect(events.published).toEqual([
      {
        type: 'BuyerEmailSuppressed',
        detail: {
          version: 1,
          changeId: expect.stringMatching(new RegExp(`^email-suppressed:${CUSTOMER_ID}:[0-9a-f]{20}$`)),
          occurredAt: '2026-11-27T10:00:02.669Z',
          orderId: ORDER_ID,
          customerId: CUSTOMER_ID,
          reason: 'bounce',
          detail: 'General',
        },
      },
    ]);
    expect(JSON.stringify(events.published)).not.toContain('hamburg-tools');
  });

  it('suppresses on a complaint', async () => {
    // Prepare
    const { suppressions, events, handle } = setup();

    // Act
    const outcome = await handle({ type: 'Email Complaint Received', detail: complaintDetail(tagged) });

    // Assess
    expect(outcome).toBe('suppressed');
    expect(await suppressions.find(CUSTOMER_ID, 'ana@hamburg-tools.example')).toMatchObject({
      reason: 'complaint',
      detail: 'abuse',
    });
    expect(events.published.map((event) => event.detail)).toEqual([
      expect.objectContaining({ reason: 'complaint', detail: 'abuse', customerId: CUSTOMER_ID }),
    ]);
  });

  it.each([
    ['a transient bounce', 'Email Bounced', bounceDetail('Transient', tagged)],
    ['an undetermined bounce', 'Email Bounced', bounceDetail('Undetermined', tagged)],
    ['a delivery delay', 'Email Delivery Delayed', deliveryDelayDetail(tagged)],
  ])('does not suppress on %s', async (_case, type, detail) => {
    // Prepare
    const { suppressions, communications, events, handle } = setup();

    // Act
    const outcome = await handle({ type, detail });

    // Assess
    expect(outcome).toBe('not-suppressing');
    expect(suppressions.records.size).toBe(0);
    expect((await communications.list(CUSTOMER_ID)).items).toEqual([]);
    expect(events.published).toEqual([]);
  });

  it('is idempotent under redelivery: one suppression, one history entry, the same event (same changeId)', async () => {
    // Prepare
    const { suppressions, communications, events, handle } = setup();
    const report = { type: 'Email Bounced', detail: bounceDetail('Permanent', tagged) };

    // Act
    await handle(report);
    const again = await handle(report);

    // Assess
    expect(again).toBe('suppressed');
    expect(suppressions.records.size).toBe(1);
    expect((await communications.list(CUSTOMER_ID)).items).toHaveLength(1);
    expect(events.published).toHaveLength(2);
    expect(events.published[1]).toEqual(events.published[0]);
  });

  it('keeps the first report: a later bounce of the same address changes neither the record nor the event', async () => {
    // Prepare
    const { suppressions, events, handle } = setup();

    // Act
    await handle({ type: 'Email Bounced', detail: bounceDetail('Permanent', tagged) });
    await handle({
      type: 'Email Complaint Received',
      detail: complaintDetail({ ...tagged, at: '2026-11-28T08:00:00.000Z', feedbackId: 'later' }),
    });

    // Assess
    expect(await suppressions.find(CUSTOMER_ID, 'ana@hamburg-tools.example')).toMatchObject({
      reason: 'bounce',
      feedbackId: '01000157c44f053b-61b59c11-example-000000',
    });
    expect(events.published[1]).toEqual(events.published[0]);
  });

  it.each([
    ['no customerId tag (not a buyer email)', { orderId: ORDER_ID }],
    ['an unknown customer', { customerId: 'cus_01JNOBODY0000000000000000' }],
    [
      "an address that is not the customer's (a department's mailbox)",
      { ...tagged, recipient: 'sales@tradeflow.example.com' },
    ],
  ])('suppresses nothing for %s', async (_case, options) => {
    // Prepare
    const { suppressions, events, handle } = setup();

    // Act
    const outcome = await handle({ type: 'Email Bounced', detail: bounceDetail('Permanent', options) });

    // Assess
    expect(outcome).toBe('unmatched');
    expect(suppressions.records.size).toBe(0);
    expect(events.published).toEqual([]);
  });

  it("names the customer as the event's orderId when the email was about no order", async () => {
    // Prepare
    const { events, handle } = setup();

    // Act
    await handle({ type: 'Email Bounced', detail: bounceDetail('Permanent', { customerId: CUSTOMER_ID }) });

    // Assess
    expect(events.published[0]).toMatchObject({
      type: 'BuyerEmailSuppressed',
      detail: { orderId: CUSTOMER_ID },
    });
  });

  it('throws InvalidInputError for a report it cannot read (dead-lettered, where someone sees it)', async () => {
    // Prepare
    const { handle } = setup();

    // Act
    const handling = handle({ type: 'Email Bounced', detail: { eventType: 'Bounce', mail: {} } });

    // Assess
    await expect(handling).rejects.toBeInstanceOf(InvalidInputError);
  });
});
