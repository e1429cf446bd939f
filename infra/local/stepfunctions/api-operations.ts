import type {
  DescribeExecutionOutput,
  DescribeStateMachineOutput,
  ExecutionListItem,
  GetExecutionHistoryOutput,
  ListExecutionsOutput,
  ListStateMachinesOutput,
  StartExecutionOutput,
  StopExecutionOutput,
} from '@aws-sdk/client-sfn';
import { SfnApiError } from './api-error';
import type { Execution } from './execution';
import type { JsonObject } from './json';
import { optionalBoolean, optionalNumber, optionalString, paginate, requiredString } from './request-fields';
import type { StepFunctionsService } from './step-functions-service';

export type Operation = (body: JsonObject) => object | Promise<object>;

const STATUSES = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** The Step Functions JSON 1.0 operations, by the name after `AWSStepFunctions.` in X-Amz-Target. */
export function makeOperations(service: StepFunctionsService): Map<string, Operation> {
  return new Map<string, Operation>([
    [
      'StartExecution',
      (body): StartExecutionOutput => {
        const execution = service.start({
          stateMachineArn: requiredString(body, 'stateMachineArn'),
          name: optionalString(body, 'name'),
          input: optionalString(body, 'input'),
        });
        return { executionArn: execution.arn, startDate: execution.startDate };
      },
    ],
    [
      'DescribeExecution',
      (body) => describeExecution(service.execution(requiredString(body, 'executionArn'))),
    ],
    [
      'ListExecutions',
      (body): ListExecutionsOutput => {
        const machine = service.machine(requiredString(body, 'stateMachineArn'));
        const statusFilter = optionalString(body, 'statusFilter');
        if (statusFilter !== undefined && !STATUSES.has(statusFilter)) {
          throw new SfnApiError('ValidationException', `Invalid statusFilter: '${statusFilter}'`);
        }
        const matching = [...service.executions.values()]
          .reverse()
          .filter((execution) => execution.header.stateMachineArn === machine.machine.arn)
          .filter((execution) => statusFilter === undefined || execution.status === statusFilter)
          .sort((a, b) => b.header.startDate - a.header.startDate);
        const { page, nextToken } = paginate(
          matching,
          optionalNumber(body, 'maxResults'),
          optionalString(body, 'nextToken'),
        );
        return { executions: page.map(listItem), nextToken };
      },
    ],
    [
      'StopExecution',
      async (body): Promise<StopExecutionOutput> => {
        const execution = await service.stop(requiredString(body, 'executionArn'), {
          error: optionalString(body, 'error'),
          cause: optionalString(body, 'cause'),
        });
        return { stopDate: execution.stopDate };
      },
    ],
    [
      'GetExecutionHistory',
      (body): GetExecutionHistoryOutput => {
        const execution = service.execution(requiredString(body, 'executionArn'));
        const ordered = optionalBoolean(body, 'reverseOrder')
          ? [...execution.events].reverse()
          : execution.events;
        const { page, nextToken } = paginate(
          ordered,
          optionalNumber(body, 'maxResults'),
          optionalString(body, 'nextToken'),
        );
        return { events: page, nextToken };
      },
    ],
    [
      'DescribeStateMachine',
      (body): DescribeStateMachineOutput => {
        const { machine, roleArn, creationDate } = service.machine(requiredString(body, 'stateMachineArn'));
        return {
          stateMachineArn: machine.arn,
          name: machine.name,
          status: 'ACTIVE',
          definition: JSON.stringify(machine.definition),
          roleArn,
          type: 'STANDARD',
          creationDate,
          loggingConfiguration: { level: 'OFF', includeExecutionData: false },
          tracingConfiguration: { enabled: false },
        };
      },
    ],
    [
      'ListStateMachines',
      (body): ListStateMachinesOutput => {
        const all = [...service.machines.values()].map(({ machine, creationDate }) => ({
          stateMachineArn: machine.arn,
          name: machine.name,
          type: 'STANDARD' as const,
          creationDate,
        }));
        const { page, nextToken } = paginate(
          all,
          optionalNumber(body, 'maxResults'),
          optionalString(body, 'nextToken'),
        );
        return { stateMachines: page, nextToken };
      },
    ],
    [
      'SendTaskSuccess',
      (body) => {
        service.sendTaskSuccess(requiredString(body, 'taskToken'), requiredString(body, 'output'));
        return {};
      },
    ],
    [
      'SendTaskFailure',
      (body) => {
        const error = optionalString(body, 'error') ?? 'States.TaskFailed';
        service.tokens.fail(requiredString(body, 'taskToken'), error, optionalString(body, 'cause') ?? '');
        return {};
      },
    ],
    [
      'SendTaskHeartbeat',
      (body) => {
        service.tokens.heartbeat(requiredString(body, 'taskToken'));
        return {};
      },
    ],
  ]);
}

function describeExecution(execution: Execution): DescribeExecutionOutput {
  const { executionArn, stateMachineArn, name, input } = execution.header;
  return {
    executionArn,
    stateMachineArn,
    name,
    status: execution.status,
    startDate: execution.startDate,
    stopDate: execution.stopDate,
    input,
    inputDetails: { included: true },
    output: execution.output,
    outputDetails: execution.output === undefined ? undefined : { included: true },
    error: execution.error,
    cause: execution.cause,
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
}

function listItem(execution: Execution): ExecutionListItem {
  const { executionArn, stateMachineArn, name } = execution.header;
  return {
    executionArn,
    stateMachineArn,
    name,
    status: execution.status,
    startDate: execution.startDate,
    stopDate: execution.stopDate,
  };
}
