/**
 * The signed-in staff member: their access token (the API's bearer token), kept in sessionStorage
 * only, so it is gone when the tab closes and never shared with other tabs or sites. The role is read
 * from the token's `cognito:groups` (the API checks the token itself on every call).
 */
export interface Session {
  token: string;
  role: string;
  /** Epoch ms when the token expires. */
  expiresAt: number;
}

const STORAGE_KEY = 'tradeflow.session';

/** The claims of a JWT (no signature check: the API does that; this only reads the role and expiry). */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A session from a token, or undefined when it names no single role or has expired. */
export function sessionFromToken(token: string, now = Date.now()): Session | undefined {
  const claims = tokenClaims(token);
  const groups = claims?.['cognito:groups'];
  const exp = claims?.exp;
  if (!Array.isArray(groups) || groups.length !== 1 || typeof groups[0] !== 'string') return undefined;
  if (typeof exp !== 'number' || exp * 1000 <= now) return undefined;
  return { token, role: groups[0], expiresAt: exp * 1000 };
}

export function loadSession(now = Date.now()): Session | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY);
  return token ? sessionFromToken(token, now) : undefined;
}

export function saveSession(token: string): Session | undefined {
  const session = sessionFromToken(token);
  if (session) sessionStorage.setItem(STORAGE_KEY, token);
  return session;
}

export const clearSession = () => sessionStorage.removeItem(STORAGE_KEY);
