import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalInfo } from '../../../infra/local/runtime';
import { sleep } from './retrying-client';

const REPO = join(__dirname, '..', '..', '..');

/**
 * `npm start` in a child process on a data folder, so it can be killed (SIGKILL: no shutdown, maybe
 * mid-write) and started again on the same folder. Each start takes free ports, read from local.json.
 */
export class RuntimeProcess {
  private child?: ChildProcess;
  private current?: LocalInfo;
  starts = 0;

  constructor(
    private readonly dataDir: string,
    private readonly timeScale: number,
  ) {}

  /** The running runtime's URLs and keys (the last ones while it is down: calls then fail and retry). */
  info(): LocalInfo {
    if (!this.current) throw new Error('the runtime has not started');
    return this.current;
  }

  async start(): Promise<void> {
    const infoFile = join(this.dataDir, 'local.json');
    rmSync(infoFile, { force: true });
    // node itself with tsx as its loader: the tsx command would run the runtime in a grandchild,
    // which a SIGKILL of the command leaves running (holding the database).
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: '0',
        TRADEFLOW_DATA_DIR: this.dataDir,
        TRADEFLOW_TIME_SCALE: String(this.timeScale),
        POWERTOOLS_LOG_LEVEL: 'WARN',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    this.child = child;
    this.starts++;
    const deadline = Date.now() + 120_000;
    while (!existsSync(infoFile)) {
      if (child.exitCode !== null) throw new Error(`the runtime exited at start: ${stderr.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error('the runtime did not start within 120 s');
      await sleep(100);
    }
    await sleep(50); // local.json is written whole, but give the writer its turn
    this.current = JSON.parse(readFileSync(infoFile, 'utf8')) as LocalInfo;
  }

  /** SIGKILL: the process ends wherever it is, as a power cut would end it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** A graceful stop (SIGTERM) at the end of a test. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
  }
}
