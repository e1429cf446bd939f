import { createHash } from 'node:crypto';
import type { HostedSignIn } from '../../../console/src/shell/console-config';
import {
  finishHostedSignIn,
  hostedSignOutUrl,
  pkceChallenge,
  startHostedSignIn,
} from '../../../console/src/shell/hosted-ui';

const config: HostedSignIn = {
  kind: 'cognito',
  domain: 'https://tradeflow-staff-1.auth.eu-west-1.amazoncognito.com',
  clientId: 'client1',
  redirectUri: 'https://d1.cloudfront.net/',
  scopes: ['openid', 'email', 'profile'],
};

describe('sign-in through the hosted UI (authorization code with PKCE)', () => {
  const globals = globalThis as unknown as Record<string, unknown>;
  let storage: Map<string, string>;
  let assigned: string[];

  beforeEach(() => {
    storage = new Map();
    assigned = [];
    globals.sessionStorage = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    };
    globals.location = { assign: (url: string) => assigned.push(url) };
  });
  afterEach(() => {
    delete globals.sessionStorage;
    delete globals.location;
  });

  it('derives the S256 code challenge: base64url of the SHA-256 of the verifier, unpadded (RFC 7636)', async () => {
    // Prepare
    const verifier = 'dBjftJeZ4CVP-mJ92K2a1FmJ2iDuYVaeLX6q7lKwGDk';
    // Act
    const challenge = await pkceChallenge(verifier);
    // Assess: the same as node:crypto's own
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('goes to the authorize endpoint with the client, the console as redirect, a state and a challenge', async () => {
    // Act
    await startHostedSignIn(config, '/orders/ord_1');
    // Assess
    const url = new URL(assigned[0]);
    const pending = JSON.parse([...storage.values()][0]);
    expect(`${url.origin}${url.pathname}`).toBe(`${config.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client1',
      redirect_uri: 'https://d1.cloudfront.net/',
      scope: 'openid email profile',
      state: pending.state,
      code_challenge_method: 'S256',
      code_challenge: await pkceChallenge(pending.verifier),
    });
    expect(pending.returnTo).toBe('/orders/ord_1');
  });

  it('exchanges the code with the verifier on the way back, and refuses a return whose state is not ours', async () => {
    // Prepare
    await startHostedSignIn(config, '/orders');
    const { state, verifier } = JSON.parse([...storage.values()][0]);
    const sent: { url: string; body: string }[] = [];
    globals.fetch = async (url: URL, init: RequestInit) => {
      sent.push({ url: String(url), body: String(init.body) });
      return new Response(JSON.stringify({ access_token: 'at', id_token: 'it' }), { status: 200 });
    };
    try {
      // Act
      const returned = await finishHostedSignIn(config, `?code=c0de&state=${state}`);
      await startHostedSignIn(config, '/orders');
      const forged = finishHostedSignIn(config, '?code=c0de&state=someone-else');
      const none = await finishHostedSignIn(config, '');

      // Assess
      expect(returned).toEqual({ accessToken: 'at', returnTo: '/orders' });
      expect(sent[0].url).toBe(`${config.domain}/oauth2/token`);
      expect(Object.fromEntries(new URLSearchParams(sent[0].body))).toEqual({
        grant_type: 'authorization_code',
        client_id: 'client1',
        code: 'c0de',
        redirect_uri: 'https://d1.cloudfront.net/',
        code_verifier: verifier,
      });
      await expect(forged).rejects.toThrow('sign-in state mismatch');
      expect(sent).toHaveLength(1);
      expect(none).toBeUndefined();
    } finally {
      delete globals.fetch;
    }
  });

  it('signs out at the hosted UI, which comes back to the console', () => {
    // Act
    const url = new URL(hostedSignOutUrl(config));
    // Assess
    expect(`${url.origin}${url.pathname}`).toBe(`${config.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client1',
      logout_uri: 'https://d1.cloudfront.net/',
    });
  });
});
