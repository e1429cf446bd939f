import { Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { STAFF_ROLES, type StaffSignInSpec } from '../topology/types';
import { pascalCase } from './names';

export interface BuiltStaffSignIn {
  pool: UserPool;
  client: UserPoolClient;
  groups: Record<string, CfnUserPoolGroup>;
}

/**
 * Where staff sign in: a user pool only admins add people to, one group per role (a member of
 * exactly one is what the authorizer accepts), and a client for the staff console and CLI. The
 * authorizer verifies the pool's access tokens itself (shared/adapters/staff-token-verifier.ts).
 */
export function buildStaffUserPool(
  scope: Construct,
  spec: StaffSignInSpec,
  service: string,
  /** The staff console's URL (made later, by CloudFront): the hosted UI returns there after sign-in and sign-out. */
  consoleUrl: () => string | undefined = () => undefined,
): BuiltStaffSignIn {
  const construct = new Construct(scope, 'StaffSignIn');
  const pool = new UserPool(construct, 'UserPool', {
    userPoolName: `${service}-${spec.name}`,
    // Staff are added by an admin (AdminCreateUser), who invites them by email.
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    autoVerify: { email: true },
    standardAttributes: { email: { required: true, mutable: true } },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    passwordPolicy: {
      minLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    // Staff approve credit and record payments: a password alone is not enough. TOTP only (SMS needs
    // an SNS role and spends money per sign-in).
    mfa: Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    // Plus: compromised-credential checks and risk-based blocking of sign-ins. Per monthly active
    // user, which for a staff pool is a few dollars a month at most.
    featurePlan: FeaturePlan.PLUS,
    standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    // The people and their MFA devices cannot be made again from code.
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const client = pool.addClient('ConsoleClient', {
    userPoolClientName: `${service}-staff-console`,
    // A public client (browser console, CLI): a secret would not stay secret there.
    generateSecret: false,
    authFlows: {
      // Sign-in in the console: the password never leaves the browser.
      userSrp: true,
      // For the CLI and smoke scripts (aws cognito-idp admin-initiate-auth): only callers with IAM
      // credentials allowed cognito-idp:AdminInitiateAuth on this pool can use it; MFA still applies.
      adminUserPassword: true,
    },
    // The console signs in through the pool's hosted UI: authorization code with PKCE (the console
    // sends a code challenge; a public client has no secret to leak), back to the console's URL.
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: Lazy.list({ produce: () => [requireUrl(consoleUrl())] }),
      logoutUrls: Lazy.list({ produce: () => [requireUrl(consoleUrl())] }),
    },
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    accessTokenValidity: Duration.hours(1),
    idTokenValidity: Duration.hours(1),
    // A working day: a stolen refresh token is good for hours, not the default 30 days.
    refreshTokenValidity: Duration.hours(12),
  });

  const groups: Record<string, CfnUserPoolGroup> = {};
  STAFF_ROLES.forEach((role, precedence) => {
    groups[role] = new CfnUserPoolGroup(construct, `${pascalCase(role)}Group`, {
      userPoolId: pool.userPoolId,
      groupName: role,
      description: `${service} staff role ${role}: the routes the topology lists for it`,
      precedence,
    });
  });
  return { pool, client, groups };
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('The staff console was not built: the sign-in client has no URL to return to');
  return url;
}
