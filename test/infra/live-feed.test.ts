import { Match } from 'aws-cdk-lib/assertions';
import { topology } from '../../infra/topology';
import { synthesizeTemplate } from './stack-template';
import {
  functionRoleId,
  referencedId,
  resourcesOfType,
  roleStatements,
  templateInventory,
} from './template-inventory';

/** The live feed on AWS: a WebSocket API, its staff authorizer, the connections table and the fan-out. */
describe('live feed (CDK)', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);
  const spec = topology.liveFeed!;
  const [[apiId]] = resourcesOfType(template, 'AWS::ApiGatewayV2::Api');
  const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route');
  const integrationFunction = (routeKey: string) => {
    const [, route] = routes.find(([, r]) => r.Properties?.RouteKey === routeKey)!;
    const target = route.Properties?.Target as { 'Fn::Join': [string, unknown[]] };
    const integrationId = referencedId(target['Fn::Join'][1]);
    const [, integration] = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').find(
      ([id]) => id === integrationId,
    )!;
    return referencedId(integration.Properties?.IntegrationUri);
  };

  it('is one WebSocket API with $connect and $disconnect on their functions, and no other route', () => {
    // Assess
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: spec.name,
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
    expect(routes.map(([, r]) => r.Properties?.RouteKey).sort()).toEqual(['$connect', '$disconnect']);
    expect(integrationFunction('$connect')).toBe(inventory.functions[spec.connect]);
    expect(integrationFunction('$disconnect')).toBe(inventory.functions[spec.disconnect]);
  });

  it('authorizes $connect with the staff-token function, from the query string', () => {
    // Assess
    const [[authorizerId, authorizer]] = resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      IdentitySource: [`route.request.querystring.${spec.tokenParameter}`],
    });
    expect(JSON.stringify(authorizer.Properties?.AuthorizerUri)).toContain(
      inventory.functions[spec.authorizer],
    );
    const byKey = Object.fromEntries(routes.map(([, r]) => [r.Properties?.RouteKey, r.Properties]));
    expect(byKey.$connect).toMatchObject({
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: authorizerId },
    });
    expect(byKey.$disconnect?.AuthorizationType ?? 'NONE').toBe('NONE');
  });

  it('has a stage that deploys itself, throttled and access-logged', () => {
    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: apiId },
      StageName: spec.stage,
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('connectionId') },
    });
  });

  it('keeps connections in their own table, which drops stale ones by TTL', () => {
    // Assess
    const tableId = inventory.tables[spec.connectionsTable];
    expect(template.toJSON().Resources[tableId].Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('routes every domain event to the fan-out, which gets the management endpoint', () => {
    // Assess
    const rule = inventory.rules.find((r) => r.name === spec.rule)!;
    expect(rule.pattern).toEqual({ source: [{ prefix: 'tradeflow.' }] });
    expect(rule.targets.map((t) => t.function)).toEqual([spec.fanOut]);
    expect(rule.targets[0].deadLetterQueue).toBeDefined();
    const fanOut = template.toJSON().Resources[inventory.functions[spec.fanOut]];
    const endpoint = JSON.stringify(fanOut.Properties.Environment.Variables[spec.endpointEnvVar]);
    expect(endpoint).toContain(apiId);
    expect(endpoint).toContain(`/${spec.stage}`);
    expect(endpoint).toMatch(/^\{"Fn::Join":\["",\["https:\/\//);
  });

  it('lets only the fan-out manage connections, of this API stage only', () => {
    // Assess
    const managing = Object.entries(inventory.functions).filter(([, id]) =>
      roleStatements(template, functionRoleId(template, id)).some((s) =>
        s.Action.some((a) => a.startsWith('execute-api:')),
      ),
    );
    expect(managing.map(([name]) => name)).toEqual([spec.fanOut]);
    const statements = roleStatements(
      template,
      functionRoleId(template, inventory.functions[spec.fanOut]),
    ).filter((s) => s.Action.some((a) => a.startsWith('execute-api:')));
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toEqual(['execute-api:ManageConnections']);
    const resource = JSON.stringify(statements[0].Resource);
    expect(resource).toContain(`{"Ref":"${apiId}"}`);
    expect(resource).toContain(`/${spec.stage}/*/@connections/*`);
  });
});
