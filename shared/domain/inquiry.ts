import type { IncotermCode } from './incoterms';
import type { Money } from './money';
import type { Actor } from './order';

/**
 * A buyer's inquiry and its life: OPEN until sales first replies (the 24 h first-reply SLA runs while
 * it is open), REPLIED, QUOTED once a quote for it is sent, then WON (a quote accepted) or LOST (with a
 * reason). Pure: every change is a function of the inquiry, so a retried write re-applies it.
 */
export const INQUIRY_STATUSES = ['OPEN', 'REPLIED', 'QUOTED', 'WON', 'LOST'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export interface InquiryLine {
  sku: string;
  quantity: number;
}

export interface InquiryReply {
  replyId: string;
  at: string;
  by: Actor;
  subject: string;
  message: string;
}

/** The first-reply wait: open from arrival until the first reply (or a quote, a win, a loss). */
export interface FirstReplyWait {
  since: string;
  /** When the next escalation level is due; absent once no level is left (the index drops it). */
  dueAt?: string;
  escalatedLevel?: number;
}

export interface InquiryTimelineEntry {
  at: string;
  what: string;
  by: Actor;
  status?: InquiryStatus;
}

export interface Inquiry {
  inquiryId: string;
  customerId: string;
  /** Who sent it: a storefront's form (its key) or staff. */
  receivedFrom: Actor;
  status: InquiryStatus;
  lines: InquiryLine[];
  /** What the buyer wrote, when not (only) product lines. */
  text?: string;
  targetPrice?: Money;
  destinationCountry?: string;
  incoterm?: IncotermCode;
  replies: InquiryReply[];
  /** Quotes sent for it (QuoteSent), in the order they were applied. */
  quoteIds: string[];
  /** The quote whose acceptance won it. */
  wonQuoteId?: string;
  lostReason?: string;
  /** Present while the first reply is awaited. */
  firstReplyWait?: FirstReplyWait;
  timeline: InquiryTimelineEntry[];
  /** The Idempotency-Key it was created under, and a hash of the request, to tell a retry from a reuse. */
  createdUnder?: { idempotencyKey: string; requestHash: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A change that does not fit the inquiry's status: names the status. */
export class InquiryStatusError extends Error {
  override name = 'InquiryStatusError';
  constructor(
    message: string,
    readonly status: InquiryStatus,
  ) {
    super(message);
  }
}

function withEntry(inquiry: Inquiry, entry: InquiryTimelineEntry, change: Partial<Inquiry>): Inquiry {
  return { ...inquiry, ...change, updatedAt: entry.at, timeline: [...inquiry.timeline, entry] };
}

/** The inquiry without its first-reply wait (answered, quoted, won or lost). */
function closeWait(inquiry: Inquiry): Inquiry {
  const { firstReplyWait: _closed, ...rest } = inquiry;
  return rest;
}

/** A reply from sales: the first one moves OPEN to REPLIED and ends the SLA wait. Not once LOST. */
export function replied(inquiry: Inquiry, reply: InquiryReply): Inquiry {
  if (inquiry.replies.some((r) => r.replyId === reply.replyId)) return inquiry;
  if (inquiry.status === 'LOST')
    throw new InquiryStatusError(`inquiry ${inquiry.inquiryId} is LOST; it takes no more replies`, 'LOST');
  const first = inquiry.replies.length === 0;
  const status = inquiry.status === 'OPEN' ? 'REPLIED' : inquiry.status;
  return withEntry(
    closeWait(inquiry),
    {
      at: reply.at,
      by: reply.by,
      what: first ? 'First reply sent to the buyer' : 'Reply sent to the buyer',
      ...(status !== inquiry.status ? { status } : {}),
    },
    { status, replies: [...inquiry.replies, reply] },
  );
}

/**
 * A quote for it was sent: OPEN or REPLIED becomes QUOTED (a quote answers the buyer, so the wait
 * ends). Already WON or LOST (an acceptance applied first, or sales gave up): only the quote is noted.
 * The same quote twice changes nothing.
 */
export function quoted(inquiry: Inquiry, quoteId: string, at: string, by: Actor): Inquiry | undefined {
  if (inquiry.quoteIds.includes(quoteId)) return undefined;
  const status: InquiryStatus =
    inquiry.status === 'OPEN' || inquiry.status === 'REPLIED' ? 'QUOTED' : inquiry.status;
  return withEntry(
    closeWait(inquiry),
    { at, by, what: `Quote ${quoteId} sent`, ...(status !== inquiry.status ? { status } : {}) },
    { status, quoteIds: [...inquiry.quoteIds, quoteId] },
  );
}

/**
 * A quote for it was accepted: WON, from any status (an acceptance may be applied before the quote's
 * sending; a buyer accepting what sales had written off is still a win). Once WON, nothing changes.
 */
export function won(inquiry: Inquiry, quoteId: string, at: string, by: Actor): Inquiry | undefined {
  if (inquiry.status === 'WON') return undefined;
  return withEntry(
    closeWait(inquiry),
    { at, by, what: `Won: quote ${quoteId} accepted`, status: 'WON' },
    {
      status: 'WON',
      wonQuoteId: quoteId,
      quoteIds: inquiry.quoteIds.includes(quoteId) ? inquiry.quoteIds : [...inquiry.quoteIds, quoteId],
    },
  );
}

/** Sales gives it up, with a reason. Not once WON or LOST. */
export function lost(inquiry: Inquiry, reason: string, at: string, by: Actor): Inquiry {
  if (inquiry.status === 'WON' || inquiry.status === 'LOST')
    throw new InquiryStatusError(`inquiry ${inquiry.inquiryId} is ${inquiry.status} already`, inquiry.status);
  return withEntry(
    closeWait(inquiry),
    { at, by, what: `Lost: ${reason}`, status: 'LOST' },
    { status: 'LOST', lostReason: reason },
  );
}
