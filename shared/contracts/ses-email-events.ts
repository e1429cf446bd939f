import type { MailFeedback } from '../domain/email-suppression';
import * as z from '../zod-mini';

/**
 * What SES puts on the default EventBridge bus for a configuration set's event destination (detail
 * types `Email Bounced`, `Email Complaint Received`; source `aws.ses`): the same record SES publishes to
 * SNS and Firehose, `{ eventType, bounce | complaint, mail }`. Only the fields read here are checked;
 * the rest (headers, diagnostic codes…) pass through unread. `mail.tags` holds the message tags the
 * mailer set, each as a list (`{ customerId: ['cus_…'], orderId: ['ord_…'], 'ses:configuration-set': […] }`).
 */
export const SES_FEEDBACK_DETAIL_TYPES = {
  bounce: 'Email Bounced',
  complaint: 'Email Complaint Received',
  deliveryDelay: 'Email Delivery Delayed',
} as const;

const recipients = z.array(z.looseObject({ emailAddress: z.string() }));
const mail = z.looseObject({
  messageId: z.string(),
  timestamp: z.string(),
  tags: z.optional(z.record(z.string(), z.array(z.string()))),
});

const bounceEvent = z.looseObject({
  eventType: z.literal('Bounce'),
  bounce: z.looseObject({
    bounceType: z.string(),
    bounceSubType: z.optional(z.string()),
    bouncedRecipients: recipients,
    timestamp: z.string(),
    feedbackId: z.string(),
  }),
  mail,
});
const complaintEvent = z.looseObject({
  eventType: z.literal('Complaint'),
  complaint: z.looseObject({
    complainedRecipients: recipients,
    timestamp: z.string(),
    feedbackId: z.string(),
    complaintFeedbackType: z.optional(z.nullable(z.string())),
  }),
  mail,
});
/** A delay SES is still retrying: nothing to suppress, read only to say so. */
const deliveryDelayEvent = z.looseObject({ eventType: z.literal('DeliveryDelay'), mail });

export const sesEmailEvent = z.discriminatedUnion('eventType', [
  bounceEvent,
  complaintEvent,
  deliveryDelayEvent,
]);
export type SesEmailEvent = z.infer<typeof sesEmailEvent>;

/** The report in our own terms, or undefined for an event that reports no bounce or complaint. */
export function mailFeedbackOf(event: SesEmailEvent): MailFeedback | undefined {
  if (event.eventType === 'Bounce') {
    const { bounce } = event;
    return {
      kind: 'bounce',
      bounceType: bounce.bounceType,
      ...(bounce.bounceSubType ? { subType: bounce.bounceSubType } : {}),
      recipients: bounce.bouncedRecipients.map((r) => r.emailAddress),
      at: bounce.timestamp,
      feedbackId: bounce.feedbackId,
    };
  }
  if (event.eventType === 'Complaint') {
    const { complaint } = event;
    return {
      kind: 'complaint',
      ...(complaint.complaintFeedbackType ? { feedbackType: complaint.complaintFeedbackType } : {}),
      recipients: complaint.complainedRecipients.map((r) => r.emailAddress),
      at: complaint.timestamp,
      feedbackId: complaint.feedbackId,
    };
  }
  return undefined;
}

/** A message tag's value (SES lists each tag's values; ours have one). */
export const tagOf = (event: SesEmailEvent, name: string): string | undefined => event.mail.tags?.[name]?.[0];
