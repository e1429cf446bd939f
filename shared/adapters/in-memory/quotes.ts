import { nextCheckAt, type Quote, type QuoteRevision, summarizeQuote } from '../../domain/quote';
import { ConcurrentUpdateError, ConflictError } from '../../errors';
import type { QuoteRepository } from '../../ports/quotes';

/** For unit tests: the repository's contract (conditions, listings, due checks) on Maps. */
export function makeInMemoryQuoteRepository() {
  const quotes = new Map<string, Quote>();
  const revisions = new Map<string, QuoteRevision>();
  const repository: QuoteRepository = {
    async create(quote) {
      if (quotes.has(quote.quoteId)) throw new ConflictError(`quote ${quote.quoteId} exists`);
      quotes.set(quote.quoteId, structuredClone(quote));
    },
    async get(quoteId) {
      const quote = quotes.get(quoteId);
      return quote && structuredClone(quote);
    },
    async save(quote) {
      if (quotes.get(quote.quoteId)?.version !== quote.version - 1) {
        throw new ConcurrentUpdateError(`quote ${quote.quoteId} changed since it was read`);
      }
      quotes.set(quote.quoteId, structuredClone(quote));
    },
    async putRevision(quoteId, revision) {
      revisions.set(`${quoteId}#${revision.revision}`, structuredClone(revision));
    },
    async getRevision(quoteId, revision) {
      const found = revisions.get(`${quoteId}#${revision}`);
      return found && structuredClone(found);
    },
    async list({ customerId, status, limit = 25, nextToken }) {
      const all = [...quotes.values()]
        .filter(
          (q) =>
            (customerId === undefined || q.customerId === customerId) && (!status || q.status === status),
        )
        .sort((a, b) =>
          customerId ? b.createdAt.localeCompare(a.createdAt) : b.updatedAt.localeCompare(a.updatedAt),
        );
      const start = Number(nextToken ?? 0);
      const end = start + limit;
      return {
        items: all.slice(start, end).map(summarizeQuote),
        nextToken: end < all.length ? String(end) : undefined,
      };
    },
    async listDue(now, limit = 100) {
      return [...quotes.values()]
        .map((quote) => ({ quote, at: nextCheckAt(quote) }))
        .filter((due): due is { quote: Quote; at: string } => due.at !== undefined && due.at <= now)
        .sort((a, b) => a.at.localeCompare(b.at))
        .slice(0, limit)
        .map((due) => due.quote.quoteId);
    },
  };
  return Object.assign(repository, { quotes, revisions });
}
