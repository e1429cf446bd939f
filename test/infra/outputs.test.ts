import { topology } from '../../infra/topology';
import { synthesizeTemplate } from './stack-template';
import { resourcesOfType, templateInventory } from './template-inventory';

describe('stack outputs', () => {
  // Prepare
  const template = synthesizeTemplate();
  const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;

  it('gives the API URL once, under a stable name', () => {
    // Assess
    const [[apiId]] = resourcesOfType(template, 'AWS::ApiGateway::RestApi');
    expect(JSON.stringify(outputs.ApiUrl.Value)).toContain(apiId);
    const urls = Object.values(outputs).filter((output) =>
      JSON.stringify(output.Value).includes('.execute-api.'),
    );
    expect(urls).toHaveLength(1);
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
});
