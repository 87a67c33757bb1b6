/** Writing XML for the GIS files (QML, SLD, KML) and the SVG picture: every attribute and text escaped. */

/** Whether XML 1.0 can hold a code point at all, even escaped: not most C0 controls, lone surrogates or U+FFFE/F. */
const isXmlChar = (c: number): boolean =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  c >= 0x10000;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text as XML character data or an attribute value: markup escaped, characters XML cannot hold left out. */
export function escapeXml(text: string): string {
  let out = '';
  // By code point: a lone surrogate comes out on its own, and is left out.
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) out += ENTITIES[char] ?? char;
  return out;
}

export type XmlAttributes = Record<string, string | number | boolean | undefined>;

/** Children of an element: already-written elements, or text (escaped here). */
export type XmlChild = XmlNode | string;

/** A written element; strings among children are text, escaped when written. */
export interface XmlNode {
  readonly xml: string;
}

/**
 * `<name a="…">children</name>`, each child on its own line below an element that holds elements,
 * so the GIS files diff well. Attributes left undefined are left out.
 */
export function xml(name: string, attributes: XmlAttributes = {}, ...children: XmlChild[]): XmlNode {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) open += ` ${key}="${escapeXml(String(value))}"`;
  }
  if (children.length === 0) return { xml: `${open}/>` };
  const onlyText = children.every((c) => typeof c === 'string');
  if (onlyText) return { xml: `${open}>${children.map((c) => escapeXml(c as string)).join('')}</${name}>` };
  // Not indented: indenting would change any multi-line text inside.
  const inner = children.map((c) => (typeof c === 'string' ? escapeXml(c) : c.xml)).join('\n');
  return { xml: `${open}>\n${inner}\n</${name}>` };
}

/** A whole document: the XML declaration, an optional doctype line, the root element and a final newline. */
export const xmlDocument = (root: XmlNode, doctype?: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype ? `${doctype}\n` : ''}${root.xml}\n`;
