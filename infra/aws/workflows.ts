import { join } from 'node:path';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { substitutionValues } from '../topology/environment';
import type { WorkflowSpec } from '../topology/types';
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

/**
 * What each `${Placeholder}` becomes on AWS (the same mapping the local runtime uses,
 * `substitutionValues`, with CloudFormation names), and what the machine must be allowed to call.
 */
function resolveSubstitutions(spec: WorkflowSpec, deps: WorkflowDependencies): ResolvedSubstitutions {
  const unknown = (what: string) => new Error(`Workflow ${spec.name}: a placeholder names unknown ${what}`);
  const fn = (name: string) => {
    const found = deps.functions[name];
    if (!found) throw unknown(`function ${name}`);
    return found;
  };
  const values = substitutionValues(spec, {
    functionArn: (name) => fn(name).functionArn,
    table: (name) => {
      const table = deps.tables[name];
      if (!table) throw unknown(`table ${name}`);
      // No grant: WorkflowSpec does not say whether the machine reads or writes it itself.
      return table.tableName;
    },
    busName: () => deps.bus.eventBusName,
  });
  const substitutions = Object.values(spec.substitutions);
  return {
    values,
    invokes: substitutions.flatMap((s) => (s.kind === 'functionArn' ? [fn(s.function)] : [])),
    usesBus: substitutions.some((s) => s.kind === 'busName'),
  };
}
