/** ASL as plain objects: definitions arrive as JSON, so fields are checked where they are read. */
export type AslObject = { [key: string]: unknown };

export function isAslObject(value: unknown): value is AslObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state machines nested in a Map (ItemProcessor/Iterator) or Parallel (Branches) state. */
export function nestedMachines(state: AslObject): AslObject[] {
  const nested: AslObject[] = [];
  if (isAslObject(state.ItemProcessor)) nested.push(state.ItemProcessor);
  if (isAslObject(state.Iterator)) nested.push(state.Iterator);
  if (Array.isArray(state.Branches)) nested.push(...state.Branches.filter(isAslObject));
  return nested;
}

/** Visits every state, nested ones included, depth first; `parents` are the enclosing Map/Parallel states. */
export function walkStates(
  machine: AslObject,
  visit: (name: string, state: AslObject, parents: readonly string[]) => void,
  parents: readonly string[] = [],
): void {
  if (!isAslObject(machine.States)) return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (!isAslObject(state)) continue;
    visit(name, state, parents);
    for (const nested of nestedMachines(state)) walkStates(nested, visit, [...parents, name]);
  }
}

/** Every string in a definition (values only, not keys), for checks that look for paths. */
export function everyString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) everyString(item, visit);
  else if (isAslObject(value)) for (const item of Object.values(value)) everyString(item, visit);
}

/** Rewrites every string value (not keys) in place. */
export function rewriteStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => rewriteStrings(item, rewrite));
  if (isAslObject(value)) {
    for (const [key, item] of Object.entries(value)) value[key] = rewriteStrings(item, rewrite);
  }
  return value;
}
