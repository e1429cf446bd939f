import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from '../../../infra/topology/openapi';

/** Helpers of the OpenAPI tests: the spec validator, and body checks against the document. */

const ROOT = join(__dirname, '../../..');

/**
 * @seriousme/openapi-schema-validator is ESM only (and reads its schemas by `import.meta.url`), which
 * Jest's CommonJS mode cannot load: it runs in a child Node process, given the document on stdin.
 */
export function validateOpenApi(document: unknown): { valid: boolean; version: string; errors?: unknown } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    import { readFileSync } from 'node:fs';
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(readFileSync(0, 'utf8')));
    process.stdout.write(JSON.stringify({ ...result, version: validator.version }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

/** A validator of request bodies against an operation's schema, `$ref`s into the document resolved. */
export function requestBodyValidator(document: OpenApiDocument, path: string, method: string) {
  const operation = document.paths[path]?.[method.toLowerCase()] as {
    requestBody?: { content: { 'application/json': { schema: object } } };
  };
  const schema = operation?.requestBody?.content['application/json'].schema;
  if (!schema) throw new Error(`${method} ${path} takes no body in the document`);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The operation's schema in a root that holds the components, where its `#/components/…` refs point.
  return ajv.compile({ ...schema, components: document.components });
}
