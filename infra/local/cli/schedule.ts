import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `npm run schedule -- <name>`: fires a schedule of the running local system now. */
async function main(): Promise<void> {
  const name = process.argv[2];
  const dataDir = resolve(process.env.TRADEFLOW_DATA_DIR ?? '.tradeflow');
  let adminUrl: string;
  try {
    adminUrl = JSON.parse(readFileSync(join(dataDir, 'local.json'), 'utf8')).adminUrl;
  } catch {
    throw new Error(`no ${join(dataDir, 'local.json')}: start the system with \`npm start\` first`);
  }
  if (!name) {
    throw new Error('name a schedule: npm run schedule -- <name> (see infra/topology/index.ts, schedules)');
  }
  const response = await fetch(`${adminUrl}/schedules/${encodeURIComponent(name)}/fire`, { method: 'POST' });
  const body = await response.text();
  process.stdout.write(`${body}\n`);
  if (!response.ok) process.exitCode = 1;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
