import {
  AccessLogFormat,
  ApiKeySourceType,
  AuthorizationType,
  type CfnModel,
  EndpointType,
  type IModel,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type RequestAuthorizer,
  type RequestValidator,
  RestApi,
  type UsagePlan,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type ApiSpec, isOpenRoute, type RouteSpec } from '../topology/types';
import { addGatewayResponses, addUsagePlans, buildAuthorizer } from './api-policies';
import { acknowledge } from './nag';
import { pascalCase } from './names';

export interface BuiltApi {
  api: RestApi;
  /** By topology name (`storefronts`, `staff`). */
  usagePlans: Record<string, UsagePlan>;
}

/** The REST API: one method per route, every one behind the Lambda authorizer and an API key. */
export function buildApi(scope: Construct, spec: ApiSpec, functions: Record<string, IFunction>): BuiltApi {
  const api = new RestApi(scope, 'Api', {
    restApiName: spec.name,
    description: `${spec.name}: storefront and staff API`,
    // Storefronts call server to server: an edge (CloudFront) endpoint would add nothing.
    endpointTypes: [EndpointType.REGIONAL],
    ...(spec.binaryMediaTypes?.length ? { binaryMediaTypes: spec.binaryMediaTypes } : {}),
    // The authorizer returns the caller's usage identifier key, which API Gateway meters by usage plan.
    apiKeySourceType: ApiKeySourceType.AUTHORIZER,
    cloudWatchRole: true,
    deployOptions: {
      stageName: spec.stage,
      tracingEnabled: true,
      accessLogDestination: new LogGroupLogDestination(
        new LogGroup(scope, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH }),
      ),
      accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      loggingLevel: MethodLoggingLevel.ERROR,
      // Request and response bodies carry buyers' personal data: keep them out of the logs.
      dataTraceEnabled: false,
      metricsEnabled: true,
    },
  });
  acknowledge(
    api.node.findChild('CloudWatchRole'),
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    "API Gateway's account-level CloudWatch Logs role: it creates a log group per stage itself, and AWS maintains this policy for exactly that use.",
  );
  acknowledge(
    api.deploymentStage,
    'AwsSolutions-APIG3',
    'WAF is out of scope for now: every method needs an API key or staff token, and usage plans throttle each caller.',
  );

  const authorizer = buildAuthorizer(scope, spec.name, spec.authorizer, functions);
  // Bodies are validated only on routes with a model; the handlers validate every body with zod anyway.
  const validator = api.addRequestValidator('RequestValidator', {
    validateRequestParameters: true,
    validateRequestBody: true,
  });
  for (const route of spec.routes) addRoute(api, route, functions, authorizer, validator);

  const usagePlans = addUsagePlans(api, spec);
  addGatewayResponses(api, spec.gatewayResponses);
  return { api, usagePlans };
}

function addRoute(
  api: RestApi,
  route: RouteSpec,
  functions: Record<string, IFunction>,
  authorizer: RequestAuthorizer,
  validator: RequestValidator,
): void {
  const fn = functions[route.function];
  if (!fn) throw new Error(`Route ${route.method} ${route.path} names unknown function ${route.function}`);
  const id = pascalCase(`${route.method} ${route.path}`);
  const bodyModel = route.bodySchema && addBodyModel(api, id, route.bodySchema);
  const integration = new LambdaIntegration(fn, { allowTestInvoke: false });
  const resource = api.root.resourceForPath(route.path);
  if (isOpenRoute(route.callers)) {
    // A shop platform posts its webhooks with no API key or token: the signature over the raw body,
    // with the storefront's secret, is checked by the function before it reads anything. A link
    // (tracking page, quote acceptance) carries its own unguessable token, checked by the function.
    const method = resource.addMethod(route.method, integration, {
      authorizationType: AuthorizationType.NONE,
      apiKeyRequired: false,
      requestParameters: pathParameters(route.path),
      requestValidator: validator,
    });
    const { webhook, link } = route.callers;
    acknowledge(
      method,
      'AwsSolutions-APIG4',
      webhook
        ? `${webhook} signs each webhook with HMAC-SHA256 over the body and cannot send an API key or token; the function refuses a missing or wrong signature (401) before parsing.`
        : `Opened by a link sent to a buyer (${link}), who has no API key or staff sign-in; the link's unguessable token (128 random bits) is checked by the function, which shows nothing beyond it.`,
    );
    acknowledge(
      method,
      'AwsSolutions-COG4',
      webhook
        ? `${webhook}'s webhooks are machine-to-machine and authenticated by their HMAC signature, not by a user pool.`
        : `Buyers are not users of the staff pool; the link's token is the credential (${link}).`,
    );
    return;
  }
  const method = resource.addMethod(route.method, integration, {
    authorizer,
    authorizationType: AuthorizationType.CUSTOM,
    apiKeyRequired: true,
    requestParameters: pathParameters(route.path),
    requestValidator: validator,
    requestModels: bodyModel && { 'application/json': bodyModel },
  });
  acknowledge(
    method,
    'AwsSolutions-COG4',
    'Callers are storefronts (API keys) and staff (Cognito tokens, verified by the same Lambda REQUEST authorizer, which also checks the route against the caller), so a Cognito authorizer alone would not do.',
  );
}

/** `/orders/{id}` → `{ 'method.request.path.id': true }`: each path parameter is required. */
function pathParameters(path: string): Record<string, boolean> {
  const names = [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1]);
  return Object.fromEntries(names.map((name) => [`method.request.path.${name}`, true]));
}

/** The route's draft-4 JSON Schema, verbatim (CDK's JsonSchema type would rename its keys). */
function addBodyModel(api: RestApi, id: string, schema: Record<string, unknown>): IModel {
  const model = api.addModel(`${id}Body`, { contentType: 'application/json', schema: {} });
  (model.node.defaultChild as CfnModel).addPropertyOverride('Schema', {
    $schema: 'http://json-schema.org/draft-04/schema#',
    ...schema,
  });
  return model;
}
