import { createHash } from 'node:crypto';

/**
 * A buyer's address that no email goes to any more: it bounced permanently, or its owner marked our
 * email as spam. Kept per customer and address, with why and when, until sales gets a working address.
 * Pure rules: which mail feedback suppresses, and the ids that name an address without showing it.
 */
export type SuppressionReason = 'bounce' | 'complaint';

export interface EmailSuppression {
  customerId: string;
  /** Lowercased. Stored on the customer's record, never logged nor put in an event. */
  address: string;
  reason: SuppressionReason;
  /** SES' bounce sub-type (`General`, `NoEmail`, `Suppressed`…) or complaint feedback type (`abuse`…). */
  detail?: string;
  /** When the bounce or complaint happened (SES' timestamp). */
  at: string;
  /** SES' feedback id: which report it was. */
  feedbackId: string;
  /** The order the refused email was about, when it was about one. */
  orderId?: string;
}

/** What a mail provider reports about one email (shared/contracts/ses-email-events.ts reads SES'). */
export type MailFeedback =
  | {
      kind: 'bounce';
      bounceType: string;
      subType?: string;
      recipients: string[];
      at: string;
      feedbackId: string;
    }
  | { kind: 'complaint'; feedbackType?: string; recipients: string[]; at: string; feedbackId: string };

/**
 * Whether the feedback suppresses its recipients: a permanent bounce or a complaint does; a transient
 * (or undetermined) bounce does not, since the mailbox may work tomorrow (SES reports one only after
 * its own retries have given up on that email).
 */
export function suppressionReason(feedback: MailFeedback): SuppressionReason | undefined {
  if (feedback.kind === 'complaint') return 'complaint';
  return feedback.bounceType === 'Permanent' ? 'bounce' : undefined;
}

export const normalizeAddress = (address: string) => address.trim().toLowerCase();

/** A short, stable id for an address, for keys and change ids (which must not show the address). */
export function addressId(address: string): string {
  return createHash('sha256').update(normalizeAddress(address)).digest('hex').slice(0, 20);
}
