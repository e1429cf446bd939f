import { ulid } from 'ulid';
import type { Credential } from '../../shared/ports/credentials';

export type CredentialIdPrefix = 'sf';
export type NewCredentialId = (prefix: CredentialIdPrefix) => string;

export type StorefrontCredential = Credential;

export const newCredentialId: NewCredentialId = (prefix) => `${prefix}_${ulid()}`;

/** A storefront is metered under its own key: the API Gateway key's value is the secret itself. */
export function storefrontCredential(input: {
  id: string;
  name: string;
  secret: string;
}): StorefrontCredential {
  return { kind: 'storefront', id: input.id, name: input.name, usageKey: input.secret, enabled: true };
}
