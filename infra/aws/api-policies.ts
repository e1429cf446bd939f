import { Aws, Duration, Fn } from 'aws-cdk-lib';
import {
  ApiKey,
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

/**
 * What API Gateway adds to a response's message (its templates substitute `$context` variables):
 * a body its model refused gets the validator's own words, e.g. `[object has missing required
 * properties (["reason"])]`, so the client knows what to change.
 */
export const GATEWAY_RESPONSE_DETAILS: Partial<Record<GatewayResponseSpec['type'], string>> = {
  BAD_REQUEST_BODY: '$context.error.validationErrorString',
};

/**
 * `{"error":{"code":…,"message":…}}`. The template substitutes `$` variables: none may come from the
 * topology's code or message, only the detail above.
 */
export function errorBody(response: GatewayResponseSpec): string {
  const json = JSON.stringify({ error: { code: response.code, message: response.message } });
  if (/[$#]/.test(json)) {
    throw new Error(`Gateway response ${response.type}: no $ or # in its code or message`);
  }
  const detail = GATEWAY_RESPONSE_DETAILS[response.type];
  if (!detail) return json;
  return JSON.stringify({ error: { code: response.code, message: `${response.message}: ${detail}` } });
}

/**
 * The value of the one API key all staff are metered under: fixed per stack (from its id), so the
 * authorizer's environment can name it without reading anything at run time. It is no secret: the
 * API takes its keys from the authorizer (apiKeySourceType AUTHORIZER), never from a request, and
 * the authorizer accepts only storefront keys in `x-api-key`, so knowing it lets nobody in.
 */
export function staffUsageKeyValue(service: string): string {
  return Fn.join('', [`${service}-staff-`, Fn.select(2, Fn.split('/', Aws.STACK_ID))]);
}

/** The staff key, in the staff usage plan, made with the stack (no script has to make it first). */
export function addStaffUsageKey(scope: Construct, plan: UsagePlan, name: string, value: string): ApiKey {
  const key = new ApiKey(scope, 'StaffUsageKey', {
    apiKeyName: name,
    description: 'tradeflow: the one usage key all staff are metered under (returned by the authorizer)',
    value,
    enabled: true,
  });
  plan.addApiKey(key);
  return key;
}
