/** A wait whose next escalation step is due, as the open-waits index has it. */
export interface OverdueWait {
  orderId: string;
  dueAt: string;
}

/**
 * The orders with an open wait, by when its next escalation step is due (a sparse index: an order
 * with no open wait, or none left to escalate, is not in it). Reading what is overdue costs what is
 * overdue, not what exists.
 */
export interface OpenWaitIndex {
  /** Up to `limit` waits due at or before `now`, earliest first. */
  listOverdue(now: string, limit: number): Promise<OverdueWait[]>;
}
