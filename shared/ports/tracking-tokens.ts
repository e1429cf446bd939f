/**
 * The secret of each order's public tracking page: an unguessable token (tracking-page/token.ts)
 * that opens that one order, with no login.
 */
export interface TrackingTokens {
  /**
   * The order's token, made and stored on the first call and the same on every later one (also when
   * two callers race: one write wins, both get its token).
   */
  issue(orderId: string): Promise<string>;
  /** The order a token opens, or undefined for a token that opens none. */
  resolve(token: string): Promise<string | undefined>;
}
