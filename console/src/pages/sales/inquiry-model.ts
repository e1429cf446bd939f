/**
 * Inquiries as the API answers them (`GET /inquiries`, `GET /inquiries/{id}`), and the rows of the
 * open-inquiries list: overdue first, then the oldest. Pure, for the pages and their tests.
 */

export interface Actor {
  kind: string;
  id: string;
  role?: string;
}

export interface Inquiry {
  inquiryId: string;
  customerId: string;
  receivedFrom: Actor;
  status: string;
  lines: { sku: string; quantity: number }[];
  text?: string;
  targetPrice?: { amount: string; currency: string };
  destinationCountry?: string;
  incoterm?: string;
  replies: { replyId: string; at: string; by: Actor; subject: string; message: string }[];
  quoteIds: string[];
  wonQuoteId?: string;
  lostReason?: string;
  firstReplyDue?: { since: string; dueAt?: string; escalatedLevel?: number };
  timeline: { at: string; what: string; by: Actor; status?: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface InquiryPage {
  items: Inquiry[];
  nextToken?: string;
}

export interface InquiryRow {
  inquiryId: string;
  customerId: string;
  status: string;
  receivedAt: string;
  /** What was asked, in short: "VALVE-DN50 × 500, PUMP-3KW × 4" or the start of the text. */
  asked: string;
  /** The first reply is late: escalated at least once, or its due time has passed. */
  overdue: boolean;
  escalatedLevel: number;
  dueAt?: string;
}

/** Late when the sweep escalated it, or when its next escalation is already due. */
export function isOverdue(inquiry: Inquiry, now: Date): boolean {
  const wait = inquiry.firstReplyDue;
  if (!wait) return false;
  if ((wait.escalatedLevel ?? 0) > 0) return true;
  return wait.dueAt !== undefined && Date.parse(wait.dueAt) <= now.getTime();
}

const TEXT_PREVIEW = 80;

export function askedSummary(inquiry: Pick<Inquiry, 'lines' | 'text'>): string {
  if (inquiry.lines.length > 0)
    return inquiry.lines.map((line) => `${line.sku} × ${line.quantity}`).join(', ');
  const text = (inquiry.text ?? '').replace(/\s+/g, ' ').trim();
  return text.length > TEXT_PREVIEW ? `${text.slice(0, TEXT_PREVIEW - 1)}…` : text;
}

export function inquiryRow(inquiry: Inquiry, now: Date): InquiryRow {
  return {
    inquiryId: inquiry.inquiryId,
    customerId: inquiry.customerId,
    status: inquiry.status,
    receivedAt: inquiry.createdAt,
    asked: askedSummary(inquiry),
    overdue: isOverdue(inquiry, now),
    escalatedLevel: inquiry.firstReplyDue?.escalatedLevel ?? 0,
    ...(inquiry.firstReplyDue?.dueAt ? { dueAt: inquiry.firstReplyDue.dueAt } : {}),
  };
}

/** Overdue first (the most escalated first), then the longest waiting. */
export function openInquiryRows(inquiries: readonly Inquiry[], now: Date): InquiryRow[] {
  return inquiries
    .map((inquiry) => inquiryRow(inquiry, now))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        b.escalatedLevel - a.escalatedLevel ||
        a.receivedAt.localeCompare(b.receivedAt),
    );
}

/** What staff may do with an inquiry in its status (the API checks again). */
export function inquiryActions(status: string): { reply: boolean; markLost: boolean; quote: boolean } {
  const open = status !== 'WON' && status !== 'LOST';
  return { reply: status !== 'LOST', markLost: open, quote: open };
}
