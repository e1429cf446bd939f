import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchColdStart } from './cold-start';
import { benchCost } from './cost';
import { benchEscalation } from './escalation';
import { benchLatency } from './latency';
import { benchStartup } from './startup';
import { benchThroughput } from './throughput';

/** `npm run bench`: every benchmark, a table of figures, and bench/results/latest.json. */
async function main(): Promise<void> {
  const results: Record<string, Record<string, number>> = {};
  const machine = {
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    at: new Date().toISOString(),
  };

  process.stdout.write('startup: npm start until the API answers (3 runs, medians)…\n');
  const startup = await benchStartup();
  results.startup = { ...startup };

  process.stdout.write('\ncost: one full export order, every billable unit counted and priced…\n');
  results.cost = { ...(await benchCost()) };

  process.stdout.write('\ncold start: every function bundled as CDK does, loaded in fresh node processes…\n');
  results.coldStart = { ...(await benchColdStart()) };

  process.stdout.write('\nlifecycle: orders via the API at concurrency 1, 4, 16; the storage floor…\n');
  results.lifecycle = { ...(await benchThroughput()).figures };

  process.stdout.write('\napi: p50/p99 at 32 connections, against a bare GetItem server…\n');
  results.api = { ...(await benchLatency()).figures };

  process.stdout.write('\nescalation: the sweep over 100 overdue among 1,000 and among 100,000 orders…\n');
  results.escalation = { ...(await benchEscalation()) };

  const rows = Object.entries(results).flatMap(([bench, figures]) =>
    Object.entries(figures).map(([figure, value]) => ({
      figure: `${bench}.${figure}`,
      // Small figures (dollars per order) keep three significant digits instead of rounding to 0.
      value: Math.abs(value) < 1 ? Number(value.toPrecision(3)) : Math.round(value * 100) / 100,
    })),
  );
  console.table(rows);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ machine, ...results }, null, 2)}\n`);
  process.stdout.write(`written: ${join(dir, 'latest.json')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
