import { topology } from '../../infra/topology';
import type { WorkflowAccess } from '../../infra/topology/types';
import { synthesizeTemplate } from './stack-template';
import {
  functionRoleId,
  type PolicyStatementJson,
  propertiesOf,
  referencedIds,
  resourcesOfType,
  roleStatements,
  templateInventory,
} from './template-inventory';

const readActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:Scan'];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const workflowActions: Record<WorkflowAccess, string[]> = {
  start: ['states:StartExecution'],
  callback: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
  read: ['states:DescribeExecution', 'states:GetExecutionHistory'],
};

/** Actions a function role may hold at all: its log group, X-Ray, and what `access` can grant. */
const allowedPrefixes = [
  'logs:',
  'xray:',
  'dynamodb:',
  's3:',
  'events:',
  'states:',
  'ses:',
  'apigateway:',
  // Only the live feed's fan-out: test/infra/live-feed.test.ts checks it is scoped to the feed's stage.
  'execute-api:ManageConnections',
];

const actions = (statements: PolicyStatementJson[]) => statements.flatMap((statement) => statement.Action);
const onAnyResource = (statements: PolicyStatementJson[]) =>
  statements.filter((statement) => statement.Resource.includes('*'));

// Prepare
const template = synthesizeTemplate();
const inventory = templateInventory(template);

describe('IAM: functions get exactly their declared access', () => {
  // Prepare
  const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus');
  const statementsOf = (name: string) =>
    roleStatements(template, functionRoleId(template, inventory.functions[name]));
  const onResource = (statements: PolicyStatementJson[], logicalId: string) =>
    statements.filter((statement) => referencedIds(statement.Resource).includes(logicalId));

  it('get-order may only read the orders table', () => {
    // Act
    const statements = statementsOf('get-order');
    // Assess
    const dynamodb = statements.filter((statement) =>
      statement.Action.some((a) => a.startsWith('dynamodb:')),
    );
    expect(actions(dynamodb)).toEqual(expect.arrayContaining(readActions));
    for (const action of writeActions) expect(actions(statements)).not.toContain(action);
    for (const statement of dynamodb) {
      expect(new Set(referencedIds(statement.Resource))).toEqual(new Set([inventory.tables.orders]));
    }
    expect(actions(statements).filter((a) => /^(events|states|ses|s3):/.test(a))).toEqual([]);
  });

  describe.each(Object.values(topology.functions))('$name', (spec) => {
    // Act
    const statements = statementsOf(spec.name);

    it('holds no wildcard action and nothing outside what its kind of access grants', () => {
      // Assess
      for (const statement of statements) expect(statement.Effect).toBe('Allow');
      for (const action of actions(statements)) {
        expect(action).not.toMatch(/\*$/);
        expect(allowedPrefixes.some((prefix) => action.startsWith(prefix))).toBe(true);
      }
    });

    it('uses `Resource: *` for X-Ray only (what its cdk-nag acknowledgement says)', () => {
      // Assess
      expect(new Set(actions(onAnyResource(statements)))).toEqual(
        new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']),
      );
    });

    it('writes logs to its own log group only', () => {
      // Assess
      const logs = statements.filter((statement) =>
        statement.Action.some((action) => action.startsWith('logs:')),
      );
      const logGroup = (
        propertiesOf(template, inventory.functions[spec.name]).LoggingConfig as { LogGroup: unknown }
      ).LogGroup;
      expect(logs.flatMap((statement) => referencedIds(statement.Resource))).toEqual(referencedIds(logGroup));
    });

    it('reads and writes only the tables it declares, in the declared mode', () => {
      // Assess
      for (const [name, id] of Object.entries(inventory.tables)) {
        const granted = actions(onResource(statements, id));
        const mode = spec.access.tables?.[name];
        if (!mode) expect(granted).toEqual([]);
        if (mode === 'read' || mode === 'readwrite')
          expect(granted).toEqual(expect.arrayContaining(readActions));
        if (mode === 'write' || mode === 'readwrite')
          expect(granted).toEqual(expect.arrayContaining(writeActions));
        if (mode === 'read') for (const action of writeActions) expect(granted).not.toContain(action);
        if (mode === 'write') for (const action of readActions) expect(granted).not.toContain(action);
      }
    });

    it('manages API keys only if it declares `usagePlanKeys`: finds plans and keys, makes keys, adds them to plans', () => {
      // Assess
      const apigateway = statements.filter((statement) =>
        statement.Action.some((a) => a.startsWith('apigateway:')),
      );
      if (!spec.access.usagePlanKeys?.length) {
        expect(apigateway).toEqual([]);
        return;
      }
      expect(new Set(actions(apigateway))).toEqual(new Set(['apigateway:GET', 'apigateway:POST']));
      const paths = (action: string) =>
        apigateway
          .filter((statement) => statement.Action.includes(action))
          .flatMap((statement) =>
            statement.Resource.map((arn) => JSON.stringify(arn).match(/::(\/[^"]*)/)?.[1]),
          );
      expect(paths('apigateway:GET').sort()).toEqual(['/apikeys', '/usageplans', '/usageplans/*/keys/*']);
      expect(paths('apigateway:POST').sort()).toEqual(['/apikeys', '/usageplans/*/keys']);
    });

    it('puts events on the bus only if it declares `bus`', () => {
      // Assess
      const putEvents = statements.filter((statement) => statement.Action.includes('events:PutEvents'));
      if (spec.access.bus) {
        expect(putEvents.flatMap((statement) => referencedIds(statement.Resource))).toEqual([busId]);
      } else {
        expect(putEvents).toEqual([]);
      }
    });

    it('touches workflows only as declared, on the declared machines', () => {
      // Assess
      const declared = spec.access.workflows ?? {};
      const expected = Object.values(declared).flatMap((modes) =>
        modes.flatMap((mode) => workflowActions[mode]),
      );
      const states = statements.filter((statement) => statement.Action.some((a) => a.startsWith('states:')));
      expect(new Set(actions(states))).toEqual(new Set(expected));
      for (const statement of states) {
        const arn = JSON.stringify(statement.Resource);
        const machine = Object.keys(declared).find((name) => arn.includes(`:${topology.service}-${name}`));
        expect(machine).toBeDefined();
      }
    });

    it('sends email only from the identities it declares', () => {
      // Assess
      const ses = statements.filter((statement) =>
        statement.Action.some((action) => action.startsWith('ses:')),
      );
      expect(ses.length > 0).toBe((spec.access.email ?? []).length > 0);
      for (const statement of ses) {
        expect(statement.Action.sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
        const arns = JSON.stringify(statement.Resource);
        for (const name of spec.access.email ?? []) {
          expect(arns).toContain(`:configuration-set/${topology.emailIdentities[name].configurationSet}"`);
        }
      }
    });

    it('reaches objects only in the buckets it declares', () => {
      // Assess
      for (const [name, id] of Object.entries(inventory.buckets)) {
        const granted = actions(onResource(statements, id));
        const mode = spec.access.buckets?.[name];
        if (!mode) expect(granted).toEqual([]);
        else expect(granted).toContain(mode === 'write' ? 's3:PutObject' : 's3:GetObject');
      }
    });
  });
});

describe('IAM: state machines and schedules invoke only their own functions', () => {
  describe.each(Object.values(topology.workflows))('workflow $name', (spec) => {
    // Act
    const roleId = referencedIds(propertiesOf(template, inventory.workflows[spec.name]).RoleArn)[0];
    const statements = roleStatements(template, roleId);

    it('invokes exactly the functions its ASL names, by unqualified ARN', () => {
      // Assess
      const invoke = statements.filter((statement) => statement.Action.includes('lambda:InvokeFunction'));
      const expected = Object.values(spec.substitutions).flatMap((s) =>
        s.kind === 'functionArn' ? [inventory.functions[s.function]] : [],
      );
      expect(new Set(invoke.flatMap((statement) => referencedIds(statement.Resource)))).toEqual(
        new Set(expected),
      );
      expect(JSON.stringify(invoke)).not.toContain(':*');
    });

    it('uses `Resource: *` for log delivery and X-Ray only (what its cdk-nag acknowledgement says)', () => {
      // Assess
      for (const action of actions(onAnyResource(statements))) expect(action).toMatch(/^(logs|xray):/);
    });
  });

  it.each(topology.schedules)('schedule $name may invoke its function and nothing else', (spec) => {
    // Act
    const entry = inventory.schedules.find((schedule) => schedule.function === spec.function);
    const target = propertiesOf(template, entry?.logicalId ?? '').Target as {
      RoleArn: unknown;
      DeadLetterConfig: { Arn: unknown };
    };
    const statements = roleStatements(template, referencedIds(target.RoleArn)[0]);
    // Assess
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [{ 'Fn::GetAtt': [inventory.functions[spec.function], 'Arn'] }],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [target.DeadLetterConfig.Arn] },
    ]);
  });
});
