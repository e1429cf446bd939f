import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { errorBody } from '../../infra/aws/api-policies';
import { TradeflowStack } from '../../infra/aws/tradeflow-stack';
import { topology } from '../../infra/topology';
import { isOpenRoute } from '../../infra/topology/types';
import { fastAppProps, synthesizeTemplate } from './stack-template';
import { referencedId, resource, resourcesOfType, templateInventory } from './template-inventory';

describe('API Gateway REST API', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);
  const [[apiId]] = resourcesOfType(template, 'AWS::ApiGateway::RestApi');
  const [[stageId, stage]] = resourcesOfType(template, 'AWS::ApiGateway::Stage');
  const [[authorizerId, authorizer]] = resourcesOfType(template, 'AWS::ApiGateway::Authorizer');

  it('takes API keys from the authorizer', () => {
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      Name: topology.api.name,
      ApiKeySourceType: 'AUTHORIZER',
    });
  });

  it('has the declared stage, traced, with access logs and execution logging', () => {
    // Assess
    expect(stage.Properties).toMatchObject({
      StageName: topology.api.stage,
      TracingEnabled: true,
      MethodSettings: [
        expect.objectContaining({ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR' }),
      ],
    });
    const accessLogs = stage.Properties?.AccessLogSetting as { DestinationArn: unknown; Format: string };
    expect(resource(template, referencedId(accessLogs.DestinationArn)).Type).toBe('AWS::Logs::LogGroup');
    expect(accessLogs.Format).toContain('$context.requestId');
  });

  it('gives API Gateway a CloudWatch role for its logs', () => {
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Account', {
      CloudWatchRoleArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
  });

  it('has a REQUEST authorizer on the declared function, with the declared identity sources and TTL', () => {
    // Assess
    expect(authorizer.Properties).toMatchObject({
      Type: 'REQUEST',
      AuthorizerResultTtlInSeconds: topology.api.authorizer.resultsTtlSeconds,
    });
    const sources = topology.api.authorizer.identitySources;
    if (sources.length)
      expect(authorizer.Properties?.IdentitySource).toBe(
        sources.map((name) => `method.request.header.${name}`).join(','),
      );
    else expect(authorizer.Properties).not.toHaveProperty('IdentitySource');
    expect(referencedId(authorizer.Properties?.AuthorizerUri)).toBe(
      inventory.functions[topology.api.authorizer.function],
    );
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [inventory.functions[topology.api.authorizer.function], 'Arn'] },
    });
  });

  it('has exactly one method per topology route, each on its function', () => {
    // Assess
    const built = inventory.routes.map((route) => `${route.method} ${route.path} ${route.function}`).sort();
    const declared = topology.api.routes
      .map((route) => `${route.method} ${route.path} ${route.function}`)
      .sort();
    expect(built).toEqual(declared);
  });

  describe.each(topology.api.routes)('$method $path', (spec) => {
    // Act
    const route = inventory.routes.find((built) => built.method === spec.method && built.path === spec.path);
    const properties = route ? (resource(template, route.logicalId).Properties ?? {}) : {};

    it('requires an API key and the authorizer (a webhook: its signature only), and validates its parameters', () => {
      // Assess
      if (isOpenRoute(spec.callers)) {
        expect(properties).toMatchObject({
          ApiKeyRequired: false,
          AuthorizationType: 'NONE',
          Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' },
        });
        expect(properties.AuthorizerId).toBeUndefined();
      } else
        expect(properties).toMatchObject({
          ApiKeyRequired: true,
          AuthorizationType: 'CUSTOM',
          AuthorizerId: { Ref: authorizerId },
          Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' },
        });
      const validator = resource(template, referencedId(properties.RequestValidatorId));
      expect(validator.Properties).toMatchObject({ ValidateRequestParameters: true });
      for (const [, name] of spec.path.matchAll(/\{([^}+]+)\+?\}/g)) {
        expect(properties.RequestParameters).toMatchObject({ [`method.request.path.${name}`]: true });
      }
    });

    it("checks its body with a draft-4 model of the handler's schema, when it has one", () => {
      // Prepare
      const models = properties.RequestModels as Record<string, unknown> | undefined;
      if (!spec.bodySchema) {
        // Assess
        expect(models).toBeUndefined();
        return;
      }
      // Act
      const model = resource(template, referencedId(models?.['application/json']));
      const validator = resource(template, referencedId(properties.RequestValidatorId));
      // Assess
      expect(model.Properties?.ContentType).toBe('application/json');
      expect(model.Properties?.Schema).toEqual({
        $schema: 'http://json-schema.org/draft-04/schema#',
        ...spec.bodySchema,
      });
      expect(validator.Properties).toMatchObject({ ValidateRequestBody: true });
    });
  });

  it('has a usage plan per entry, throttled as declared, on the stage', () => {
    // Assess
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', topology.api.usagePlans.length);
    for (const plan of topology.api.usagePlans) {
      template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
        UsagePlanName: `${topology.api.name}-${plan.name}`,
        Description: plan.description,
        Throttle: { RateLimit: plan.rateLimit, BurstLimit: plan.burstLimit },
        ApiStages: [Match.objectLike({ ApiId: { Ref: apiId }, Stage: { Ref: stageId } })],
      });
    }
  });

  it('answers with the API error shape where no function runs', () => {
    // Assess
    template.resourceCountIs('AWS::ApiGateway::GatewayResponse', topology.api.gatewayResponses.length);
    for (const response of topology.api.gatewayResponses) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: response.type,
        StatusCode: String(response.statusCode),
        ResponseTemplates: { 'application/json': errorBody(response) },
      });
    }
  });

  it("tells a client whose body the model refused the validator's words, in the error shape", () => {
    // Prepare
    const spec = topology.api.gatewayResponses.find((response) => response.type === 'BAD_REQUEST_BODY')!;
    // Act
    const body = errorBody(spec);
    // Assess
    expect(body).toBe(
      JSON.stringify({
        error: { code: 'INVALID_INPUT', message: `${spec.message}: $context.error.validationErrorString` },
      }),
    );
    expect(errorBody({ ...spec, type: 'THROTTLED' })).toBe(
      JSON.stringify({ error: { code: spec.code, message: spec.message } }),
    );
  });

  it('has one body model per route with a body schema, and some routes have one', () => {
    // Prepare
    const modelled = topology.api.routes.filter((route) => route.bodySchema);
    // Assess
    expect(modelled.length).toBeGreaterThan(0);
    template.resourceCountIs('AWS::ApiGateway::Model', modelled.length);
  });

  it('refuses authorizer caching without identity sources to key it', () => {
    // Prepare
    const cached = {
      ...topology,
      api: {
        ...topology.api,
        authorizer: { ...topology.api.authorizer, identitySources: [], resultsTtlSeconds: 300 },
      },
    };
    // Act
    const build = () => new TradeflowStack(new App(fastAppProps()), 'Cached', { topology: cached });
    // Assess
    expect(build).toThrow('identity sources');
  });

  it("caches the authorizer's results per the declared identity sources, for the declared TTL", () => {
    // Prepare
    const cached = {
      ...topology,
      api: {
        ...topology.api,
        authorizer: {
          ...topology.api.authorizer,
          identitySources: ['Authorization', 'X-Tenant'],
          resultsTtlSeconds: 300,
        },
      },
    };
    // Act
    const built = synthesizeTemplate(cached);
    // Assess
    built.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      AuthorizerResultTtlInSeconds: 300,
      IdentitySource: 'method.request.header.Authorization,method.request.header.X-Tenant',
    });
  });

  it('validates a modelled body with the route JSON Schema, verbatim', () => {
    // Prepare
    const bodySchema = { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } };
    const routes = topology.api.routes.map((route, index) =>
      index === 0 ? { ...route, bodySchema } : route,
    );
    // Act
    const modelled = synthesizeTemplate({ ...topology, api: { ...topology.api, routes } });
    // Assess
    modelled.hasResourceProperties('AWS::ApiGateway::Model', {
      ContentType: 'application/json',
      Schema: { $schema: 'http://json-schema.org/draft-04/schema#', ...bodySchema },
    });
    modelled.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });
});
