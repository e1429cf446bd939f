import { Match } from 'aws-cdk-lib/assertions';
import { topology } from '../../infra/topology';
import { STAFF_ROLES } from '../../infra/topology/types';
import { synthesizeTemplate } from './stack-template';
import {
  functionRoleId,
  propertiesOf,
  resourcesOfType,
  roleStatements,
  templateInventory,
} from './template-inventory';

describe('staff sign-in on AWS', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);
  const [[poolId, pool]] = resourcesOfType(template, 'AWS::Cognito::UserPool');
  const [[clientId, client]] = resourcesOfType(template, 'AWS::Cognito::UserPoolClient');
  const authorizer = topology.api.authorizer.function;
  const variables = (
    propertiesOf(template, inventory.functions[authorizer]).Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;
  const vars = topology.staffSignIn.envVars;

  it('is one user pool only admins add people to, with a strong password policy and MFA required', () => {
    // Assess
    expect(resourcesOfType(template, 'AWS::Cognito::UserPool')).toHaveLength(1);
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UsernameAttributes: ['email'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('has one group per staff role, named as the role', () => {
    // Act
    const groups = resourcesOfType(template, 'AWS::Cognito::UserPoolGroup').map(
      ([, group]) => group.Properties,
    );

    // Assess
    expect(groups.map((group) => group?.GroupName).sort()).toEqual([...STAFF_ROLES].sort());
    for (const group of groups) expect(group?.UserPoolId).toEqual({ Ref: poolId });
  });

  it("has one public client: SRP sign-in, admin auth for IAM callers, short-lived tokens, the console's code flow", () => {
    // Assess
    expect(resourcesOfType(template, 'AWS::Cognito::UserPoolClient')).toHaveLength(1);
    expect(client.Properties).toMatchObject({
      UserPoolId: { Ref: poolId },
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 720,
    });
    expect([...((client.Properties?.ExplicitAuthFlows as string[]) ?? [])].sort()).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
    // The hosted UI's authorization code flow, for the staff console only (test/infra/console.test.ts).
    expect(client.Properties?.AllowedOAuthFlows).toEqual(['code']);
  });

  it('gives the authorizer the pool, the client and the staff usage key, and no JWKS', () => {
    // Assess
    expect(variables[vars.userPoolId]).toEqual({ Ref: poolId });
    expect(variables[vars.clientId]).toEqual({ Ref: clientId });
    expect(JSON.stringify(variables[vars.usageKey])).toContain('AWS::StackId');
    expect(variables[vars.jwks]).toBeUndefined();
  });

  it('makes the staff usage key, with the value the authorizer returns, in the staff plan only', () => {
    // Prepare
    const keys = resourcesOfType(template, 'AWS::ApiGateway::ApiKey');
    const plans = resourcesOfType(template, 'AWS::ApiGateway::UsagePlan');
    const staffPlan = plans.find(
      ([, plan]) => plan.Properties?.UsagePlanName === `${topology.api.name}-staff`,
    )?.[0];
    const planKeys = resourcesOfType(template, 'AWS::ApiGateway::UsagePlanKey').map(
      ([, key]) => key.Properties,
    );

    // Assess
    expect(keys).toHaveLength(1);
    const [[keyId, key]] = keys;
    expect(key.Properties).toMatchObject({ Enabled: true, Name: `${topology.api.name}-staff` });
    expect(key.Properties?.Value).toEqual(variables[vars.usageKey]);
    expect(planKeys).toEqual([
      { KeyId: { Ref: keyId }, KeyType: 'API_KEY', UsagePlanId: { Ref: staffPlan } },
    ]);
  });

  it('grants the authorizer nothing for staff: the JWKS is public, verification is local', () => {
    // Act
    const statements = roleStatements(template, functionRoleId(template, inventory.functions[authorizer]));

    // Assess
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => /cognito|apigateway/i.test(String(action)))).toEqual([]);
  });

  it('outputs the pool id and the client id', () => {
    // Assess
    template.hasOutput('StaffUserPoolId', { Value: { Ref: poolId } });
    template.hasOutput('StaffUserPoolClientId', { Value: { Ref: clientId } });
    template.hasOutput('AccessTableName', { Description: Match.stringLikeRegexp('Storefront') });
  });
});
