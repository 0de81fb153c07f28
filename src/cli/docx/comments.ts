import type { Document, Element } from '@xmldom/xmldom';
import { MARK_CLOSE, MARK_OPEN } from '../../core';
import { CONTENT_TYPE_COMMENTS, REL_TYPE, type DocxPackage } from './package';
import { NS, WBuilder, childElements, insertAfter, isElement, isW, parseXml, remove, textOf, wAttr, wChildren, wDescendants } from './xml';

/**
 * Word comments (word/comments.xml) written by the CLI.
 *
 * Our comments are recognised by author "Jobplan Evidens" AND text wrapped in
 * the core's invisible markers (the first paragraph starts with MARK_OPEN, the
 * last ends with MARK_CLOSE). Both must hold, so a comment a colleague writes by
 * hand is never touched, not even one signed "Jobplan Evidens".
 */

export const COMMENT_AUTHOR = 'Jobplan Evidens';
export const COMMENT_INITIALS = 'JE';

const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

export interface CommentsPart {
  path: string;
  doc: Document;
  root: Element;
}

/** The comments part of the main document, if there is one. */
export async function findCommentsPart(pkg: DocxPackage): Promise<CommentsPart | null> {
  const { rels } = await pkg.relsOf(pkg.mainPath);
  const rel = rels.find((r) => r.type === REL_TYPE.comments && !r.external);
  if (!rel) return null;
  const path = pkg.targetPath(pkg.mainPath, rel);
  if (!pkg.has(path)) return null;
  const doc = await pkg.xml(path);
  return { path, doc, root: doc.documentElement as Element };
}

/** The comments part, created (with relationship and content type) when missing. */
export async function ensureCommentsPart(pkg: DocxPackage): Promise<CommentsPart> {
  const found = await findCommentsPart(pkg);
  if (found) return found;
  const dir = pkg.mainPath.includes('/') ? pkg.mainPath.slice(0, pkg.mainPath.lastIndexOf('/') + 1) : '';
  let name = 'comments.xml';
  for (let n = 2; pkg.has(dir + name); n++) name = `comments${n}.xml`;
  const path = dir + name;
  const doc = parseXml(`<w:comments xmlns:w="${NS.w}"/>`, path);
  pkg.setXml(path, doc);
  pkg.touch(path);
  await pkg.addRel(pkg.mainPath, REL_TYPE.comments, name);
  await pkg.ensureOverride(path, CONTENT_TYPE_COMMENTS);
  return { path, doc, root: doc.documentElement as Element };
}

export function isOurComment(c: Element): boolean {
  if (wAttr(c, 'author') !== COMMENT_AUTHOR) return false;
  const t = textOf(c);
  return t.includes(MARK_OPEN) && t.includes(MARK_CLOSE);
}

const COMMENT_MARKERS = ['commentRangeStart', 'commentRangeEnd', 'commentReference'];

/**
 * Remove our earlier comments: from the comments part, their anchors from the
 * document, and their entries in Word's companion parts (commentsExtended,
 * commentsIds, commentsExtensible). Returns how many were removed.
 */
export async function removeOurComments(pkg: DocxPackage, document: Document): Promise<number> {
  const part = await findCommentsPart(pkg);
  if (!part) return 0;
  const ours = wChildren(part.root, 'comment').filter(isOurComment);
  if (ours.length === 0) return 0;
  const ids = new Set(ours.map((c) => wAttr(c, 'id') ?? ''));
  const paraIds = new Set<string>();
  for (const c of ours) {
    for (const p of wDescendants(c, 'p')) {
      const id = p.getAttributeNS(W14, 'paraId');
      if (id) paraIds.add(id);
    }
    remove(c);
  }
  pkg.touch(part.path);

  for (const local of COMMENT_MARKERS) {
    for (const m of wDescendants(document, local)) {
      if (!ids.has(wAttr(m, 'id') ?? '')) continue;
      const run = m.parentNode;
      remove(m);
      // The reference run we wrote holds nothing else.
      if (local === 'commentReference' && isW(run, 'r') && childElements(run).every((c) => isW(c, 'rPr'))) remove(run);
    }
  }
  pkg.touch(pkg.mainPath);
  if (paraIds.size) await cleanCompanions(pkg, paraIds);
  return ours.length;
}

/** Drop companion-part entries that point at removed comment paragraphs. */
async function cleanCompanions(pkg: DocxPackage, paraIds: Set<string>): Promise<void> {
  const { rels } = await pkg.relsOf(pkg.mainPath);
  const partOf = (type: string) => {
    const rel = rels.find((r) => r.type === type && !r.external);
    const path = rel ? pkg.targetPath(pkg.mainPath, rel) : null;
    return path && pkg.has(path) ? path : null;
  };
  const attr = (e: Element, local: string): string | null => {
    for (let i = 0; i < e.attributes.length; i++) {
      const a = e.attributes.item(i);
      if (a && a.localName === local) return a.value;
    }
    return null;
  };
  const durableIds = new Set<string>();
  const prune = async (path: string | null, match: (e: Element) => boolean) => {
    if (!path) return;
    const doc = await pkg.xml(path);
    const root = doc.documentElement;
    if (!root) return;
    let changed = false;
    for (const e of childElements(root)) {
      if (match(e)) {
        remove(e);
        changed = true;
        continue;
      }
      // A reply to a removed comment becomes a top-level comment.
      for (let i = e.attributes.length - 1; i >= 0; i--) {
        const a = e.attributes.item(i);
        if (a && a.localName === 'paraIdParent' && paraIds.has(a.value)) {
          e.removeAttributeNode(a);
          changed = true;
        }
      }
    }
    if (changed) pkg.touch(path);
  };
  await prune(partOf(REL_TYPE.commentsExtended), (e) => paraIds.has(attr(e, 'paraId') ?? ''));
  await prune(partOf(REL_TYPE.commentsIds), (e) => {
    if (!paraIds.has(attr(e, 'paraId') ?? '')) return false;
    const d = attr(e, 'durableId');
    if (d) durableIds.add(d);
    return true;
  });
  await prune(partOf(REL_TYPE.commentsExtensible), (e) => durableIds.has(attr(e, 'durableId') ?? ''));
}

/** The next free comment id: above every id in the comments part and the document. */
export function nextCommentId(part: CommentsPart, document: Document): number {
  let max = -1;
  const see = (e: Element) => {
    const n = Number(wAttr(e, 'id'));
    if (Number.isInteger(n) && n > max) max = n;
  };
  for (const c of wChildren(part.root, 'comment')) see(c);
  for (const local of COMMENT_MARKERS) for (const m of wDescendants(document, local)) see(m);
  return max + 1;
}

/** Word's date format: ISO 8601 without milliseconds. */
export function wordDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Append a comment whose paragraphs are `paragraphs`, wrapped as a whole in the
 * markers (first paragraph starts with MARK_OPEN, the last ends with MARK_CLOSE).
 */
export function appendComment(part: CommentsPart, id: number, paragraphs: string[], date: Date): void {
  const b = new WBuilder(part.doc);
  const lines = paragraphs.length ? [...paragraphs] : [''];
  lines[0] = MARK_OPEN + lines[0];
  lines[lines.length - 1] = lines[lines.length - 1] + MARK_CLOSE;
  const comment = b.el('comment', { id: String(id), author: COMMENT_AUTHOR, date: wordDate(date), initials: COMMENT_INITIALS });
  lines.forEach((line, i) => {
    const p = b.el('p');
    if (i === 0) p.appendChild(b.el('r', {}, [b.el('annotationRef')]));
    p.appendChild(b.el('r', {}, [b.t(line)]));
    comment.appendChild(p);
  });
  part.root.appendChild(comment);
}

/**
 * Anchor comment `id` on the runs first…last: commentRangeStart before `first`,
 * commentRangeEnd after `last`, then a run holding the commentReference.
 */
export function anchorComment(document: Document, id: number, first: Element, last: Element): void {
  const b = new WBuilder(document);
  const sid = String(id);
  first.parentNode?.insertBefore(b.el('commentRangeStart', { id: sid }), first);
  const end = b.el('commentRangeEnd', { id: sid });
  insertAfter(end, last);
  insertAfter(b.el('r', {}, [b.el('commentReference', { id: sid })]), end);
}

/** Number of w:comment elements in a comments part (for reports/tests). */
export function countComments(root: Element): number {
  return childElements(root).filter((c) => isElement(c) && isW(c, 'comment')).length;
}
