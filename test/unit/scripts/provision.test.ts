import {
  createStorefront,
  disableCredential,
  type ProvisionDeps,
} from '../../../scripts/credentials/provision';
import { makeInMemoryCredentialStore } from '../../../shared/adapters/in-memory/side-effects';
import { makeAuthorizeRequest } from '../../../shared/use-cases/authorize-request';
import { countingRandom, makeFakeApiKeys, sequentialIds, stackIdsFixture } from './fakes';

const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/v1/GET/orders/ord_1';

function setup(options: { failAddToPlan?: boolean } = {}) {
  const fake = makeFakeApiKeys(options);
  const credentials = makeInMemoryCredentialStore();
  const deps: ProvisionDeps = {
    apiKeys: fake.apiKeys,
    credentials,
    ids: stackIdsFixture,
    newId: sequentialIds(),
    random: countingRandom(),
  };
  // Staff sign in through the user pool: no staff token is valid here.
  const authorize = makeAuthorizeRequest({
    credentials,
    staffTokens: { verify: async () => ({ ok: false, reason: 'JwtInvalidSignatureError' }) },
    staffUsageKey: 'tradeflow-staff-test',
  });
  return { ...fake, credentials, deps, authorize };
}

describe('create-storefront', () => {
  it('makes an API key with the secret as its value, in the storefronts plan, and the credential', async () => {
    // Prepare
    const { deps, keys, credentials } = setup();

    // Act
    const { credential, secret } = await createStorefront(deps, { name: 'Müller & Söhne GmbH' });

    // Assess
    expect(secret).toMatch(/^tfk_[A-Za-z0-9_-]{32}$/);
    expect(keys).toEqual([
      expect.objectContaining({
        name: 'tradeflow-storefront-muller-sohne-gmbh',
        value: secret,
        enabled: true,
        description: 'tradeflow storefront sf_1',
        plans: new Set(['plan-sf']),
      }),
    ]);
    expect(credential).toEqual({
      kind: 'storefront',
      id: 'sf_1',
      name: 'Müller & Söhne GmbH',
      usageKey: secret,
      enabled: true,
    });
    expect(await credentials.findBySecret(secret)).toEqual(credential);
  });

  it('gives a key the authorizer accepts, metered under that key', async () => {
    // Prepare
    const { deps, authorize } = setup();
    const { secret } = await createStorefront(deps, { name: 'Shop' });

    // Act
    const answer = await authorize({ methodArn, headers: { 'x-api-key': secret } });

    // Assess
    expect(answer.policyDocument.Statement[0].Effect).toBe('Allow');
    expect(answer.usageIdentifierKey).toBe(secret);
  });

  it('stores no credential when the key could not join the plan', async () => {
    // Prepare
    const { deps, credentials } = setup({ failAddToPlan: true });
    const put = jest.spyOn(credentials, 'put');

    // Act
    const attempt = createStorefront(deps, { name: 'Shop' });

    // Assess
    await expect(attempt).rejects.toThrow('TooManyRequestsException');
    expect(put).not.toHaveBeenCalled();
  });

  it('gives each storefront its own key', async () => {
    // Prepare
    const { deps, keys } = setup();

    // Act
    const first = await createStorefront(deps, { name: 'Shop' });
    const second = await createStorefront(deps, { name: 'Shop' });

    // Assess
    expect(first.secret).not.toBe(second.secret);
    expect(keys.map((key) => key.value)).toEqual([first.secret, second.secret]);
  });
});

describe('disable', () => {
  it('turns the credential off, and the authorizer then denies it', async () => {
    // Prepare
    const { deps, credentials, authorize } = setup();
    const { secret } = await createStorefront(deps, { name: 'Shop' });

    // Act
    const result = await disableCredential(deps, { secret });
    const answer = await authorize({ methodArn, headers: { 'x-api-key': secret } });

    // Assess
    expect(result.wasEnabled).toBe(true);
    expect(await credentials.findBySecret(secret)).toMatchObject({ id: 'sf_1', enabled: false });
    expect(answer.policyDocument.Statement[0].Effect).toBe('Deny');
  });

  it('says so when it was already off, and writes nothing', async () => {
    // Prepare
    const { deps, credentials } = setup();
    const { secret } = await createStorefront(deps, { name: 'Shop' });
    await disableCredential(deps, { secret });
    const put = jest.spyOn(credentials, 'put');

    // Act
    const result = await disableCredential(deps, { secret });

    // Assess
    expect(result.wasEnabled).toBe(false);
    expect(put).not.toHaveBeenCalled();
  });

  it('names an unknown secret as such', async () => {
    // Prepare
    const { deps } = setup();

    // Act
    const attempt = disableCredential(deps, { secret: 'tfk_nope' });

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'UnknownSecretError' });
  });
});
