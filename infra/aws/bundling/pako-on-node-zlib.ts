import { deflateSync, inflateSync } from 'node:zlib';

/**
 * What the Lambda bundles get for `pako` (an esbuild alias in LAMBDA_BUNDLING): pdf-lib and its font
 * and PNG helpers use pako, a JavaScript port of zlib made for browsers, for the two calls below only.
 * Node has zlib built in, so on Lambda they go to it: the same format (zlib-wrapped deflate, level 6
 * unless asked), and 47 KB less in each function that renders PDFs. The local runtime and the tests
 * load pako itself; `test/infra/pako-alias.test.ts` renders a document through this alias.
 */
export function deflate(data: Uint8Array, options?: { level?: number }): Uint8Array {
  const out = deflateSync(data, options?.level === undefined ? {} : { level: options.level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export function inflate(data: Uint8Array): Uint8Array {
  const out = inflateSync(data);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export default { deflate, inflate };
