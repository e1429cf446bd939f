import type { IndexSpec, TableSpec } from '../../infra/topology/types';

/**
 * DynamoDB's billing arithmetic for on-demand tables, on items in the wire format (AttributeValue
 * JSON: `{ S }`, `{ N }`, `{ M }`, `{ L }`...), following "Capacity unit consumption" in the DynamoDB
 * developer guide: item size, write units (1 KB steps, the larger of the item before and after), and
 * global secondary index writes.
 */

export type AttributeValue = Record<string, unknown>;
export type Item = Record<string, AttributeValue>;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Numbers: one byte per two significant digits, plus one (plus one more when negative). */
function numberSize(text: string): number {
  const negative = text.trim().startsWith('-');
  const mantissa = text
    .trim()
    .replace(/^[-+]/, '')
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  if (mantissa.length === 0) return 1;
  return Math.ceil(mantissa.length / 2) + 1 + (negative ? 1 : 0);
}

function binarySize(value: unknown): number {
  if (typeof value === 'string') return Buffer.from(value, 'base64').length;
  if (value instanceof Uint8Array) return value.length;
  return 0;
}

/** The size of one attribute value (without its name). */
export function valueSize(value: AttributeValue): number {
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(String(inner));
    case 'N':
      return numberSize(String(inner));
    case 'B':
      return binarySize(inner);
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (inner as string[]).reduce((sum, s) => sum + utf8(s), 0);
    case 'NS':
      return (inner as string[]).reduce((sum, n) => sum + numberSize(n), 0);
    case 'BS':
      return (inner as unknown[]).reduce<number>((sum, b) => sum + binarySize(b), 0);
    case 'L':
      // 3 bytes for the list, 1 byte per element.
      return 3 + (inner as AttributeValue[]).reduce((sum, element) => sum + 1 + valueSize(element), 0);
    case 'M':
      // 3 bytes for the map, 1 byte per entry, plus each entry's name and value.
      return (
        3 +
        Object.entries(inner as Item).reduce(
          (sum, [name, element]) => sum + 1 + utf8(name) + valueSize(element),
          0,
        )
      );
    default:
      return 0;
  }
}

/** An item's size: every attribute's name (UTF-8 bytes) and value. */
export function itemSize(item: Item | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

/** Write units of one write of `bytes` (1 KB steps, at least 1). */
export const writeUnitsFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

/** Read units of reading `bytes` (4 KB steps, at least one step); half for eventually consistent reads. */
export const readUnitsFor = (bytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

function keyOf(spec: TableSpec, item: Item): Item {
  const key: Item = { [spec.partitionKey.name]: item[spec.partitionKey.name] };
  if (spec.sortKey) key[spec.sortKey.name] = item[spec.sortKey.name];
  return key;
}

/** The table's primary key of a PutItem's item. */
export function primaryKey(spec: TableSpec, item: Item): Item {
  return keyOf(spec, item);
}

/** The index entry an item has, or undefined when it lacks the index's key attributes (sparse index). */
function indexEntry(table: TableSpec, index: IndexSpec, item: Item | undefined): Item | undefined {
  if (!item) return undefined;
  const keys = [index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])];
  for (const key of keys) {
    const value = item[key.name];
    if (!value || !(key.type in value)) return undefined;
  }
  if (index.projection === 'ALL') return item;
  const entry = keyOf(table, item);
  for (const key of keys) entry[key.name] = item[key.name];
  // INCLUDE: the named attributes too, so a change to one of them writes the index.
  const included = typeof index.projection === 'object' ? index.projection.include : [];
  for (const name of included) if (item[name] !== undefined) entry[name] = item[name];
  return entry;
}

/** JSON with object keys sorted, so two images of the same item compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value);
}

const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

export interface WriteUnits {
  /** Units on the table itself. */
  table: number;
  /** Units per global secondary index. */
  indexes: Record<string, number>;
}

/**
 * The write units of one item-level write (PutItem, UpdateItem, DeleteItem, or one request of a
 * BatchWriteItem) given the item before and after it:
 * - the table: the larger of the two item sizes, in 1 KB steps (a delete: the deleted item; at least 1);
 * - a condition that failed: the existing item's size (at least 1), and no index is written;
 * - each GSI: an entry added or removed costs one write of its size; a changed index key costs two
 *   (delete the old entry, put the new one); a change to projected attributes only (all of them, or
 *   those an INCLUDE projection names) costs one; an
 *   item in neither image, or whose entry did not change, costs nothing.
 */
export function writeUnits(
  table: TableSpec,
  before: Item | undefined,
  after: Item | undefined,
  outcome: 'written' | 'conditionFailed',
): WriteUnits {
  if (outcome === 'conditionFailed') return { table: writeUnitsFor(itemSize(before)), indexes: {} };
  const units: WriteUnits = {
    table: writeUnitsFor(Math.max(itemSize(before), itemSize(after))),
    indexes: {},
  };
  for (const index of table.indexes) {
    const old = indexEntry(table, index, before);
    const next = indexEntry(table, index, after);
    let cost = 0;
    if (old && next) {
      const keyNames = [index.partitionKey.name, ...(index.sortKey ? [index.sortKey.name] : [])];
      const keyChanged = keyNames.some((name) => !sameValue(old[name], next[name]));
      if (keyChanged) cost = writeUnitsFor(itemSize(old)) + writeUnitsFor(itemSize(next));
      else if (!sameValue(old, next)) cost = writeUnitsFor(Math.max(itemSize(old), itemSize(next)));
    } else if (next) cost = writeUnitsFor(itemSize(next));
    else if (old) cost = writeUnitsFor(itemSize(old));
    if (cost) units.indexes[index.name] = cost;
  }
  return units;
}
