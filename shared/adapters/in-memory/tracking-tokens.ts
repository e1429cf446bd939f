import type { TrackingTokens } from '../../ports/tracking-tokens';
import { newTrackingToken, sameToken } from '../../tracking-page/token';

/** For unit tests: tracking tokens on a Map, made as the real ones are. */
export function makeInMemoryTrackingTokens(initial: Record<string, string> = {}) {
  const byOrder = new Map<string, string>(Object.entries(initial));
  const tokens: TrackingTokens = {
    async issue(orderId) {
      const existing = byOrder.get(orderId);
      if (existing) return existing;
      const token = newTrackingToken();
      byOrder.set(orderId, token);
      return token;
    },
    async resolve(token) {
      for (const [orderId, stored] of byOrder) if (sameToken(stored, token)) return orderId;
      return undefined;
    },
  };
  return Object.assign(tokens, { byOrder });
}
