import { consistent, type EventField, type FlatEvent, flattenEvent } from './event-flattener';
import type { LeafMatcher } from './leaf-matchers';
import { type CompiledEventPattern, compileEventPattern, type SubRule } from './pattern-compiler';

export { type FlatEvent, flattenEvent } from './event-flattener';
export { InvalidEventPatternError } from './invalid-event-pattern-error';
/**
 * EventBridge event patterns (content filtering), matched as AWS does. A pattern matches when one of
 * its sub-rules (one per `$or` combination) matches; a sub-rule matches when every field path in it
 * has a value in the event that one of its alternatives accepts (or, with `exists: false`, has no
 * value), all chosen values coming from the same element of any array of objects they sit in.
 */
export { type CompiledEventPattern, compileEventPattern } from './pattern-compiler';

/** Throws InvalidEventPatternError, with AWS' reason, for a pattern EventBridge would refuse. */
export function validateEventPattern(pattern: unknown): void {
  compileEventPattern(pattern);
}

/** Pattern and event as values or JSON text. Throws for an invalid pattern or an event that is not an object. */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  return matchesFlatEvent(compileEventPattern(pattern), flattenEvent(eventObject(event)));
}

/** For matching one event against many compiled patterns: flatten it once with flattenEvent. */
export function matchesFlatEvent(pattern: CompiledEventPattern, event: FlatEvent): boolean {
  return pattern.subRules.some((rule) => matchesSubRule(rule, event));
}

function eventObject(event: unknown): Record<string, unknown> {
  const value = typeof event === 'string' ? JSON.parse(event) : event;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('the event must be a JSON object');
  }
  return value as Record<string, unknown>;
}

interface FieldCheck {
  path: string;
  anyValue: boolean;
  absentOk: boolean;
  tests: ((value: EventField['value']) => boolean)[];
}

function fieldCheck(path: string, matchers: readonly LeafMatcher[]): FieldCheck {
  const check: FieldCheck = { path, anyValue: false, absentOk: false, tests: [] };
  for (const matcher of matchers) {
    if (matcher.kind === 'value') check.tests.push(matcher.test);
    else if (matcher.present) check.anyValue = true;
    else check.absentOk = true;
  }
  return check;
}

// A small backtracking search: pick, path by path, a value consistent with the ones already picked.
function matchesSubRule(rule: SubRule, event: FlatEvent): boolean {
  const checks = [...rule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, matchers]) => fieldCheck(path, matchers));
  const chosen: ReadonlyMap<number, number>[] = [];
  const absent: string[] = [];
  const fitsChosen = (field: EventField) =>
    chosen.every((membership) => consistent(membership, field.membership));

  const search = (index: number): boolean => {
    if (index === checks.length) {
      // A path counts as missing when no value of it could sit with the values chosen.
      return absent.every((path) => !(event.get(path) ?? []).some(fitsChosen));
    }
    const check = checks[index];
    const tried = new Set<ReadonlyMap<number, number>>();
    for (const field of event.get(check.path) ?? []) {
      // Values sharing an array element are interchangeable once one of them matched.
      if (tried.has(field.membership) || !fitsChosen(field)) continue;
      if (!check.anyValue && !check.tests.some((test) => test(field.value))) continue;
      tried.add(field.membership);
      chosen.push(field.membership);
      if (search(index + 1)) return true;
      chosen.pop();
    }
    if (check.absentOk) {
      absent.push(check.path);
      if (search(index + 1)) return true;
      absent.pop();
    }
    return false;
  };

  return search(0);
}
