import type { ReviseQuoteBody } from '../../contracts/quotes';
import type { Actor } from '../../domain/order';
import { describeChanges, type QuoteRevision, withRevision } from '../../domain/quote';
import { ConflictError, NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { CustomerRepository } from '../../ports/customers';
import type { EventPublisher } from '../../ports/events';
import type { QuoteRepository } from '../../ports/quotes';
import { retryOnConflict } from '../retry-on-conflict';
import { approvalRequested } from './approval-requested';
import { buildRevision, type PricingDeps } from './build-revision';

export interface ReviseQuoteDeps extends PricingDeps {
  quotes: QuoteRepository;
  customers: Pick<CustomerRepository, 'get'>;
  clock: Clock;
  events: EventPublisher;
}

/**
 * POST /quotes/{id}/revisions (sales): the next revision (v2, v3…), repriced at today's rules and
 * rates, with what changed. The revision it replaces is superseded (its link stops working); the
 * quote is DRAFT or PENDING_APPROVAL again. An accepted quote is not revised (409).
 */
export function makeReviseQuote(deps: ReviseQuoteDeps) {
  return async (quoteId: string, body: ReviseQuoteBody, by: Actor) => {
    const revised = await retryOnConflict(async () => {
      const quote = await deps.quotes.get(quoteId);
      if (!quote) throw new NotFoundError(`quote ${quoteId} not found`);
      if (quote.status === 'ACCEPTED') {
        throw new ConflictError(
          `quote ${quoteId} is ACCEPTED (order ${quote.acceptance?.orderId}): it is not revised; change the order`,
          quote.status,
        );
      }
      const customer = await deps.customers.get(quote.customerId);
      if (!customer) throw new NotFoundError(`the quote's customer ${quote.customerId} is not there`);
      const now = deps.clock.now().toISOString();
      const built = await buildRevision(deps, {
        body,
        customer,
        previous: quote.current,
        revision: quote.current.revision + 1,
        by,
        now,
      });
      const next: QuoteRevision = {
        ...built,
        changes: [
          ...describeChanges(quote.current, { ...built, changes: [] }),
          ...(body.reason ? [`why: ${body.reason}`] : []),
        ],
      };
      await deps.quotes.putRevision(quoteId, next);
      // The revision replaced is kept as it was sent (its link's token hash), so its link can say
      // "revised, use the newest link" rather than nothing (open-quote-link.ts).
      if (quote.current.sent) await deps.quotes.putRevision(quoteId, quote.current);
      const revised = withRevision(quote, next, now);
      await deps.quotes.save(revised);
      return revised;
    });
    await deps.events.publish(approvalRequested(revised));
    return revised;
  };
}
