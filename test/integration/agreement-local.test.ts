import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  EventBridgeClient,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ListEmailIdentitiesCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { localClientConfig, localNames } from '../../infra/local/local-aws';
import { topology } from '../../infra/topology';
import { identityDomain } from '../../infra/topology/environment';
import { synthesizeTemplate } from '../infra/stack-template';
import { propertiesOf, templateInventory } from '../infra/template-inventory';
import { type LocalSystem, startLocalSystem } from './support/local-system';

/**
 * The agreement, part 2: the running local system holds exactly what the topology declares and the
 * CDK template deploys — asked through the local parts' AWS APIs where they have one.
 */
describe('agreement, part 2: topology ↔ local runtime ↔ CDK template', () => {
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);
  const sorted = (values: string[]) => [...values].sort();
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
  });
  afterAll(() => system.stop());

  it('runs every function, each with the environment variables it has on AWS', () => {
    // Act
    const local = system.runtime.lambda.list();

    // Assess
    expect(sorted(local.map((fn) => fn.name))).toEqual(sorted(Object.keys(topology.functions)));
    expect(sorted(local.map((fn) => fn.name))).toEqual(sorted(Object.keys(inventory.functions)));
    for (const fn of local) {
      const properties = propertiesOf(template, inventory.functions[fn.name]) as {
        Environment?: { Variables?: Record<string, unknown> };
      };
      const onAws = Object.keys(properties.Environment?.Variables ?? {}).filter(
        (name) => name !== 'NODE_OPTIONS',
      );
      // The one local-only variable: the staff sign-in keys, which AWS fetches from Cognito instead.
      const localOnly = new Set([topology.staffSignIn.envVars.jwks]);
      const localEnv = Object.keys(fn.environment).filter((name) => !localOnly.has(name));
      expect({ fn: fn.name, env: sorted(localEnv) }).toEqual({
        fn: fn.name,
        env: sorted(onAws),
      });
    }
  });

  it('serves every route on its function', () => {
    const key = (route: { method: string; path: string; function: string }) =>
      `${route.method} ${route.path} → ${route.function}`;
    const local = sorted(system.runtime.api.routes().map(key));
    expect(local).toEqual(sorted(topology.api.routes.map(key)));
    expect(local).toEqual(sorted(inventory.routes.map(key)));
  });

  it('has every rule on the bus, with its pattern and targets (ListRules, ListTargetsByRule)', async () => {
    // Prepare
    const client = new EventBridgeClient(localClientConfig(system.runtime.info.endpoints.eventbridge));

    // Act
    // Ours, and the default bus's (SES' bounces and complaints arrive there).
    const buses = [topology.bus.name, 'default'];
    const onBuses = await Promise.all(
      buses.map(async (bus) => {
        const { Rules = [] } = await client.send(new ListRulesCommand({ EventBusName: bus }));
        return Rules.map((rule) => ({ rule, bus }));
      }),
    );
    const local = await Promise.all(
      onBuses.flat().map(async ({ rule, bus }) => {
        const { Targets = [] } = await client.send(
          new ListTargetsByRuleCommand({ Rule: rule.Name, EventBusName: bus }),
        );
        return JSON.stringify({
          name: rule.Name,
          pattern: JSON.parse(rule.EventPattern!),
          targets: Targets.map((t) => t.Id),
        });
      }),
    );
    client.destroy();

    // Assess
    const declared = topology.rules.map((rule) =>
      JSON.stringify({
        name: rule.name,
        pattern: rule.pattern,
        targets: rule.targets.map((t) => t.function),
      }),
    );
    const deployed = inventory.rules.map((rule) =>
      JSON.stringify({
        name: rule.name,
        pattern: rule.pattern,
        targets: rule.targets.map((t) => t.function),
      }),
    );
    expect(sorted(local)).toEqual(sorted(declared));
    expect(sorted(local)).toEqual(sorted(deployed));
  });

  it('matches events with the local matcher as the rules say (TestEventPattern)', async () => {
    // Prepare
    const client = new EventBridgeClient(localClientConfig(system.runtime.info.endpoints.eventbridge));
    const event = (detailType: string) =>
      JSON.stringify({
        id: '1',
        account: '000000000000',
        source: 'tradeflow.orders',
        time: '2026-11-27T10:00:00Z',
        region: 'us-east-1',
        resources: [],
        'detail-type': detailType,
        detail: {},
      });
    const pattern = JSON.stringify(topology.rules[0].pattern);

    // Act
    const hit = await client.send(
      new TestEventPatternCommand({ EventPattern: pattern, Event: event('OrderConfirmed') }),
    );
    const miss = await client.send(
      new TestEventPatternCommand({ EventPattern: pattern, Event: event('SomethingElse') }),
    );
    client.destroy();

    // Assess
    expect([hit.Result, miss.Result]).toEqual([true, false]);
  });

  it('has every schedule on its function', () => {
    const key = (schedule: { name: string; expression: string; function: string }) =>
      `${schedule.name} ${schedule.expression} → ${schedule.function}`;
    const local = sorted(system.runtime.scheduler.list().map(key));
    expect(local).toEqual(sorted(topology.schedules.map(key)));
    expect(local).toEqual(
      sorted(inventory.schedules.map((s) => key({ ...s, name: s.name.replace(`${topology.service}-`, '') }))),
    );
  });

  it('runs every workflow with all its placeholders substituted by local resources (DescribeStateMachine)', async () => {
    // Prepare
    const client = new SFNClient(localClientConfig(system.runtime.info.endpoints.sfn));
    const functionArns = new Set(system.runtime.lambda.list().map((fn) => fn.arn));

    for (const workflow of Object.values(topology.workflows)) {
      // Act
      const described = await client.send(
        new DescribeStateMachineCommand({ stateMachineArn: localNames.workflowArn(workflow.name) }),
      );

      // Assess
      expect(described.type).toBe('STANDARD');
      expect(described.definition).not.toMatch(/\$\{/);
      const referenced = [...described.definition!.matchAll(/"(arn:aws:lambda:[^"]+)"/g)].map(
        (match) => match[1],
      );
      expect(referenced.length).toBeGreaterThan(0);
      for (const arn of referenced) expect(functionArns).toContain(arn);
      expect(sorted(Object.keys(workflow.substitutions))).toEqual(inventory.substitutions[workflow.name]);
    }
    client.destroy();
  });

  it('has every table with its keys and indexes, every bucket and every email identity', async () => {
    // Prepare
    const endpoints = system.runtime.info.endpoints;
    const dynamodb = new DynamoDBClient(localClientConfig(endpoints.dynamodb));
    const s3 = new S3Client({ ...localClientConfig(endpoints.s3), forcePathStyle: true });
    const ses = new SESv2Client(localClientConfig(endpoints.sesv2));

    // Act
    const { TableNames = [] } = await dynamodb.send(new ListTablesCommand({}));
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
    const { EmailIdentities = [] } = await ses.send(new ListEmailIdentitiesCommand({}));

    // Assess
    expect(sorted(TableNames)).toEqual(sorted(Object.keys(topology.tables).map(localNames.table)));
    expect(sorted(Object.keys(inventory.tables))).toEqual(sorted(Object.keys(topology.tables)));
    for (const table of Object.values(topology.tables)) {
      const { Table } = await dynamodb.send(
        new DescribeTableCommand({ TableName: localNames.table(table.name) }),
      );
      expect(Table?.KeySchema?.map((key) => key.AttributeName)).toEqual([
        table.partitionKey.name,
        ...(table.sortKey ? [table.sortKey.name] : []),
      ]);
      expect(sorted((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName!))).toEqual(
        sorted(table.indexes.map((index) => index.name)),
      );
    }
    expect(sorted(Buckets.map((bucket) => bucket.Name!))).toEqual(
      sorted(Object.keys(topology.buckets).map(localNames.bucket)),
    );
    expect(sorted(EmailIdentities.map((identity) => identity.IdentityName!))).toEqual(
      sorted(Object.values(topology.emailIdentities).map((identity) => identityDomain(identity.fromAddress))),
    );
    for (const client of [dynamodb, s3, ses]) client.destroy();
  });
});
