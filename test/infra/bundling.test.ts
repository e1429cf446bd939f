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
});
