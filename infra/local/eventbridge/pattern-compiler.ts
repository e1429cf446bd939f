import { InvalidEventPatternError } from './invalid-event-pattern-error';
import { compileLeafMatcher, type LeafMatcher } from './leaf-matchers';

/**
 * Compiles an event pattern the way EventBridge's matcher (aws/event-ruler's JsonRuleCompiler) does:
 * nested keys become dot-joined paths (so `{"a": {"b": [..]}}` and `{"a.b": [..]}` are the same
 * field), each path keeps its list of alternatives, and every `$or` forks the rule, giving a list of
 * sub-rules of which any one has to match.
 */
export type SubRule = ReadonlyMap<string, readonly LeafMatcher[]>;

export interface CompiledEventPattern {
  subRules: readonly SubRule[];
}

/** AWS refuses a pattern whose `$or`s expand to more than this many combinations. */
export const MAX_OR_COMBINATIONS = 1000;

const OR = '$or';

// Field names event-ruler reserves inside `$or` objects (Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP).
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

type Rules = Map<string, readonly LeafMatcher[]>[];

/** Compiles a pattern given as a value or as JSON text; throws InvalidEventPatternError. */
export function compileEventPattern(pattern: unknown): CompiledEventPattern {
  const value = typeof pattern === 'string' ? parsePatternJson(pattern) : pattern;
  if (!isObject(value)) throw new InvalidEventPatternError('Filter is not an object');
  const rules: Rules = [];
  parseObject(rules, [], value, false);
  return { subRules: rules };
}

function parsePatternJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidEventPatternError((error as Error).message, undefined, { cause: error });
  }
}

function parseObject(rules: Rules, path: string[], object: Record<string, unknown>, insideOr: boolean): void {
  const keys = Object.keys(object);
  if (keys.length === 0) throw new InvalidEventPatternError('Empty objects are not allowed', at(path));
  for (const key of keys) {
    const child = object[key];
    if (key === OR) {
      parseOr(rules, path, child);
      continue;
    }
    if (insideOr && RESERVED_IN_OR.has(key)) {
      throw new InvalidEventPatternError(
        `${key} is Ruler reserved fieldName which cannot be used inside $or.`,
        at(path),
      );
    }
    if (isObject(child)) parseObject(rules, [...path, key], child, insideOr);
    else if (Array.isArray(child)) writeField(rules, [...path, key].join('.'), child);
    else throw new InvalidEventPatternError(`"${key}" must be an object or an array`, at([...path, key]));
  }
}

// Each object of the `$or` array forks a copy of the rules so far; the forks replace them.
function parseOr(rules: Rules, path: string[], alternatives: unknown): void {
  if (!Array.isArray(alternatives)) {
    throw new InvalidEventPatternError('It must be an Array followed with $or.', at(path));
  }
  const before = rules.map((rule) => new Map(rule));
  rules.length = 0;
  for (const alternative of alternatives) {
    if (!isObject(alternative)) {
      throw new InvalidEventPatternError(
        'Only JSON object is allowed in array of $or relationship.',
        at(path),
      );
    }
    const forked: Rules = before.length === 0 ? [new Map()] : before.map((rule) => new Map(rule));
    parseObject(forked, path, alternative, true);
    rules.push(...forked);
    if (rules.length > MAX_OR_COMBINATIONS) {
      throw new InvalidEventPatternError(
        `The $or in the pattern results in more than ${MAX_OR_COMBINATIONS} rule combinations`,
        at(path),
      );
    }
  }
  if (alternatives.length < 2) {
    throw new InvalidEventPatternError('There must have at least 2 Objects in $or relationship.', at(path));
  }
}

// A later key for the same path replaces an earlier one, as AWS documents for duplicate keys.
function writeField(rules: Rules, path: string, alternatives: unknown[]): void {
  const matchers = alternatives.map((alternative) => compileLeafMatcher(alternative, path));
  if (matchers.length === 0) throw new InvalidEventPatternError('Empty arrays are not allowed', path);
  if (rules.length === 0) rules.push(new Map());
  for (const rule of rules) rule.set(path, matchers);
}

function at(path: string[]): string | undefined {
  return path.length > 0 ? path.join('.') : undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
