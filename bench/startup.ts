import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/local/lambda/build-functions';

/**
 * How long `npm start` takes until the API answers: on a fresh data folder with no bundle cache (the
 * first start after install) and on a second start. The baseline, measured in the same run, is the
 * bare cost of starting Node with tsx on this machine: what no code of ours can go below. Then the
 * wall time of the whole `npm test` (typecheck, lint, every jest project), once: what CI pays.
 */
export interface StartupFigures {
  baselineMs: number;
  firstStartMs: number;
  restartMs: number;
  readyMs: number;
  /** Absent when BENCH_SKIP_NPM_TEST=1 (it takes minutes). */
  npmTestMs?: number;
  /** 1 when that run of npm test passed. */
  npmTestPassed?: number;
}

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

async function timeToReady(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(TSX, ['infra/local/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', TRADEFLOW_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  try {
    const localJson = join(dataDir, 'local.json');
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited: ${stderr}`);
      if (existsSync(localJson)) {
        const { apiUrl } = JSON.parse(readFileSync(localJson, 'utf8'));
        const response = await fetch(`${apiUrl}/orders/ord_01J0000000000000000000000A`).catch(
          () => undefined,
        );
        if (response) return performance.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function baseline(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(TSX, ['-e', 'process.exit(0)'], { cwd: REPO_ROOT, stdio: 'ignore' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsx exited ${code}`))));
  });
  return performance.now() - started;
}

export async function benchStartup(runs = 3): Promise<StartupFigures> {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const baselines: number[] = [];
  const firsts: number[] = [];
  const restarts: number[] = [];
  for (let run = 0; run < runs; run++) {
    baselines.push(await baseline());
    rmSync(join(REPO_ROOT, 'node_modules', '.cache', 'tradeflow'), { recursive: true, force: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-bench-'));
    firsts.push(await timeToReady(dataDir));
    rmSync(join(dataDir, 'local.json'));
    restarts.push(await timeToReady(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const firstStartMs = median(firsts);
  return {
    baselineMs: median(baselines),
    firstStartMs,
    restartMs: median(restarts),
    readyMs: firstStartMs,
    ...(process.env.BENCH_SKIP_NPM_TEST === '1' ? {} : await npmTestWallMs()),
  };
}

/**
 * The README's test command, as CI runs it after `npm ci`: its wall time, and whether it passed (a
 * failure is printed with the end of its output, and does not stop the other benchmarks).
 */
async function npmTestWallMs(): Promise<{ npmTestMs: number; npmTestPassed: number }> {
  process.stdout.write('  npm test (the whole suite, once)…\n');
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('npm', ['test'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk) => {
      output = (output + chunk).slice(-4000);
    });
    child.once('exit', (exitCode) => resolve({ code: exitCode, output }));
  });
  if (code !== 0) process.stderr.write(`npm test failed (${code}):\n${output}\n`);
  return { npmTestMs: performance.now() - started, npmTestPassed: code === 0 ? 1 : 0 };
}
