import type { EmailSuppression } from '../domain/email-suppression';

export interface EmailSuppressionList {
  /**
   * Suppresses the address for the customer once: 'added', or 'already' when it was suppressed
   * before (the first record stands, so a redelivered report changes nothing). Answers the record kept.
   */
  add(suppression: EmailSuppression): Promise<{ outcome: 'added' | 'already'; kept: EmailSuppression }>;
  /** The customer's suppression of this address (any case), if any. */
  find(customerId: string, address: string): Promise<EmailSuppression | undefined>;
}
