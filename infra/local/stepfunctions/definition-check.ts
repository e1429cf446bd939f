import { DefinitionError } from './definition-error';
import { type AslObject, everyString, isAslObject, walkStates } from './state-walk';

// The engine silently ignores JSONata and variables, and has no distributed Map: refuse them loudly.
const UNSUPPORTED_FIELDS: Record<string, string> = {
  Assign: 'variables (Assign) are not supported',
  Arguments: 'JSONata (Arguments) is not supported; use JSONPath Parameters',
  Output: 'JSONata (Output) is not supported; use JSONPath OutputPath/ResultSelector',
  Credentials: 'cross-account task Credentials are not supported',
  TimeoutSecondsPath: 'TimeoutSecondsPath is not supported; use TimeoutSeconds',
  HeartbeatSecondsPath: 'HeartbeatSecondsPath is not supported; use HeartbeatSeconds',
  ItemReader: 'distributed Map (ItemReader) is not supported',
  ItemBatcher: 'distributed Map (ItemBatcher) is not supported',
  ResultWriter: 'distributed Map (ResultWriter) is not supported',
  ToleratedFailurePercentage: 'distributed Map failure tolerance is not supported',
  ToleratedFailurePercentagePath: 'distributed Map failure tolerance is not supported',
  ToleratedFailureCount: 'distributed Map failure tolerance is not supported',
  ToleratedFailureCountPath: 'distributed Map failure tolerance is not supported',
};

const CALLBACK_RESOURCE = /\.waitForTaskToken$/;

/** Throws DefinitionError for the first feature the local server cannot run. */
export function checkSupported(machineName: string, definition: AslObject): void {
  const fail = (problem: string): never => {
    throw new DefinitionError(machineName, problem);
  };
  if (definition.QueryLanguage === 'JSONata') fail('JSONata is not supported; write the ASL in JSONPath');
  const names = new Set<string>();
  walkStates(definition, (name, state) => {
    if (names.has(name))
      fail(`state name "${name}" is used twice (names must be unique in the whole machine)`);
    names.add(name);
    if (state.QueryLanguage === 'JSONata') fail(`state "${name}" uses JSONata; write it in JSONPath`);
    for (const [field, problem] of Object.entries(UNSUPPORTED_FIELDS)) {
      if (field in state) fail(`state "${name}": ${problem}`);
    }
    const processor = state.ItemProcessor;
    if (isAslObject(processor) && isAslObject(processor.ProcessorConfig)) {
      if (processor.ProcessorConfig.Mode === 'DISTRIBUTED')
        fail(`state "${name}": distributed Map is not supported`);
    }
    checkContextPaths(name, state, fail);
  });
}

function checkContextPaths(name: string, state: AslObject, fail: (problem: string) => never): void {
  const isCallback =
    state.Type === 'Task' && typeof state.Resource === 'string' && CALLBACK_RESOURCE.test(state.Resource);
  const own = { ...state, ItemProcessor: undefined, Iterator: undefined, Branches: undefined };
  everyString(own, (text) => {
    if (text.includes('$$.State.'))
      fail(`state "${name}" reads $$.State, which the local context object lacks`);
    if (text.includes('$$.Task.') && !isCallback) {
      fail(`state "${name}" reads $$.Task outside a .waitForTaskToken task`);
    }
  });
}
