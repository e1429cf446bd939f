import type { DomainEvent } from '../../contracts/events';
import type { Quote } from '../../domain/quote';
import { NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { EventPublisher } from '../../ports/events';
import type { QuoteRepository } from '../../ports/quotes';
import { retryOnConflict } from '../retry-on-conflict';

export interface QuoteActionDeps {
  quotes: QuoteRepository;
  events: EventPublisher;
  clock: Clock;
}

/**
 * What an action makes of the quote it read: `changed` (the next quote, version one up, and its
 * events) or `repeated` (already done: nothing written, its events published again with the same
 * changeIds, so a retry after a failure between the write and the publish loses nothing).
 */
export type QuoteActionResult =
  | { kind: 'changed'; quote: Quote; events: DomainEvent[] }
  | { kind: 'repeated'; quote: Quote; events: DomainEvent[] };

/** Load (404), decide, write on the version read (a concurrent writer → reload and decide again), publish. */
export async function runQuoteAction(
  deps: QuoteActionDeps,
  quoteId: string,
  decide: (quote: Quote, now: string) => QuoteActionResult | Promise<QuoteActionResult>,
  afterWrite?: (quote: Quote, result: QuoteActionResult) => Promise<void>,
): Promise<Quote> {
  const result = await retryOnConflict(async () => {
    const current = await deps.quotes.get(quoteId);
    if (!current) throw new NotFoundError(`quote ${quoteId} not found`);
    const decided = await decide(current, deps.clock.now().toISOString());
    if (decided.kind === 'changed') await deps.quotes.save(decided.quote);
    return decided;
  });
  await afterWrite?.(result.quote, result);
  if (result.events.length) await deps.events.publish(result.events);
  return result.quote;
}
