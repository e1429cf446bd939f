import type { JsonScalar } from './leaf-matchers';

/**
 * Flattens an event as EventBridge's matcher (aws/event-ruler's Event) does: every leaf value under
 * its dot-joined path, arrays crushed out (a path may hold many values), empty arrays and empty
 * objects giving no field at all. Each value remembers which element of which array it came from,
 * so a match can refuse to combine fields from different elements of the same array.
 */
export interface EventField {
  value: JsonScalar;
  /** Array id → element index, for each array of objects or arrays the value sits in. */
  membership: ReadonlyMap<number, number>;
}

export type FlatEvent = ReadonlyMap<string, readonly EventField[]>;

export function flattenEvent(event: Record<string, unknown>): FlatEvent {
  const fields = new Map<string, EventField[]>();
  let arrays = 0;

  const add = (path: string, value: JsonScalar, membership: ReadonlyMap<number, number>) => {
    const list = fields.get(path);
    if (list) list.push({ value, membership });
    else fields.set(path, [{ value, membership }]);
  };

  const visit = (path: string | undefined, node: unknown, membership: ReadonlyMap<number, number>): void => {
    if (Array.isArray(node)) {
      const id = arrays++;
      node.forEach((element, index) => {
        // Scalars in an array are alternatives of the same field; objects and arrays are elements.
        if (typeof element === 'object' && element !== null) {
          visit(path, element, new Map(membership).set(id, index));
        } else {
          visit(path, element, membership);
        }
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node))
        visit(path === undefined ? key : `${path}.${key}`, child, membership);
    } else if (path !== undefined && isScalar(node)) {
      add(path, node, membership);
    }
  };

  visit(undefined, event, new Map());
  return fields;
}

/** Two values can be matched together unless they sit in different elements of the same array. */
export function consistent(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  for (const [id, index] of a) {
    const other = b.get(id);
    if (other !== undefined && other !== index) return false;
  }
  return true;
}

function isScalar(x: unknown): x is JsonScalar {
  return x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}
