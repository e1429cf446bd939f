import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, build, buildSync, type OutputFile } from 'esbuild';

/** The console's sources: `console/src` (TypeScript and CSS) and its one HTML page. */
export const CONSOLE_SRC = resolve(__dirname, '../../console/src');

/** One file of the built console, as a static host serves it. */
export interface ConsoleFile {
  contentType: string;
  body: Buffer;
}

/** The built console by file name (`index.html`, `app.js`, `app.css`, their source maps). */
export type ConsoleFiles = Map<string, ConsoleFile>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const contentTypeOf = (name: string): string =>
  CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

/**
 * One bundle for the browser: the shell and every page (`console/src/shell/main.ts`), its CSS
 * imported from there, minified, with linked source maps. Relative URLs only, so the same files
 * work under `/console/` locally and at the root of the CloudFront distribution. No esbuild plugin:
 * the CDK asset builds with the synchronous API, which takes none.
 */
const options = (outdir: string): BuildOptions => ({
  entryPoints: { app: join(CONSOLE_SRC, 'shell', 'main.ts') },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome120', 'firefox120', 'safari17'],
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'silent',
});

/** Builds the console in memory at `npm start` (well under a second; nothing written to the repository). */
export async function buildConsole(): Promise<ConsoleFiles> {
  const outdir = '/console-out';
  const result = await build({ ...options(outdir), write: false });
  return filesOf(result.outputFiles, outdir);
}

/** Builds the console into a folder (the CDK asset's local bundling). */
export function buildConsoleInto(outdir: string): void {
  const result = buildSync({ ...options(outdir), write: false });
  mkdirSync(outdir, { recursive: true });
  for (const [name, file] of filesOf(result.outputFiles, outdir))
    writeFileSync(join(outdir, name), file.body);
}

function filesOf(outputs: OutputFile[] | undefined, outdir: string): ConsoleFiles {
  const files: ConsoleFiles = new Map();
  for (const output of outputs ?? []) {
    const name = output.path.slice(resolve(outdir).length + 1);
    files.set(name, { contentType: contentTypeOf(name), body: Buffer.from(output.contents) });
  }
  files.set('index.html', {
    contentType: contentTypeOf('index.html'),
    body: readFileSync(join(CONSOLE_SRC, 'index.html')),
  });
  return files;
}
