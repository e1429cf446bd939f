import type { Inquiry, InquiryStatus } from '../domain/inquiry';

export interface InquiryPage {
  items: Inquiry[];
  nextToken?: string;
}

export interface InquiryRepository {
  /** Stores a new inquiry; throws ConflictError if the id exists. */
  create(inquiry: Inquiry): Promise<void>;
  get(inquiryId: string): Promise<Inquiry | undefined>;
  /** Writes the inquiry if its stored version is `inquiry.version - 1`; else throws ConcurrentUpdateError. */
  save(inquiry: Inquiry): Promise<void>;
  /** Inquiries in a status, newest first. */
  listByStatus(status: InquiryStatus, options?: { limit?: number; nextToken?: string }): Promise<InquiryPage>;
  /** A customer's inquiries, newest first; `status` keeps only those in it. */
  listByCustomer(
    customerId: string,
    options?: { status?: InquiryStatus; limit?: number; nextToken?: string },
  ): Promise<InquiryPage>;
}

/** An inquiry whose first reply has an escalation step due (the inquiries' open-waits index). */
export interface OverdueInquiry {
  inquiryId: string;
  dueAt: string;
}

export interface OverdueInquiries {
  /** Up to `limit` inquiries whose next step is due at or before `now`, earliest first. */
  listOverdue(now: string, limit: number): Promise<OverdueInquiry[]>;
}
