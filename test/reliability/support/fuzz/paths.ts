import fc from 'fast-check';
import { ulid } from 'ulid';
import { awkwardText } from './text';

/**
 * Path parameters no route takes, as they appear in the path (already encoded where meant): traversal,
 * encoded slashes and NUL, unicode, ids far too long, and percent-encoding that is no UTF-8. Each holds
 * a character neither an order id nor a sku allows, or is longer than both.
 */
export const refusedPathParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    // Not '.' nor '..': URL normalization (the client's, the gateway's) resolves them before routing,
    // so `GET /purchase-orders/.` is the listing and `GET /orders/ord_1/documents/..` the order: rightly
    // a 200, not a refused parameter. Traversal stays tried in its encoded forms below.
    '..%2F..%2Fcustomers',
    '%2e%2e%2f%2e%2e',
    '..%5C..%5Cwindows',
    '%00',
    'ord_%00',
    '%2F',
    '%',
    '%zz',
    '%E0%A4%A',
    '%ED%A0%80', // an encoded lone surrogate
    '%C0%AF', // an overlong encoding of "/"
    '%252e%252e',
    '~root',
    '*',
    'ord_01JD00000000000000000000001', // one character too many
  ),
  fc
    .tuple(awkwardText(), fc.constantFrom('~', '!', '*', '(', 'é', '😀', '<', '\u202e'), awkwardText())
    .map(([before, bad, after]) => encodeURIComponent(`${before}${bad}${after}`.replace(/\s/g, ''))),
  fc.integer({ min: 65, max: 6_000 }).map((length) => 'A'.repeat(length)),
);

/** An order id of the right form that no order has: the route answers 404. */
export const unknownOrderId: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 2 ** 40 })
  .map((time) => `ord_${ulid(time)}`);

/** Paths under no resource, with methods that are and are not HTTP's own. */
export const unknownRoute = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'),
  path: fc
    .array(fc.string({ unit: fc.constantFrom(...'abcxyz019-_.~'), minLength: 1, maxLength: 12 }), {
      maxLength: 4,
    })
    .map((segments) => `/nowhere/${segments.join('/')}`),
});
