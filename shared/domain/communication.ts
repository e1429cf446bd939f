/**
 * One entry of a customer's communication history: what was said to or by them, or about them by
 * staff. Filled automatically (emails sent, inquiries, replies, quotes, orders) and by staff (notes,
 * calls). Entries carry a short subject and summary, never a whole email body.
 */
export const COMMUNICATION_KINDS = ['email', 'inquiry', 'reply', 'quote', 'order', 'note', 'call'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

export type CommunicationDirection = 'outbound' | 'inbound' | 'internal';

export interface CommunicationEntry {
  customerId: string;
  /**
   * Deterministic per thing recorded (e.g. `email:<orderId>:<changeId>`), so that a retried or
   * redelivered recording keeps one entry.
   */
  entryId: string;
  /** ISO timestamp of when it happened. */
  at: string;
  kind: CommunicationKind;
  direction: CommunicationDirection;
  subject: string;
  summary?: string;
  /** What it was about. */
  refs?: { orderId?: string; inquiryId?: string; quoteId?: string };
  /** Who recorded it: a staff role, `system`, or the buyer. */
  by: string;
}
