import type { Document, Element, Node } from '@xmldom/xmldom';
import { NS, isElement, isW, textOf, wDescendants } from './xml';

/**
 * The plain text the engine sees in a .docx body, with a map from every text
 * offset back to the element it came from.
 *
 * - Each `w:p` is a paragraph (table cells: each `w:p` inside a `w:tc`; text
 *   boxes: their own paragraphs); paragraphs are joined with "\r", as in Word.
 * - Inside a run (`w:r`): `w:t` → its text, `w:tab`/`w:ptab` → "\t",
 *   `w:br` → "\v" (Word's manual line break), `w:cr` → "\n",
 *   `w:noBreakHyphen` → "-", `w:softHyphen` → U+00AD. Everything else
 *   (field codes, deleted text, drawings) gives no text.
 * - Deleted runs (`w:del`, `w:moveFrom`) and `mc:Fallback` copies are skipped.
 */

export interface Segment {
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** The `w:t` (kind "t") or the one-character element (kind "char"). */
  node: Element;
  kind: 't' | 'char';
}

export interface ParagraphSpan {
  el: Element;
  start: number;
  end: number;
}

export interface TextMap {
  text: string;
  /** In text order, non-overlapping. */
  segments: Segment[];
  paragraphs: ParagraphSpan[];
}

const CHAR_OF: Readonly<Record<string, string>> = {
  tab: '\t',
  ptab: '\t',
  br: '\v',
  cr: '\n',
  noBreakHyphen: '-',
  softHyphen: '\u00AD',
};

/** Containers whose content is not displayed text (or is a duplicate). */
function skipped(el: Element): boolean {
  if (el.namespaceURI === NS.mc && el.localName === 'Fallback') return true;
  if (el.namespaceURI !== NS.w) return false;
  switch (el.localName) {
    case 'pPr':
    case 'rPr':
    case 'sdtPr':
    case 'sdtEndPr':
    case 'del':
    case 'moveFrom':
    case 'instrText':
    case 'delText':
    case 'delInstrText':
    case 'p': // a nested paragraph (text box) is a paragraph of its own
      return true;
    default:
      return false;
  }
}

function inFallback(n: Node): boolean {
  for (let c: Node | null = n.parentNode; c; c = c.parentNode)
    if (isElement(c) && c.namespaceURI === NS.mc && c.localName === 'Fallback') return true;
  return false;
}

/** The paragraphs of the body, in document order (nested text-box paragraphs included, `mc:Fallback` copies not). */
export function bodyParagraphs(doc: Document): Element[] {
  const body = wDescendants(doc, 'body')[0];
  if (!body) return [];
  return wDescendants(body, 'p').filter((p) => !inFallback(p));
}

/** Build the text and its map. */
export function buildTextMap(doc: Document): TextMap {
  let text = '';
  const segments: Segment[] = [];
  const paragraphs: ParagraphSpan[] = [];
  const visit = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (skipped(c)) continue;
      if (c.namespaceURI === NS.w && isW(c.parentNode, 'r')) {
        if (c.localName === 't') {
          const t = textOf(c);
          if (t.length) {
            segments.push({ start: text.length, end: text.length + t.length, node: c, kind: 't' });
            text += t;
          }
          continue;
        }
        const ch = c.localName ? CHAR_OF[c.localName] : undefined;
        if (ch !== undefined) {
          segments.push({ start: text.length, end: text.length + 1, node: c, kind: 'char' });
          text += ch;
          continue;
        }
      }
      visit(c);
    }
  };
  bodyParagraphs(doc).forEach((p, i) => {
    if (i > 0) text += '\r';
    const start = text.length;
    visit(p);
    paragraphs.push({ el: p, start, end: text.length });
  });
  return { text, segments, paragraphs };
}

/** The segment holding the character at `offset` (binary search), or undefined. */
export function segmentAt(map: TextMap, offset: number): Segment | undefined {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid] as Segment;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The visible text of one paragraph, as the engine sees it (for tests and checks). */
export function paragraphTexts(doc: Document): string[] {
  const map = buildTextMap(doc);
  return map.paragraphs.map((p) => map.text.slice(p.start, p.end));
}
