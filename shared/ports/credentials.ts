/**
 * A storefront's API key. Only a SHA-256 of the secret is stored; `usageKey` is the API Gateway key
 * the storefront is metered under (its usage plan's limits): the key itself. Staff sign in through
 * the user pool instead (ports/staff-tokens.ts).
 */
export type Credential = { kind: 'storefront'; id: string; name: string; usageKey: string; enabled: boolean };

export interface CredentialStore {
  findBySecret(secret: string): Promise<Credential | undefined>;
  /** Stores (or replaces) the credential for a secret. */
  put(secret: string, credential: Credential): Promise<void>;
}
