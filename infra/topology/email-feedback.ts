import { SES_FEEDBACK_DETAIL_TYPES } from '../../shared/contracts/ses-email-events';
import type { EmailIdentitySpec, EventRuleSpec, FunctionSpec } from './types';

/**
 * Bounces and complaints (issue 7): the buyer mail's configuration set publishes SES' bounce and
 * complaint events to the default EventBridge bus (the only bus SES publishes to); a rule there hands
 * those of buyer emails to `handle-email-feedback`, which suppresses the address on the customer and
 * tells sales. CDK builds the event destination (infra/aws/email.ts) and the rule on the default bus
 * (infra/aws/events.ts); the local runtime has its SES part publish the mailbox simulator's events
 * to its default bus (infra/local/ses). Kept beside index.ts, as storefronts.ts is.
 */

/** The buyer mail's configuration set, named once: the identity's and the rule's. */
export const BUYER_MAIL_CONFIGURATION_SET = 'tradeflow-buyer-mail';

/** Only what suppresses an address: a delay or a transient bounce changes nothing. */
export const buyerMailFeedback: NonNullable<EmailIdentitySpec['feedback']> = {
  events: ['BOUNCE', 'COMPLAINT'],
};

const handleEmailFeedback: FunctionSpec = {
  name: 'handle-email-feedback',
  kind: 'event',
  entry: 'functions/events/handle-email-feedback.ts',
  description: "SES bounces and complaints of buyer emails: suppresses the buyer's address and tells sales",
  memoryMb: 256,
  timeoutSeconds: 20,
  // The customer, its suppressed addresses and its history (one table); BuyerEmailSuppressed.
  access: { tables: { customers: 'readwrite' }, bus: true },
};

export const emailFeedbackFunctions: [string, FunctionSpec][] = [
  [handleEmailFeedback.name, handleEmailFeedback],
];

export const emailFeedbackRules: EventRuleSpec[] = [
  {
    name: 'buyer-email-feedback',
    description: 'SES bounces and complaints of buyer emails (those the buyer mailer tagged with a customer)',
    bus: 'default',
    pattern: {
      source: ['aws.ses'],
      'detail-type': [SES_FEEDBACK_DETAIL_TYPES.bounce, SES_FEEDBACK_DETAIL_TYPES.complaint],
      detail: {
        mail: {
          tags: {
            'ses:configuration-set': [BUYER_MAIL_CONFIGURATION_SET],
            customerId: [{ exists: true }],
          },
        },
      },
    },
    targets: [{ function: handleEmailFeedback.name, retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];
