import type { Document, Element, Node } from '@xmldom/xmldom';
import { MARK_CLOSE, MARK_OPEN, markerTag, parseMarkerTag, wrapInserted, REFERENCE_LIST_HEADING } from '../../core';
import { REL_TYPE, type DocxPackage } from './package';
import { WBuilder, childElements, closestW, isW, remove, textOf, wAttr, wChild, wChildren, wDescendants } from './xml';

/**
 * The reference list ("Kildeliste") at the end of the body, in the same form
 * the Word add-in writes it (src/hosts/word.ts), so either can update the
 * other's list:
 *
 *   <w:sdt> with <w:tag w:val="jpe:kildeliste"/> (a content control),
 *   one paragraph per line, each line's text wrapped in MARK_OPEN…MARK_CLOSE,
 *   and a bookmark "jpe_kildeliste" from the first to the last paragraph.
 *
 * An earlier list is recognised by the content-control tag, or (if an editor
 * dropped the content control) by the bookmark, or by a paragraph whose whole
 * text is the marker-wrapped heading followed by marker-wrapped paragraphs.
 */

export const KILDELISTE_TAG = markerTag('kildeliste');
export const KILDELISTE_BOOKMARK = 'jpe_kildeliste';
const KILDELISTE_ALIAS = 'Jobplan Evidens: Kildeliste';

function sdtTag(sdt: Element): string | null {
  const pr = wChild(sdt, 'sdtPr');
  const tag = pr ? wChild(pr, 'tag') : undefined;
  return tag ? wAttr(tag, 'val') : null;
}

/** Text of a paragraph as the engine sees it (for the marker checks). */
function isInsertedText(t: string): boolean {
  const s = t.trim();
  return s.startsWith(MARK_OPEN) && s.endsWith(MARK_CLOSE);
}

function paragraphText(p: Element): string {
  let out = '';
  for (const t of wDescendants(p, 't')) if (isW(t.parentNode, 'r')) out += textOf(t);
  return out;
}

/** Where a removed list stood, so the new one takes its place. */
export interface ListSlot {
  parent: Node;
  before: Node | null;
}

/**
 * Remove every earlier Kildeliste (ours or the add-in's). Returns the slot of
 * the first one (to put the new list there), or null if there was none.
 */
export function removeKildeliste(document: Document): ListSlot | null {
  let slot: ListSlot | null = null;
  const take = (nodes: Node[]) => {
    const first = nodes[0];
    if (!first || !first.parentNode) return;
    if (!slot) slot = { parent: first.parentNode, before: nodes[nodes.length - 1]?.nextSibling ?? null };
    else if (slot.before && nodes.includes(slot.before)) slot.before = nodes[nodes.length - 1]?.nextSibling ?? null;
    for (const n of nodes) remove(n);
  };

  // 1. Content controls tagged jpe:kildeliste (block level: the whole control).
  for (const sdt of wDescendants(document, 'sdt')) {
    if (sdtTag(sdt) !== KILDELISTE_TAG || !sdt.parentNode) continue;
    if (closestW(sdt.parentNode, 'p')) {
      // Inline control: drop the paragraph only if nothing but our text is in it.
      const p = closestW(sdt.parentNode, 'p') as Element;
      if (isInsertedText(paragraphText(p)) || paragraphText(p).trim() === '') take([p]);
      else take([sdt]);
    } else take([sdt]);
  }

  // 2. The bookmark, if the content control is gone.
  for (const bm of wDescendants(document, 'bookmarkStart')) {
    if (wAttr(bm, 'name') !== KILDELISTE_BOOKMARK || !bm.parentNode) continue;
    const id = wAttr(bm, 'id');
    const end = wDescendants(document, 'bookmarkEnd').find((e) => wAttr(e, 'id') === id);
    const p1 = closestW(bm, 'p') ?? nextParagraph(bm);
    const p2 = end ? (closestW(end, 'p') ?? previousParagraph(end)) : p1;
    remove(bm);
    if (end) remove(end);
    if (!p1) continue;
    const nodes: Node[] = [];
    for (let n: Node | null = p1; n && isW(n, 'p'); n = n.nextSibling) {
      const t = paragraphText(n);
      if (!isInsertedText(t) && t.trim() !== '') break; // never remove text the user wrote
      nodes.push(n);
      if (n === p2) break;
    }
    take(nodes);
  }

  // 3. The marker-wrapped heading and the marked paragraphs after it.
  const heading = wrapInserted(REFERENCE_LIST_HEADING);
  for (const p of wDescendants(document, 'p')) {
    if (!p.parentNode || paragraphText(p).trim() !== heading) continue;
    const nodes: Node[] = [p];
    for (let n = p.nextSibling; n; n = n.nextSibling) {
      if (!isW(n, 'p')) break;
      if (!isInsertedText(paragraphText(n))) break;
      nodes.push(n);
    }
    take(nodes);
  }
  return slot;
}

/** Findings of citations the add-in inserted into the text (content controls tagged jpe:cite:…). */
export function insertedCitationFindings(document: Document): string[] {
  const out: string[] = [];
  for (const sdt of wDescendants(document, 'sdt')) {
    const tag = sdtTag(sdt);
    const parsed = tag ? parseMarkerTag(tag) : null;
    if (parsed?.kind === 'cite' && parsed.finding && !out.includes(parsed.finding)) out.push(parsed.finding);
  }
  return out;
}

function nextParagraph(n: Node): Element | null {
  for (let c = n.nextSibling; c; c = c.nextSibling) if (isW(c, 'p')) return c;
  return null;
}

function previousParagraph(n: Node): Element | null {
  for (let c = n.previousSibling; c; c = c.previousSibling) if (isW(c, 'p')) return c;
  return null;
}

/** The style id of the built-in "heading 1", if the document defines it. */
export async function heading1StyleId(pkg: DocxPackage): Promise<string | null> {
  const { rels } = await pkg.relsOf(pkg.mainPath);
  const rel = rels.find((r) => r.type === REL_TYPE.styles && !r.external);
  if (!rel) return null;
  const path = pkg.targetPath(pkg.mainPath, rel);
  if (!pkg.has(path)) return null;
  const doc = await pkg.xml(path);
  for (const s of wDescendants(doc, 'style')) {
    if (wAttr(s, 'type') !== 'paragraph') continue;
    const name = wChild(s, 'name');
    if ((name && (wAttr(name, 'val') ?? '').toLowerCase() === 'heading 1') || wAttr(s, 'styleId') === 'Heading1') return wAttr(s, 'styleId');
  }
  return null;
}

function nextBookmarkId(document: Document): number {
  let max = -1;
  for (const local of ['bookmarkStart', 'bookmarkEnd']) {
    for (const b of wDescendants(document, local)) {
      const n = Number(wAttr(b, 'id'));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return max + 1;
}

/**
 * Insert the list (heading + one paragraph per entry) in `slot`, or at the end
 * of the body (before its final w:sectPr). Nothing is inserted for no entries.
 */
export function insertKildeliste(document: Document, entries: string[], slot: ListSlot | null, headingStyle: string | null): number {
  if (entries.length === 0) return 0;
  const b = new WBuilder(document);
  const body = wDescendants(document, 'body')[0];
  if (!body) return 0;
  const lines = [REFERENCE_LIST_HEADING, ...entries];
  const bmId = String(nextBookmarkId(document));
  const paragraphs = lines.map((line, i) => {
    const pPr =
      i === 0
        ? b.el('pPr', {}, [
            headingStyle ? b.el('pStyle', { val: headingStyle }) : null,
            headingStyle ? null : b.el('keepNext'),
            headingStyle ? null : b.el('spacing', { before: '240', after: '120' }),
          ])
        : null;
    const rPr = i === 0 && !headingStyle ? b.el('rPr', {}, [b.el('b')]) : null;
    const p = b.el('p', {}, [pPr]);
    if (i === 0) p.appendChild(b.el('bookmarkStart', { id: bmId, name: KILDELISTE_BOOKMARK }));
    p.appendChild(b.el('r', {}, [rPr, b.t(wrapInserted(line))]));
    if (i === lines.length - 1) p.appendChild(b.el('bookmarkEnd', { id: bmId }));
    return p;
  });
  const sdt = b.el('sdt', {}, [
    b.el('sdtPr', {}, [b.el('alias', { val: KILDELISTE_ALIAS }), b.el('tag', { val: KILDELISTE_TAG })]),
    b.el('sdtContent', {}, paragraphs),
  ]);
  if (slot && attached(slot.parent)) {
    slot.parent.insertBefore(sdt, slot.before && slot.before.parentNode === slot.parent ? slot.before : null);
  } else {
    const sect = childElements(body).filter((c) => isW(c, 'sectPr')).pop();
    body.insertBefore(sdt, sect ?? null);
  }
  return entries.length;
}

/** Texts of our list's paragraphs, markers included (for tests and checks); [] if there is none. */
export function kildelisteTexts(document: Document): string[] {
  for (const sdt of wDescendants(document, 'sdt')) {
    if (sdtTag(sdt) !== KILDELISTE_TAG) continue;
    const content = wChild(sdt, 'sdtContent');
    return content ? wChildren(content, 'p').map(paragraphText) : [];
  }
  return [];
}

function attached(n: Node): boolean {
  for (let c: Node | null = n; c; c = c.parentNode) if (c.nodeType === 9) return true;
  return false;
}
