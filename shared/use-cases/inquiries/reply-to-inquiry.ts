import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type { ReplyToInquiryBody } from '../../contracts/inquiries';
import { type InquiryReply, InquiryStatusError, replied } from '../../domain/inquiry';
import type { Actor } from '../../domain/order';
import { inquiryReplyEmail } from '../../email/inquiry-reply';
import { ConflictError, NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { CustomerRepository } from '../../ports/customers';
import type { EventPublisher } from '../../ports/events';
import type { InquiryRepository } from '../../ports/inquiries';
import { type Mailer, RecipientSuppressedError } from '../../ports/mailer';
import type { OnceLog } from '../../ports/once';
import { doOnce } from '../do-once';
import { inquiryReplied } from './inquiry-events';
import { updateInquiry } from './update-inquiry';

export interface ReplyToInquiryDeps {
  inquiries: InquiryRepository;
  customers: CustomerRepository;
  /**
   * The buyer mailer (shared/adapters/buyer-mailer.ts): refuses a suppressed address, and records the
   * email in the customer's history as the `reply` entry (kind and entry id given with the email).
   */
  mailer: Mailer;
  once: OnceLog;
  events: EventPublisher;
  clock: Clock;
}

/**
 * POST /inquiries/{id}/replies (sales): the message is emailed to the buyer, then kept on the
 * inquiry (the first reply moves it to REPLIED and ends the first-reply wait, so it leaves the
 * open-waits index), with InquiryReplied announced. The email goes first, so nothing is kept for a
 * reply that was not sent; it is sent once per reply (claimed beside the inquiry), and under an
 * Idempotency-Key the reply's id comes from the key, so a retry after a failure past the email
 * finishes the same reply without a second email.
 */
export function makeReplyToInquiry(deps: ReplyToInquiryDeps) {
  return async (
    inquiryId: string,
    body: ReplyToInquiryBody,
    by: Actor,
    idempotencyKey?: string,
  ): Promise<{ inquiryId: string; replyId: string }> => {
    const inquiry = await deps.inquiries.get(inquiryId);
    if (!inquiry) throw new NotFoundError(`no inquiry ${inquiryId}`);
    if (inquiry.status === 'LOST')
      throw new ConflictError(`inquiry ${inquiryId} is LOST; it takes no more replies`, 'LOST');
    const customer = await deps.customers.get(inquiry.customerId);
    if (!customer) throw new Error(`inquiry ${inquiryId}: its customer ${inquiry.customerId} is not there`);

    const replyId = idempotencyKey
      ? `rpl_${createHash('sha256').update(`${by.kind}:${by.id}:${idempotencyKey}`).digest('base64url').slice(0, 26)}`
      : `rpl_${ulid()}`;
    const earlier = inquiry.replies.find((r) => r.replyId === replyId);
    const reply: InquiryReply = earlier ?? {
      replyId,
      at: deps.clock.now().toISOString(),
      by,
      subject: body.subject ?? `Re: your inquiry ${inquiryId}`,
      message: body.message,
    };
    const email = inquiryReplyEmail(inquiry, customer, reply);
    try {
      await doOnce(deps.once, `INQUIRY#${inquiryId}`, `reply-email:${replyId}`, undefined, () =>
        deps.mailer.send({
          ...email,
          to: [customer.email],
          tags: { inquiryId, change: 'InquiryReplied' },
          customer: {
            customerId: customer.customerId,
            entryId: `reply:${inquiryId}:${replyId}`,
            at: reply.at,
            refs: { inquiryId },
            kind: 'reply',
            summary: reply.message.slice(0, 500),
          },
        }),
      );
    } catch (error) {
      if (error instanceof RecipientSuppressedError)
        throw new ConflictError(
          `the buyer's address is suppressed after a ${error.reason}; the reply was not emailed (correct the customer's email first)`,
          'SUPPRESSED',
        );
      throw error;
    }

    const { inquiry: updated } = await updateInquiry(deps.inquiries, inquiryId, (current) => {
      try {
        return replied(current, reply);
      } catch (error) {
        // Lost while the email was going out: the email is sent; it is kept as a reply all the same.
        if (error instanceof InquiryStatusError) return { ...current, replies: [...current.replies, reply] };
        throw error;
      }
    });
    await deps.events.publish([inquiryReplied(updated, replyId)]);
    return { inquiryId, replyId };
  };
}
