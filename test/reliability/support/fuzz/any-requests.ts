import fc from 'fast-check';
import type { RouteSpec } from '../../../../infra/topology/types';
import { anyBodies } from './bodies';
import { allowedCredentials, oddCredentials, type Secrets } from './credentials';
import { type FuzzRequest, fuzzRequest, queryString } from './fuzz-request';
import { absurdHeaders, anyIdempotencyKey, contentTypes } from './headers';
import { unknownOrderId } from './paths';
import { refusedRequests } from './refused-requests';
import { pathOf, type RouteSample, sampleFor } from './route-samples';
import { awkwardText } from './text';

/** GET /orders' query: real statuses or not, any customer, limits in and out of range, odd tokens. */
const anyListQuery = fc.record(
  {
    status: fc.oneof(fc.constantFrom('AWAITING_DEPOSIT', 'RECEIVED', 'CANCELLED'), awkwardText()),
    customerId: awkwardText(),
    limit: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), awkwardText()),
    nextToken: fc.oneof(fc.base64String({ maxLength: 60 }), awkwardText()),
  },
  { requiredKeys: [] },
);

/**
 * Requests to one route that may be taken or refused: right credentials (or real ones sent oddly),
 * the valid sample with awkward text and edge-case numbers, arbitrary JSON and bytes, the fixtures'
 * ids or odd ones, any query; and every refused kind. Nothing may answer 5xx.
 */
export function anyRequests(
  route: RouteSpec,
  samples: Record<string, RouteSample>,
  secrets: Secrets,
): fc.Arbitrary<FuzzRequest> {
  const sample = sampleFor(route, samples);
  const credentials = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...allowedCredentials(route, secrets)) },
    { weight: 1, arbitrary: oddCredentials(secrets) },
  );
  const params = fc.record(
    Object.fromEntries(
      Object.entries(sample.params).map(([name, value]) => [
        name,
        fc.oneof(
          { weight: 6, arbitrary: fc.constant(value) },
          { weight: 1, arbitrary: awkwardText() },
          { weight: 1, arbitrary: name === 'id' ? unknownOrderId : fc.constant(value.toLowerCase()) },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  // The sample's own query (a link's token, a report's date) or GET /orders' odd one.
  const query: fc.Arbitrary<Record<string, string | undefined>> = sample.query
    ? fc.oneof(fc.constant(sample.query), anyListQuery)
    : fc.constant({});
  const isGet = route.method === 'GET';
  const taken = fc
    .tuple(credentials, params, query, anyBodies(sample), absurdHeaders, contentTypes, anyIdempotencyKey)
    .map(([creds, values, q, body, extra, type, key]) =>
      fuzzRequest({
        route,
        generator: isGet ? 'any-query' : undefined,
        path: pathOf(route, values) + queryString(Object.entries(q) as [string, string][]),
        credentials: creds,
        headers: [...extra, ...type, ...key],
        body: isGet ? undefined : body,
      }),
    );
  return fc.oneof(
    { weight: 3, arbitrary: taken },
    { weight: 1, arbitrary: refusedRequests(route, samples, secrets) },
  );
}
