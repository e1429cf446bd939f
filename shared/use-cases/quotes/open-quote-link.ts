import { timingSafeEqual } from 'node:crypto';
import { isPastValidity, type Quote } from '../../domain/quote';
import type { CustomerRepository } from '../../ports/customers';
import type { QuoteRepository } from '../../ports/quotes';
import { tokenHash } from './send-quote';

/**
 * What a quote's link (its id and token) opens, for the buyer's page and the proforma:
 * - `open`: the token is the current revision's: the quote, in the customer's language, and whether
 *   it can still be accepted (`acceptable`), was accepted, or is past its validity;
 * - `revised`: the token was a superseded revision's (that revision was kept as sent, with its
 *   token's hash): the holder learns only that a newer revision exists, nothing of it;
 * - undefined: anything else (no such quote, a wrong or malformed token, a link replaced by a resend),
 *   all alike so that nothing tells them apart.
 */
export type QuoteLink =
  | {
      kind: 'open';
      quote: Quote;
      language?: string;
      state: 'acceptable' | 'accepted' | 'expired' | 'closed';
    }
  | { kind: 'revised'; language?: string };

export interface OpenQuoteLinkDeps {
  quotes: Pick<QuoteRepository, 'get' | 'getRevision'>;
  customers: Pick<CustomerRepository, 'get'>;
  clock: { now(): Date };
}

/** An acceptance token as send-quote makes them (base64url) and the accept body allows (16–200). */
const WELL_FORMED = /^[A-Za-z0-9_-]{16,200}$/;

export function makeOpenQuoteLink(deps: OpenQuoteLinkDeps) {
  return async (quoteId: string, token: string | undefined): Promise<QuoteLink | undefined> => {
    if (!token || !WELL_FORMED.test(token)) return undefined;
    const quote = await deps.quotes.get(quoteId);
    if (!quote) return undefined;
    const hash = tokenHash(token);
    const language = async () => (await deps.customers.get(quote.customerId))?.language;
    const sent = quote.current.sent;
    if (sent && sameHash(sent.tokenHash, hash)) {
      return { kind: 'open', quote, language: await language(), state: stateOf(quote, deps.clock.now()) };
    }
    for (const line of quote.history) {
      if (line.status !== 'SUPERSEDED' || !line.sentAt) continue;
      const revision = await deps.quotes.getRevision(quoteId, line.revision);
      if (revision?.sent && sameHash(revision.sent.tokenHash, hash))
        return { kind: 'revised', language: await language() };
    }
    return undefined;
  };
}

function stateOf(quote: Quote, now: Date): 'acceptable' | 'accepted' | 'expired' | 'closed' {
  if (quote.status === 'ACCEPTED') return 'accepted';
  if (quote.status === 'EXPIRED' || isPastValidity(quote, now.toISOString())) return 'expired';
  return quote.status === 'SENT' ? 'acceptable' : 'closed';
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
