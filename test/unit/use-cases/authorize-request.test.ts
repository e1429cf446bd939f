import { routes } from '../../../infra/topology/routes';
import { makeInMemoryCredentialStore } from '../../../shared/adapters/in-memory/side-effects';
import { STAFF_ROLES } from '../../../shared/domain/staff-roles';
import type { Credential } from '../../../shared/ports/credentials';
import { makeAuthorizeRequest, resourcePattern } from '../../../shared/use-cases/authorize-request';
import { newSigningKey, tokenFor, verifierTrusting } from './support/staff-tokens';

const base = 'arn:aws:execute-api:us-east-1:123456789012:abc123/v1';
const arn = `${base}/GET/orders/ord_1`;
const key = newSigningKey();

function authorizer() {
  const refused: string[] = [];
  const authorize = makeAuthorizeRequest({
    credentials: makeInMemoryCredentialStore([
      ['key-1', { kind: 'storefront', id: 'sf_1', name: 'Shop', usageKey: 'key-1', enabled: true }],
      ['key-off', { kind: 'storefront', id: 'sf_2', name: 'Gone', usageKey: 'key-off', enabled: false }],
      // A staff credential of the access table's past: staff tokens are no longer looked up.
      [
        'tfs_finance_old',
        {
          kind: 'staff',
          id: 'staff_old',
          name: 'Fin',
          role: 'finance',
          usageKey: 'staff-key',
          enabled: true,
        } as unknown as Credential,
      ],
    ]),
    staffTokens: verifierTrusting(key),
    staffUsageKey: 'staff-key',
    onStaffTokenRefused: (reason) => refused.push(reason),
  });
  return { authorize, refused };
}

const allowedResources = (allowed: (route: (typeof routes)[number]) => boolean) =>
  routes.filter(allowed).map((r) => `${base}/${r.method}${resourcePattern(r.path)}`);

describe('the request authorizer', () => {
  it('allows a storefront exactly the storefront routes, metered under its own key', async () => {
    // Act
    const answer = await authorizer().authorize({ methodArn: arn, headers: { 'X-Api-Key': 'key-1' } });

    // Assess
    expect(answer.principalId).toBe('sf_1');
    expect(answer.usageIdentifierKey).toBe('key-1');
    expect(answer.context).toEqual({ kind: 'storefront' });
    expect(answer.policyDocument.Statement[0]).toEqual({
      Action: 'execute-api:Invoke',
      Effect: 'Allow',
      Resource: allowedResources((r) => Boolean(r.callers.storefront)),
    });
  });

  it('still takes a storefront key sent as a bearer token, as before', async () => {
    // Act
    const answer = await authorizer().authorize({
      methodArn: arn,
      headers: { authorization: 'Bearer key-1' },
    });

    // Assess
    expect(answer.context).toEqual({ kind: 'storefront' });
  });

  it.each(STAFF_ROLES)('allows a %s exactly the routes the topology lists for the role', async (role) => {
    // Act
    const answer = await authorizer().authorize({
      methodArn: arn,
      headers: { Authorization: `Bearer ${tokenFor(key, [role])}` },
    });

    // Assess
    expect(answer.principalId).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(answer.context).toEqual({ kind: 'staff', role });
    expect(answer.usageIdentifierKey).toBe('staff-key');
    expect(answer.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: allowedResources((r) => Boolean(r.callers.staff?.includes(role))),
      },
    ]);
  });

  it('lets finance read orders but not place them', async () => {
    // Act
    const answer = await authorizer().authorize({
      methodArn: arn,
      headers: { authorization: `Bearer ${tokenFor(key, ['finance'])}` },
    });

    // Assess
    expect(answer.policyDocument.Statement[0].Resource).toContain(`${base}/GET/orders/*`);
    expect(answer.policyDocument.Statement[0].Resource).not.toContain(`${base}/POST/orders`);
  });

  it.each([
    ['no credential', {}],
    ['an unknown key', { 'x-api-key': 'nope' }],
    ['a disabled key', { 'x-api-key': 'key-off' }],
    ['an old tfs_ staff token still in the table', { Authorization: 'Bearer tfs_finance_old' }],
    ['a malformed bearer', { Authorization: 'Basic abc' }],
    ['a forged staff token', { Authorization: `Bearer ${tokenFor(newSigningKey(), ['admin'])}` }],
    ['a token in two role groups', { Authorization: `Bearer ${tokenFor(key, ['admin', 'sales'])}` }],
  ])('denies everything to %s (API Gateway answers 403)', async (_case, headers) => {
    // Act
    const answer = await authorizer().authorize({ methodArn: arn, headers });

    // Assess
    expect(answer.policyDocument.Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: [`${base}/*`] },
    ]);
    expect(answer.context).toEqual({ kind: 'anonymous' });
    expect(answer.usageIdentifierKey).toBe('');
  });

  it('says why a staff token was refused, by error name only', async () => {
    // Prepare
    const { authorize, refused } = authorizer();
    const expired = tokenFor(key, ['sales'], { exp: Math.floor(Date.now() / 1000) - 60 });

    // Act
    await authorize({ methodArn: arn, headers: { authorization: `Bearer ${expired}` } });
    await authorize({
      methodArn: arn,
      headers: { authorization: `Bearer ${tokenFor(key, ['admin', 'sales'])}` },
    });

    // Assess
    expect(refused).toEqual(['JwtExpiredError', 'SeveralRoleGroups']);
  });
});
