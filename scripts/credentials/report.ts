import type { StaffRole } from '../../shared/domain/staff-roles';
import type { Credential } from '../../shared/ports/credentials';
import type { StorefrontCredential } from './credential';

// Names stay out of what is printed (a shop's, a person's address): terminals get logged.

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

/**
 * How to add a staff member, as AWS CLI commands filled in with the stack's pool: the address stays a
 * shell variable the operator sets, so it is in neither this output nor its arguments.
 */
export function staffUserCommands(input: { role: StaffRole; userPoolId: string }): string {
  const region = input.userPoolId.split('_')[0];
  const pool = `--region ${region} --user-pool-id ${input.userPoolId}`;
  return [
    `Add a staff member with role ${input.role}: set EMAIL to their address, then run`,
    '',
    `  aws cognito-idp admin-create-user ${pool} --username "$EMAIL" \\`,
    '    --user-attributes Name=email,Value="$EMAIL" Name=email_verified,Value=true --desired-delivery-mediums EMAIL',
    `  aws cognito-idp admin-add-user-to-group ${pool} --username "$EMAIL" --group-name ${input.role}`,
    '',
    'Cognito emails them a temporary password; at their first sign-in they choose their own and set up',
    'an authenticator app (MFA is required). They call the API with their access token:',
    'Authorization: Bearer <access token>. Keep each person in exactly one role group: the API refuses a',
    'token with several.',
    '',
    'To change the role: admin-remove-user-from-group, then admin-add-user-to-group (new tokens carry it).',
    `To revoke: aws cognito-idp admin-disable-user ${pool} --username "$EMAIL"`,
    `  and admin-user-global-sign-out: an access token already issued works until it expires (1 hour).`,
  ].join('\n');
}

export function credentialDisabled(input: { credential: Credential; wasEnabled: boolean }): string {
  const what = `Storefront key ${input.credential.id}`;
  return input.wasEnabled
    ? `${what} disabled: the API answers 403 to it from now on.`
    : `${what} was already disabled; nothing changed.`;
}
