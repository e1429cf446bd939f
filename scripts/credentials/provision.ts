import type { Credential, CredentialStore } from '../../shared/ports/credentials';
import { storefrontKeyName } from './api-key-names';
import { type NewCredentialId, type StorefrontCredential, storefrontCredential } from './credential';
import { UnknownSecretError } from './errors';
import type { ApiKeys } from './ports';
import { newStorefrontKey, type RandomBytes } from './secrets';
import type { StackIds } from './stack-outputs';

export interface ProvisionDeps {
  apiKeys: ApiKeys;
  credentials: CredentialStore;
  ids: StackIds;
  newId: NewCredentialId;
  random?: RandomBytes;
}

/**
 * A storefront's API key: an API Gateway key with the secret as its value, in the storefronts plan,
 * then the credential. The credential goes last, so it never names a key API Gateway lacks (a failure
 * midway leaves at most an unused key, which nothing can present: keys come from the authorizer).
 */
export async function createStorefront(
  deps: ProvisionDeps,
  input: { name: string },
): Promise<{ credential: StorefrontCredential; secret: string }> {
  const id = deps.newId('sf');
  const secret = newStorefrontKey(deps.random);
  const key = await deps.apiKeys.create({
    name: storefrontKeyName(input.name, id),
    value: secret,
    description: `tradeflow storefront ${id}`,
  });
  await deps.apiKeys.addToUsagePlan(key.id, deps.ids.storefrontsUsagePlanId);
  const credential = storefrontCredential({ id, name: input.name, secret });
  await deps.credentials.put(secret, credential);
  return { credential, secret };
}

/** Turns a credential off; the authorizer denies it from the next call. Disabling twice is fine. */
export async function disableCredential(
  deps: Pick<ProvisionDeps, 'credentials'>,
  input: { secret: string },
): Promise<{ credential: Credential; wasEnabled: boolean }> {
  const credential = await deps.credentials.findBySecret(input.secret);
  if (!credential) {
    throw new UnknownSecretError(
      "No credential has that secret in this stack's access table: check the value, or pass --stack.",
    );
  }
  const disabled = { ...credential, enabled: false };
  if (credential.enabled) await deps.credentials.put(input.secret, disabled);
  return { credential: disabled, wasEnabled: credential.enabled };
}
