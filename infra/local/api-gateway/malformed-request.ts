import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests API Gateway refuses before routing them (a 4xx, never a 5xx: the client's mistake), each
 * answered in the API's error shape with what to change.
 */
export class MalformedRequestError extends Error {
  override name = 'MalformedRequestError';
}

/** `decodeURIComponent` that names the problem instead of throwing a URIError (a 500). */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MalformedRequestError(
      `The path segment "${segment.slice(0, 100)}" is not valid percent-encoded UTF-8; encode each byte as %XX`,
    );
  }
}

export function answerMalformed(response: ServerResponse, error: MalformedRequestError): void {
  if (response.headersSent) return;
  const body = JSON.stringify({ error: { code: 'MALFORMED_REQUEST', message: error.message } });
  response.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Node's own answer to a request it cannot parse (headers over its limit, a broken request line) is
 * a bare status with no body; this one carries the API's error shape and says what to change.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? {
          code: 'HEADERS_TOO_LARGE',
          message: 'The request line and headers are too large (16 KB at most); send shorter headers or URL',
        }
      : {
          code: 'MALFORMED_REQUEST',
          message: 'The request is not valid HTTP/1.1; check its request line and headers',
        },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
