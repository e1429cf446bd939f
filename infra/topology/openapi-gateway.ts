import type { $ZodType } from 'zod/v4/core';
import * as z from '../../shared/zod-mini';
import { routeContracts, routeKey } from './route-contracts';
import type { RouteSpec } from './types';

/**
 * API Gateway's body models, from the handlers' zod schemas. API Gateway takes JSON Schema draft 4
 * only, and its validator (Java) runs before the handler on the raw body; the handler (zod) stays the
 * authority with the exact messages. So the model keeps what draft 4 says the same way in both (types,
 * required, additionalProperties, enums, lengths, bounds, array sizes, unions) and drops what could
 * refuse a body zod accepts: a gateway answer a client can't reproduce against our docs is a bug.
 */
export function gatewayBodySchema(schema: $ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: 'draft-04',
    // What the client sends, before zod's trims and defaults.
    io: 'input',
    // A refine has no JSON Schema: it is left out (the handler checks it); anything else must throw.
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // Lengths apply after zod's trim: a padded value may be longer than maxLength on the wire.
      // (minLength stays: trimming only shortens, so the raw value is at least as long.)
      if (rewritesInput(zodSchema)) delete jsonSchema.maxLength;
    },
  }) as Record<string, unknown>;
  delete json.$schema; // infra/aws/api.ts adds draft 4's own
  return forGateway(json) as Record<string, unknown>;
}

/** The routes with their body models, for the routes that have a body and allow gateway validation. */
export function withGatewayBodySchemas(routes: readonly RouteSpec[]): RouteSpec[] {
  return routes.map((route) => {
    const contract = routeContracts[routeKey(route)];
    if (!contract?.body || contract.gatewayValidation === false) return route;
    return { ...route, bodySchema: gatewayBodySchema(contract.body) };
  });
}

/** zod's `overwrite` checks (`z.trim()`, `z.toLowerCase()`…) change the value before the other checks. */
function rewritesInput(schema: $ZodType): boolean {
  return (schema._zod.def.checks ?? []).some((check) => check._zod.def.check === 'overwrite');
}

/** Keywords the gateway's validator would read differently from zod, removed or rewritten. */
function forGateway(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forGateway);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `pattern`: zod's regexes are JavaScript ones (and its email regex), the gateway's are Java's;
    // `format`: the gateway's email/uri/date-time checkers are not zod's.
    // `default`: validation ignores it, and CDK drops an empty `{}` from the template, so the model
    // deployed would differ from the one described.
    if (key === 'pattern' || key === 'format' || key === 'default') continue;
    // Models must stand alone: a `$ref` would need another model's URL.
    if (key === '$ref') throw new Error(`A gateway body model cannot hold a $ref (${String(value)})`);
    // A `properties` map is keyed by field names (a field may be called `default` or `format`).
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, forGateway(schema)]),
      );
      continue;
    }
    out[key] = forGateway(value);
  }
  return integerAsNumber(out);
}

/**
 * `"type": "integer"` refuses `1.0` in the gateway's validator (a float token), which JSON.parse and
 * zod take as the integer 1: a number that is a multiple of 1 means the same and takes both.
 */
function integerAsNumber(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.type === 'integer') return { ...schema, type: 'number', multipleOf: 1 };
  if (!Array.isArray(schema.type) || !schema.type.includes('integer')) return schema;
  // `["integer", "string"]`: `multipleOf` applies to numbers only, so the string stays as it was.
  if (schema.type.includes('number')) return { ...schema, type: schema.type.filter((t) => t !== 'integer') };
  return { ...schema, type: schema.type.map((t) => (t === 'integer' ? 'number' : t)), multipleOf: 1 };
}
