import { MARK_OPEN, type Span } from '../core';
import { HostError } from './host';

/**
 * The pure converter between the core's plain string (and its UTF-16 spans) and a host's
 * paragraphs. No Office, no DOM: Word and the browser demo both use it.
 *
 * A host reads its document as one string (`bodyText`: Word's body.text with \r paragraph marks,
 * the demo's paragraphs joined by \n) plus every paragraph's own text. The two may differ in
 * control and invisible characters (Word: \x05 per comment, \x07, \v ...), so they are aligned
 * character by character; a span of bodyText is then a paragraph plus paragraph-local offsets.
 */


/** Characters that one of body.text / paragraph.text may have and the other not. */
export function isIgnorable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x20 || c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0xfeff;
}

/** Characters we never put into a Word search string (Word's ^ codes, controls, invisible hyphens). */

function stripIgnorable(s: string): string {
  let out = '';
  for (const ch of s) if (!isIgnorable(ch)) out += ch;
  return out;
}

export interface ParagraphMap {
  /** offsets[k] = offset in body.text of the paragraph's character k, or -1 when body.text lacks it. */
  offsets: number[];
  /** First and one-past-last body offset covered by the paragraph (start === end for an empty one). */
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Align body.text with the paragraphs' texts (in document order). Equal
 * characters match; a control / invisible character present on one side only
 * is skipped; anything else re-synchronises on the next few characters.
 */
export function alignParagraphs(body: string, paragraphs: readonly string[]): ParagraphMap[] {
  const out: ParagraphMap[] = [];
  let b = 0;
  for (const t of paragraphs) {
    const offsets = new Array<number>(t.length).fill(-1);
    let k = 0;
    const startB = b;
    while (k < t.length) {
      const tc = t[k] as string;
      if (b < body.length && body[b] === tc) {
        offsets[k] = b;
        b++;
        k++;
      } else if (b < body.length && isIgnorable(body[b] as string)) {
        b++;
      } else if (isIgnorable(tc)) {
        k++;
      } else {
        const probe = t.slice(k, k + 12);
        const j = body.indexOf(probe, b);
        if (j >= 0 && j - b <= 4096) b = j;
        else k++;
      }
    }
    let first = -1;
    let last = -1;
    for (const o of offsets) {
      if (o < 0) continue;
      if (first < 0) first = o;
      last = o;
    }
    out.push(first < 0 ? { offsets, bodyStart: startB, bodyEnd: startB } : { offsets, bodyStart: first, bodyEnd: last + 1 });
  }
  return out;
}

export interface LocalSpan {
  paragraph: number;
  /** Offsets into the paragraph's text. */
  start: number;
  end: number;
}

/** Map a span of body.text to a paragraph and paragraph-local offsets; null if it does not fit. */
export function locateSpan(maps: readonly ParagraphMap[], paragraphs: readonly string[], span: Span): LocalSpan | null {
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i] as ParagraphMap;
    if (!(m.bodyStart <= span.start && span.start < m.bodyEnd)) continue;
    let ls = -1;
    let le = -1;
    m.offsets.forEach((o, k) => {
      if (o >= span.start && o < span.end) {
        if (ls < 0) ls = k;
        le = k + 1;
      }
    });
    if (ls < 0) return null;
    const t = paragraphs[i] as string;
    if (stripIgnorable(t.slice(ls, le)) !== stripIgnorable(span.text)) return null;
    return { paragraph: i, start: ls, end: le };
  }
  return null;
}

/** Offset in `dst` that corresponds to offset `off` in `src`, where both are equal once ignorable characters are removed. */
function remapOffset(src: string, dst: string, off: number): number {
  let n = 0;
  for (let i = 0; i < off && i < src.length; i++) if (!isIgnorable(src[i] as string)) n++;
  let i = 0;
  for (; i < dst.length; i++) {
    if (isIgnorable(dst[i] as string)) continue;
    if (n === 0) break;
    n--;
  }
  return i;
}

/** A paragraph the add-in inserted (its text begins with the open marker). */
export function isInsertedParagraph(t: string): boolean {
  let i = 0;
  while (i < t.length && (isIgnorable(t[i] as string) || t[i] === ' ')) i++;
  return t.startsWith(MARK_OPEN, i);
}

// ---------------------------------------------------------------------------
// Snapshots and finding a span again after the document changed

/** The document as one read saw it. */
export interface Snapshot {
  bodyText: string;
  paragraphs: string[];
  maps: ParagraphMap[];
  /** Per paragraph: inserted by the add-in (begins with the open marker). */
  inserted: boolean[];
}

export function makeSnapshot(bodyText: string, paragraphs: string[]): Snapshot {
  return {
    bodyText,
    paragraphs,
    maps: alignParagraphs(bodyText, paragraphs),
    inserted: paragraphs.map(isInsertedParagraph),
  };
}

/**
 * Find the span in the fresh snapshot. The span indexes into the text an earlier
 * analysis saw (one of `analysed`, newest first); paragraphs may have shifted since
 * (the add-in's own insertions, or the user's edits elsewhere), so the mention's paragraph
 * is found again by its position among the user's paragraphs and its text.
 * Throws HostError('anchor-moved') when it is gone.
 */
export function resolveSpan(analysed: readonly Snapshot[], fresh: Snapshot, span: Span): LocalSpan {
  const fits = (s: Snapshot) => s.bodyText.slice(span.start, span.end) === span.text;
  const src = analysed.find(fits) ?? (fits(fresh) ? fresh : null);
  if (!src) throw new HostError('anchor-moved', 'Omtalen findes ikke længere i dokumentet');
  const loc = locateSpan(src.maps, src.paragraphs, span);
  if (!loc) throw new HostError('anchor-moved', 'Omtalen kunne ikke findes i et afsnit');
  if (src === fresh) return loc;

  const srcText = src.paragraphs[loc.paragraph] as string;
  let ordinal = 0;
  for (let i = 0; i < loc.paragraph; i++) if (!src.inserted[i]) ordinal++;
  const userIdx: number[] = [];
  fresh.inserted.forEach((ins, i) => {
    if (!ins) userIdx.push(i);
  });
  const sameText = (i: number) => fresh.paragraphs[i] === srcText;
  const similar = (i: number) => stripIgnorable(fresh.paragraphs[i] as string) === stripIgnorable(srcText);
  const at = userIdx[ordinal];
  let found: number | undefined;
  if (at !== undefined && sameText(at)) found = at;
  else {
    let best = Infinity;
    for (let u = 0; u < userIdx.length; u++) {
      const i = userIdx[u] as number;
      if (!sameText(i) && !similar(i)) continue;
      const d = Math.abs(u - ordinal);
      if (d < best) {
        best = d;
        found = i;
      }
    }
  }
  if (found === undefined && at !== undefined) {
    // The paragraph was edited, but the mention is still in it, once: accept it there.
    const t = fresh.paragraphs[at] as string;
    const i = t.indexOf(span.text);
    if (i >= 0 && t.indexOf(span.text, i + 1) < 0) return { paragraph: at, start: i, end: i + span.text.length };
  }
  if (found === undefined) throw new HostError('anchor-moved', 'Afsnittet med omtalen er ændret siden analysen');
  const dst = fresh.paragraphs[found] as string;
  if (dst === srcText) return { paragraph: found, start: loc.start, end: loc.end };
  const start = remapOffset(srcText, dst, loc.start);
  const end = remapOffset(srcText, dst, loc.end);
  if (stripIgnorable(dst.slice(start, end)) !== stripIgnorable(span.text)) {
    throw new HostError('anchor-moved', 'Omtalen findes ikke længere i afsnittet');
  }
  return { paragraph: found, start, end };
}
