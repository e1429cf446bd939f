import type { Quote, QuoteRevision, QuoteStatus, QuoteSummary } from '../domain/quote';

export interface QuotePage {
  items: QuoteSummary[];
  nextToken?: string;
}

export interface QuoteRepository {
  /** Stores a new quote; throws ConflictError if the id exists. */
  create(quote: Quote): Promise<void>;
  get(quoteId: string): Promise<Quote | undefined>;
  /** Stores `quote` if the stored one is at `quote.version - 1`; else ConcurrentUpdateError. */
  save(quote: Quote): Promise<void>;
  /** Keeps a revision as it was made (the quote item holds only the current one in full). */
  putRevision(quoteId: string, revision: QuoteRevision): Promise<void>;
  getRevision(quoteId: string, revision: number): Promise<QuoteRevision | undefined>;
  /** Newest first, by customer (and status) or by status. */
  list(query: {
    customerId?: string;
    status?: QuoteStatus;
    limit?: number;
    nextToken?: string;
  }): Promise<QuotePage>;
  /** Ids of sent quotes whose next check (reminder, expiry) is due at `now`, soonest first. */
  listDue(now: string, limit?: number): Promise<string[]>;
}
