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
      headers: [
        ...credentials,
        ...(body?.contentType
          ? [
              ...headers.filter(([name]) => name.toLowerCase() !== 'content-type'),
              ['content-type', body.contentType] as Header,
            ]
          : headers),
      ],
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

/**
 * One request to every route of the topology, in its order: batches taken from it in turn
 * (`inTurn`) reach every route within ceil(routes / batch) batches, whatever the seed.
 */
export function oneRequestPerRoute(
  routes: RouteSpec[],
  fixtures: FuzzFixtures,
  secrets: Secrets,
  fuzzer: RouteFuzzer,
): fc.Arbitrary<FuzzRequest[]> {
  const samples = routeSamples(fixtures);
  return fc.tuple(...routes.map((route) => fuzzer(route, samples, secrets))).map((requests) => {
    const all = [...requests];
    // The batch that failed is in the property's error; the whole tuple would run to pages.
    Object.defineProperty(all, fc.toStringMethod, {
      value: () => `one request to each of ${all.length} routes`,
    });
    return all;
  });
}

/** The `turn`-th batch of `size` taken from `all` in turn, wrapping round. */
export const inTurn = <T>(all: T[], turn: number, size: number): T[] =>
  Array.from({ length: size }, (_, k) => all[(turn * size + k) % all.length]);
