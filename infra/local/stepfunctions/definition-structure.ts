import { DefinitionError } from './definition-error';
import { type AslObject, isAslObject, nestedMachines } from './state-walk';

const STATE_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Map', 'Parallel']);
const TERMINAL_TYPES = new Set(['Choice', 'Succeed', 'Fail']);
const WAIT_FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];

/**
 * The structural checks the engine needs (it would otherwise fail mid-run on a missing state). Full
 * schema validation stays with asl-validator in the workflow tests: it recompiles its schemas at every
 * call, about half a second per machine, too slow for every start.
 */
export function checkStructure(machineName: string, machine: AslObject, scope = 'the machine'): void {
  const fail = (problem: string): never => {
    throw new DefinitionError(machineName, problem);
  };
  const states = isAslObject(machine.States) ? machine.States : fail(`${scope} has no States`);
  const exists = (target: unknown): boolean => typeof target === 'string' && isAslObject(states[target]);
  if (!exists(machine.StartAt)) fail(`${scope}: StartAt "${String(machine.StartAt)}" is not a state`);
  for (const [name, state] of Object.entries(states)) {
    if (!isAslObject(state) || !STATE_TYPES.has(String(state.Type)))
      fail(`state "${name}" has no valid Type`);
    const targets = transitionsOf(state as AslObject);
    for (const target of targets) {
      if (!exists(target))
        fail(`state "${name}" goes to "${String(target)}", which is not a state of ${scope}`);
    }
    checkState(name, state as AslObject, fail);
    for (const nested of nestedMachines(state as AslObject))
      checkStructure(machineName, nested, `a branch of "${name}"`);
  }
}

function transitionsOf(state: AslObject): unknown[] {
  const targets: unknown[] = [];
  if ('Next' in state) targets.push(state.Next);
  if ('Default' in state) targets.push(state.Default);
  for (const list of [state.Choices, state.Catch]) {
    if (Array.isArray(list)) targets.push(...list.filter(isAslObject).map((item) => item.Next));
  }
  return targets;
}

function checkState(name: string, state: AslObject, fail: (problem: string) => never): void {
  const type = String(state.Type);
  if (!TERMINAL_TYPES.has(type) && !('Next' in state) && state.End !== true)
    fail(`state "${name}" has neither Next nor End`);
  if (type === 'Choice' && (!Array.isArray(state.Choices) || state.Choices.length === 0)) {
    fail(`Choice state "${name}" has no Choices`);
  }
  if (type === 'Task' && typeof state.Resource !== 'string') fail(`Task state "${name}" has no Resource`);
  if (type === 'Wait' && WAIT_FIELDS.filter((field) => field in state).length !== 1) {
    fail(`Wait state "${name}" needs exactly one of ${WAIT_FIELDS.join(', ')}`);
  }
  if (type === 'Map' && nestedMachines(state).length !== 1)
    fail(`Map state "${name}" needs one ItemProcessor`);
  if (type === 'Parallel' && (!Array.isArray(state.Branches) || state.Branches.length === 0)) {
    fail(`Parallel state "${name}" has no Branches`);
  }
}
