import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type Metafile } from 'esbuild';
import { esbuildOptionsOf } from '../infra/aws/bundling/esbuild-options';
import { LAMBDA_BUNDLING } from '../infra/aws/functions';
import { REPO_ROOT } from '../infra/local/lambda/build-functions';
import { topology } from '../infra/topology';
import { functionEnvironment, type ResourceNames } from '../infra/topology/environment';
import type { FunctionSpec } from '../infra/topology/types';

/**
 * Benchmark 4, cold start: every function bundled as CDK's NodejsFunction bundles it for this stack
 * (the esbuild options derived from LAMBDA_BUNDLING in infra/aws/functions.ts: minify, keepNames,
 * linked source map without sources content, target, format, main fields, and the SDK either bundled
 * or external as CDK makes it). Then each bundle is loaded in a fresh `node` process, with the
 * environment it gets on AWS (resource names filled with dummies so config parsing passes) and
 * NODE_OPTIONS=--enable-source-maps as CDK sets it; externals (if any) resolve through NODE_PATH from
 * node_modules, as the runtime's copy does on Lambda, so their load time counts. Its load time is
 * compared with an empty bundle's, loaded the same way in the same run.
 */

export const COLD_START_TARGETS = {
  maxBundleKb: 1024,
  medianBundleKb: 500,
  medianLoadOverheadMs: 150,
} as const;

export interface ColdStartFigures {
  functions: number;
  maxBundleKb: number;
  medianBundleKb: number;
  totalBundleKb: number;
  emptyLoadMs: number;
  medianLoadOverheadMs: number;
  /**
   * Of the overhead, loading the SDK: the SDK packages the bundle requires (the runtime's copy on
   * Lambda) or, when the SDK is bundled, a bundle of just the SDK clients it uses, built the same way.
   */
  medianSdkLoadMs: number;
  /** Of the overhead, the bundle's own code (ours and the packages bundled into it). */
  medianOwnCodeLoadMs: number;
  maxLoadOverheadMs: number;
  medianProcessMs: number;
  emptyProcessMs: number;
}

/**
 * The bundling options of infra/aws/functions.ts, as CDK's NodejsFunction passes them to esbuild.
 * When the SDK is not bundled, the bench loads it from node_modules, as the function would load the
 * runtime's copy.
 */
const bundling: BundlingOptions = LAMBDA_BUNDLING;
const SDK_BUNDLED = bundling.bundleAwsSDK === true;
const CDK_BUNDLING = esbuildOptionsOf(bundling, REPO_ROOT);

const EMPTY = '(empty bundle)';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Dummy physical names: only their presence and shape matter to config parsing. */
const dummyNames: ResourceNames = {
  table: (name) => `tradeflow-${name}-BENCH0000`,
  bucket: (name) => `tradeflow-${name.toLowerCase()}-bench0000`,
  busName: () => 'tradeflow',
  workflowArn: (name) => `arn:aws:states:us-east-1:123456789012:stateMachine:tradeflow-${name}`,
  // As on AWS: no JWKS in the environment (the verifier fetches it at the first staff token).
  staffSignIn: () => ({
    userPoolId: 'us-east-1_BENCH0000',
    clientId: 'bench0000client',
    usageKey: 'tradeflow-staff-bench0000',
  }),
  // Functions that link to pages (tracking page, quotes, the console) require the API's URL at init.
  apiUrl: () => 'https://bench0000.execute-api.us-east-1.amazonaws.com/v1/',
};

/** What the Lambda runtime sets besides the function's own variables (no credentials are used). */
function lambdaEnvironment(spec: FunctionSpec): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_PATH: join(REPO_ROOT, 'node_modules'),
    NODE_OPTIONS: '--enable-source-maps',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TZ: 'UTC',
    ...functionEnvironment(topology, spec, dummyNames),
    // Set by infra/aws/live-feed.ts (the WebSocket API's management endpoint), not by `access`.
    ...(spec.name === topology.liveFeed?.fanOut
      ? { [topology.liveFeed.endpointEnvVar]: 'https://feed0000.execute-api.us-east-1.amazonaws.com/live' }
      : {}),
  };
}

interface Load {
  /** `require(bundle)` inside the process. */
  requireMs: number;
  /** Spawn to exit, as seen from outside. */
  processMs: number;
}

const LOADER = [
  'const started = process.hrtime.bigint();',
  'require(process.argv[1]);',
  'const ms = Number(process.hrtime.bigint() - started) / 1e6;',
  'process.stdout.write(JSON.stringify({ ms }));',
].join('\n');

function loadOnce(bundle: string, env: Record<string, string>): Promise<Load> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', LOADER, bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const processMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`loading ${bundle} exited ${code}: ${err.slice(0, 2000)}`));
      try {
        resolve({ requireMs: (JSON.parse(out) as { ms: number }).ms, processMs });
      } catch {
        reject(new Error(`loading ${bundle}: unexpected output ${out.slice(0, 500)} ${err.slice(0, 500)}`));
      }
    });
  });
}

type Output = Metafile['outputs'][string];

/** The SDK packages (externals) a bundle requires at load or, when the SDK is bundled, the clients in it. */
function sdkPackages(output: Output): string[] {
  const names = SDK_BUNDLED
    ? Object.keys(output.inputs)
        .map((input) => input.match(/node_modules\/(@aws-sdk\/(?:client-[^/]+|lib-dynamodb))\//)?.[1])
        .filter((name): name is string => name !== undefined)
    : output.imports
        .filter((i) => i.external && (i.path.startsWith('@aws-sdk/') || i.path.startsWith('@smithy/')))
        .map((i) => i.path);
  return [...new Set(names)].sort();
}

/**
 * When the SDK is bundled, what its part of a bundle costs to load: a bundle, built the same way, of
 * the client classes of the packages the function bundles (each package's `…Client` export).
 */
async function sdkOnlyBundle(packages: string[], file: string): Promise<void> {
  const lines = packages.map((pkg, i) => {
    const exported = Object.keys(require(pkg) as object).filter(
      (name) => name.endsWith('Client') && !name.startsWith('_'),
    );
    if (exported.length !== 1)
      throw new Error(`${pkg}: expected one client class, found ${exported.join(', ')}`);
    return `export { ${exported[0]} as c${i} } from ${JSON.stringify(pkg)};`;
  });
  const entry = `${file}.entry.js`;
  writeFileSync(entry, lines.join('\n'));
  await build({
    ...CDK_BUNDLING,
    sourcemap: false,
    entryPoints: [entry],
    outfile: file,
    absWorkingDir: REPO_ROOT,
    nodePaths: [join(REPO_ROOT, 'node_modules')],
  });
}

/** KB in the bundle per package (or per folder of ours), largest first. */
function packagesOf(output: Output): [string, number][] {
  const kb = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const pkg =
      input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
    kb.set(pkg, (kb.get(pkg) ?? 0) + bytesInOutput / 1024);
  }
  return [...kb.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Whether the error classes keep their names through this bundling: `shared/errors.ts` names each
 * error after its class (`new.target.name`), which minification renames unless esbuild keeps names.
 */
async function errorNamesAfterMinify(dir: string): Promise<{ kept: number; total: number; lost: string[] }> {
  const outfile = join(dir, 'errors-check.js');
  await build({ ...CDK_BUNDLING, entryPoints: [join(REPO_ROOT, 'shared/errors.ts')], outfile });
  const errors = require(outfile) as Record<string, unknown>;
  const classes = Object.entries(errors).filter(
    ([name, value]) => typeof value === 'function' && name.endsWith('Error') && name !== 'AppError',
  ) as [string, new (message: string) => Error][];
  const lost = classes.filter(([name, Class]) => new Class('check').name !== name).map(([name]) => name);
  return { kept: classes.length - lost.length, total: classes.length, lost };
}

export async function benchColdStart(
  options: { runs?: number; print?: (line: string) => void } = {},
): Promise<ColdStartFigures> {
  const runs = options.runs ?? 5;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const specs = Object.values(topology.functions);
  const dir = mkdtempSync(join(tmpdir(), 'tradeflow-cold-start-'));
  try {
    // The empty bundle: a handler that does nothing, through the same build and loader.
    const emptyEntry = join(dir, 'empty.js');
    writeFileSync(emptyEntry, 'exports.handler = async () => undefined;\n');
    const entryPoints = Object.fromEntries([
      ...specs.map((spec) => [`${spec.name}/index`, join(REPO_ROOT, spec.entry)]),
      [`${EMPTY}/index`, emptyEntry],
    ]);
    const started = performance.now();
    const { metafile } = await build({
      ...CDK_BUNDLING,
      entryPoints,
      outdir: join(dir, 'out'),
      absWorkingDir: REPO_ROOT,
      metafile: true,
    });
    const buildMs = performance.now() - started;
    const outputOf = (name: string) =>
      Object.entries(metafile.outputs).find(([file]) => file.endsWith(`${name}/index.js`))![1];

    const bundles = [...specs.map((spec) => spec.name), EMPTY].map((name) => {
      const file = join(dir, 'out', name, 'index.js');
      const bytes = statSync(file).size;
      return {
        name,
        file,
        kb: bytes / 1024,
        mapKb: statSync(`${file}.map`).size / 1024,
        gzipKb: gzipSync(readFileSync(file)).length / 1024,
        env: lambdaEnvironment(specs.find((spec) => spec.name === name) ?? { ...specs[0], name: 'empty' }),
        sdk: sdkPackages(outputOf(name)),
        loads: [] as Load[],
      };
    });

    // What the SDK costs to load, for each set of SDK packages a bundle requires (or bundles): a file
    // that requires just those, loaded the same way. The rest of a bundle's load time is its own code.
    const sdkSets = new Map<string, { file: string; env: Record<string, string>; loads: Load[] }>();
    for (const bundle of bundles) {
      const key = bundle.sdk.join(' ');
      if (!bundle.sdk.length || sdkSets.has(key)) continue;
      const file = join(dir, `sdk-${sdkSets.size}.js`);
      if (SDK_BUNDLED) await sdkOnlyBundle(bundle.sdk, file);
      else writeFileSync(file, bundle.sdk.map((name) => `require(${JSON.stringify(name)});`).join('\n'));
      sdkSets.set(key, { file, env: bundle.env, loads: [] });
    }

    // Round robin, one process at a time: noise on this shared machine spreads over every bundle alike.
    for (let run = 0; run < runs; run++) {
      for (const bundle of bundles) bundle.loads.push(await loadOnce(bundle.file, bundle.env));
      for (const set of sdkSets.values()) set.loads.push(await loadOnce(set.file, set.env));
    }

    const empty = bundles.find((b) => b.name === EMPTY)!;
    const emptyLoadMs = median(empty.loads.map((l) => l.requireMs));
    const emptyProcessMs = median(empty.loads.map((l) => l.processMs));
    const rows = bundles
      .filter((b) => b.name !== EMPTY)
      .map((b) => {
        const loadMs = median(b.loads.map((l) => l.requireMs));
        const set = sdkSets.get(b.sdk.join(' '));
        const sdkMs = set ? median(set.loads.map((l) => l.requireMs)) - emptyLoadMs : 0;
        return {
          function: b.name,
          kb: b.kb,
          mapKb: b.mapKb,
          gzipKb: b.gzipKb,
          loadMs,
          overheadMs: loadMs - emptyLoadMs,
          sdkMs,
          processMs: median(b.loads.map((l) => l.processMs)),
          packages: packagesOf(outputOf(b.name)),
        };
      })
      .sort((a, b) => b.kb - a.kb);

    print(
      `\nCold start: ${rows.length} functions bundled as CDK does (${buildMs.toFixed(0)} ms), each loaded ${runs}× in a fresh node ${process.version}`,
    );
    print(
      `  ${'function'.padEnd(24)} ${'bundle KB'.padStart(9)} ${'gzip KB'.padStart(8)} ${'map KB'.padStart(8)} ${'require ms'.padStart(11)} ${'overhead'.padStart(9)} ${'of it SDK'.padStart(9)} ${'process ms'.padStart(11)}  SDK packages required`,
    );
    for (const r of rows)
      print(
        `  ${r.function.padEnd(24)} ${r.kb.toFixed(1).padStart(9)} ${r.gzipKb.toFixed(1).padStart(8)} ${r.mapKb.toFixed(1).padStart(8)} ${r.loadMs.toFixed(1).padStart(11)} ${r.overheadMs.toFixed(1).padStart(9)} ${r.sdkMs.toFixed(1).padStart(9)} ${r.processMs.toFixed(1).padStart(11)}  ${bundles
          .find((b) => b.name === r.function)!
          .sdk.map((name) => name.replace('@aws-sdk/', ''))
          .join(' ')}`,
      );
    print(
      `  ${EMPTY.padEnd(24)} ${empty.kb.toFixed(1).padStart(9)} ${empty.gzipKb.toFixed(1).padStart(8)} ${empty.mapKb.toFixed(1).padStart(8)} ${emptyLoadMs.toFixed(1).padStart(11)} ${'0.0'.padStart(9)} ${''.padStart(9)} ${emptyProcessMs.toFixed(1).padStart(11)}`,
    );
    const middle = [...rows].sort((a, b) => a.kb - b.kb)[Math.floor(rows.length / 2)];
    print(
      `  what the median bundle (${middle.function}, ${middle.kb.toFixed(0)} KB) is made of: ${middle.packages
        .slice(0, 6)
        .map(([name, kb]) => `${name} ${kb.toFixed(0)} KB (${((kb / middle.kb) * 100).toFixed(0)}%)`)
        .join(', ')}`,
    );
    const names = await errorNamesAfterMinify(dir);
    print(
      `  error class names kept by this bundling (ASL Retry/Catch match on them): ${names.kept} of ${names.total}` +
        (names.lost.length
          ? ` — lost: ${names.lost.slice(0, 4).join(', ')}${names.lost.length > 4 ? ', …' : ''}`
          : ''),
    );

    const figures: ColdStartFigures = {
      functions: rows.length,
      maxBundleKb: Math.max(...rows.map((r) => r.kb)),
      medianBundleKb: median(rows.map((r) => r.kb)),
      totalBundleKb: rows.reduce((sum, r) => sum + r.kb, 0),
      emptyLoadMs,
      medianLoadOverheadMs: median(rows.map((r) => r.overheadMs)),
      medianSdkLoadMs: median(rows.map((r) => r.sdkMs)),
      medianOwnCodeLoadMs: median(rows.map((r) => r.overheadMs - r.sdkMs)),
      maxLoadOverheadMs: Math.max(...rows.map((r) => r.overheadMs)),
      medianProcessMs: median(rows.map((r) => r.processMs)),
      emptyProcessMs,
    };
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    print(
      `  targets: every bundle <= ${COLD_START_TARGETS.maxBundleKb} KB: ${met(figures.maxBundleKb <= COLD_START_TARGETS.maxBundleKb)} (max ${figures.maxBundleKb.toFixed(1)}); ` +
        `median <= ${COLD_START_TARGETS.medianBundleKb} KB: ${met(figures.medianBundleKb <= COLD_START_TARGETS.medianBundleKb)} (${figures.medianBundleKb.toFixed(1)}); ` +
        `median load overhead <= ${COLD_START_TARGETS.medianLoadOverheadMs} ms: ${met(figures.medianLoadOverheadMs <= COLD_START_TARGETS.medianLoadOverheadMs)} (${figures.medianLoadOverheadMs.toFixed(1)})`,
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchColdStart()
    .then((figures) => console.table(figures))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
