import { isIgnorable } from './text-map';

/**
 * Word search strings for a mention (pure). Word's search takes at most 255 characters
 * (Body.search reference; office-fidelity W1) and reads ^p, ^t, ^? ... as Word Find codes even
 * without wildcards (word/search-option-guidance.md; W2); paragraph.search does not match \t or
 * \v (office-js#2331; W3). So a mention is found with windows of searchable characters only.
 */

/** Characters we never put into a Word search string (Word's ^ codes, controls, invisible hyphens). */
export function isUnsearchable(ch: string): boolean {
  return isIgnorable(ch) || ch === '^' || ch === '\u00a0' || ch === '\u2011';
}

export interface SearchWindow {
  /** String searched for in the paragraph (its first occurrence is the wanted one). */
  text: string;
  /** The piece to select inside that window (its first occurrence in `text` is the wanted one), or null for the whole window. */
  inner: string | null;
}

/**
 * A search string for the piece t[pos, pos+len): a window of searchable
 * characters around it whose first occurrence in the paragraph is at the
 * piece, and in which the piece's first occurrence is the wanted one.
 */
export function searchWindow(t: string, pos: number, len: number, maxLen: number): SearchWindow | null {
  const piece = t.slice(pos, pos + len);
  if (!piece || len > maxLen) return null;
  let runStart = pos;
  while (runStart > 0 && !isUnsearchable(t[runStart - 1] as string)) runStart--;
  let runEnd = pos + len;
  while (runEnd < t.length && !isUnsearchable(t[runEnd] as string)) runEnd++;
  for (let a = pos; a >= Math.max(runStart, pos - maxLen); a--) {
    for (let b = pos + len; b <= Math.min(runEnd, a + maxLen); b++) {
      const w = t.slice(a, b);
      if (t.indexOf(w) !== a) continue;
      if (w.indexOf(piece) !== pos - a) continue;
      return { text: w, inner: a === pos && b === pos + len ? null : piece };
    }
  }
  return null;
}

interface RangePlan {
  head: SearchWindow;
  tail: SearchWindow | null;
}

/** Split the mention at characters Word cannot search for; plan the first and last piece. */
export function planRange(t: string, start: number, end: number, maxLen: number): RangePlan | null {
  const pieces: Array<[number, number]> = [];
  let i = start;
  while (i < end) {
    while (i < end && isUnsearchable(t[i] as string)) i++;
    const s = i;
    while (i < end && !isUnsearchable(t[i] as string)) i++;
    if (i > s) pieces.push([s, i]);
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return null;
  const clip = (p: [number, number], fromEnd: boolean): [number, number] =>
    p[1] - p[0] <= maxLen ? p : fromEnd ? [p[1] - maxLen, p[1]] : [p[0], p[0] + maxLen];
  const h = clip(first, false);
  const head = searchWindow(t, h[0], h[1] - h[0], maxLen);
  if (!head) return null;
  if (pieces.length === 1 && first[1] - first[0] <= maxLen) return { head, tail: null };
  const tl = clip(last, true);
  const tail = searchWindow(t, tl[0], tl[1] - tl[0], maxLen);
  return { head, tail };
}
