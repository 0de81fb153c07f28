import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

/**
 * Small DOM helpers for WordprocessingML on top of @xmldom/xmldom. Everything
 * that touches a .docx part goes through a parsed DOM: no string surgery on XML.
 */

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  xml: 'http://www.w3.org/XML/1998/namespace',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Parse an XML part; any error (not just a fatal one) throws XmlError. */
export function parseXml(source: string, partName: string): Document {
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new XmlError(`${partName} is not well-formed XML (${String(msg).split('\n')[0]})`);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(source, 'application/xml');
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError(`${partName} is not well-formed XML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  if (!doc.documentElement) throw new XmlError(`${partName} has no root element`);
  return doc;
}

export function serializeXml(doc: Document): string {
  let out = new XMLSerializer().serializeToString(doc);
  // Keep the declaration Word writes (xmldom keeps a parsed one; a new part has none).
  if (!out.startsWith('<?xml')) out = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${out}`;
  return out;
}

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === 1;
}

/** True for an element `<w:local>` (any prefix bound to the WordprocessingML namespace). */
export function isW(n: Node | null | undefined, local: string): n is Element {
  return isElement(n) && n.namespaceURI === NS.w && n.localName === local;
}

export function childElements(el: Node): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

export function wChildren(el: Node, local: string): Element[] {
  return childElements(el).filter((c) => isW(c, local));
}

export function wChild(el: Node, local: string): Element | undefined {
  return childElements(el).find((c) => isW(c, local));
}

/** Every `<w:local>` below `root`, in document order. */
export function wDescendants(root: Document | Element, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(NS.w, local));
}

/** The value of a `w:`-namespaced attribute (e.g. w:val, w:id), or null. */
export function wAttr(el: Element, local: string): string | null {
  if (el.hasAttributeNS(NS.w, local)) return el.getAttributeNS(NS.w, local);
  return null;
}

/** The prefix the document uses for WordprocessingML ("w" almost always). */
export function wPrefix(doc: Document): string {
  const root = doc.documentElement;
  const p = root ? root.lookupPrefix(NS.w) : null;
  return p ?? 'w';
}

/** A builder for `<w:…>` elements in one document, using that document's prefix. */
export class WBuilder {
  private readonly prefix: string;

  constructor(readonly doc: Document) {
    this.prefix = wPrefix(doc);
  }

  el(local: string, attrs: Record<string, string> = {}, children: Array<Element | null | undefined> = []): Element {
    const e = this.doc.createElementNS(NS.w, `${this.prefix}:${local}`);
    for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(NS.w, `${this.prefix}:${k}`, v);
    for (const c of children) if (c) e.appendChild(c);
    return e;
  }

  /** `<w:t xml:space="preserve">text</w:t>` */
  t(text: string): Element {
    const e = this.el('t');
    e.setAttributeNS(NS.xml, 'xml:space', 'preserve');
    e.appendChild(this.doc.createTextNode(xmlSafe(text)));
    return e;
  }
}

/** Characters XML 1.0 cannot carry are dropped (evidence text never has them; this is a guard). */
export function xmlSafe(s: string): string {
  return s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');
}

/** The text content of an element (all descendant text nodes). */
export function textOf(el: Node): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) out += (c as unknown as { data: string }).data;
    else if (isElement(c)) out += textOf(c);
  }
  return out;
}

/** Replace an element's children by one text node. */
export function setText(el: Element, text: string): void {
  const doc = el.ownerDocument;
  if (!doc) throw new Error('setText: element has no owner document');
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(doc.createTextNode(text));
}

export function remove(n: Node): void {
  if (n.parentNode) n.parentNode.removeChild(n);
}

export function insertAfter(newNode: Node, ref: Node): void {
  const parent = ref.parentNode;
  if (!parent) throw new Error('insertAfter: reference node has no parent');
  parent.insertBefore(newNode, ref.nextSibling);
}

/** The nearest ancestor (or the node itself) that is `<w:local>`. */
export function closestW(n: Node, local: string): Element | null {
  for (let c: Node | null = n; c; c = c.parentNode) if (isW(c, local)) return c;
  return null;
}
