import fc from 'fast-check';
import type { Header } from './credentials';

/** Headers whose absurd values would break the framing or the credentials, not test the API. */
const RESERVED = new Set([
  'authorization',
  'connection',
  'content-length',
  'content-type',
  'expect',
  'host',
  'idempotency-key',
  'keep-alive',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'x-api-key',
]);

const TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const headerName = fc
  .string({ unit: fc.constantFrom(...TCHAR), minLength: 1, maxLength: 40 })
  .filter((name) => !RESERVED.has(name.toLowerCase()));
/** Visible ASCII and Latin-1 (what HTTP/1.1 carries in a header value), spaces inside. */
const headerValue = fc
  .string({
    unit: fc.oneof(
      fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
      fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)),
      fc.constant(' '),
    ),
    maxLength: 1_000,
  })
  .map((value) => value.trim());

/** Extra headers nobody expects: odd names, long values, repeated names, well-known ones with junk. */
export const absurdHeaders: fc.Arbitrary<Header[]> = fc.array(
  fc.oneof(
    fc.tuple(headerName, headerValue),
    fc.tuple(
      fc.constantFrom(
        'accept',
        'accept-encoding',
        'x-forwarded-for',
        'user-agent',
        'cookie',
        'origin',
        'range',
        // Object.prototype's members: a header map that is a plain object trips on these names
        'valueOf',
        'toString',
        '__proto__',
        'constructor',
      ),
      headerValue,
    ),
  ),
  { maxLength: 8 },
);

/** Content types a client might wrongly send a JSON body with (the binary ones arrive base64-encoded). */
export const contentTypes: fc.Arbitrary<Header[]> = fc.oneof(
  fc.constant<Header[]>([]),
  fc
    .constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'multipart/form-data; boundary=xyz',
      'image/png',
      'application/vnd.api+json',
      '*/*',
      'json',
      ';;;',
    )
    .map((type): Header[] => [['content-type', type]]),
  fc.constant<Header[]>([
    ['content-type', 'text/plain'],
    ['content-type', 'application/json'],
  ]),
);

/** More header bytes than the gateway takes (16 KB): refused before anything runs. */
export const oversizedHeaders: fc.Arbitrary<Header[]> = fc
  .integer({ min: 17_000, max: 40_000 })
  .map((size): Header[] => [['x-padding', 'p'.repeat(size)]]);

/** An Idempotency-Key the API must refuse: empty, or longer than 255 characters. */
export const refusedIdempotencyKey: fc.Arbitrary<Header[]> = fc
  .oneof(
    fc.constant(''),
    fc.integer({ min: 256, max: 4_000 }).map((length) => 'k'.repeat(length)),
  )
  .map((key): Header[] => [['idempotency-key', key]]);

/** Any usable Idempotency-Key (sometimes none). */
export const anyIdempotencyKey: fc.Arbitrary<Header[]> = fc.option(
  headerValue
    .filter((key) => key.length > 0 && key.length <= 255)
    .map((key): Header[] => [['idempotency-key', key]]),
  { nil: [] },
);
