import { join } from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * CDK's NodejsFunction bundling options as the esbuild build options it ends up running, for the
 * tools that must bundle exactly as the stack deploys (the cold-start bench, the bundle tests):
 * derived, so they cannot drift from what is deployed (the bench once did: it bundled without
 * `keepNames`). When the SDK is not bundled, CDK marks it external for a Node 18+ runtime
 * (`@aws-sdk/*`, and `@smithy/*` with cdk.json's `sdkV3ExcludeSmithyPackages`).
 * `esbuildArgs` translated: `--supported:<feature>=<true|false>` and `--alias`
 * (`<package>=<path from the project root>`, where CDK runs esbuild).
 */
export function esbuildOptionsOf(bundling: BundlingOptions, projectRoot: string) {
  const supported: Record<string, boolean> = {};
  const alias: Record<string, string> = {};
  for (const [arg, value] of Object.entries(bundling.esbuildArgs ?? {})) {
    const feature = arg.match(/^--supported:(.+)$/)?.[1];
    if (feature) supported[feature] = value === true || value === 'true';
    else if (arg === '--alias' && typeof value === 'string') {
      const [pkg, path] = value.split('=');
      if (!pkg || !path) throw new Error(`esbuildArgs --alias ${value}: expected <package>=<path>`);
      alias[pkg] = join(projectRoot, path);
    } else throw new Error(`esbuildOptionsOf does not translate esbuildArgs ${arg} yet`);
  }
  const sdkBundled = bundling.bundleAwsSDK === true;
  return {
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    minify: bundling.minify,
    keepNames: bundling.keepNames,
    sourcemap: bundling.sourceMap ? 'linked' : false,
    sourcesContent: bundling.sourcesContent,
    ...(bundling.mainFields ? { mainFields: [...bundling.mainFields] } : {}),
    ...(Object.keys(supported).length ? { supported } : {}),
    ...(Object.keys(alias).length ? { alias } : {}),
    external: [...(bundling.externalModules ?? (sdkBundled ? [] : ['@aws-sdk/*', '@smithy/*']))],
    logLevel: 'warning',
  } as const satisfies BuildOptions;
}
