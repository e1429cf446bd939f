import { randomUUID } from 'node:crypto';
import type { SesFeedbackEvent } from '../../topology/types';

/**
 * SES' mailbox simulator, locally: an email to `bounce@simulator.amazonses.com` bounces (permanent,
 * General, 5.1.1), one to `complaint@simulator.amazonses.com` is reported as spam (abuse); every other
 * address (`success@…` included) is simply delivered and reports nothing. As on AWS, a label after a
 * `+` is allowed (`bounce+order-42@simulator.amazonses.com`). Each report is the event SES puts on the
 * default EventBridge bus for a configuration set whose event destination takes that event type: the
 * same detail type, source, resources and detail (`{ eventType, bounce | complaint, mail }`, with the
 * message tags the sender set, as lists). Pure: the SES part publishes what this returns.
 */

const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

/** What the SES part knows of an email it accepted. */
export interface AcceptedEmail {
  messageId: string;
  from: string;
  /** To, Cc and Bcc. */
  recipients: string[];
  subject: string;
  configurationSet?: string;
  tags: { Name: string; Value: string }[];
  sentAt: Date;
}

/** An entry for PutEvents on the default bus, as SES' EventBridge destination sends it. */
export interface SesEventEntry {
  Source: 'aws.ses';
  DetailType: string;
  Resources: string[];
  Detail: string;
  Time: Date;
  EventBusName: 'default';
}

export interface SimulatorContext {
  region: string;
  accountId: string;
  /** Configuration sets with an event destination, and the event types it publishes. */
  destinations: Record<string, SesFeedbackEvent[]>;
  newId?: () => string;
}

type Outcome = 'bounce' | 'complaint';

/** What the simulator does with a recipient: bounce, complain, or nothing (delivered). */
export function simulatedOutcome(address: string): Outcome | undefined {
  const match = /^([^@+]+)(\+[^@]*)?@(.+)$/.exec(address.trim().toLowerCase());
  if (!match || match[3] !== SIMULATOR_DOMAIN) return undefined;
  if (match[1] === 'bounce') return 'bounce';
  if (match[1] === 'complaint') return 'complaint';
  return undefined;
}

/** The events SES would publish for an accepted email (none when nothing bounces or complains). */
export function simulatorEvents(email: AcceptedEmail, context: SimulatorContext): SesEventEntry[] {
  const set = email.configurationSet;
  const publishes = set ? (context.destinations[set] ?? []) : [];
  if (!set || publishes.length === 0) return [];
  const newId = context.newId ?? randomUUID;
  const reportedAt = new Date(email.sentAt.getTime() + 1_000);
  const byOutcome = (outcome: Outcome) =>
    email.recipients.filter((recipient) => simulatedOutcome(recipient) === outcome);
  const entries: SesEventEntry[] = [];
  const mail = mailObject(email, set, context);
  const resources = [`arn:aws:ses:${context.region}:${context.accountId}:configuration-set/${set}`];

  const bounced = byOutcome('bounce');
  if (bounced.length && publishes.includes('BOUNCE')) {
    entries.push({
      Source: 'aws.ses',
      DetailType: 'Email Bounced',
      Resources: resources,
      Time: reportedAt,
      EventBusName: 'default',
      Detail: JSON.stringify({
        eventType: 'Bounce',
        bounce: {
          feedbackId: `${newId()}-000000`,
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: bounced.map((emailAddress) => ({
            emailAddress,
            action: 'failed',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown',
          })),
          timestamp: reportedAt.toISOString(),
          reportingMTA: `dns; a8-70.smtp-out.${context.region}.amazonses.com`,
        },
        mail,
      }),
    });
  }
  const complained = byOutcome('complaint');
  if (complained.length && publishes.includes('COMPLAINT')) {
    entries.push({
      Source: 'aws.ses',
      DetailType: 'Email Complaint Received',
      Resources: resources,
      Time: reportedAt,
      EventBusName: 'default',
      Detail: JSON.stringify({
        eventType: 'Complaint',
        complaint: {
          feedbackId: `${newId()}-000000`,
          complaintSubType: null,
          complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
          timestamp: reportedAt.toISOString(),
          userAgent: 'Amazon SES Mailbox Simulator',
          complaintFeedbackType: 'abuse',
          arrivalDate: reportedAt.toISOString(),
        },
        mail,
      }),
    });
  }
  return entries;
}

/** The `mail` object of an SES event: the email's facts, and its tags (SES' own and the sender's). */
function mailObject(email: AcceptedEmail, configurationSet: string, context: SimulatorContext) {
  const fromAddress = /<([^>]+)>/.exec(email.from)?.[1] ?? email.from;
  const fromDomain = fromAddress.slice(fromAddress.indexOf('@') + 1);
  const tags: Record<string, string[]> = {
    'ses:configuration-set': [configurationSet],
    'ses:source-ip': ['127.0.0.1'],
    'ses:from-domain': [fromDomain],
    'ses:caller-identity': ['local'],
  };
  for (const tag of email.tags) tags[tag.Name] = [tag.Value];
  return {
    timestamp: email.sentAt.toISOString(),
    source: email.from,
    sourceArn: `arn:aws:ses:${context.region}:${context.accountId}:identity/${fromDomain}`,
    sendingAccountId: context.accountId,
    messageId: email.messageId,
    destination: email.recipients,
    headersTruncated: false,
    headers: [
      { name: 'From', value: email.from },
      { name: 'To', value: email.recipients.join(', ') },
      { name: 'Subject', value: email.subject },
    ],
    commonHeaders: {
      from: [email.from],
      to: email.recipients,
      messageId: email.messageId,
      subject: email.subject,
    },
    tags,
  };
}
