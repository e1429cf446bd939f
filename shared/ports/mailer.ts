import type { CommunicationEntry } from '../domain/communication';
import type { SuppressionReason } from '../domain/email-suppression';

/**
 * The customer an email is for, and its entry in their communication history. Buyer emails carry it:
 * makeBuyerMailer (shared/adapters/buyer-mailer.ts) refuses the email to a suppressed address, tags it
 * with the customer's id (so a bounce finds them) and records it once; other mailers ignore it.
 */
export interface EmailRecipientRecord {
  customerId: string;
  /**
   * Deterministic per email (e.g. `email:<orderId>:<changeId>`), so a retried send keeps one entry
   * in the history.
   */
  entryId: string;
  /** When it happened, from the thing told (the change's occurredAt), not the clock. */
  at: string;
  refs?: CommunicationEntry['refs'];
  /** The history entry's kind when the email is more than an email (an inquiry's `reply`); `email` otherwise. */
  kind?: CommunicationEntry['kind'];
  /** The entry's summary (else the email's `change` tag). */
  summary?: string;
}

export interface OutgoingEmail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Tags for delivery events (bounces, complaints), e.g. `{ orderId }`. */
  tags?: Record<string, string>;
  /** For an email to a customer: see EmailRecipientRecord (required by makeBuyerMailer). */
  customer?: EmailRecipientRecord;
}

export interface Mailer {
  /** Sends one email; returns the provider's message id. */
  send(email: OutgoingEmail): Promise<string>;
}

/**
 * The buyer mailer refused an email: every recipient's address is suppressed (a permanent bounce or a
 * complaint). Not a failure to retry: the sender decides what the buyer not being told means (see
 * shared/use-cases/note-buyer-not-told.ts); a retry would be refused the same way.
 */
export class RecipientSuppressedError extends Error {
  override name = 'RecipientSuppressedError';
  constructor(
    readonly customerId: string,
    readonly reason: SuppressionReason,
  ) {
    super(`customer ${customerId}: the address is suppressed after a ${reason}; the email was not sent`);
  }
}
