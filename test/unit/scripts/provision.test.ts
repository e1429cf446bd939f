import {
  createStaffToken,
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
  const authorize = makeAuthorizeRequest({ credentials });
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

describe('create-staff-token', () => {
  it('creates the shared staff key once, in the staff plan, and reuses it the second time', async () => {
    // Prepare
    const { deps, keys, calls } = setup();

    // Act
    const first = await createStaffToken(deps, { role: 'finance', name: 'Fin Person' });
    const second = await createStaffToken(deps, { role: 'sales', name: 'Sales Person' });

    // Assess
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: 'tradeflow-staff', plans: new Set(['plan-staff']) });
    expect(keys[0].value).toMatch(/^tfu_/);
    expect(first.staffKeyCreated).toBe(true);
    expect(second.staffKeyCreated).toBe(false);
    expect(first.credential.usageKey).toBe(keys[0].value);
    expect(second.credential.usageKey).toBe(keys[0].value);
    expect(calls).toEqual([
      'find tradeflow-staff',
      'create tradeflow-staff',
      'add key1 plan-staff',
      'find tradeflow-staff',
    ]);
  });

  it('gives a token the authorizer accepts for that role, metered under the staff key', async () => {
    // Prepare
    const { deps, keys, authorize } = setup();

    // Act
    const { token, credential } = await createStaffToken(deps, { role: 'finance', name: 'Fin Person' });
    const answer = await authorize({ methodArn, headers: { authorization: `Bearer ${token}` } });

    // Assess
    expect(token).toMatch(/^tfs_finance_[A-Za-z0-9_-]{32}$/);
    expect(credential).toEqual({
      kind: 'staff',
      id: 'staff_1',
      name: 'Fin Person',
      role: 'finance',
      usageKey: keys[0].value,
      enabled: true,
    });
    expect(answer.context).toEqual({ kind: 'staff', role: 'finance' });
    expect(answer.usageIdentifierKey).toBe(keys[0].value);
  });

  it('puts an existing staff key that is in no plan into the staff plan (a run that stopped midway)', async () => {
    // Prepare
    const { deps, keys, apiKeys } = setup();
    await apiKeys.create({ name: 'tradeflow-staff', value: 'tfu_existing', description: '' });

    // Act
    const { credential } = await createStaffToken(deps, { role: 'admin', name: 'Ad Min' });

    // Assess
    expect(keys).toHaveLength(1);
    expect(keys[0].plans).toEqual(new Set(['plan-staff']));
    expect(credential.usageKey).toBe('tfu_existing');
  });

  it('refuses to hand out tokens under a disabled staff key', async () => {
    // Prepare
    const { deps, keys, credentials } = setup();
    await createStaffToken(deps, { role: 'admin', name: 'Ad Min' });
    keys[0].enabled = false;
    const put = jest.spyOn(credentials, 'put');

    // Act
    const attempt = createStaffToken(deps, { role: 'sales', name: 'Sales Person' });

    // Assess
    await expect(attempt).rejects.toThrow('tradeflow-staff (key1) is disabled');
    expect(put).not.toHaveBeenCalled();
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
    const { token } = await createStaffToken(deps, { role: 'sales', name: 'Sales Person' });
    await disableCredential(deps, { secret: token });
    const put = jest.spyOn(credentials, 'put');

    // Act
    const result = await disableCredential(deps, { secret: token });

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
