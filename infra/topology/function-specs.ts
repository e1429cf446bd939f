import type { FunctionSpec } from './types';

/** An API Gateway handler, `functions/api/<name>.ts`: 256 MB, 10 s (API Gateway gives up at 29 s). */
export const apiFunction = (
  name: string,
  description: string,
  access: FunctionSpec['access'],
): FunctionSpec => ({
  name,
  kind: 'api',
  entry: `functions/api/${name}.ts`,
  description,
  memoryMb: 256,
  timeoutSeconds: 10,
  access,
});

/** A workflow task, `functions/steps/<name>.ts`: 256 MB, 15 s unless it says. */
export const stepFunction = (
  name: string,
  description: string,
  access: FunctionSpec['access'],
  timeoutSeconds = 15,
): FunctionSpec => ({
  name,
  kind: 'step',
  entry: `functions/steps/${name}.ts`,
  description,
  memoryMb: 256,
  timeoutSeconds,
  access,
});

/** The same maker, giving `[name, spec]` entries for `Topology.functions`. */
export function keyed<A extends unknown[]>(make: (...args: A) => FunctionSpec) {
  return (...args: A): [string, FunctionSpec] => {
    const spec = make(...args);
    return [spec.name, spec];
  };
}
