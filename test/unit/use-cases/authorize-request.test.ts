import { routes } from '../../../infra/topology/routes';
import { makeInMemoryCredentialStore } from '../../../shared/adapters/in-memory/side-effects';
import { makeAuthorizeRequest, resourcePattern } from '../../../shared/use-cases/authorize-request';

const arn = 'arn:aws:execute-api:us-east-1:123456789012:abc123/v1/GET/orders/ord_1';

function authorizer() {
  return makeAuthorizeRequest({
    credentials: makeInMemoryCredentialStore([
      ['key-1', { kind: 'storefront', id: 'sf_1', name: 'Shop', usageKey: 'key-1', enabled: true }],
      [
        'tok-fin',
        { kind: 'staff', id: 'u_fin', name: 'Fin', role: 'finance', usageKey: 'staff-key', enabled: true },
      ],
      [
        'tok-off',
        { kind: 'staff', id: 'u_off', name: 'Gone', role: 'admin', usageKey: 'staff-key', enabled: false },
      ],
    ]),
  });
}

describe('the request authorizer', () => {
  it('allows a storefront exactly the storefront routes, metered under its own key', async () => {
    // Act
    const answer = await authorizer()({ methodArn: arn, headers: { 'X-Api-Key': 'key-1' } });

    // Assess
    expect(answer.principalId).toBe('sf_1');
    expect(answer.usageIdentifierKey).toBe('key-1');
    expect(answer.context).toEqual({ kind: 'storefront' });
    const expected = routes
      .filter((r) => r.callers.storefront)
      .map(
        (r) => `arn:aws:execute-api:us-east-1:123456789012:abc123/v1/${r.method}${resourcePattern(r.path)}`,
      );
    expect(answer.policyDocument.Statement[0]).toEqual({
      Action: 'execute-api:Invoke',
      Effect: 'Allow',
      Resource: expected,
    });
  });

  it('takes a staff bearer token and passes its role on', async () => {
    const answer = await authorizer()({ methodArn: arn, headers: { authorization: 'Bearer tok-fin' } });
    expect(answer.context).toEqual({ kind: 'staff', role: 'finance' });
    expect(answer.usageIdentifierKey).toBe('staff-key');
    expect(answer.policyDocument.Statement[0].Resource).toContain(
      'arn:aws:execute-api:us-east-1:123456789012:abc123/v1/GET/orders/*',
    );
    expect(answer.policyDocument.Statement[0].Resource).not.toContain(
      'arn:aws:execute-api:us-east-1:123456789012:abc123/v1/POST/orders',
    );
  });

  it.each([
    ['no credential', {}],
    ['an unknown key', { 'x-api-key': 'nope' }],
    ['a disabled token', { Authorization: 'Bearer tok-off' }],
    ['a malformed bearer', { Authorization: 'Basic abc' }],
  ])('denies everything to %s (API Gateway answers 403)', async (_case, headers) => {
    // Act
    const answer = await authorizer()({ methodArn: arn, headers });

    // Assess
    expect(answer.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Deny',
        Resource: ['arn:aws:execute-api:us-east-1:123456789012:abc123/v1/*'],
      },
    ]);
    expect(answer.context).toEqual({ kind: 'anonymous' });
  });
});
