/**
 * A small, strict XML reader for bank files: elements, attributes, text, CDATA, comments and the
 * five predefined entities plus character references. No DTDs: a DOCTYPE is refused outright, so
 * there is no external entity (XXE) and no entity expansion to abuse. Namespace prefixes are
 * dropped (`ns2:Ntry` reads as `Ntry`) since ISO 20022 files use one namespace per document.
 * Iterative (no recursion), so deep nesting cannot overflow the stack.
 */

export interface XmlElement {
  /** Local name, prefix removed. */
  name: string;
  /** Attributes by qualified name (`xmlns`, `xmlns:ns2`, `Ccy`); a Map, so no prototype keys. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), concatenated, untrimmed. */
  text: string;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const NAME = /[A-Za-z_][\w.\-:]*/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.\-:]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const xml = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const lineAt = (at: number) => xml.slice(0, at).split('\n').length;
  const fail = (message: string, at = i): never => {
    throw new XmlSyntaxError(message, lineAt(at));
  };

  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      const parent = stack.at(-1);
      if (parent) parent.text += decodeEntities(text, () => fail('unknown or malformed entity', i));
      else if (text.trim() !== '') fail('text outside the root element');
      i = textEnd;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) fail('a comment is not closed');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) fail('a CDATA section is not closed');
      const parent = stack.at(-1) ?? fail('CDATA outside the root element');
      parent.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      // DOCTYPE, ENTITY and friends: refused, never interpreted.
      fail('DTD declarations (<!DOCTYPE …>, <!ENTITY …>) are not accepted');
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) fail('a processing instruction is not closed');
      i = end + 2;
    } else if (xml.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const match = NAME.exec(xml) ?? fail('a closing tag has no name');
      const close = xml.indexOf('>', NAME.lastIndex);
      if (close === -1 || xml.slice(NAME.lastIndex, close).trim() !== '') fail('a closing tag is malformed');
      const open = stack.pop() ?? fail(`</${match[0]}> closes nothing`);
      if (open.name !== localName(match[0])) fail(`</${match[0]}> does not close <${open.name}>`);
      i = close + 1;
    } else {
      NAME.lastIndex = i + 1;
      const match = NAME.exec(xml) ?? fail('a tag has no name');
      const element: XmlElement = {
        name: localName(match[0]),
        attributes: new Map(),
        children: [],
        text: '',
      };
      i = NAME.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = i;
        const attribute = ATTRIBUTE.exec(xml);
        if (!attribute) break;
        const value = attribute[3] ?? attribute[4];
        if (element.attributes.has(attribute[1])) fail(`attribute ${attribute[1]} is repeated`);
        element.attributes.set(
          attribute[1],
          decodeEntities(value, () => fail('malformed entity', i)),
        );
        i = ATTRIBUTE.lastIndex;
      }
      while (/\s/.test(xml[i] ?? '')) i++;
      const selfClosing = xml.startsWith('/>', i);
      if (!selfClosing && xml[i] !== '>') fail(`the tag <${match[0]}> is malformed`);
      i += selfClosing ? 2 : 1;
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail('more than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)?.name}> is not closed`, xml.length);
  return root ?? fail('no root element', 0);
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function decodeEntities(text: string, malformed: () => never): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) return malformed();
    if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref];
    const code = /^#x([0-9a-f]+)$/i.test(ref)
      ? Number.parseInt(ref.slice(2), 16)
      : /^#\d+$/.test(ref)
        ? Number.parseInt(ref.slice(1), 10)
        : Number.NaN;
    if (!Number.isInteger(code) || code > 0x10ffff || code === 0) return malformed();
    return String.fromCodePoint(code);
  });
}

/** The first child with the local name, or undefined. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Follows a path of local names; the first match at each step. */
export function at(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) current = child(current, name);
  return current;
}

/** Trimmed text at the path, or undefined when absent or blank. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | undefined {
  const text = at(element, ...path)?.text.trim();
  return text ? text : undefined;
}
