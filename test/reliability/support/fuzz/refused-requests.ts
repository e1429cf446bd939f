import fc from 'fast-check';
import type { RouteSpec } from '../../../../infra/topology/types';
import { staffIdParam } from '../../../../shared/contracts/staff';
import { anyBodies, refusedBodies } from './bodies';
import { allowedCredentials, refusedCredentials, type Secrets } from './credentials';
import { type FuzzRequest, fuzzRequest, queryString, sampleBody, validPath } from './fuzz-request';
import {
  absurdHeaders,
  anyIdempotencyKey,
  contentTypes,
  oversizedHeaders,
  refusedIdempotencyKey,
} from './headers';
import { refusedPathParam, unknownOrderId, unknownRoute } from './paths';
import { pathOf, type RouteSample, sampleFor } from './route-samples';
import { awkwardText } from './text';

/** A query parameter GET /orders cannot take: unknown, a status that is none, a limit out of range. */
const refusedQueryParam = fc.oneof(
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 10 }), awkwardText())
    .map(([k, v]): [string, string] => [`fuzz_${k}`, v]),
  awkwardText().map((v): [string, string] => ['status', `x${v}`]),
  fc.constantFrom('valueOf', '__proto__', 'constructor').map((k): [string, string] => [k, '1']),
  fc.constantFrom('0', '-1', '101', '1.5', '1e308', 'NaN', 'ten').map((v): [string, string] => ['limit', v]),
);

/**
 * Requests to one route that must all be refused, so none may change anything: wrong or missing
 * credentials (with any body), and right credentials with a broken body, path parameter, query,
 * Idempotency-Key or headers. Absurd extra headers and wrong content types ride along. Weighted
 * towards what reaches the handler; the gateway's own refusals are cheap and need fewer tries.
 */
export function refusedRequests(
  route: RouteSpec,
  samples: Record<string, RouteSample>,
  secrets: Secrets,
): fc.Arbitrary<FuzzRequest> {
  const sample = sampleFor(route, samples);
  const right = fc.constantFrom(...allowedCredentials(route, secrets));
  const noise = fc.tuple(absurdHeaders, contentTypes).map(([extra, type]) => [...extra, ...type]);
  const path = validPath(route, sample);
  const params = Object.keys(sample.params);
  const choices: fc.WeightedArbitrary<FuzzRequest>[] = [
    {
      weight: 3,
      arbitrary: fc
        .tuple(refusedCredentials(route, secrets), anyBodies(sample), noise)
        .map(([credentials, body, headers]) =>
          fuzzRequest({ route, generator: 'refused-credentials', path, credentials, headers, body }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(right, oversizedHeaders)
        .map(([credentials, headers]) =>
          fuzzRequest({ route, generator: 'oversized-headers', path, credentials, headers }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(right, unknownRoute, refusedBodies(sample))
        .map(([credentials, { method, path }, body]) =>
          fuzzRequest({ route, generator: 'unknown-route', method, path, credentials, body }),
        ),
    },
  ];
  if (route.method !== 'GET')
    choices.push({
      weight: 8,
      arbitrary: fc
        .tuple(right, refusedBodies(sample), noise, anyIdempotencyKey)
        .map(([credentials, body, headers, key]) =>
          fuzzRequest({ route, path, credentials, headers: [...headers, ...key], body }),
        ),
    });
  if (route.method === 'POST')
    choices.push({
      weight: 1,
      arbitrary: fc.tuple(right, refusedIdempotencyKey).map(([credentials, key]) =>
        fuzzRequest({
          route,
          generator: 'refused-idempotency-key',
          path,
          credentials,
          headers: [['content-type', 'application/json'], ...key],
          body: sampleBody(route, sample),
        }),
      ),
    });
  if (params.length)
    choices.push({
      weight: 2,
      arbitrary: fc
        .tuple(right, namedRefusedParam(params), noise)
        .map(([credentials, [name, value], headers]) =>
          fuzzRequest({
            route,
            generator: 'refused-path-param',
            path: pathOf(route, { ...sample.params, [name]: value }, true),
            credentials,
            headers,
            body: sampleBody(route, sample),
          }),
        ),
    });
  if (params.includes('id'))
    choices.push({
      weight: 2,
      arbitrary: fc.tuple(right, unknownOrderId, anyIdempotencyKey).map(([credentials, id, key]) =>
        fuzzRequest({
          route,
          generator: 'unknown-order',
          path: pathOf(route, { ...sample.params, id }),
          credentials,
          headers: [['content-type', 'application/json'], ...key],
          body: sampleBody(route, sample),
        }),
      ),
    });
  const query = sample.query;
  if (query)
    choices.push({
      weight: 4,
      arbitrary: fc
        .tuple(right, fc.array(fc.tuple(awkwardText(), awkwardText()), { maxLength: 4 }), refusedQueryParam)
        .map(([credentials, pairs, bad]) =>
          fuzzRequest({
            route,
            generator: 'refused-query',
            path:
              pathOf(route, sample.params) +
              queryString([...pairs.filter(([k]) => !Object.hasOwn(query, k)), bad]),
            credentials,
          }),
        ),
    });
  return fc.oneof(...choices);
}

/**
 * A path parameter and a value it must refuse. The order-id-shaped values (one character too many)
 * are refused only where an order id is expected, and a staff id takes what its schema takes
 * (`ord_01JD…001` and 65 to 128 letters are valid staff ids: `PUT /staff/{staffId}` rightly keeps them).
 */
function namedRefusedParam(params: string[]): fc.Arbitrary<[string, string]> {
  const refused = (name: string, value: string) =>
    name === 'staffId' ? !staffIdParam.safeParse(value).success : name === 'id' || !value.startsWith('ord_');
  return fc
    .constantFrom(...params)
    .chain((name) =>
      refusedPathParam
        .filter((value) => refused(name, value))
        .map((value): [string, string] => [name, value]),
    );
}
