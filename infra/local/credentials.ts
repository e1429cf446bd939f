import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialStore } from '../../shared/ports/credentials';
import type { ApiKeyRecord } from './api-gateway/usage-plans';

/**
 * The local secrets: the storefront API key and the value of the key all staff are metered under.
 * Staff tokens are not kept: they are signed at each start (staff-sign-in.ts).
 */
export interface LocalSecrets {
  apiKey: string;
  staffUsageKey: string;
}

const secret = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url')}`;

/** Reads `<dataDir>/secrets.json`, making it on first boot; TRADEFLOW_LOCAL_API_KEY overrides the key. */
export function loadLocalSecrets(dataDir: string, apiKeyOverride?: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // Only these two are written back: the `tfs_` staff tokens of earlier versions are dropped.
  const secrets: LocalSecrets = {
    apiKey: apiKeyOverride ?? stored.apiKey ?? secret('tfk'),
    staffUsageKey: stored.staffUsageKey ?? secret('tfu'),
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

/** Registers the storefront key the authorizer looks up (idempotent: puts the same item each boot). */
export async function seedLocalCredentials(store: CredentialStore, secrets: LocalSecrets): Promise<void> {
  await store.put(secrets.apiKey, {
    kind: 'storefront',
    id: 'sf_local',
    name: 'Local storefront',
    usageKey: secrets.apiKey,
    enabled: true,
  });
}
