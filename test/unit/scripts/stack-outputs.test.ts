import { stackName } from '../../../infra/aws/create-app';
import { DEFAULT_STACK, stackIds } from '../../../scripts/credentials/stack-outputs';

const outputs = {
  ApiUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/',
  ApiId: 'abc123',
  AccessTableName: 'Tradeflow-TablesAccess-XYZ',
  StorefrontsUsagePlanId: 'plan-sf',
  StaffUsagePlanId: 'plan-staff',
  EventBusName: 'tradeflow',
};

describe('the stack outputs the credentials script reads', () => {
  it('defaults to the stack the CDK app deploys', () => {
    // Assess
    expect(DEFAULT_STACK).toBe(stackName);
  });

  it('picks the access table, the usage plans and the API URL', () => {
    // Act
    const ids = stackIds('Tradeflow', outputs);

    // Assess
    expect(ids).toEqual({
      apiUrl: outputs.ApiUrl,
      accessTableName: 'Tradeflow-TablesAccess-XYZ',
      storefrontsUsagePlanId: 'plan-sf',
      staffUsagePlanId: 'plan-staff',
    });
  });

  it('asks for a deploy when the stack predates the outputs', () => {
    // Prepare
    const { AccessTableName: _table, StaffUsagePlanId: _plan, ...older } = outputs;

    // Act
    const read = () => stackIds('Tradeflow', older);

    // Assess
    expect(read).toThrow(
      'Stack Tradeflow has no output AccessTableName, StaffUsagePlanId: deploy this version first with npx cdk deploy.',
    );
  });
});
