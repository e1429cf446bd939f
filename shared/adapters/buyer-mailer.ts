import { normalizeAddress } from '../domain/email-suppression';
import { logger } from '../observability';
import type { CommunicationLog } from '../ports/communications';
import type { EmailSuppressionList } from '../ports/email-suppressions';
import { type Mailer, type OutgoingEmail, RecipientSuppressedError } from '../ports/mailer';

export interface BuyerMailerDeps {
  /** What actually sends (makeSesMailer). */
  mailer: Mailer;
  suppressions: EmailSuppressionList;
  communications: CommunicationLog;
}

/**
 * The one way an email reaches a buyer (a customer). Every sender of buyer email composes it around
 * its SES mailer — order notices (functions/events/notify-buyer.ts), quotes, inquiry replies — and
 * passes `customer` on each email:
 *
 *   const mailer = makeBuyerMailer({
 *     mailer: makeSesMailer(ses, config.BUYER_MAIL_FROM, config.BUYER_MAIL_FROM_CONFIGURATION_SET),
 *     suppressions: makeDynamoEmailSuppressionList(db, config.CUSTOMERS_TABLE),
 *     communications: makeDynamoCommunicationLog(db, config.CUSTOMERS_TABLE),
 *   });
 *   await mailer.send({ ...rendered, to: [customer.email], tags: { quoteId },
 *     customer: { customerId, entryId: `email:quote:${quoteId}:v${version}`, at: quote.sentAt, refs: { quoteId } } });
 *
 * (the function needs `customers: 'readwrite'` in its topology access). It then:
 * - refuses a recipient whose address is suppressed for the customer (a permanent bounce or a
 *   complaint: handle-email-feedback): with none left it throws RecipientSuppressedError, sending
 *   nothing, and the caller decides what that means (notify-buyer notes it on the order);
 * - tags the email with `customerId`, which is how a bounce or complaint finds the customer;
 * - records the sent email in the customer's communication history, once per `entryId` (a retried
 *   send records no second entry; sending once is the caller's once-log).
 * An email without `customer` is a programming error: it throws, as nothing could be checked.
 */
export function makeBuyerMailer({ mailer, suppressions, communications }: BuyerMailerDeps): Mailer {
  return {
    async send(email: OutgoingEmail) {
      const { customer } = email;
      if (!customer) throw new Error('makeBuyerMailer: a buyer email needs `customer` (who it is for)');
      const { customerId, entryId } = customer;
      const checked = await Promise.all(
        email.to.map(async (address) => ({
          address,
          suppressed: await suppressions.find(customerId, normalizeAddress(address)),
        })),
      );
      const to = checked.filter((recipient) => !recipient.suppressed).map((recipient) => recipient.address);
      const refused = checked.find((recipient) => recipient.suppressed)?.suppressed;
      if (refused) {
        // Ids and the reason only: never the address.
        logger.warn('buyer email not sent to a suppressed address', {
          customerId,
          entryId,
          reason: refused.reason,
          suppressedAt: refused.at,
          remainingRecipients: to.length,
        });
      }
      if (to.length === 0) throw new RecipientSuppressedError(customerId, refused?.reason ?? 'bounce');

      const messageId = await mailer.send({ ...email, to, tags: { ...email.tags, customerId } });
      await communications.record({
        customerId,
        entryId,
        at: customer.at,
        kind: customer.kind ?? 'email',
        direction: 'outbound',
        subject: email.subject,
        ...(customer.summary
          ? { summary: customer.summary }
          : email.tags?.change
            ? { summary: email.tags.change }
            : {}),
        ...(customer.refs ? { refs: customer.refs } : {}),
        by: 'system',
      });
      return messageId;
    },
  };
}
