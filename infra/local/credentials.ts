import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialStore } from '../../shared/ports/credentials';
import { STAFF_ROLES, type StaffRole } from '../topology/types';
import type { ApiKeyRecord } from './api-gateway/usage-plans';

/** The local credentials: one storefront API key and one staff token per role, kept in the data dir. */
export interface LocalSecrets {
  apiKey: string;
  staffUsageKey: string;
  staffTokens: Record<StaffRole, string>;
}

const secret = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url')}`;

/** Reads `<dataDir>/secrets.json`, making it on first boot; TRADEFLOW_LOCAL_API_KEY overrides the key. */
export function loadLocalSecrets(dataDir: string, apiKeyOverride?: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: LocalSecrets = {
    apiKey: apiKeyOverride ?? stored.apiKey ?? secret('tfk'),
    staffUsageKey: stored.staffUsageKey ?? secret('tfu'),
    staffTokens: Object.fromEntries(
      STAFF_ROLES.map((role) => [role, stored.staffTokens?.[role] ?? secret(`tfs_${role}`)]),
    ) as Record<StaffRole, string>,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The API keys API Gateway would hold, in the topology's usage plans. */
export function localApiKeys(secrets: LocalSecrets): ApiKeyRecord[] {
  return [
    {
      id: 'local-storefront',
      value: secrets.apiKey,
      name: 'local storefront',
      plan: 'storefronts',
      enabled: true,
    },
    { id: 'local-staff', value: secrets.staffUsageKey, name: 'staff', plan: 'staff', enabled: true },
  ];
}

/** Registers the credentials the authorizer looks up (idempotent: puts the same items each boot). */
export async function seedLocalCredentials(store: CredentialStore, secrets: LocalSecrets): Promise<void> {
  await store.put(secrets.apiKey, {
    kind: 'storefront',
    id: 'sf_local',
    name: 'Local storefront',
    usageKey: secrets.apiKey,
    enabled: true,
  });
  for (const role of STAFF_ROLES) {
    await store.put(secrets.staffTokens[role], {
      kind: 'staff',
      id: `staff_local_${role}`,
      name: `Local ${role}`,
      role,
      usageKey: secrets.staffUsageKey,
      enabled: true,
    });
  }
}
