/**
 * The string machinery of event patterns: wildcards (`*` for any run of characters, linear matching)
 * and case-insensitive comparison per UTF-16 unit, as EventBridge's matcher (Java chars) does it.
 */

/**
 * `*` matches any run of characters (none included); `\*` is a literal star and `\\` a literal
 * backslash; `**` and any other escape are invalid. Positions are UTF-8 offsets counted as AWS does.
 * Matching is greedy over the literal pieces between stars, so it stays linear (no regex backtracking).
 */
export function wildcardMatcher(text: string): (value: string) => boolean {
  const pieces = [''];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const pos = Buffer.byteLength(text.slice(0, i)) + 1;
    if (char === '*') {
      if (text[i + 1] === '*') throw new Error(`Consecutive wildcard characters at pos ${pos}`);
      pieces.push('');
    } else if (char === '\\') {
      const next = text[i + 1];
      if (next !== '*' && next !== '\\') throw new Error(`Invalid escape character at pos ${pos}`);
      pieces[pieces.length - 1] += next;
      i++;
    } else {
      pieces[pieces.length - 1] += char;
    }
  }
  const [first, ...rest] = pieces;
  if (rest.length === 0) return (value) => value === first;
  const last = rest.pop() as string;
  return (value) => {
    if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) {
      return false;
    }
    const end = value.length - last.length;
    let from = first.length;
    for (const piece of rest) {
      const found = value.indexOf(piece, from);
      if (found === -1 || found + piece.length > end) return false;
      from = found + piece.length;
    }
    return true;
  };
}

// Each character of the pattern matches its lower or upper case (per UTF-16 unit, as Java's char).
export function ignoreCaseRegex(text: string, start: '^' | '', end: '$' | ''): RegExp {
  let source = '';
  for (const unit of text.split('')) {
    const lower = unit.toLowerCase();
    const upper = unit.toUpperCase();
    source += lower === upper ? escapeRegex(lower) : `(?:${escapeRegex(lower)}|${escapeRegex(upper)})`;
  }
  return new RegExp(`${start}${source}${end}`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
