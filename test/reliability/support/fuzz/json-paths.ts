/** Small helpers to address and change one node of a JSON value by its path. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = (string | number)[];
export type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonKind;
}

/** Every node below the root, parents before children. */
export function nodePaths(value: Json, prefix: JsonPath = []): JsonPath[] {
  if (!value || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...nodePaths(child, [...prefix, key])]);
}

export function valueAt(value: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) node = node && typeof node === 'object' ? (node as never)[key] : undefined;
  return node;
}

/** A copy with the node at `path` replaced (or removed when `next` is undefined). */
export function withValueAt(value: Json, path: JsonPath, next: Json | undefined): Json {
  if (!path.length) return next ?? null;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (next !== undefined) parent[last] = next;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

export const parsePath = (dotted: string): JsonPath =>
  dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
