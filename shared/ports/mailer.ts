export interface OutgoingEmail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Tags for delivery events (bounces, complaints), e.g. `{ orderId }`. */
  tags?: Record<string, string>;
}

export interface Mailer {
  /** Sends one email; returns the provider's message id. */
  send(email: OutgoingEmail): Promise<string>;
}
