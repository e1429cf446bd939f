import { matchesEventPattern } from '../../../infra/local/eventbridge/pattern-matcher';
import {
  type AcceptedEmail,
  simulatedOutcome,
  simulatorEvents,
} from '../../../infra/local/ses/mailbox-simulator';
import { topology } from '../../../infra/topology';
import { sesEmailEvent } from '../../../shared/contracts/ses-email-events';

const CONFIGURATION_SET = topology.emailIdentities.buyerMail.configurationSet;
const context = {
  region: 'us-east-1',
  accountId: '000000000000',
  destinations: { [CONFIGURATION_SET]: ['BOUNCE', 'COMPLAINT'] as ('BOUNCE' | 'COMPLAINT')[] },
  newId: () => 'feedback-1',
};

function accepted(recipients: string[], overrides: Partial<AcceptedEmail> = {}): AcceptedEmail {
  return {
    messageId: 'local-message-1',
    from: 'orders@tradeflow.example.com',
    recipients,
    subject: 'Order ord_1 confirmed',
    configurationSet: CONFIGURATION_SET,
    tags: [
      { Name: 'orderId', Value: 'ord_1' },
      { Name: 'customerId', Value: 'cus_1' },
    ],
    sentAt: new Date('2026-11-27T10:00:00.000Z'),
    ...overrides,
  };
}

/** The entry as the rule's target receives it (what the local EventBridge builds from PutEvents). */
const asDelivered = (entry: ReturnType<typeof simulatorEvents>[number]) => ({
  version: '0',
  id: 'e-1',
  'detail-type': entry.DetailType,
  source: entry.Source,
  account: '000000000000',
  time: entry.Time.toISOString(),
  region: 'us-east-1',
  resources: entry.Resources,
  detail: JSON.parse(entry.Detail),
});

describe('the local mailbox simulator', () => {
  it.each([
    ['bounce@simulator.amazonses.com', 'bounce'],
    ['Bounce+order-42@Simulator.AmazonSES.com', 'bounce'],
    ['complaint@simulator.amazonses.com', 'complaint'],
    ['complaint+x@simulator.amazonses.com', 'complaint'],
    ['success@simulator.amazonses.com', undefined],
    ['ooto@simulator.amazonses.com', undefined],
    ['bounce@example.com', undefined],
  ])('%s → %s', (address, outcome) => {
    // Act / Assess
    expect(simulatedOutcome(address)).toBe(outcome);
  });

  it('reports a permanent bounce as SES does on the default bus, with the sender’s tags, matching the feedback rule', () => {
    // Act
    const entries = simulatorEvents(accepted(['bounce@simulator.amazonses.com']), context);

    // Assess
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      Source: 'aws.ses',
      DetailType: 'Email Bounced',
      EventBusName: 'default',
      Resources: [`arn:aws:ses:us-east-1:000000000000:configuration-set/${CONFIGURATION_SET}`],
    });
    const detail = JSON.parse(entry.Detail);
    expect(detail).toMatchObject({
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'bounce@simulator.amazonses.com', status: '5.1.1' }],
        feedbackId: 'feedback-1-000000',
      },
      mail: {
        messageId: 'local-message-1',
        source: 'orders@tradeflow.example.com',
        destination: ['bounce@simulator.amazonses.com'],
        tags: {
          'ses:configuration-set': [CONFIGURATION_SET],
          'ses:from-domain': ['tradeflow.example.com'],
          orderId: ['ord_1'],
          customerId: ['cus_1'],
        },
      },
    });
    expect(sesEmailEvent.safeParse(detail).success).toBe(true);
    const rule = topology.rules.find((candidate) => candidate.name === 'buyer-email-feedback')!;
    expect(matchesEventPattern(rule.pattern, asDelivered(entry))).toBe(true);
  });

  it('reports a complaint (abuse) for complaint@…, matching the feedback rule', () => {
    // Act
    const [entry, ...more] = simulatorEvents(accepted(['complaint@simulator.amazonses.com']), context);

    // Assess
    expect(more).toEqual([]);
    expect(entry.DetailType).toBe('Email Complaint Received');
    const detail = JSON.parse(entry.Detail);
    expect(detail).toMatchObject({
      eventType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'complaint@simulator.amazonses.com' }],
        complaintFeedbackType: 'abuse',
      },
    });
    expect(sesEmailEvent.safeParse(detail).success).toBe(true);
    const rule = topology.rules.find((candidate) => candidate.name === 'buyer-email-feedback')!;
    expect(matchesEventPattern(rule.pattern, asDelivered(entry))).toBe(true);
  });

  it('reports nothing for success@… or any other address', () => {
    // Act / Assess
    expect(simulatorEvents(accepted(['success@simulator.amazonses.com']), context)).toEqual([]);
    expect(simulatorEvents(accepted(['ana@hamburg-tools.example']), context)).toEqual([]);
  });

  it('reports only what the configuration set’s destination publishes, and nothing without one', () => {
    // Prepare
    const bounceOnly = { ...context, destinations: { [CONFIGURATION_SET]: ['BOUNCE' as const] } };

    // Act / Assess
    expect(simulatorEvents(accepted(['complaint@simulator.amazonses.com']), bounceOnly)).toEqual([]);
    expect(
      simulatorEvents(accepted(['bounce@simulator.amazonses.com'], { configurationSet: undefined }), context),
    ).toEqual([]);
    expect(
      simulatorEvents(accepted(['bounce@simulator.amazonses.com'], { configurationSet: 'other' }), context),
    ).toEqual([]);
  });

  it('the feedback rule ignores emails not tagged with a customer (department notices) and other configuration sets', () => {
    // Prepare
    const rule = topology.rules.find((candidate) => candidate.name === 'buyer-email-feedback')!;
    const [department] = simulatorEvents(
      accepted(['bounce@simulator.amazonses.com'], { tags: [{ Name: 'orderId', Value: 'ord_1' }] }),
      context,
    );
    const [other] = simulatorEvents(
      accepted(['bounce@simulator.amazonses.com'], { configurationSet: 'other' }),
      {
        ...context,
        destinations: { other: ['BOUNCE'] },
      },
    );

    // Act / Assess
    expect(matchesEventPattern(rule.pattern, asDelivered(department))).toBe(false);
    expect(matchesEventPattern(rule.pattern, asDelivered(other))).toBe(false);
  });
});
