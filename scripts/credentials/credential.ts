import { ulid } from 'ulid';
import type { StaffRole } from '../../shared/domain/staff-roles';
import type { Credential } from '../../shared/ports/credentials';

export type CredentialIdPrefix = 'sf' | 'staff';
export type NewCredentialId = (prefix: CredentialIdPrefix) => string;

export type StorefrontCredential = Extract<Credential, { kind: 'storefront' }>;
export type StaffCredential = Extract<Credential, { kind: 'staff' }>;

export const newCredentialId: NewCredentialId = (prefix) => `${prefix}_${ulid()}`;

/** A storefront is metered under its own key: the API Gateway key's value is the secret itself. */
export function storefrontCredential(input: {
  id: string;
  name: string;
  secret: string;
}): StorefrontCredential {
  return { kind: 'storefront', id: input.id, name: input.name, usageKey: input.secret, enabled: true };
}

/** Staff share one API Gateway key (the staff plan); the token itself never reaches API Gateway. */
export function staffCredential(input: {
  id: string;
  name: string;
  role: StaffRole;
  staffUsageKey: string;
}): StaffCredential {
  return {
    kind: 'staff',
    id: input.id,
    name: input.name,
    role: input.role,
    usageKey: input.staffUsageKey,
    enabled: true,
  };
}
