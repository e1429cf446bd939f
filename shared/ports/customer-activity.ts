import type { CustomerFacts, CustomerSummary, MonthlyRevenue, Segment } from '../domain/customer-activity';

export type ActivityKind = 'order' | 'quote' | 'inquiry';
export type FactFields = Record<string, string | number>;

/** A customer's facts (orders, quotes, inquiries) and the summary the lists read, beside the profile. */
export interface CustomerActivityRepository {
  /**
   * Sets each field of the fact unless it is set already (first write wins), creating the fact when
   * needed: a redelivered event changes nothing, and facts may arrive in any order.
   */
  recordFact(customerId: string, kind: ActivityKind, id: string, fields: FactFields): Promise<void>;
  /** Every fact of the customer (strongly consistent: a consumer reads its own write). */
  facts(customerId: string): Promise<CustomerFacts>;
  /** The stored summary's version: 0 when there is none. */
  summaryVersion(customerId: string): Promise<number>;
  /** Stores the summary as `version` if the stored one is `version - 1`; else ConcurrentUpdateError. */
  saveSummary(summary: CustomerSummary, version: number, at: string): Promise<void>;
  /**
   * Stores the customer's revenue in a month (every currency of it; none: nothing that month), unless
   * lines from a newer summary `version` are stored already.
   */
  saveMonthlyRevenue(
    customerId: string,
    month: string,
    lines: MonthlyRevenue[],
    version: number,
  ): Promise<void>;
}

export interface SegmentPage {
  items: CustomerSummary[];
  nextToken?: string;
}

/** The lists' reads: a sparse index of the summaries by segment, and revenue by month. */
export interface CustomerSegments {
  /**
   * The customers in a segment by its sort key (PROSPECT: last inquiry; REPEAT: predicted next
   * order), ascending unless `newestFirst`; `before` keeps keys strictly below it.
   */
  list(
    segment: Segment,
    options: { before?: string; newestFirst?: boolean; limit: number; nextToken?: string },
  ): Promise<SegmentPage>;
  /** Every customer's revenue lines in the month. */
  revenueInMonth(month: string): Promise<MonthlyRevenue[]>;
}
