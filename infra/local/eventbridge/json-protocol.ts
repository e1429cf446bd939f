import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The AWS JSON 1.1 protocol as the SDK speaks it: POST with `X-Amz-Target: <Service>.<Operation>`,
 * JSON in and out, and errors as `{ "__type", "message" }` with the type in `x-amzn-ErrorType`.
 */
export const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** An error answered to the client in AWS' shape. */
export class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = 'AwsJsonError';
  }
}

export function validationError(message: string): AwsJsonError {
  return new AwsJsonError('ValidationException', message);
}

/** The operation named by the target header, if it is for this service. */
export function operationOf(request: IncomingMessage, servicePrefix: string): string | undefined {
  const target = request.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith(`${servicePrefix}.`)) return undefined;
  return target.slice(servicePrefix.length + 1);
}

/** Reads and parses the body; an empty body is `{}`, anything but a JSON object is a SerializationException. */
export async function readJsonBody(
  request: IncomingMessage,
  limitBytes: number,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      throw new AwsJsonError('SerializationException', `Request body is over ${limitBytes} bytes`, 413);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new AwsJsonError(
      'SerializationException',
      `Request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AwsJsonError('SerializationException', 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function sendJson(
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  response.end(payload);
}

export function sendError(response: ServerResponse, error: AwsJsonError) {
  sendJson(
    response,
    error.statusCode,
    { __type: error.type, message: error.message },
    { 'x-amzn-ErrorType': error.type },
  );
}
