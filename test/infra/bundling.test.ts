import { deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptionsOf } from '../../infra/aws/bundling/esbuild-options';
import { LAMBDA_BUNDLING } from '../../infra/aws/functions';
import { REPO_ROOT } from '../../infra/local/lambda/build-functions';
import { buildOrderDocument } from '../../shared/documents/build-documents';
import { DEFAULT_COMPANY_DETAILS } from '../../shared/documents/company-details';
import type { renderDocumentPdf } from '../../shared/documents/render-pdf';
import { customer, fixtureProducts, packedOrder, pdfText, shipment } from '../unit/documents/support';

/** A 2×2 RGB PNG, built here (a logo for the renderer to decode and deflate again). */
function tinyPng(): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

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
      ...esbuildOptionsOf(LAMBDA_BUNDLING, REPO_ROOT),
      stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'ts' },
      sourcemap: false,
      write: false,
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
      ...esbuildOptionsOf(LAMBDA_BUNDLING, REPO_ROOT),
      entryPoints: [`${REPO_ROOT}/functions/api/get-order.ts`],
      sourcemap: false,
      write: false,
      metafile: true,
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

  it("renders trade documents with Node's zlib in place of pako, as the deployed bundles do", async () => {
    // Prepare: the renderer bundled exactly as CDK bundles a function (pako aliased to node:zlib)
    const { outputFiles, metafile } = await build({
      ...esbuildOptionsOf(LAMBDA_BUNDLING, REPO_ROOT),
      stdin: {
        contents: "export { renderDocumentPdf } from './shared/documents/render-pdf';",
        resolveDir: REPO_ROOT,
        loader: 'ts',
      },
      outfile: 'render.js',
      sourcemap: false,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const bundled = { exports: {} as { renderDocumentPdf?: typeof renderDocumentPdf } };
    new Function('module', 'exports', 'require', outputFiles[0].text)(bundled, bundled.exports, require);
    const document = {
      ...buildOrderDocument('commercial-invoice', {
        order: packedOrder({ shipment }),
        customer,
        products: fixtureProducts(),
        company: {
          ...DEFAULT_COMPANY_DETAILS,
          logo: { contentType: 'image/png' as const, base64: tinyPng() },
        },
      }),
      number: 'CI-2026-000123',
      date: '2026-12-01',
      version: 1,
    };

    // Act
    const pdf = await bundled.exports.renderDocumentPdf!(document);

    // Assess: no pako in the bundle, and PDF.js reads the document (fonts, logo and text streams
    // deflated by node:zlib) with its number, lines and company
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((path) => path.includes('node_modules/pako/'))).toBe(false);
    expect(inputs).toContain('infra/aws/bundling/pako-on-node-zlib.ts');
    const text = await pdfText(pdf);
    expect(text).toContain('CI-2026-000123');
    expect(text).toContain('Ball valve DN50, stainless');
    expect(text).toContain(DEFAULT_COMPANY_DETAILS.name);
  });
});
