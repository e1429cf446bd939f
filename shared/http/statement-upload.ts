import type { APIGatewayProxyEvent } from 'aws-lambda';
import { importStatementEnvelope } from '../contracts/finance';
import { InvalidInputError } from '../errors';
import type { StatementFormat } from '../use-cases/finance/import-bank-statement';
import { parseBody } from './request';

/** A statement file larger than this is refused: it would not be reconciled within the API's 29 s. */
export const MAX_STATEMENT_BYTES = 1024 * 1024;

/**
 * The statement a POST /bank-transactions carries, by its Content-Type: the file itself as
 * `text/csv`, `application/xml` or `text/xml` (camt.053), or a JSON envelope
 * `{ format, content, encoding? }` for clients that only send JSON. API Gateway passes text bodies
 * as they are and base64-encodes binary media types; both are read. Bounded in size.
 */
export function statementOf(event: APIGatewayProxyEvent): { format: StatementFormat; text: string } {
  if (!event.body)
    throw new InvalidInputError('send the statement file as the body', undefined, 'INVALID_BODY');
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  const type = mediaType(event);
  // An envelope carries the file base64-encoded or JSON-escaped: its content is checked once decoded.
  if (raw.length > MAX_STATEMENT_BYTES * (type === 'application/json' || type === '' ? 2 : 1)) {
    tooLarge(raw.length);
  }
  if (type === 'text/csv') return { format: 'csv', text: utf8(raw) };
  if (type === 'application/xml' || type === 'text/xml') return { format: 'camt053', text: utf8(raw) };
  if (type === 'application/json' || type === '') {
    const envelope = parseBody(event, importStatementEnvelope);
    const content =
      envelope.encoding === 'base64'
        ? Buffer.from(envelope.content, 'base64')
        : Buffer.from(envelope.content, 'utf8');
    if (content.length > MAX_STATEMENT_BYTES) tooLarge(content.length);
    return { format: envelope.format, text: utf8(content) };
  }
  throw new InvalidInputError(
    `Content-Type ${type} is not a statement: send text/csv, application/xml (camt.053) or a JSON envelope { format, content }`,
    'Content-Type',
    'UNSUPPORTED_MEDIA_TYPE',
  );
}

function mediaType(event: APIGatewayProxyEvent): string {
  const header = Object.entries(event.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** The text, without a byte-order mark (spreadsheets and some banks write one). */
function utf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(bytes: number): never {
  throw new InvalidInputError(
    `the statement is ${bytes} bytes; send at most ${MAX_STATEMENT_BYTES} (split it by date)`,
    'statement',
    'STATEMENT_TOO_LARGE',
  );
}
