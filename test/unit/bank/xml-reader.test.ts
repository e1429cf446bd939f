import { at, parseXml, textAt, XmlSyntaxError } from '../../../shared/bank/xml-reader';

describe('xml reader', () => {
  it('reads elements, attributes, entities, CDATA and drops namespace prefixes', () => {
    // Prepare
    const xml = `\uFEFF<?xml version="1.0"?>
<!-- a comment -->
<ns2:Document xmlns:ns2="urn:x"><ns2:Amt Ccy='EUR'>12.50</ns2:Amt><Txt>A &amp; B &#x263A; &#65;<![CDATA[<raw>]]></Txt><Empty/></ns2:Document>`;

    // Act
    const root = parseXml(xml);

    // Assess
    expect(root.name).toBe('Document');
    expect(at(root, 'Amt')?.attributes.get('Ccy')).toBe('EUR');
    expect(textAt(root, 'Amt')).toBe('12.50');
    expect(textAt(root, 'Txt')).toBe('A & B ☺ A<raw>');
    expect(textAt(root, 'Empty')).toBeUndefined();
  });

  it.each([
    [
      'a DOCTYPE (no DTDs, so no XXE or entity expansion)',
      '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
      /DTD declarations/,
    ],
    ['an unknown entity', '<d>&x;</d>', /unknown or malformed entity/],
    ['mismatched tags', '<a><b></a></b>', /<\/a> does not close <b>/],
    ['an unclosed element', '<a><b></b>', /<a> is not closed/],
    ['two roots', '<a/><b/>', /more than one root/],
    ['no root', '<?xml version="1.0"?>', /no root element/],
    ['text outside the root', 'hello <a/>', /text outside the root/],
    ['a repeated attribute', '<a x="1" x="2"/>', /attribute x is repeated/],
  ])('refuses %s with a line number', (_case, xml, message) => {
    // Act
    const act = () => parseXml(xml);

    // Assess
    expect(act).toThrow(XmlSyntaxError);
    expect(act).toThrow(message);
    expect(act).toThrow(/^line \d+: /);
  });

  it('keeps prototype names as plain attributes and elements', () => {
    // Act
    const root = parseXml('<__proto__ constructor="x"><prototype/></__proto__>');

    // Assess
    expect(root.name).toBe('__proto__');
    expect(root.attributes.get('constructor')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads deeply nested documents without recursion', () => {
    // Prepare
    const depth = 20_000;
    const xml = '<a>'.repeat(depth) + '</a>'.repeat(depth);

    // Act
    const root = parseXml(xml);

    // Assess
    expect(root.name).toBe('a');
  });
});
