import type { StaffRole } from '../domain/staff-roles';

/**
 * A credential: a storefront's API key or a staff member's token. Only a SHA-256 of the secret is
 * stored; `usageKey` is the API Gateway key the caller is metered under (its usage plan's limits).
 */
export type Credential =
  | { kind: 'storefront'; id: string; name: string; usageKey: string; enabled: boolean }
  | { kind: 'staff'; id: string; name: string; role: StaffRole; usageKey: string; enabled: boolean };

export interface CredentialStore {
  findBySecret(secret: string): Promise<Credential | undefined>;
  /** Stores (or replaces) the credential for a secret. */
  put(secret: string, credential: Credential): Promise<void>;
}
