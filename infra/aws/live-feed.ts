import { type CfnElement, CfnOutput } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { LiveFeedSpec } from '../topology/types';
import { acknowledge, nameInFinding } from './nag';

export interface BuiltLiveFeed {
  api: WebSocketApi;
  stage: WebSocketStage;
}

/** What the access log keeps of each WebSocket request: ids, route, status; no body, token or address. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  connectionId: '$context.connectionId',
  routeKey: '$context.routeKey',
  eventType: '$context.eventType',
  status: '$context.status',
  requestTime: '$context.requestTime',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
});

/**
 * The live feed on AWS: a WebSocket API whose `$connect` runs the staff authorizer (token in the
 * query string) and keeps the connection, `$disconnect` forgets it, and the fan-out function (the
 * `live-feed` rule's target, built with the other rules) posts to connections through the stage's
 * management endpoint, with ManageConnections on this stage only.
 */
export function buildLiveFeed(
  scope: Construct,
  spec: LiveFeedSpec,
  functions: Record<string, LambdaFunction>,
): BuiltLiveFeed {
  const group = new Construct(scope, 'LiveFeed');
  const fn = (name: string) => {
    const found = functions[name];
    if (!found) throw new Error(`The live feed names unknown function ${name}`);
    return found;
  };

  const api = new WebSocketApi(group, 'Api', {
    apiName: spec.name,
    description: `${spec.name}: domain events as they happen, for staff`,
    connectRouteOptions: {
      integration: new WebSocketLambdaIntegration('Connect', fn(spec.connect)),
      authorizer: new WebSocketLambdaAuthorizer('StaffToken', fn(spec.authorizer), {
        authorizerName: `${spec.name}-staff-token`,
        // Without the parameter API Gateway answers 401 and the authorizer does not run.
        identitySource: [`route.request.querystring.${spec.tokenParameter}`],
      }),
    },
    disconnectRouteOptions: {
      integration: new WebSocketLambdaIntegration('Disconnect', fn(spec.disconnect)),
    },
  });
  // Only $connect can have an authorizer in a WebSocket API; $disconnect is API Gateway telling us
  // that an authorized connection closed, and no client message has a route.
  acknowledge(
    api.node.findChild('$disconnect-Route'),
    'AwsSolutions-APIG4',
    'WebSocket APIs authorize at $connect only: $disconnect is called by API Gateway for a connection already authorized.',
  );

  const stage = new WebSocketStage(group, 'Stage', {
    webSocketApi: api,
    stageName: spec.stage,
    autoDeploy: true,
    // Staff watch; nobody sends: low limits bound what a leaked token could cost.
    throttle: { rateLimit: 20, burstLimit: 40 },
    accessLogSettings: {
      destination: new LogGroupLogDestination(
        new LogGroup(group, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
      ),
      format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
    },
  });

  const fanOut = fn(spec.fanOut);
  fanOut.addEnvironment(spec.endpointEnvVar, stage.callbackUrl);
  stage.grantManagementApiAccess(fanOut);
  acknowledge(
    fanOut.role!.node.findChild('DefaultPolicy'),
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:${nameInFinding(api.node.defaultChild as CfnElement, fanOut, 'Ref')}/${spec.stage}/*/@connections/*]`,
    'Connection ids are made by API Gateway at run time: the grant covers the connections of this one stage of the feed API.',
  );

  new CfnOutput(scope, 'LiveFeedUrl', {
    value: stage.url,
    description: `The live feed (wss): connect with ?${spec.tokenParameter}=<staff token>&departments=&types=`,
  });
  return { api, stage };
}
