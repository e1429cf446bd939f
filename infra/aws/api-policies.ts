import { Duration } from 'aws-cdk-lib';
import {
  type CfnAuthorizer,
  IdentitySource,
  RequestAuthorizer,
  ResponseType,
  type RestApi,
  type UsagePlan,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { ApiSpec, AuthorizerSpec, GatewayResponseSpec } from '../topology/types';
import { pascalCase } from './names';

/**
 * The REQUEST authorizer, with the topology's identity sources (request headers) and results cache
 * TTL. API Gateway answers 401 without calling the authorizer when a declared identity source is
 * missing, and caches each answer (a Deny too) per identity-source values for the TTL. With no
 * identity sources caching must be off, which is how API Gateway (and CDK) accept them.
 */
export function buildAuthorizer(
  scope: Construct,
  apiName: string,
  spec: AuthorizerSpec,
  functions: Record<string, IFunction>,
): RequestAuthorizer {
  const handler = functions[spec.function];
  if (!handler) throw new Error(`The authorizer names unknown function ${spec.function}`);
  checkAuthorizerCache(spec);
  const authorizer = new RequestAuthorizer(scope, 'Authorizer', {
    authorizerName: `${apiName}-authorizer`,
    handler,
    identitySources: spec.identitySources.map((name) => IdentitySource.header(name)),
    resultsCacheTtl: Duration.seconds(spec.resultsTtlSeconds),
  });
  // CDK renders no sources as `IdentitySource: ""`; leave the property out, as API Gateway expects.
  if (!spec.identitySources.length)
    (authorizer.node.defaultChild as CfnAuthorizer).addPropertyDeletionOverride('IdentitySource');
  return authorizer;
}

/** API Gateway's rules for the authorizer cache: 0–3600 s, and identity sources to key it. */
export function checkAuthorizerCache(spec: AuthorizerSpec): void {
  const ttl = spec.resultsTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600)
    throw new Error(`The authorizer's resultsTtlSeconds must be 0 to 3600, not ${ttl}`);
  if (ttl > 0 && !spec.identitySources.length)
    throw new Error(
      'Caching authorizer results needs identity sources to key the cache; declare some or set resultsTtlSeconds to 0',
    );
}

/**
 * A usage plan per entry, on the API's stage; the authorizer's usage key picks the plan. Returned by
 * topology name, so the stack can output their ids for `npm run credentials`.
 */
export function addUsagePlans(api: RestApi, spec: ApiSpec): Record<string, UsagePlan> {
  const plans: Record<string, UsagePlan> = {};
  for (const plan of spec.usagePlans) {
    plans[plan.name] = api.addUsagePlan(`${pascalCase(plan.name)}UsagePlan`, {
      name: `${spec.name}-${plan.name}`,
      description: plan.description,
      throttle: { rateLimit: plan.rateLimit, burstLimit: plan.burstLimit },
      apiStages: [{ api, stage: api.deploymentStage }],
    });
  }
  return plans;
}

/** API Gateway's own answers, in the API's error shape. */
export function addGatewayResponses(api: RestApi, responses: GatewayResponseSpec[]): void {
  for (const response of responses) {
    api.addGatewayResponse(pascalCase(response.type.toLowerCase()), {
      type: ResponseType.of(response.type),
      statusCode: String(response.statusCode),
      templates: { 'application/json': errorBody(response) },
    });
  }
}

/** `{"error":{"code":…,"message":…}}`. The template is VTL, where `$` and `#` would be code. */
function errorBody(response: GatewayResponseSpec): string {
  const json = JSON.stringify({ error: { code: response.code, message: response.message } });
  if (/[$#]/.test(json)) {
    throw new Error(`Gateway response ${response.type}: no $ or # in its code or message`);
  }
  return json;
}
