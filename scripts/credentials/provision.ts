import type { StaffRole } from '../../shared/domain/staff-roles';
import type { Credential, CredentialStore } from '../../shared/ports/credentials';
import { STAFF_KEY_NAME, storefrontKeyName } from './api-key-names';
import {
  type NewCredentialId,
  type StaffCredential,
  type StorefrontCredential,
  staffCredential,
  storefrontCredential,
} from './credential';
import { StaffKeyDisabledError, UnknownSecretError } from './errors';
import type { ApiKeys } from './ports';
import { newStaffToken, newStaffUsageKey, newStorefrontKey, type RandomBytes } from './secrets';
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

/** A staff token, metered under the shared staff key (made on first use). */
export async function createStaffToken(
  deps: ProvisionDeps,
  input: { role: StaffRole; name: string },
): Promise<{ credential: StaffCredential; token: string; staffKeyCreated: boolean }> {
  const staffKey = await ensureStaffKey(deps);
  const token = newStaffToken(input.role, deps.random);
  const credential = staffCredential({
    id: deps.newId('staff'),
    name: input.name,
    role: input.role,
    staffUsageKey: staffKey.value,
  });
  await deps.credentials.put(token, credential);
  return { credential, token, staffKeyCreated: staffKey.created };
}

/**
 * Finds the staff key by name, else creates it; either way it ends up in the staff plan, which also
 * mends a run that stopped between creating the key and adding it.
 */
async function ensureStaffKey(deps: ProvisionDeps): Promise<{ value: string; created: boolean }> {
  const planId = deps.ids.staffUsagePlanId;
  const found = await deps.apiKeys.findByName(STAFF_KEY_NAME);
  if (found && !found.enabled) {
    throw new StaffKeyDisabledError(
      `The API Gateway key ${STAFF_KEY_NAME} (${found.id}) is disabled, so every staff token would be refused: enable it in API Gateway, then run this again.`,
    );
  }
  if (found) {
    if (!(await deps.apiKeys.inUsagePlan(found.id, planId)))
      await deps.apiKeys.addToUsagePlan(found.id, planId);
    return { value: found.value, created: false };
  }
  const value = newStaffUsageKey(deps.random);
  const key = await deps.apiKeys.create({
    name: STAFF_KEY_NAME,
    value,
    description: 'tradeflow: the one usage key all staff tokens are metered under',
  });
  await deps.apiKeys.addToUsagePlan(key.id, planId);
  return { value, created: true };
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
