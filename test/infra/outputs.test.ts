import { pascalCase } from '../../infra/aws/names';
import { topology } from '../../infra/topology';
import { synthesizeTemplate } from './stack-template';
import { resourcesOfType, templateInventory } from './template-inventory';

describe('stack outputs', () => {
  // Prepare
  const template = synthesizeTemplate();
  const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;

  it('gives the API URL and the live feed URL once each, under stable names', () => {
    // Assess
    const [[apiId]] = resourcesOfType(template, 'AWS::ApiGateway::RestApi');
    expect(JSON.stringify(outputs.ApiUrl.Value)).toContain(apiId);
    const urls = Object.values(outputs).filter((output) =>
      JSON.stringify(output.Value).includes('.execute-api.'),
    );
    const [[feedApiId]] = resourcesOfType(template, 'AWS::ApiGatewayV2::Api');
    expect(JSON.stringify(outputs.LiveFeedUrl.Value)).toContain(feedApiId);
    expect(JSON.stringify(outputs.LiveFeedUrl.Value)).toContain('wss://');
    expect(urls).toHaveLength(2);
  });

  it('gives the bus name and every state machine ARN', () => {
    // Act
    const inventory = templateInventory(template);
    const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus');
    // Assess
    expect(outputs.EventBusName.Value).toEqual({ Ref: busId });
    for (const name of Object.keys(topology.workflows)) {
      const machine = inventory.workflows[name];
      expect(Object.values(outputs).map((output) => output.Value)).toContainEqual({ Ref: machine });
    }
  });

  it('gives what `npm run credentials` reads: the API id, the access table and each usage plan id', () => {
    // Act
    const inventory = templateInventory(template);
    const [[apiId]] = resourcesOfType(template, 'AWS::ApiGateway::RestApi');
    const plans = resourcesOfType(template, 'AWS::ApiGateway::UsagePlan');
    const planId = (name: string) =>
      plans.find(([, cfn]) => cfn.Properties?.UsagePlanName === `${topology.api.name}-${name}`)?.[0];

    // Assess
    expect(outputs.ApiId.Value).toEqual({ Ref: apiId });
    expect(outputs.AccessTableName.Value).toEqual({ Ref: inventory.tables.access });
    expect(outputs.StorefrontsUsagePlanId.Value).toEqual({ Ref: planId('storefronts') });
    expect(outputs.StaffUsagePlanId.Value).toEqual({ Ref: planId('staff') });
  });

  it('gives one usage plan id per declared plan', () => {
    // Assess
    for (const plan of topology.api.usagePlans) {
      expect(outputs[`${pascalCase(plan.name)}UsagePlanId`]).toBeDefined();
    }
  });
});
