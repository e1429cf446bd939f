import fc from 'fast-check';
import { routes } from '../../infra/topology/routes';
import type { LocalSystem } from '../integration/support/local-system';
import { refusalProblems } from './support/api-error';
import { anyRequests } from './support/fuzz/any-requests';
import { describeExchange } from './support/fuzz/describe';
import { type FuzzRequest, inTurn, oneRequestPerRoute, overRoutes } from './support/fuzz/fuzz-request';
import { startFuzzSystem } from './support/fuzz/fuzz-system';
import { refusedRequests } from './support/fuzz/refused-requests';
import { type FuzzFixtures, routeKey, routeSamples } from './support/fuzz/route-samples';
import { FuzzTally, sendAll } from './support/fuzz/tally';
import { type RawAnswer, sendRaw } from './support/raw-http';
import { sized } from './support/size';
import { countItems, tableChanges, tableSnapshots } from './support/table-snapshot';

/**
 * Issue 4, bad input: every route of the topology fuzzed with fast-check — malformed, oversized,
 * wrongly typed and unicode-laden bodies, headers, paths and queries, with right, wrong and missing
 * credentials. What can only be refused is refused with a 4xx in the API's error shape and changes
 * no table; nothing, refused or taken, answers 5xx; and what is taken is accounted for exactly.
 */
const REFUSED_REQUESTS = sized(6_000, 500);
const ANY_REQUESTS = sized(4_500, 500);
/** Requests in flight at once; the refused ones are checked against the tables batch by batch. */
const BATCH = 10;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Who may call each route: a link route's refusals are pages for a browser, the rest the error shape. */
const routeByKey = new Map(routes.map((route) => [routeKey(route), route]));
const problems = (request: FuzzRequest, answer: RawAnswer) =>
  refusalProblems(routeByKey.get(request.route), answer);

describe('bad input: every route fuzzed', () => {
  let system: LocalSystem;
  let fixtures: FuzzFixtures;
  let snapshots: ReturnType<typeof tableSnapshots>;
  const send = (request: FuzzRequest) => sendRaw(system.runtime.info.apiUrl, request.raw);

  beforeAll(async () => {
    ({ system, fixtures } = await startFuzzSystem());
    snapshots = tableSnapshots(system.runtime.info.endpoints.dynamodb);
  });

  afterAll(async () => {
    snapshots?.close();
    await system?.stop();
  });

  it('knows a valid request for every route of the topology, so each is fuzzed from a near-valid start', () => {
    // Assess
    const known = Object.keys(routeSamples(fixtures));
    expect(routes.map(routeKey).filter((route) => !known.includes(route))).toEqual([]);
  });

  it('refuses what can only be refused with a 4xx an API client can act on, and no table changes', async () => {
    // Prepare
    const tally = new FuzzTally();
    const secrets = system.runtime.info;
    // The routes in turn, so every one is tried whatever the size and seed.
    const perRoute = oneRequestPerRoute(routes, fixtures, secrets, refusedRequests);
    let turn = 0;
    const started = performance.now();

    // Act + Assess, batch by batch: the tables are compared around every batch
    await fc.assert(
      fc.asyncProperty(perRoute, async (all) => {
        const batch = inTurn(all, turn++, BATCH);
        const before = await snapshots.take();
        const answers = await sendAll(batch, send, BATCH);
        const after = await snapshots.take();
        for (const [i, request] of batch.entries()) tally.record(request, answers[i]);
        const wrong = batch
          .map((request, i) => ({ request, answer: answers[i] }))
          .filter(
            ({ request, answer }) =>
              answer.status < 400 || answer.status >= 500 || problems(request, answer).length,
          );
        if (wrong.length)
          throw new Error(
            `not refused in the API's error shape:\n${wrong
              .map(
                ({ request, answer }) =>
                  `${describeExchange(request, answer)}\n  ${problems(request, answer).join('; ')}`,
              )
              .join('\n')}`,
          );
        const changes = tableChanges(before, after);
        if (changes.length)
          throw new Error(
            `refused requests changed ${changes.map((c) => `${c.table} (+${c.added.length} −${c.gone.length}): ${c.added.join(' ').slice(0, 500)}`).join('; ')}\n` +
              batch.map((request, i) => describeExchange(request, answers[i])).join('\n'),
          );
      }),
      { numRuns: Math.ceil(REFUSED_REQUESTS / BATCH), seed: SEED, endOnFailure: true },
    );

    // Assess: every route and every kind of refusal was tried
    console.log(
      `refused-only fuzz (seed ${SEED}, ${Math.round(performance.now() - started)} ms)\n${tally.summary()}`,
    );
    expect(tally.requests).toBeGreaterThanOrEqual(REFUSED_REQUESTS);
    expect(tally.routes.size).toBe(routes.length);
    expect(tally.accepted.size).toBe(0);
  });

  it('never answers 5xx to anything, and what it takes is stored once: customers, orders, products, storefronts', async () => {
    // Prepare
    const tally = new FuzzTally();
    const secrets = system.runtime.info;
    const before = await snapshots.take();
    const started = performance.now();

    // Act
    await fc.assert(
      fc.asyncProperty(
        fc.array(overRoutes(routes, fixtures, secrets, anyRequests), { minLength: BATCH, maxLength: BATCH }),
        async (batch) => {
          const answers = await sendAll(batch, send, BATCH);
          for (const [i, request] of batch.entries()) tally.record(request, answers[i]);
          const wrong = batch
            .map((request, i) => ({ request, answer: answers[i] }))
            .filter(
              ({ request, answer }) =>
                answer.status >= 500 || (answer.status >= 400 && problems(request, answer).length > 0),
            );
          if (wrong.length)
            throw new Error(
              `answered 5xx or an unshaped 4xx:\n${wrong
                .map(
                  ({ request, answer }) =>
                    `${describeExchange(request, answer)}\n  ${problems(request, answer).join('; ')}`,
                )
                .join('\n')}`,
            );
        },
      ),
      { numRuns: Math.ceil(ANY_REQUESTS / BATCH), seed: SEED, endOnFailure: true },
    );
    await system.runtime.idle();
    const after = await snapshots.take();

    // Assess: every new customer, order and product is one the API answered 201 for
    console.log(
      `mixed fuzz (seed ${SEED}, ${Math.round(performance.now() - started)} ms)\n${tally.summary()}`,
    );
    const grown = (table: string, prefixes: Record<string, string>) =>
      countItems(after, table, prefixes) - countItems(before, table, prefixes);
    expect({
      customers: grown('customers', { pk: 'CUSTOMER#', sk: 'PROFILE' }),
      orders: grown('orders', { pk: 'ORDER#', sk: 'ORDER' }),
      products: grown('inventory', { pk: 'SKU#', sk: 'PRODUCT' }),
      storefronts: grown('access', { pk: 'STOREFRONT#' }),
    }).toEqual({
      customers: tally.accepted.get('POST /customers') ?? 0,
      orders: tally.accepted.get('POST /orders') ?? 0,
      products: tally.accepted.get('POST /products') ?? 0,
      storefronts: tally.accepted.get('POST /storefronts') ?? 0,
    });
    expect(tally.requests).toBeGreaterThanOrEqual(ANY_REQUESTS);
    expect(tally.statuses.get(500) ?? 0).toBe(0);
  });
});
