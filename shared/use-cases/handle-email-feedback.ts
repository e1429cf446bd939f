import { mailFeedbackOf, sesEmailEvent, tagOf } from '../contracts/ses-email-events';
import {
  addressId,
  type EmailSuppression,
  normalizeAddress,
  suppressionReason,
} from '../domain/email-suppression';
import { InvalidInputError } from '../errors';
import { logger } from '../observability';
import type { CommunicationLog } from '../ports/communications';
import type { CustomerRepository } from '../ports/customers';
import type { EmailSuppressionList } from '../ports/email-suppressions';
import type { EventPublisher } from '../ports/events';
import type { IncomingEvent } from './incoming-event';

export interface HandleEmailFeedbackDeps {
  customers: CustomerRepository;
  suppressions: EmailSuppressionList;
  communications: CommunicationLog;
  events: EventPublisher;
}

/**
 * `suppressed`: at least one address suppressed now or before (a redelivery); `not-suppressing`: a
 * transient bounce or a delay; `unmatched`: no buyer of ours (no customerId tag, an unknown customer,
 * or an address that is not theirs: a department's mailbox, say).
 */
export type EmailFeedbackOutcome = 'suppressed' | 'not-suppressing' | 'unmatched';

/**
 * SES' report on a buyer email (a bounce or a complaint, from the configuration set's event
 * destination). A permanent bounce or a complaint suppresses the address on the customer, with why
 * and when, records it in their communication history, and tells sales (BuyerEmailSuppressed, ids
 * only). The customer is the one the buyer mailer tagged (`customerId`), and only the addresses that
 * are theirs are suppressed. Idempotent: the first suppression record stands, and the history entry
 * and the event are derived from it, so a redelivered (or repeated) report gives the same entry and
 * the same changeId (consumers deduplicate on it); a crash between steps is finished by the redelivery.
 */
export function makeHandleEmailFeedback(deps: HandleEmailFeedbackDeps) {
  return async (event: IncomingEvent): Promise<EmailFeedbackOutcome> => {
    const parsed = sesEmailEvent.safeParse(event.detail);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.');
      // A report we cannot read goes to the dead letters, where someone sees it.
      throw new InvalidInputError(`${event.type} detail: ${field || '(detail)'}: ${issue.message}`, field);
    }
    const feedback = mailFeedbackOf(parsed.data);
    const reason = feedback && suppressionReason(feedback);
    const customerId = tagOf(parsed.data, 'customerId');
    const orderId = tagOf(parsed.data, 'orderId');
    const messageId = parsed.data.mail.messageId;
    if (!feedback || !reason) {
      logger.info('email feedback that suppresses nothing', { type: event.type, messageId, customerId });
      return 'not-suppressing';
    }
    const customer = customerId ? await deps.customers.get(customerId) : undefined;
    const theirs = feedback.recipients.filter(
      (address) => customer && normalizeAddress(address) === normalizeAddress(customer.email),
    );
    if (!customer || theirs.length === 0) {
      logger.warn('email feedback for no buyer of ours', {
        type: event.type,
        messageId,
        customerId,
        knownCustomer: Boolean(customer),
      });
      return 'unmatched';
    }

    for (const address of theirs) {
      const detail = feedback.kind === 'bounce' ? feedback.subType : feedback.feedbackType;
      const { outcome, kept } = await deps.suppressions.add({
        customerId: customer.customerId,
        address,
        reason,
        ...(detail ? { detail } : {}),
        at: feedback.at,
        feedbackId: feedback.feedbackId,
        ...(orderId ? { orderId } : {}),
      });
      await recordAndAnnounce(deps, kept);
      logger.info('buyer address suppressed', {
        customerId: customer.customerId,
        orderId: kept.orderId,
        reason: kept.reason,
        outcome,
      });
    }
    return 'suppressed';
  };
}

/** The history entry and the event for a kept suppression: the same for every report of it. */
async function recordAndAnnounce(deps: HandleEmailFeedbackDeps, kept: EmailSuppression): Promise<void> {
  const id = addressId(kept.address);
  const why = kept.reason === 'bounce' ? 'bounced permanently' : 'was marked as spam by the buyer';
  await deps.communications.record({
    customerId: kept.customerId,
    entryId: `email-suppressed:${id}`,
    at: kept.at,
    kind: 'note',
    direction: 'internal',
    subject: 'Email address suppressed',
    summary: `A buyer email ${why}${kept.detail ? ` (${kept.detail})` : ''}; no more email goes to this address.`,
    ...(kept.orderId ? { refs: { orderId: kept.orderId } } : {}),
    by: 'system',
  });
  await deps.events.publish([
    {
      type: 'BuyerEmailSuppressed',
      detail: {
        version: 1,
        changeId: `email-suppressed:${kept.customerId}:${id}`,
        occurredAt: kept.at,
        orderId: kept.orderId ?? kept.customerId,
        customerId: kept.customerId,
        reason: kept.reason,
        ...(kept.detail ? { detail: kept.detail } : {}),
      },
    },
  ]);
}
