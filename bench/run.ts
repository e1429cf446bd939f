import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchStartup } from './startup';

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

  const rows = Object.entries(results).flatMap(([bench, figures]) =>
    Object.entries(figures).map(([figure, value]) => ({
      figure: `${bench}.${figure}`,
      value: Math.round(value * 100) / 100,
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
