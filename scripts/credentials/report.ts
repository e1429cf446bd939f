import type { Credential } from '../../shared/ports/credentials';
import type { StaffCredential, StorefrontCredential } from './credential';

// Names stay out of what is printed: a staff credential's name is a person's, and terminals get logged.

const ONCE = [
  'Copy it now: it is shown only this once and is not stored anywhere in clear (the access table',
  'keeps only its SHA-256), so a lost one cannot be shown again: create another instead.',
  'To revoke it: npm run credentials -- disable --secret <it>',
];

export function storefrontCreated(input: {
  credential: StorefrontCredential;
  secret: string;
  apiUrl: string;
}): string {
  return [
    `Storefront ${input.credential.id} created.`,
    '',
    `  x-api-key: ${input.secret}`,
    '',
    ...ONCE,
    '',
    `The storefront calls ${input.apiUrl} with the header above.`,
  ].join('\n');
}

export function staffTokenCreated(input: {
  credential: StaffCredential;
  token: string;
  apiUrl: string;
  staffKeyCreated: boolean;
}): string {
  return [
    `Staff token ${input.credential.id} (role ${input.credential.role}) created.`,
    ...(input.staffKeyCreated
      ? ['(The shared staff API key did not exist yet; it does now, in the staff plan.)']
      : []),
    '',
    `  Authorization: Bearer ${input.token}`,
    '',
    ...ONCE,
    '',
    `Staff call ${input.apiUrl} with the header above.`,
  ].join('\n');
}

export function credentialDisabled(input: { credential: Credential; wasEnabled: boolean }): string {
  const what =
    input.credential.kind === 'staff'
      ? `Staff token ${input.credential.id}`
      : `Storefront key ${input.credential.id}`;
  return input.wasEnabled
    ? `${what} disabled: the API answers 403 to it from now on.`
    : `${what} was already disabled; nothing changed.`;
}
