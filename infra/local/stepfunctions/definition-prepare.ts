import { rewriteContextPaths } from './context-object';
import { checkSupported } from './definition-check';
import { DefinitionError } from './definition-error';
import { checkStructure } from './definition-structure';
import { type AslObject, everyString, isAslObject, rewriteStrings, walkStates } from './state-walk';

/** How a Task state (or a Wait state turned into one) runs locally. */
export type TaskKind = 'lambda-invoke' | 'lambda-callback' | 'lambda-function' | 'wait';

export interface TaskSpec {
  name: string;
  kind: TaskKind;
  /** The Resource as written in the ASL. */
  resource: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface PreparedDefinition {
  /** What the engine runs: timeouts, waits and retry intervals rewritten for local control. */
  runDefinition: AslObject;
  tasks: TaskSpec[];
  /** The ASL type of every state by name, as written (Wait states run as Tasks). */
  stateTypes: Map<string, string>;
  /** Names of the states inside each Map/Parallel state, to drop waits of an abandoned branch. */
  nestedStates: Map<string, Set<string>>;
  /** The execution's own TimeoutSeconds, enforced by the server (in ASL seconds). */
  timeoutSeconds?: number;
  /** Features that run but do not replay the same after a restart. */
  warnings: string[];
}

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_FUNCTION_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;
/** Resource of a Wait state rewritten as a Task; the engine never sees it validated. */
export const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::tradeflow-local:wait';
/**
 * The engine races every task against a timer of TimeoutSeconds (60 s when absent). The server enforces
 * the real timeouts, so give the engine one it never reaches: ~23 days, under Node's timer limit.
 */
export const ENGINE_TASK_TIMEOUT_SECONDS = 2_000_000;

export function prepareDefinition(
  machineName: string,
  definition: object,
  timeScale: number,
): PreparedDefinition {
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error(`timeScale must be a positive number`);
  const original = jsonClone(definition);
  checkStructure(machineName, original);
  checkSupported(machineName, original);
  const run = rewriteStrings(jsonClone(definition), rewriteContextPaths) as AslObject;
  const prepared: PreparedDefinition = {
    runDefinition: run,
    tasks: [],
    stateTypes: new Map(),
    nestedStates: new Map(),
    warnings: nonDeterministicWarnings(original),
  };
  if (typeof run.TimeoutSeconds === 'number') prepared.timeoutSeconds = run.TimeoutSeconds;
  delete run.TimeoutSeconds;
  walkStates(run, (name, state, parents) => {
    prepared.stateTypes.set(name, String(state.Type));
    for (const parent of parents) {
      const nested = prepared.nestedStates.get(parent) ?? new Set<string>();
      prepared.nestedStates.set(parent, nested.add(name));
    }
    if (state.Type === 'Task') prepared.tasks.push(prepareTask(machineName, name, state));
    if (state.Type === 'Wait') prepared.tasks.push(waitAsTask(name, state));
    scaleRetries(state, timeScale);
    dropRootResultPaths(state);
  });
  return prepared;
}

/**
 * A copy made with JSON, not structuredClone: the engine only walks objects whose prototype is this
 * realm's Object.prototype, and structuredClone builds them in Node's main realm (jest runs in a VM).
 */
function jsonClone(definition: object): AslObject {
  return JSON.parse(JSON.stringify(definition)) as AslObject;
}

function prepareTask(machineName: string, name: string, state: AslObject): TaskSpec {
  const resource = String(state.Resource);
  const kind = taskKind(resource);
  if (!kind) {
    throw new DefinitionError(
      machineName,
      `state "${name}" uses Resource "${resource}"; supported: ${LAMBDA_INVOKE}, ${LAMBDA_CALLBACK} and Lambda function ARNs`,
    );
  }
  if (kind !== 'lambda-function') checkLambdaParameters(machineName, name, state.Parameters);
  const spec: TaskSpec = { name, kind, resource };
  if (typeof state.TimeoutSeconds === 'number') spec.timeoutSeconds = state.TimeoutSeconds;
  if (typeof state.HeartbeatSeconds === 'number') spec.heartbeatSeconds = state.HeartbeatSeconds;
  state.TimeoutSeconds = ENGINE_TASK_TIMEOUT_SECONDS;
  delete state.HeartbeatSeconds;
  return spec;
}

function taskKind(resource: string): TaskKind | undefined {
  if (resource === LAMBDA_INVOKE) return 'lambda-invoke';
  if (resource === LAMBDA_CALLBACK) return 'lambda-callback';
  if (LAMBDA_FUNCTION_ARN.test(resource)) return 'lambda-function';
  return undefined;
}

function checkLambdaParameters(machineName: string, name: string, parameters: unknown): void {
  const fail: (problem: string) => never = (problem) => {
    throw new DefinitionError(machineName, `state "${name}": ${problem}`);
  };
  if (!isAslObject(parameters)) fail('lambda:invoke needs Parameters with FunctionName');
  if (!('FunctionName' in parameters) && !('FunctionName.$' in parameters))
    fail('Parameters lack FunctionName');
  const invocationType = parameters.InvocationType;
  if (invocationType !== undefined && invocationType !== 'RequestResponse') {
    fail(`InvocationType "${String(invocationType)}" is not supported locally (only RequestResponse)`);
  }
}

/**
 * A Wait state runs as a Task with a local handler, so that its time scales (also for SecondsPath and
 * Timestamp) and its start is recorded: after a restart it waits only for what is left.
 */
function waitAsTask(name: string, state: AslObject): TaskSpec {
  const parameters: AslObject = { 'input.$': '$' };
  if ('Seconds' in state) parameters.seconds = state.Seconds;
  if ('Timestamp' in state) parameters.timestamp = state.Timestamp;
  if ('SecondsPath' in state) parameters['seconds.$'] = state.SecondsPath;
  if ('TimestampPath' in state) parameters['timestamp.$'] = state.TimestampPath;
  for (const field of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']) delete state[field];
  Object.assign(state, {
    Type: 'Task',
    Resource: LOCAL_WAIT_RESOURCE,
    Parameters: parameters,
    TimeoutSeconds: ENGINE_TASK_TIMEOUT_SECONDS,
  });
  return { name, kind: 'wait', resource: LOCAL_WAIT_RESOURCE };
}

/** Retry intervals run timeScale times faster; backoff and MaxDelaySeconds keep their shape. */
function scaleRetries(state: AslObject, timeScale: number): void {
  if (!Array.isArray(state.Retry) || timeScale === 1) return;
  for (const retrier of state.Retry.filter(isAslObject)) {
    const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
    retrier.IntervalSeconds = interval / timeScale;
    if (typeof retrier.MaxDelaySeconds === 'number') retrier.MaxDelaySeconds /= timeScale;
  }
}

/** The engine writes `ResultPath: "$"` into a field named "$"; leaving it out means the same in ASL. */
function dropRootResultPaths(state: AslObject): void {
  if (state.ResultPath === '$') delete state.ResultPath;
  if (!Array.isArray(state.Catch)) return;
  for (const catcher of state.Catch.filter(isAslObject)) {
    if (catcher.ResultPath === '$') delete catcher.ResultPath;
  }
}

function nonDeterministicWarnings(definition: AslObject): string[] {
  const warnings = new Set<string>();
  everyString(definition, (text) => {
    for (const fn of ['States.UUID', 'States.MathRandom']) {
      if (text.includes(fn)) {
        warnings.add(`${fn} makes task inputs differ on replay: tasks fed by it run again after a restart`);
      }
    }
  });
  return [...warnings];
}
