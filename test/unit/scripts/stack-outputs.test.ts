import { stackName } from '../../../infra/aws/create-app';
import { DEFAULT_STACK, stackIds } from '../../../scripts/credentials/stack-outputs';

const outputs = {
  ApiUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/',
  ApiId: 'abc123',
  AccessTableName: 'Tradeflow-TablesAccess-XYZ',
  StorefrontsUsagePlanId: 'plan-sf',
  StaffUserPoolId: 'eu-west-1_AbCdEf123',
  EventBusName: 'tradeflow',
};

describe('the stack outputs the credentials script reads', () => {
  it('defaults to the stack the CDK app deploys', () => {
    // Assess
    expect(DEFAULT_STACK).toBe(stackName);
  });

  it('picks the access table, the storefronts plan, the staff pool and the API URL', () => {
    // Act
    const ids = stackIds('Tradeflow', outputs);

    // Assess
    expect(ids).toEqual({
      apiUrl: outputs.ApiUrl,
      accessTableName: 'Tradeflow-TablesAccess-XYZ',
      storefrontsUsagePlanId: 'plan-sf',
      staffUserPoolId: 'eu-west-1_AbCdEf123',
    });
  });

  it('asks for a deploy when the stack predates the outputs', () => {
    // Prepare
    const { AccessTableName: _table, StaffUserPoolId: _pool, ...older } = outputs;

    // Act
    const read = () => stackIds('Tradeflow', older);

    // Assess
    expect(read).toThrow(
      'Stack Tradeflow has no output AccessTableName, StaffUserPoolId: deploy this version first with npx cdk deploy.',
    );
  });
});
