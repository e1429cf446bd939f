import {
  type APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeyCommand,
  NotFoundException,
} from '@aws-sdk/client-api-gateway';
import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { makeApiGatewayKeys } from '../../../scripts/credentials/aws-api-keys';
import { makeCloudFormationOutputs } from '../../../scripts/credentials/aws-stack-outputs';

// The adapters with a stand-in `send`: what they ask the SDK for, and how they read its answers.

type Sent = { name: string; input: unknown };

function fakeClient<T>(answer: (command: object) => unknown, region = 'eu-west-1') {
  const sent: Sent[] = [];
  const client = {
    config: { region: async () => region },
    async send(command: { constructor: { name: string }; input: unknown }) {
      sent.push({ name: command.constructor.name, input: command.input });
      return answer(command);
    },
  };
  return { client: client as unknown as T, sent };
}

describe('the API Gateway keys adapter', () => {
  it('creates an enabled key with the given value', async () => {
    // Prepare
    const { client, sent } = fakeClient<APIGatewayClient>(() => ({ id: 'k1' }));

    // Act
    const key = await makeApiGatewayKeys(client).create({ name: 'n', value: 'tfk_v', description: 'd' });

    // Assess
    expect(key).toEqual({ id: 'k1' });
    expect(sent).toEqual([
      {
        name: CreateApiKeyCommand.name,
        input: { name: 'n', value: 'tfk_v', description: 'd', enabled: true },
      },
    ]);
  });

  it('finds a key by its exact name, with its value, across pages', async () => {
    // Prepare
    const pages = [
      { items: [{ id: 'k0', name: 'tradeflow-staff-old', value: 'v0', enabled: true }], position: 'p2' },
      { items: [{ id: 'k1', name: 'tradeflow-staff', value: 'tfu_v', enabled: true }] },
    ];
    const { client, sent } = fakeClient<APIGatewayClient>(() => pages.shift());

    // Act
    const key = await makeApiGatewayKeys(client).findByName('tradeflow-staff');

    // Assess
    expect(key).toEqual({ id: 'k1', value: 'tfu_v', enabled: true });
    expect(sent.map((call) => call.name)).toEqual([GetApiKeysCommand.name, GetApiKeysCommand.name]);
    expect(sent[0].input).toMatchObject({ nameQuery: 'tradeflow-staff', includeValues: true });
    expect(sent[1].input).toMatchObject({ position: 'p2' });
  });

  it('finds nothing when no key has the name', async () => {
    // Prepare
    const { client } = fakeClient<APIGatewayClient>(() => ({ items: [] }));

    // Act
    const key = await makeApiGatewayKeys(client).findByName('tradeflow-staff');

    // Assess
    expect(key).toBeUndefined();
  });

  it('tells whether a key is in a plan, and adds it as an API_KEY', async () => {
    // Prepare
    const { client, sent } = fakeClient<APIGatewayClient>((command) => {
      if (command instanceof GetUsagePlanKeyCommand && command.input.keyId === 'k2') {
        throw new NotFoundException({ message: 'Invalid Usage Plan Key identifier', $metadata: {} });
      }
      return {};
    });
    const keys = makeApiGatewayKeys(client);

    // Act
    const inPlan = await keys.inUsagePlan('k1', 'plan');
    const notInPlan = await keys.inUsagePlan('k2', 'plan');
    await keys.addToUsagePlan('k2', 'plan');

    // Assess
    expect([inPlan, notInPlan]).toEqual([true, false]);
    expect(sent.at(-1)).toEqual({
      name: CreateUsagePlanKeyCommand.name,
      input: { usagePlanId: 'plan', keyId: 'k2', keyType: 'API_KEY' },
    });
  });

  it('lets other errors through', async () => {
    // Prepare
    const { client } = fakeClient<APIGatewayClient>(() => {
      throw new Error('AccessDeniedException');
    });

    // Act
    const attempt = makeApiGatewayKeys(client).inUsagePlan('k1', 'plan');

    // Assess
    await expect(attempt).rejects.toThrow('AccessDeniedException');
  });
});

describe('the CloudFormation outputs adapter', () => {
  it('reads the stack outputs by name', async () => {
    // Prepare
    const { client, sent } = fakeClient<CloudFormationClient>(() => ({
      Stacks: [{ Outputs: [{ OutputKey: 'ApiId', OutputValue: 'abc' }, { OutputKey: 'Empty' }] }],
    }));

    // Act
    const outputs = await makeCloudFormationOutputs(client).read('Tradeflow');

    // Assess
    expect(outputs).toEqual({ ApiId: 'abc' });
    expect(sent).toEqual([{ name: DescribeStacksCommand.name, input: { StackName: 'Tradeflow' } }]);
  });

  it('says to deploy first when there is no such stack', async () => {
    // Prepare
    const { client } = fakeClient<CloudFormationClient>(() => {
      throw Object.assign(new Error('Stack with id Tradeflow does not exist'), { name: 'ValidationError' });
    });

    // Act
    const attempt = makeCloudFormationOutputs(client).read('Tradeflow');

    // Assess
    await expect(attempt).rejects.toThrow(
      'No stack named Tradeflow in eu-west-1: deploy first with npx cdk deploy (or name another stack with --stack).',
    );
  });
});
