import { parseCommand } from '../../../scripts/credentials/args';
import { type CommandDeps, runCommand } from '../../../scripts/credentials/run-command';
import { makeInMemoryCredentialStore } from '../../../shared/adapters/in-memory/side-effects';
import { countingRandom, makeFakeApiKeys, makeFakeStackOutputs, sequentialIds } from './fakes';

const outputs = {
  ApiUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/',
  ApiId: 'abc123',
  AccessTableName: 'Tradeflow-TablesAccess-XYZ',
  StorefrontsUsagePlanId: 'plan-sf',
  StaffUserPoolId: 'eu-west-1_AbCdEf123',
};

function setup(stackOutputs = outputs) {
  const fake = makeFakeApiKeys();
  const store = makeInMemoryCredentialStore();
  const tables: string[] = [];
  const deps: CommandDeps = {
    stackOutputs: makeFakeStackOutputs(stackOutputs),
    apiKeys: fake.apiKeys,
    credentialStore: (tableName) => {
      tables.push(tableName);
      return store;
    },
    newId: sequentialIds(),
    random: countingRandom(),
  };
  const run = (...argv: string[]) => runCommand(parseCommand(argv), deps);
  return { ...fake, store, tables, run };
}

describe('npm run credentials', () => {
  it('create-storefront prints the key once, with the warning, and not the shop name', async () => {
    // Prepare
    const { run, keys, tables, store } = setup();

    // Act
    const printed = await run('create-storefront', '--name', 'Ana Buyer Trading');

    // Assess
    const secret = keys[0].value;
    expect(tables).toEqual(['Tradeflow-TablesAccess-XYZ']);
    expect(await store.findBySecret(secret)).toMatchObject({ id: 'sf_1', enabled: true });
    expect(printed.split(secret)).toHaveLength(2);
    expect(printed).toContain(`x-api-key: ${secret}`);
    expect(printed).toContain('shown only this once and is not stored anywhere in clear');
    expect(printed).toContain(outputs.ApiUrl);
    expect(printed).not.toContain('Ana Buyer');
  });

  it('staff-user-commands prints the AWS CLI commands for the stack pool and the role group', async () => {
    // Prepare
    const { run, calls, tables } = setup();

    // Act
    const printed = await run('staff-user-commands', '--role', 'logistics');

    // Assess
    const pool = '--region eu-west-1 --user-pool-id eu-west-1_AbCdEf123';
    expect(printed).toContain(`aws cognito-idp admin-create-user ${pool} --username "$EMAIL"`);
    expect(printed).toContain(
      `aws cognito-idp admin-add-user-to-group ${pool} --username "$EMAIL" --group-name logistics`,
    );
    expect(printed).toContain('exactly one role group');
    expect(calls).toEqual([]);
    expect(tables).toEqual(['Tradeflow-TablesAccess-XYZ']);
  });

  it('disable turns the credential off and says what that means', async () => {
    // Prepare
    const { run, keys, store } = setup();
    await run('create-storefront', '--name', 'Shop');
    const secret = keys[0].value;

    // Act
    const first = await run('disable', '--secret', secret);
    const again = await run('disable', '--secret', secret);

    // Assess
    expect(await store.findBySecret(secret)).toMatchObject({ enabled: false });
    expect(first).toBe('Storefront key sf_1 disabled: the API answers 403 to it from now on.');
    expect(again).toBe('Storefront key sf_1 was already disabled; nothing changed.');
  });

  it('asks for a deploy when there is no such stack', async () => {
    // Prepare
    const { run, calls } = setup();

    // Act
    const attempt = run('create-storefront', '--name', 'Shop', '--stack', 'Nope');

    // Assess
    await expect(attempt).rejects.toThrow('No stack named Nope: deploy first with npx cdk deploy.');
    expect(calls).toEqual([]);
  });

  it('asks for a deploy of this version when the stack lacks the outputs, before touching API Gateway', async () => {
    // Prepare
    const { StorefrontsUsagePlanId: _plan, ...older } = outputs;
    const { run, calls } = setup(older as typeof outputs);

    // Act
    const attempt = run('create-storefront', '--name', 'Shop');

    // Assess
    await expect(attempt).rejects.toThrow('has no output StorefrontsUsagePlanId: deploy this version first');
    expect(calls).toEqual([]);
  });

  it('answers the usage for --help without reading the stack', async () => {
    // Prepare
    const { run, tables } = setup();

    // Act
    const printed = await run('--help');

    // Assess
    expect(printed).toContain('Usage: npm run credentials -- <command>');
    expect(tables).toEqual([]);
  });
});
