import type { HostedSignIn } from './console-config';

/**
 * Sign-in through the user pool's hosted UI: OAuth 2.0 authorization code with PKCE (RFC 7636), as a
 * public client with no secret. The verifier and state wait in sessionStorage during the round trip;
 * the code is exchanged at the pool's token endpoint (which answers browsers: it sends CORS headers).
 */
const PENDING_KEY = 'tradeflow.signin';

interface Pending {
  verifier: string;
  state: string;
  /** The console route to return to after signing in. */
  returnTo: string;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** Goes to the hosted UI; it comes back to `redirectUri` with `?code=…&state=…`. */
export async function startHostedSignIn(config: HostedSignIn, returnTo: string): Promise<void> {
  const pending: Pending = { verifier: randomString(48), state: randomString(24), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL('/oauth2/authorize', config.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
    state: pending.state,
    code_challenge_method: 'S256',
    code_challenge: await pkceChallenge(pending.verifier),
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back: the access token for the code, and the route to return to; undefined when this
 * page load is not a sign-in's return. Throws (with the hosted UI's or token endpoint's reason) when
 * the return does not check out: a wrong state is someone else's code.
 */
export async function finishHostedSignIn(
  config: HostedSignIn,
  search: string,
): Promise<{ accessToken: string; returnTo: string } | undefined> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (error) throw new Error(params.get('error_description') ?? error);
  if (!pending || params.get('state') !== pending.state) throw new Error('sign-in state mismatch');
  const response = await fetch(new URL('/oauth2/token', config.domain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: code ?? '',
      redirect_uri: config.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  const answer = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !answer.access_token)
    throw new Error(answer.error ?? `token endpoint ${response.status}`);
  return { accessToken: answer.access_token, returnTo: pending.returnTo };
}

/** The hosted UI's sign-out, which comes back to the console. */
export function hostedSignOutUrl(config: HostedSignIn): string {
  const url = new URL('/logout', config.domain);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri }).toString();
  return url.toString();
}
