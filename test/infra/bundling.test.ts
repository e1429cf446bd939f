import { build } from 'esbuild';
import { LAMBDA_BUNDLING } from '../../infra/aws/functions';

/**
 * ASL Retry/Catch match errors by name (ConcurrentUpdateError, OrderCancelledError): a minified
 * bundle must keep class names, or those matches silently never happen on AWS.
 */
describe('Lambda bundling', () => {
  it('minifies but keeps class names, so step errors keep the names the workflow matches', async () => {
    // Prepare: the same esbuild options CDK derives from the bundling props
    const entry = `
      import { ConcurrentUpdateError } from './shared/errors';
      import { OrderCancelledError } from './shared/use-cases/order-cancelled-error';
      export const names = [new ConcurrentUpdateError('x').name, new OrderCancelledError('y').name];`;

    // Act
    const result = await build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      minify: LAMBDA_BUNDLING.minify,
      keepNames: LAMBDA_BUNDLING.keepNames,
    });
    const module = { exports: {} as { names?: string[] } };
    new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);

    // Assess
    expect(LAMBDA_BUNDLING.minify).toBe(true);
    expect(module.exports.names).toEqual(['ConcurrentUpdateError', 'OrderCancelledError']);
  });

  it('bundles the SDK, leaving out only the credential providers the default chain imports lazily', async () => {
    // Prepare: a function that uses DynamoDB, built with the options CDK derives from the bundling props
    const externals: readonly string[] = LAMBDA_BUNDLING.externalModules;

    // Act
    const { metafile } = await build({
      entryPoints: ['functions/api/get-order.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      mainFields: [...LAMBDA_BUNDLING.mainFields],
      external: [...externals],
      supported: { 'dynamic-import': LAMBDA_BUNDLING.esbuildArgs['--supported:dynamic-import'] !== 'false' },
      logLevel: 'silent',
    });

    // Assess: the client is bundled from its ES modules (tree-shaken), and what is left out is
    // reached only by a dynamic import, i.e. never at load (on Lambda the chain stops at the
    // environment's credentials)
    const inputs = Object.values(metafile.inputs);
    expect(LAMBDA_BUNDLING.bundleAwsSDK).toBe(true);
    expect(
      Object.keys(metafile.inputs).some((path) => path.includes('@aws-sdk/client-dynamodb/dist-es/')),
    ).toBe(true);
    const sdkImportsLeftOut = inputs.flatMap((input) =>
      input.imports.filter((i) => i.external && /^@(aws-sdk|smithy)\//.test(i.path)),
    );
    expect(sdkImportsLeftOut.length).toBeGreaterThan(0);
    for (const left of sdkImportsLeftOut) {
      expect(externals).toContain(left.path);
      expect(left.kind).toBe('dynamic-import');
    }
  });
});
