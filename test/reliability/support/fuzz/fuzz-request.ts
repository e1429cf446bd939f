import fc from 'fast-check';
import type { RouteSpec } from '../../../../infra/topology/types';
import type { RawRequest } from '../raw-http';
import type { FuzzBody } from './bodies';
import type { Header, Secrets } from './credentials';
import { describeExchange } from './describe';
import { type FuzzFixtures, pathOf, type RouteSample, routeKey, routeSamples } from './route-samples';

/** One fuzzed request: what it is for (route, generator) and the bytes to send. */
export interface FuzzRequest {
  route: string;
  generator: string;
  raw: RawRequest;
}

export interface RequestParts {
  route: RouteSpec;
  /** The generator's name; a body's own generator names it when this is undefined. */
  generator?: string;
  path: string;
  method?: string;
  credentials: Header[];
  headers?: Header[];
  body?: FuzzBody;
}

export function fuzzRequest(parts: RequestParts): FuzzRequest {
  const { route, path, credentials, headers = [], body } = parts;
  const made: FuzzRequest = {
    route: routeKey(route),
    generator: parts.generator ?? body?.generator ?? 'no-body',
    raw: {
      method: parts.method ?? route.method,
      path,
      headers: [...credentials, ...headers],
      body: body?.bytes,
    },
  };
  // fast-check prints a counterexample with this: short, where the raw bytes would run to megabytes.
  Object.defineProperty(made, fc.toStringMethod, { value: () => describeExchange(made) });
  return made;
}

export const queryString = (pairs: [string, string][]) =>
  pairs.length
    ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
    : '';

/** The sample's path and query string, as a client that gets them right sends them. */
export const validPath = (route: RouteSpec, sample: RouteSample) =>
  pathOf(route, sample.params) + queryString(Object.entries(sample.query ?? {}));

/** The sample's body as sent, unchanged (for requests broken elsewhere). */
export const sampleBody = (route: RouteSpec, sample: RouteSample): FuzzBody | undefined =>
  route.method === 'GET'
    ? undefined
    : { generator: 'valid-sample', bytes: Buffer.from(JSON.stringify(sample.body ?? {})) };

export type RouteFuzzer = (
  route: RouteSpec,
  samples: Record<string, RouteSample>,
  secrets: Secrets,
) => fc.Arbitrary<FuzzRequest>;

/** One arbitrary over every route of the topology: a route added there is fuzzed with no change here. */
export function overRoutes(
  routes: RouteSpec[],
  fixtures: FuzzFixtures,
  secrets: Secrets,
  fuzzer: RouteFuzzer,
): fc.Arbitrary<FuzzRequest> {
  const samples = routeSamples(fixtures);
  return fc.oneof(...routes.map((route) => fuzzer(route, samples, secrets)));
}
