import type { Element, Node } from '@xmldom/xmldom';
import { NS, isElement, isW, setText, textOf, insertAfter } from './xml';
import { segmentAt, type Segment, type TextMap } from './text';

/**
 * Splitting runs so that a text span starts and ends at run boundaries. A run
 * is split by cloning the `w:r` (its attributes and its `w:rPr`) and moving the
 * content after the cut into the clone; a `w:t` cut in the middle is split in
 * two. The text (concatenated `w:t`) is unchanged.
 */

function isContent(n: Node): boolean {
  return isElement(n) && !isW(n, 'rPr');
}

function hasContentBefore(n: Node): boolean {
  for (let c = n.previousSibling; c; c = c.previousSibling) if (isContent(c)) return true;
  return false;
}

/** Move `first` and every later sibling into a clone of its run, inserted after the run. Returns the clone. */
function splitRunBefore(first: Node): Element {
  const run = first.parentNode as Element;
  const clone = run.cloneNode(false) as Element;
  for (let c = run.firstChild; c; c = c.nextSibling) {
    if (isW(c, 'rPr')) {
      clone.appendChild(c.cloneNode(true));
      break;
    }
  }
  const move: Node[] = [];
  for (let c: Node | null = first; c; c = c.nextSibling) move.push(c);
  for (const c of move) clone.appendChild(c);
  insertAfter(clone, run);
  return clone;
}

/** Split a `w:t` at `k` (0 < k < length): the original keeps the left part; the new one (returned) follows it. */
function splitT(t: Element, k: number): Element {
  const s = textOf(t);
  const right = t.cloneNode(false) as Element;
  right.setAttributeNS(NS.xml, 'xml:space', 'preserve');
  t.setAttributeNS(NS.xml, 'xml:space', 'preserve');
  setText(t, s.slice(0, k));
  setText(right, s.slice(k));
  insertAfter(right, t);
  return right;
}

function segLength(seg: Segment): number {
  return seg.end - seg.start;
}

/**
 * Make a run boundary at text offset `pos`. Cuts are made from the end of the
 * document backwards (see `cutAll`), so a cut never invalidates the map for
 * offsets before it.
 */
function cutAt(map: TextMap, pos: number): void {
  // Prefer the character before the cut (the end of a span), else the one after it.
  const before = pos > 0 ? segmentAt(map, pos - 1) : undefined;
  if (before) {
    const k = pos - before.start;
    let moved: Node | null;
    if (before.kind === 't' && k < segLength(before)) moved = splitT(before.node, k);
    else moved = before.node.nextSibling;
    while (moved && !isContent(moved)) moved = moved.nextSibling;
    if (moved) splitRunBefore(moved);
    return;
  }
  const after = segmentAt(map, pos);
  if (!after) return;
  const k = pos - after.start;
  let first: Node = after.node;
  if (after.kind === 't' && k > 0) first = splitT(after.node, k);
  if (hasContentBefore(first)) splitRunBefore(first);
}

/** Make run boundaries at every offset (any order; duplicates are fine). The map is stale afterwards. */
export function cutAll(map: TextMap, positions: Iterable<number>): void {
  const sorted = [...new Set(positions)].sort((a, b) => b - a);
  for (const p of sorted) cutAt(map, p);
}

/** The runs a span [start, end) begins and ends in (after `cutAll` and a fresh map: exactly the span). */
export function spanRuns(map: TextMap, start: number, end: number): { first: Element; last: Element } | null {
  if (end <= start) return null;
  const a = segmentAt(map, start);
  const b = segmentAt(map, end - 1);
  if (!a || !b) return null;
  const first = a.node.parentNode;
  const last = b.node.parentNode;
  if (!isW(first, 'r') || !isW(last, 'r')) return null;
  return { first, last };
}
