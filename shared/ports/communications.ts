import type { CommunicationEntry } from '../domain/communication';

export interface CommunicationPage {
  items: CommunicationEntry[];
  nextToken?: string;
}

export interface CommunicationLog {
  /**
   * Records an entry once: a second record of the same `entryId` and `at` for the customer changes
   * nothing (so take `at` from the thing recorded, e.g. the event's occurredAt, not the clock).
   */
  record(entry: CommunicationEntry): Promise<void>;
  /** The customer's history, newest first. */
  list(customerId: string, options?: { limit?: number; nextToken?: string }): Promise<CommunicationPage>;
}
