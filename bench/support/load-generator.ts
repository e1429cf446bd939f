import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

/** What to send: requests rotate over `paths` and `bodies` (each connection takes the next one). */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  paths: string[];
  bodies?: string[];
}

export interface LoadResult {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * Runs autocannon in a child process, so the load generator does not share an event loop with the
 * servers it measures (the embedded runtime and the bare server live in the bench's main thread).
 */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, TRADEFLOW_BENCH_LOAD: '1' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      try {
        resolve(JSON.parse(out.slice(out.lastIndexOf('\n{') + 1)) as LoadResult);
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(JSON.stringify(spec));
  });
}

async function generate(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            path: spec.paths[i % spec.paths.length],
            ...(spec.bodies ? { body: spec.bodies[i % spec.bodies.length] } : {}),
          };
        },
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    max: result.latency.max,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

if (require.main === module && process.env.TRADEFLOW_BENCH_LOAD === '1') {
  let input = '';
  process.stdin.on('data', (chunk) => {
    input += chunk;
  });
  process.stdin.on('end', () => {
    generate(JSON.parse(input) as LoadSpec)
      .then((result) => process.stdout.write(`\n${JSON.stringify(result)}\n`))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  });
}
