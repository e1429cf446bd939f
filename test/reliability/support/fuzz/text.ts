import fc from 'fast-check';

/**
 * Text that breaks naive code: every plane of Unicode, combining marks, right-to-left overrides,
 * zero-width and invisible characters, NUL and other controls, emoji sequences, and lone surrogates
 * (valid in a JSON string as an escape, not valid Unicode).
 */

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

const troublemakers = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  'שלום עולם',
  'مرحبا بالعالم',
  '\u200b\u200c\u200d\u2060', // zero-width
  '\ufeff', // byte order mark
  '\ufffd',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '👩‍👩‍👧‍👦',
  '🇩🇪',
  '𝕳𝖆𝖒𝖇𝖚𝖗𝖌',
  '中文字符',
  'İıß',
  `\${jndi:ldap://x}`,
  "'; DROP TABLE orders; --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '%s%n%x',
  '../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'undefined',
  'true',
);

/** A short piece of awkward text; `lone` adds lone surrogates to the mix. */
export function awkwardText(options: { lone?: boolean; maxLength?: number } = {}): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 2, arbitrary: troublemakers },
    ...(options.lone ? [{ weight: 1, arbitrary: loneSurrogate }] : []),
  );
  return fc.array(unit, { minLength: 1, maxLength: options.maxLength ?? 6 }).map((parts) => parts.join(''));
}

/** Text that holds at least one lone surrogate somewhere. */
export const textWithLoneSurrogate: fc.Arbitrary<string> = fc
  .tuple(awkwardText(), loneSurrogate, awkwardText())
  .map(([before, lone, after]) => `${before}${lone}${after}`);

/**
 * A string longer than any field takes (the longest is 2,000 characters), starting with a letter and
 * with no whitespace to trim, so it can only be refused.
 */
export const oversizedText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 2_100, max: 60_000 }), fc.constantFrom('x', 'Ω', '漢', '😀', '\u202e'))
  .map(([length, fill]) => `A${fill.repeat(Math.ceil(length / fill.length))}`);

/** Numbers that are edge cases somewhere: huge, tiny, negative zero, fractions, beyond 2^53. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, 0, -1, 0.1, 1.5, 5e-324, 2 ** 53, 2 ** 53 + 2, 1e21, 100_000_001),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** What a number field might get as a string instead: `"NaN"`, `"1e308"`, `"-0"`… */
export const numberLikeText: fc.Arbitrary<string> = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '0x10',
  '1_000',
  '１２３', // full-width digits
  '12.500',
  ' 12.5 ',
  '',
);
