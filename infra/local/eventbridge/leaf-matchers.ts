import { InvalidEventPatternError } from './invalid-event-pattern-error';
import { ipInRange, looksLikeIp, parseCidr, parseIp } from './ip-address';
import { ignoreCaseRegex, wildcardMatcher } from './string-patterns';

/**
 * One alternative in a pattern's leaf array (`"state": ["running", { "prefix": "stop" }]`), compiled
 * to a test on one value of the event. The checks and their reasons follow aws/event-ruler's
 * JsonRuleCompiler, the matcher EventBridge runs; the tests follow its ByteMachine:
 * - string filters (prefix, suffix, equals-ignore-case, wildcard, cidr) only match strings;
 * - numeric filters and numbers in a leaf compare numbers as numbers (300 matches 300.0), never strings;
 * - anything-but excludes values of its own kind only, so it matches null, booleans and the other kind.
 */
export type JsonScalar = string | number | boolean | null;

export type LeafMatcher =
  | { kind: 'exists'; present: boolean }
  | { kind: 'value'; test: (value: JsonScalar) => boolean };

type Test = (value: JsonScalar) => boolean;

/** Compiles one element of a leaf array; `at` is the field's path, for error messages. */
export function compileLeafMatcher(element: unknown, at: string): LeafMatcher {
  if (typeof element === 'string') return { kind: 'value', test: exactString(element) };
  if (typeof element === 'number') {
    finiteNumber(element, at);
    return { kind: 'value', test: (value) => value === element };
  }
  if (element === null || typeof element === 'boolean') {
    return { kind: 'value', test: (value) => value === element };
  }
  if (isObject(element)) return compileMatchExpression(element, at);
  throw new InvalidEventPatternError('Match value must be String, number, true, false, or null', at);
}

// An exact string that is an IP address matches the same address written another way.
function exactString(text: string): Test {
  const ip = looksLikeIp(text) ? parseIp(text) : undefined;
  if (!ip) return (value) => value === text;
  return (value) => {
    if (typeof value !== 'string') return false;
    if (value === text) return true;
    const other = looksLikeIp(value) ? parseIp(value) : undefined;
    return other !== undefined && other.version === ip.version && other.value === ip.value;
  };
}

function compileMatchExpression(expression: Record<string, unknown>, at: string): LeafMatcher {
  const [name, ...others] = Object.keys(expression);
  if (name === undefined) fail('Match expression name not found', at);
  const operand = expression[name];
  const matcher = compileOperator(name, operand, at);
  if (others.length > 0) {
    fail(`Only one key allowed in match expression, found ${[name, ...others].join(', ')}`, at);
  }
  return matcher;
}

function compileOperator(name: string, operand: unknown, at: string): LeafMatcher {
  switch (name) {
    case 'exactly':
      return value(exactString(requireString(operand, 'exact match pattern must be a string', at)));
    case 'prefix':
      return value(compilePrefix(operand, at));
    case 'suffix':
      return value(compileSuffix(operand, at));
    case 'equals-ignore-case': {
      const text = requireString(operand, 'equals-ignore-case match pattern must be a string', at);
      return value(stringTest(ignoreCaseRegex(text, '^', '$')));
    }
    case 'wildcard':
      return value(
        stringMatcher(wildcard(requireString(operand, 'wildcard match pattern must be a string', at), at)),
      );
    case 'numeric':
      return value(compileNumeric(operand, at));
    case 'cidr':
      return value(compileCidr(operand, at));
    case 'anything-but':
      return value(compileAnythingBut(operand, at));
    case 'exists':
      if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.', at);
      return { kind: 'exists', present: operand };
    default:
      return fail(`Unrecognized match type ${name}`, at);
  }
}

function compilePrefix(operand: unknown, at: string): Test {
  if (isObject(operand)) {
    const text = ignoreCaseOperand(operand, 'Prefix', at);
    return stringTest(ignoreCaseRegex(text, '^', ''));
  }
  const prefix = requireString(operand, 'prefix match pattern must be a string', at);
  return (value) => typeof value === 'string' && value.startsWith(prefix);
}

function compileSuffix(operand: unknown, at: string): Test {
  if (isObject(operand)) {
    const text = ignoreCaseOperand(operand, 'Suffix', at);
    return stringTest(ignoreCaseRegex(text, '', '$'));
  }
  const suffix = requireString(operand, 'suffix match pattern must be a string', at);
  return (value) => typeof value === 'string' && value.endsWith(suffix);
}

// `{ "prefix": { "equals-ignore-case": "..." } }` and the same for suffix.
function ignoreCaseOperand(operand: Record<string, unknown>, label: 'Prefix' | 'Suffix', at: string): string {
  const [name, ...others] = Object.keys(operand);
  if (name === undefined) fail(`${label} expression name not found`, at);
  if (name !== 'equals-ignore-case') fail(`Unsupported ${label.toLowerCase()} pattern: ${name}`, at);
  const text = requireString(operand[name], 'equals-ignore-case match pattern must be a string', at);
  if (others.length > 0) fail('Only one key allowed in match expression', at);
  return text;
}

function compileNumeric(operand: unknown, at: string): Test {
  if (!Array.isArray(operand)) fail('Value of numeric must be an array.', at);
  const [operator, first, secondOperator, second, ...extra] = operand;
  if (typeof operator !== 'string') fail(`Invalid member in numeric match: ${describe(operator)}`, at);
  const bound = (operand: unknown, op: string): number => {
    if (typeof operand !== 'number') fail(`Value of ${op === '=' ? 'equals' : op} must be numeric`, at);
    return finiteNumber(operand, at);
  };
  const onlyOne = () => {
    if (operand.length > 2) fail('Too many elements in numeric expression', at);
  };
  switch (operator) {
    case '=': {
      const target = bound(first, '=');
      onlyOne();
      return (value) => typeof value === 'number' && value === target;
    }
    case '<':
    case '<=': {
      const top = bound(first, operator);
      onlyOne();
      return operator === '<' ? numberTest((n) => n < top) : numberTest((n) => n <= top);
    }
    case '>':
    case '>=': {
      const bottom = bound(first, operator);
      const above = operator === '>' ? (n: number) => n > bottom : (n: number) => n >= bottom;
      if (operand.length === 2) return numberTest(above);
      if (typeof secondOperator !== 'string') {
        fail(`Bad value in numeric range: ${describe(secondOperator)}`, at);
      }
      if (secondOperator !== '<' && secondOperator !== '<=') {
        fail(`Bad numeric range operator: ${secondOperator}`, at);
      }
      const top = bound(second, secondOperator);
      if (extra.length > 0) fail('Too many terms in numeric range expression', at);
      if (!(bottom < top)) fail('Bottom must be less than top', at);
      const below = secondOperator === '<' ? (n: number) => n < top : (n: number) => n <= top;
      return numberTest((n) => above(n) && below(n));
    }
    default:
      return fail(`Unrecognized numeric range operator: ${operator}`, at);
  }
}

function compileCidr(operand: unknown, at: string): Test {
  const text = requireString(operand, 'cidr match pattern must be a string', at);
  let range: ReturnType<typeof parseCidr>;
  try {
    range = parseCidr(text);
  } catch (error) {
    return fail((error as Error).message, at);
  }
  return (value) => {
    if (typeof value !== 'string' || !looksLikeIp(value)) return false;
    const address = parseIp(value);
    return address !== undefined && ipInRange(address, range);
  };
}

const ANYTHING_BUT_SETS = ['equals-ignore-case', 'prefix', 'suffix', 'wildcard'] as const;
type AnythingButSet = (typeof ANYTHING_BUT_SETS)[number];

function compileAnythingBut(operand: unknown, at: string): Test {
  if (isObject(operand)) return compileAnythingButSet(operand, at);
  const excluded = Array.isArray(operand) ? operand : [operand];
  if (!Array.isArray(operand) && typeof operand !== 'string' && typeof operand !== 'number') {
    fail('Value of anything-but must be an array or single string/number value.', at);
  }
  for (const item of excluded) {
    if (typeof item !== 'string' && typeof item !== 'number') {
      fail('Inside anything but list, start|null|boolean is not supported.', at);
    }
    if (typeof item === 'number') finiteNumber(item, at);
  }
  const strings = excluded.every((item) => typeof item === 'string');
  const numbers = excluded.every((item) => typeof item === 'number');
  if (excluded.length === 0 || (!strings && !numbers)) {
    fail('Inside anything but list, either all values are number or string, mixed type is not supported', at);
  }
  const set = new Set<JsonScalar>(excluded as JsonScalar[]);
  const kind = strings ? 'string' : 'number';
  return (value) => !(typeof value === kind && set.has(value));
}

function compileAnythingButSet(operand: Record<string, unknown>, at: string): Test {
  const [name, ...others] = Object.keys(operand);
  if (name === undefined) fail('Anything-But expression name not found', at);
  if (!(ANYTHING_BUT_SETS as readonly string[]).includes(name)) {
    fail(`Unsupported anything-but pattern: ${name}`, at);
  }
  const type = name as AnythingButSet;
  const inner = operand[name];
  if (!Array.isArray(inner) && typeof inner !== 'string' && typeof inner !== 'number') {
    fail('Value of anything-but must be an array or single string/number value.', at);
  }
  const texts = (Array.isArray(inner) ? inner : [inner]).map((item) => anythingButSetItem(type, item, at));
  if (others.length > 0) fail('Only one key allowed in match expression', at);
  const excluded = texts.map((text) => excludedBy(type, text, at));
  return (value) => !(typeof value === 'string' && excluded.some((test) => test(value)));
}

function anythingButSetItem(type: AnythingButSet, item: unknown, at: string): string {
  if (typeof item !== 'string') {
    if (type === 'equals-ignore-case') {
      fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.', at);
    }
    fail(
      type === 'wildcard'
        ? 'wildcard match pattern must be a string'
        : 'prefix/suffix match pattern must be a string',
      at,
    );
  }
  if ((type === 'prefix' || type === 'suffix') && item === '') fail('Null prefix/suffix not allowed', at);
  return item;
}

function excludedBy(type: AnythingButSet, text: string, at: string): (value: string) => boolean {
  switch (type) {
    case 'prefix':
      return (value) => value.startsWith(text);
    case 'suffix':
      return (value) => value.endsWith(text);
    case 'equals-ignore-case': {
      const regex = ignoreCaseRegex(text, '^', '$');
      return (value) => regex.test(value);
    }
    case 'wildcard': {
      return wildcard(text, at);
    }
  }
}

function wildcard(text: string, at: string): (value: string) => boolean {
  try {
    return wildcardMatcher(text);
  } catch (error) {
    return fail((error as Error).message, at);
  }
}

function stringTest(regex: RegExp): Test {
  return (value) => typeof value === 'string' && regex.test(value);
}

function stringMatcher(matches: (value: string) => boolean): Test {
  return (value) => typeof value === 'string' && matches(value);
}

function numberTest(test: (n: number) => boolean): Test {
  return (value) => typeof value === 'number' && test(value);
}

function value(test: Test): LeafMatcher {
  return { kind: 'value', test };
}

function requireString(operand: unknown, reason: string, at: string): string {
  if (typeof operand !== 'string') fail(reason, at);
  return operand;
}

// JSON numbers beyond double range parse as Infinity; the matcher cannot compare them.
function finiteNumber(n: number, at: string): number {
  if (!Number.isFinite(n)) fail(`Cannot compare number : ${n}`, at);
  return n;
}

function describe(operand: unknown): string {
  return operand === undefined ? '(nothing)' : JSON.stringify(operand);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fail(reason: string, at: string): never {
  throw new InvalidEventPatternError(reason, at);
}
