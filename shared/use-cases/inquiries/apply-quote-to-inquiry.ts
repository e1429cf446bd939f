import { quoted, won } from '../../domain/inquiry';
import type { Actor } from '../../domain/order';
import { NotFoundError } from '../../errors';
import { logger } from '../../observability';
import type { EventPublisher } from '../../ports/events';
import type { InquiryRepository } from '../../ports/inquiries';
import * as z from '../../zod-mini';
import type { IncomingEvent } from '../incoming-event';
import { inquiryWon } from './inquiry-events';
import { updateInquiry } from './update-inquiry';

/**
 * What this consumer reads of the quotes' events (QuoteSent, QuoteAccepted: the quotes area's
 * contracts): only the ids and the time, so a field they add never breaks it.
 */
const quoteDetail = z.object({
  quoteId: z.string().check(z.minLength(1)),
  inquiryId: z.optional(z.string().check(z.minLength(1))),
  occurredAt: z.string().check(z.minLength(1)),
});

export type QuoteOutcome = 'quoted' | 'won' | 'unchanged' | 'no-inquiry' | 'unknown-inquiry' | 'skipped';

const QUOTES: Actor = { kind: 'system', id: 'quotes' };

/**
 * A quote sent for an inquiry makes it QUOTED; one accepted makes it WON and announces InquiryWon.
 * Each is idempotent (the same quote changes nothing twice), and they may arrive in either order: an
 * acceptance applied first wins the inquiry, and the sending that follows only notes the quote.
 * InquiryWon is announced on every delivery of the acceptance (its changeId is the same), so a
 * redelivery after a failed announcement still announces it.
 */
export function makeApplyQuoteToInquiry(deps: { inquiries: InquiryRepository; events: EventPublisher }) {
  return async (event: IncomingEvent): Promise<QuoteOutcome> => {
    if (event.type !== 'QuoteSent' && event.type !== 'QuoteAccepted') return 'skipped';
    const parsed = quoteDetail.safeParse(event.detail);
    if (!parsed.success) {
      // A producer's bug: thrown, so the bus retries and then dead-letters it where someone sees it.
      throw new Error(
        `${event.type} detail: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
      );
    }
    const { quoteId, inquiryId, occurredAt } = parsed.data;
    if (!inquiryId) return 'no-inquiry';
    try {
      if (event.type === 'QuoteSent') {
        const { changed } = await updateInquiry(deps.inquiries, inquiryId, (inquiry) =>
          quoted(inquiry, quoteId, occurredAt, QUOTES),
        );
        return changed ? 'quoted' : 'unchanged';
      }
      const { inquiry, changed } = await updateInquiry(deps.inquiries, inquiryId, (current) =>
        won(current, quoteId, occurredAt, QUOTES),
      );
      if (inquiry.status === 'WON' && inquiry.wonQuoteId === quoteId) {
        await deps.events.publish([inquiryWon(inquiry, occurredAt)]);
      }
      return changed ? 'won' : 'unchanged';
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // A quote naming an inquiry that is not there: nothing to move, and retrying will not make it.
      logger.warn('quote event for an unknown inquiry', { type: event.type, quoteId, inquiryId });
      return 'unknown-inquiry';
    }
  };
}
