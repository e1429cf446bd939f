/**
 * The PDFs use the 14 standard fonts, which encode text in WinAnsi (Latin-1 plus a few signs): a
 * Chinese buyer name or a Polish "ł" cannot be drawn with them, and pdf-lib throws on it. Chosen
 * behaviour: an accented letter WinAnsi lacks loses its accent ("ź" → "z"; "ó" is drawn as is), every
 * other character that cannot be drawn becomes "?" ("Łódź" → "?ódz", "上海" → "??"), and the document carries a note that the original
 * text is in its JSON data (and on the order). Nothing crashes, and nothing is silently dropped.
 */
export function toWinAnsi(text: string, drawable: ReadonlySet<number>): { text: string; replaced: boolean } {
  let replaced = false;
  let out = '';
  for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (drawable.has(code)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    if (base && [...base].every((part) => drawable.has(part.codePointAt(0)!))) {
      out += base;
    } else {
      out += '?';
    }
    replaced = true;
  }
  return { text: out, replaced };
}
