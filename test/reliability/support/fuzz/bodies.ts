import fc from 'fast-check';
import { type Json, type JsonKind, kindOf, nodePaths, parsePath, valueAt, withValueAt } from './json-paths';
import type { RouteSample } from './route-samples';
import { awkwardText, edgeNumber, numberLikeText, oversizedText, textWithLoneSurrogate } from './text';

/** A body as sent: its text (or bytes), and the name of the generator that made it. */
export interface FuzzBody {
  generator: string;
  bytes: Buffer;
  /** A file sent as the body itself goes with its own Content-Type, not the fuzzed ones. */
  contentType?: string;
}

const named = (generator: string) => (text: string | Buffer) => ({
  generator,
  bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

/** A placeholder swapped for text JSON.stringify cannot make (deep nesting) after stringifying. */
const SPLICE = '\u0000splice\u0000';
const spliced = (value: Json, text: string) => JSON.stringify(value).replace(JSON.stringify(SPLICE), text);

/** A value of another JSON kind than `kind` (numbers and strings stand in for each other: amounts take both). */
function otherKind(kind: JsonKind): fc.Arbitrary<Json> {
  const all: [JsonKind[], fc.Arbitrary<Json>][] = [
    [['null'], fc.constant(null)],
    [['boolean'], fc.boolean()],
    [['number', 'string'], fc.oneof(edgeNumber, awkwardText())],
    [['array'], fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) as fc.Arbitrary<Json>],
    [['object'], fc.dictionary(awkwardText(), fc.jsonValue({ maxDepth: 2 })) as fc.Arbitrary<Json>],
  ];
  return fc.oneof(...all.filter(([kinds]) => !kinds.includes(kind)).map(([, arbitrary]) => arbitrary));
}

const deepText = fc
  .tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom('array', 'object'))
  .map(([depth, shape]) =>
    shape === 'array'
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/**
 * Bodies the route can only refuse: invalid JSON, JSON that is no object, and the valid sample with
 * one thing broken (a required field removed, a field of the wrong type, an unknown field, a string
 * longer than any field takes, nesting no field takes, a lone surrogate).
 */
export function refusedBodies(sample: RouteSample): fc.Arbitrary<FuzzBody> {
  const body = (sample.body ?? {}) as Json;
  const text = JSON.stringify(body);
  const nodes = nodePaths(body);
  const strings = nodes.filter((path) => typeof valueAt(body, path) === 'string');
  const choices: fc.Arbitrary<FuzzBody>[] = [
    fc
      .oneof(
        fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((cut) => text.slice(0, cut)),
        fc.constantFrom(
          `${text.slice(0, -1)},}`,
          text.replace(/"/g, "'"),
          `\ufeff${text}`,
          '{"a":NaN}',
          '{"a":undefined}',
          '{a:1}',
          `${text}${text}`,
          '{"a":1}}',
          '\u0000',
        ),
      )
      .map(named('invalid-json')),
    fc
      .jsonValue()
      .filter((value) => kindOf(value) !== 'object')
      .map((value) => named('not-an-object')(JSON.stringify(value))),
    fc.constant(named('empty-body')('')),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) =>
        named('unknown-field')(JSON.stringify({ ...(body as object), [`fuzz_${key}`]: value })),
      ),
    deepText.map((deep) => named('deep-nesting')(deep)),
  ];
  if (sample.files)
    choices.push(
      fc
        .constantFrom(...sample.files.broken)
        .map((file) => ({ ...named('broken-file')(file.text), contentType: file.contentType })),
    );
  if (sample.required.length)
    choices.push(
      fc
        .constantFrom(...sample.required)
        .map((path) => named('field-removed')(JSON.stringify(withValueAt(body, parsePath(path), undefined)))),
    );
  if (nodes.length) {
    choices.push(
      fc
        .constantFrom(...nodes)
        .chain((path) =>
          otherKind(kindOf(valueAt(body, path))).map((value) => withValueAt(body, path, value)),
        )
        .map((value) => named('wrong-type')(JSON.stringify(value))),
      fc
        .tuple(fc.constantFrom(...nodes), deepText)
        .map(([path, deep]) => named('deep-nesting')(spliced(withValueAt(body, path, SPLICE), deep))),
    );
  }
  if (strings.length)
    choices.push(
      fc
        .tuple(fc.constantFrom(...strings), oversizedText)
        .map(([path, huge]) => named('oversized-string')(JSON.stringify(withValueAt(body, path, huge)))),
      fc
        .tuple(fc.constantFrom(...strings), textWithLoneSurrogate)
        .map(([path, lone]) => named('lone-surrogate')(JSON.stringify(withValueAt(body, path, lone)))),
    );
  return fc.oneof(...choices);
}

/**
 * Bodies the route may take or refuse: the sample itself, the sample with awkward but valid text or
 * edge-case numbers in its fields, arbitrary JSON, raw bytes, and every refused kind.
 */
export function anyBodies(sample: RouteSample): fc.Arbitrary<FuzzBody> {
  const body = (sample.body ?? {}) as Json;
  const nodes = nodePaths(body);
  const strings = nodes.filter((path) => typeof valueAt(body, path) === 'string');
  const numbers = nodes.filter((path) => typeof valueAt(body, path) === 'number');
  const choices: fc.Arbitrary<FuzzBody>[] = [
    fc.constant(named('valid-sample')(JSON.stringify(body))),
    fc.jsonValue({ maxDepth: 4 }).map((value) => named('arbitrary-json')(JSON.stringify(value))),
    fc
      .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
      .map((value) => named('arbitrary-object')(JSON.stringify(value))),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => named('random-bytes')(Buffer.from(bytes))),
    refusedBodies(sample),
  ];
  if (sample.files)
    choices.push(
      fc
        .constantFrom(...sample.files.valid)
        .map((file) => ({ ...named('valid-file')(file.text), contentType: file.contentType })),
    );
  if (strings.length)
    choices.push(
      fc
        .array(fc.tuple(fc.constantFrom(...strings), awkwardText()), { minLength: 1, maxLength: 3 })
        .map((changes) =>
          named('awkward-text')(
            JSON.stringify(changes.reduce((value, [path, text]) => withValueAt(value, path, text), body)),
          ),
        ),
    );
  if (numbers.length || strings.length)
    choices.push(
      fc
        .tuple(
          fc.constantFrom(...numbers, ...strings),
          fc.oneof(edgeNumber as fc.Arbitrary<Json>, numberLikeText),
        )
        .map(([path, value]) => named('edge-number')(JSON.stringify(withValueAt(body, path, value)))),
    );
  return fc.oneof(...choices);
}
