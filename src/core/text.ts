import { isLetterCode, isLowerLetterCode, lineBreakJoinEnd } from './automaton';

/**
 * Text helpers that work on the input's own offsets (nothing is copied into a
 * cleaned string, so every offset the engine reports is an offset into the input).
 */

export function isWordCode(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  if (c === 0xad || c === 0x1f || c === 0x200b || c === 0x05) return true; // soft/optional hyphen, ZWSP, Word's comment mark: inside words
  return isLetterCode(c);
}

/** If a line-break hyphenation ends right before k ("ar-\n|bejde"), the index of its hyphen; else -1. */
function joinBefore(text: string, k: number): number {
  let j = k - 1;
  let steps = 0;
  while (j > 0 && steps < 12) {
    const c = text.charCodeAt(j);
    if (c === 0x2d || c === 0x2010) return lineBreakJoinEnd(text, j) === k ? j : -1;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b) return -1;
    j--;
    steps++;
  }
  return -1;
}

function isJoiner(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x2d && c !== 0x27 && c !== 0x2019 && c !== 0x2010 && c !== 0x2011 && c !== 0x1e) return false;
  return i > 0 && i + 1 < text.length && isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(i + 1));
}

/** Result of wordBounds (module-level to avoid an allocation per hit). */
export const bounds = { start: 0, end: 0 };

/** Bounds of the word (compound, with its hyphens and line-break joins) around [hs, he), into `bounds`. */
export function wordBounds(text: string, hs: number, he: number): void {
  let ws = hs;
  for (;;) {
    if (ws > 0 && (isWordCode(text.charCodeAt(ws - 1)) || isJoiner(text, ws - 1))) {
      ws--;
      continue;
    }
    const j = ws > 0 ? joinBefore(text, ws) : -1;
    if (j > 0) {
      ws = j;
      continue;
    }
    break;
  }
  let we = he;
  for (;;) {
    if (we < text.length && (isWordCode(text.charCodeAt(we)) || isJoiner(text, we))) {
      we++;
      continue;
    }
    const c = text.charCodeAt(we);
    if (c === 0x2d || c === 0x2010) {
      const j = lineBreakJoinEnd(text, we);
      if (j > 0) {
        we = j;
        continue;
      }
    }
    break;
  }
  bounds.start = ws;
  bounds.end = we;
}

/** Does s hold ø ö æ ä å é, or oe, ae, aa? (what fold replaces; a char scan, no RegExp per word) */
function needsFold(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xf8 || c === 0xf6 || c === 0xe6 || c === 0xe4 || c === 0xe5 || c === 0xe9) return true;
    if (c === 0x6f || c === 0x61) {
      const d = s.charCodeAt(i + 1);
      if (d === 0x65 || (c === 0x61 && d === 0x61)) return true;
    }
  }
  return false;
}

/** Fold ASCII spellings and Danish letters so policy strings compare equal: ø/oe/ö → o, æ/ae/ä → e, å/aa → a. */
export function fold(s: string): string {
  if (!needsFold(s)) return s;
  return s
    .replace(/oe|ö|ø/g, 'o')
    .replace(/ae|ä|æ|é/g, 'e')
    .replace(/aa|å/g, 'a');
}

const JOIN_RE = /[-\u2010][ \t]*(?:\r\n|\n|\v)[ \t]*/g;

/** A word piece as the lexicon writes it: lower case, soft hyphens and line-break joins removed, folded. */
export function normWord(s: string): string {
  if (!s) return s;
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a && c !== 0x61 && c !== 0x6f) || c === 0x2d || c === 0x27)) {
      plain = false;
      break;
    }
  }
  if (plain) return s; // lower-case ASCII without a/o: nothing to fold
  let w = s.toLowerCase();
  // which of the rare characters occur (one scan instead of a RegExp test each)
  let soft = false;
  let lineBreak = false;
  let dash = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0xad || c === 0x1f || c === 0x200b || c === 0x05) soft = true;
    else if (c === 0x0a || c === 0x0b) lineBreak = true;
    else if (c === 0x2010 || c === 0x2011 || c === 0x1e || c === 0x2019) dash = true;
  }
  if (soft) w = w.replace(/[\u00ad\u001f\u200b\u0005]/g, '');
  if (lineBreak) w = w.replace(JOIN_RE, '');
  if (dash) w = w.replace(/[\u2010\u2011\u001e]/g, '-').replace(/\u2019/g, "'");
  return fold(w);
}

const ABBREVIATIONS = new Set([
  'f.eks', 'eks', 'bl.a', 'jf', 'mv', 'm.v', 'evt', 'ca', 'pr', 'nr', 'dvs', 'd.v.s', 'mht', 'm.h.t', 'ift', 'i.f.t', 'pga', 'p.g.a',
  'inkl', 'ekskl', 'kl', 'tlf', 'vedr', 'hhv', 'ang', 'st', 'sml', 'fx', 'mfl', 'm.fl', 'osv', 'o.l', 'ol', 'pt', 'p.t', 'iflg', 'jvf',
  'att', 'bl', 'gl', 'hr', 'fr', 'dr', 'stk', 'kap', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt',
  'ml', 'mdr', 'md', 'uge', 'cand', 'psych', 'soc', 'mag', 'ex', 'etc', 'i.e', 'e.g', 'vs', 'ugl', 'årl', 'tidl', 'ell', 'alm',
]);

const MAX_SENTENCE = 1500;

function isHardBoundaryCode(c: number): boolean {
  return c === 0x0d || c === 0x0b || c === 0x07 || c === 0x0c || c === 0x2028 || c === 0x2029;
}

/** Characters that may end a sentence; everything else is skipped without further checks. */
const MAY_END = new Uint8Array(65536);
for (const c of [0x0d, 0x0b, 0x07, 0x0c, 0x2028, 0x2029, 0x0a, 0x2e, 0x21, 0x3f]) MAY_END[c] = 1;

/** Does a sentence end at index i? (The character at i is not part of either sentence.) */
function endsSentenceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (MAY_END[c] === 0) return false;
  if (c === 0x0d || c === 0x0b) {
    // \r\n or \v inside a line-break hyphenation is not a boundary
    if (joinAround(s, i)) return false;
    if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) return softWrap(s, i + 1) ? false : true;
    return true;
  }
  if (isHardBoundaryCode(c)) return true;
  if (c === 0x0a) {
    if (joinAround(s, i)) return false;
    return !softWrap(s, i);
  }
  if (c === 0x2e || c === 0x21 || c === 0x3f) {
    if (i + 1 >= s.length) return true;
    const next = s.charCodeAt(i + 1);
    if (!(next === 0x20 || next === 0x09 || next === 0x0a || next === 0xa0 || isHardBoundaryCode(next) || next === 0x22 || next === 0x29))
      return false;
    if (c === 0x2e) {
      let a = i - 1;
      while (a >= 0 && (isWordCode(s.charCodeAt(a)) || s.charCodeAt(a) === 0x2e)) a--;
      const word = s.slice(a + 1, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || word.length === 1) return false;
      let b = i + 1;
      while (b < s.length && (s.charCodeAt(b) === 0x20 || s.charCodeAt(b) === 0xa0 || s.charCodeAt(b) === 0x09)) b++;
      if (b < s.length && isLowerLetterCode(s.charCodeAt(b))) return false;
    }
    return true;
  }
  return false;
}

/** A line feed at i that merely wraps a sentence: a letter or comma before it, a lower-case letter after it. */
function softWrap(s: string, i: number): boolean {
  let a = i - 1;
  while (a >= 0 && (s.charCodeAt(a) === 0x20 || s.charCodeAt(a) === 0x09 || s.charCodeAt(a) === 0x0d)) a--;
  let b = i + 1;
  while (b < s.length && (s.charCodeAt(b) === 0x20 || s.charCodeAt(b) === 0x09)) b++;
  if (a < 0 || b >= s.length) return false;
  const pc = s.charCodeAt(a);
  return (isWordCode(pc) || pc === 0x2c) && isLowerLetterCode(s.charCodeAt(b));
}

function joinAround(s: string, i: number): boolean {
  let a = i - 1;
  while (a >= 0 && (s.charCodeAt(a) === 0x20 || s.charCodeAt(a) === 0x09)) a--;
  if (a < 0) return false;
  const c = s.charCodeAt(a);
  return (c === 0x2d || c === 0x2010) && lineBreakJoinEnd(s, a) > 0;
}

/** [start, end) of the sentence around offset pos. */
export function sentenceAround(s: string, pos: number): [number, number] {
  let a = pos - 1;
  const minA = Math.max(0, pos - MAX_SENTENCE);
  while (a >= minA && (MAY_END[s.charCodeAt(a)] === 0 || !endsSentenceAt(s, a))) a--;
  let b = pos;
  const maxB = Math.min(s.length, pos + MAX_SENTENCE);
  while (b < maxB && (MAY_END[s.charCodeAt(b)] === 0 || !endsSentenceAt(s, b))) b++;
  return [a + 1, b];
}
