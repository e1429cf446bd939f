import { join } from 'node:path';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { Substitution, WorkflowSpec } from '../topology/types';
import { acknowledge } from './nag';
import { pascalCase } from './names';
import { tagWithTopologyName } from './tags';
import type { WorkflowRef } from './workflow-refs';

export interface WorkflowDependencies {
  rootDir: string;
  refs: Record<string, WorkflowRef>;
  functions: Record<string, IFunction>;
  tables: Record<string, Table>;
  bus: EventBus;
}

/** One Standard state machine per workflow, its ASL file the one source of its definition. */
export function buildWorkflows(
  scope: Construct,
  specs: Record<string, WorkflowSpec>,
  deps: WorkflowDependencies,
): Record<string, StateMachine> {
  const group = new Construct(scope, 'Workflows');
  const machines: Record<string, StateMachine> = {};
  for (const spec of Object.values(specs)) {
    const construct = new Construct(group, pascalCase(spec.name));
    const resolved = resolveSubstitutions(spec, deps);
    const machine = new StateMachine(construct, 'StateMachine', {
      stateMachineName: deps.refs[spec.name].stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(join(deps.rootDir, spec.definitionFile)),
      definitionSubstitutions: resolved.values,
      logs: {
        destination: new LogGroup(construct, 'Logs', { retention: RetentionDays.ONE_MONTH }),
        level: LogLevel.ALL,
        // Execution data carries buyers' names and addresses: keep it out of the logs.
        includeExecutionData: false,
      },
      tracingEnabled: true,
    });
    // The unqualified ARN only: the ASL invokes the function by the ARN it was given.
    for (const fn of resolved.invokes) {
      machine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
      );
    }
    // The only thing an ASL can do with the bus name is put events on it.
    if (resolved.usesBus) deps.bus.grantPutEventsTo(machine);
    acknowledge(
      machine.role.node.findChild('DefaultPolicy'),
      'AwsSolutions-IAM5[Resource::*]',
      'CloudWatch Logs delivery (logs:CreateLogDelivery etc.) and X-Ray actions support no resource-level permissions.',
    );
    tagWithTopologyName(construct, 'workflow', spec.name);
    machines[spec.name] = machine;
  }
  return machines;
}

interface ResolvedSubstitutions {
  values: Record<string, string>;
  invokes: IFunction[];
  usesBus: boolean;
}

/** What each `${Placeholder}` becomes on AWS, and what the machine must be allowed to call. */
function resolveSubstitutions(spec: WorkflowSpec, deps: WorkflowDependencies): ResolvedSubstitutions {
  const resolved: ResolvedSubstitutions = { values: {}, invokes: [], usesBus: false };
  for (const [placeholder, substitution] of Object.entries(spec.substitutions)) {
    resolved.values[placeholder] = resolveOne(spec, placeholder, substitution, deps, resolved);
  }
  return resolved;
}

function resolveOne(
  spec: WorkflowSpec,
  placeholder: string,
  substitution: Substitution,
  deps: WorkflowDependencies,
  resolved: ResolvedSubstitutions,
): string {
  const unknown = (what: string) =>
    new Error(`Workflow ${spec.name}: \${${placeholder}} names unknown ${what}`);
  switch (substitution.kind) {
    case 'functionArn': {
      const fn = deps.functions[substitution.function];
      if (!fn) throw unknown(`function ${substitution.function}`);
      resolved.invokes.push(fn);
      return fn.functionArn;
    }
    case 'tableName': {
      const table = deps.tables[substitution.table];
      if (!table) throw unknown(`table ${substitution.table}`);
      // No grant: WorkflowSpec does not say whether the machine reads or writes it itself.
      return table.tableName;
    }
    case 'busName':
      resolved.usesBus = true;
      return deps.bus.eventBusName;
    case 'value':
      return substitution.value;
  }
}
