import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SfnApiError } from './api-error';
import type { Operation } from './api-operations';
import { isJsonObject, parseJson } from './json';

const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The Step Functions wire protocol: JSON 1.0 over POST, the operation named by X-Amz-Target. */
export function createSfnHttpServer(
  operations: ReadonlyMap<string, Operation>,
  log: (line: string) => void,
): Server {
  return createServer((request, response) => {
    void handle(request, response, operations, log);
  });
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  operations: ReadonlyMap<string, Operation>,
  log: (line: string) => void,
): Promise<void> {
  try {
    const body = await readBody(request);
    const target = request.headers['x-amz-target'];
    const name =
      typeof target === 'string' && target.startsWith(TARGET_PREFIX)
        ? target.slice(TARGET_PREFIX.length)
        : '';
    const operation = request.method === 'POST' ? operations.get(name) : undefined;
    if (!operation)
      throw new SfnApiError('UnknownOperationException', `Unknown operation: '${String(target)}'`);
    const parsed = body.trim() === '' ? {} : parseJson(body);
    if (!isJsonObject(parsed))
      throw new SfnApiError('SerializationException', 'The request body is not a JSON object');
    send(response, 200, await operation(parsed));
  } catch (error) {
    if (error instanceof SfnApiError) {
      send(response, 400, { __type: error.type, message: error.message }, error.type);
      return;
    }
    log(`sfn: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    send(response, 500, {
      __type: 'InternalFailure',
      message: 'Internal error in the local Step Functions server',
    });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new SfnApiError('ValidationException', 'Request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: object, errorType?: string): void {
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': randomUUID(),
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers).end(toWireJson(body));
}

/** JSON with dates as epoch seconds, as the AWS JSON protocols send timestamps. */
export function toWireJson(value: object): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, item: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : item;
  });
}
