import { maskInserted } from './markers';

/**
 * Text preparation. The engine matches on a "clean" copy of the input:
 * inserted text masked, soft and optional hyphens removed, words split by a
 * line-break hyphen joined, lower-cased. `map` turns clean offsets back into
 * input offsets (null when the two are the same).
 */
export interface Prepared {
  /** Clean text, original case (for sentence detection). */
  cased: string;
  /** Clean text, lower case (for matching). Same length as `cased`. */
  lower: string;
  /** map[i] = input offset of clean index i; null when identity. */
  map: Int32Array | null;
}

const NEEDS_CLEANING = /[\u00AD\u001E\u001F\u200B]|[-\u2010][ \t]*(?:\r\n|\n|\v)/;

function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  if (l.length === s.length) return l;
  // Rare: a character whose lower case is longer (U+0130). Lower per character.
  let out = '';
  for (const ch of s) {
    const c = ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

export function isWordCode(c: number): boolean {
  if (c < 0x30) return false;
  if (c <= 0x39) return true; // digits
  if (c < 0x41) return false;
  if (c <= 0x5a) return true;
  if (c < 0x61) return false;
  if (c <= 0x7a) return true;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c <= 0x24f) return true;
  return /\p{L}/u.test(String.fromCharCode(c));
}

function isLowerLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

export function prepare(input: string): Prepared {
  const masked = maskInserted(input);
  if (!NEEDS_CLEANING.test(masked)) {
    return { cased: masked, lower: lowerSameLength(masked), map: null };
  }
  const n = masked.length;
  const map = new Int32Array(n);
  const parts: string[] = [];
  let chunkStart = 0;
  let j = 0; // clean length so far
  const flush = (upto: number) => {
    if (upto > chunkStart) {
      parts.push(masked.slice(chunkStart, upto));
      for (let k = chunkStart; k < upto; k++) map[j++] = k;
    }
  };
  let i = 0;
  while (i < n) {
    const c = masked.charCodeAt(i);
    if (c === 0xad || c === 0x1f || c === 0x200b) {
      flush(i);
      i++;
      chunkStart = i;
      continue;
    }
    if (c === 0x1e) {
      // Word's non-breaking hyphen: an ordinary hyphen for matching.
      flush(i);
      parts.push('-');
      map[j++] = i;
      i++;
      chunkStart = i;
      continue;
    }
    if ((c === 0x2d || c === 0x2010) && i > 0 && isWordCode(masked.charCodeAt(i - 1))) {
      // "ar-\nbejdsmarkedet": hyphen, optional blanks, one line break (\n, \r\n or Word's \v; not a
      // paragraph mark \r alone), optional blanks, a lower-case letter.
      let k = i + 1;
      while (k < n && (masked.charCodeAt(k) === 0x20 || masked.charCodeAt(k) === 0x09)) k++;
      let broke = false;
      if (masked.charCodeAt(k) === 0x0d && masked.charCodeAt(k + 1) === 0x0a) {
        k += 2;
        broke = true;
      } else if (masked.charCodeAt(k) === 0x0a || masked.charCodeAt(k) === 0x0b) {
        k += 1;
        broke = true;
      }
      if (broke) {
        while (k < n && (masked.charCodeAt(k) === 0x20 || masked.charCodeAt(k) === 0x09)) k++;
        if (k < n && isLowerLetter(masked.charCodeAt(k))) {
          flush(i);
          i = k;
          chunkStart = k;
          continue;
        }
      }
    }
    i++;
  }
  flush(n);
  const cased = parts.join('');
  return { cased, lower: lowerSameLength(cased), map: map.subarray(0, j) };
}

/** Input offset of a clean start offset. */
export function origStart(p: Prepared, i: number): number {
  return p.map ? (p.map[i] as number) : i;
}
/** Input offset (exclusive) of a clean end offset. */
export function origEnd(p: Prepared, i: number): number {
  return p.map ? (p.map[i - 1] as number) + 1 : i;
}

const ABBREVIATIONS = new Set([
  'f.eks', 'eks', 'bl.a', 'jf', 'mv', 'm.v', 'evt', 'ca', 'pr', 'nr', 'dvs', 'd.v.s', 'mht', 'm.h.t', 'ift', 'i.f.t', 'pga', 'p.g.a',
  'inkl', 'ekskl', 'kl', 'tlf', 'vedr', 'hhv', 'ang', 'st', 'sml', 'fx', 'mfl', 'm.fl', 'osv', 'o.l', 'ol', 'pt', 'p.t', 'iflg', 'jvf',
  'att', 'bl', 'gl', 'hr', 'fr', 'dr', 'stk', 'kap', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt',
  'ml', 'mdr', 'md', 'uge', 'cand', 'psych', 'soc', 'mag', 'ex', 'etc', 'i.e', 'e.g', 'vs',
]);

const MAX_SENTENCE = 1500;

function isHardBoundaryCode(c: number): boolean {
  return c === 0x0d || c === 0x0b || c === 0x07 || c === 0x0c || c === 0x2028 || c === 0x2029 || c === 0x05;
}

/** Is the character at i (in `cased`) the end of a sentence? */
function endsSentenceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (isHardBoundaryCode(c)) return true;
  if (c === 0x0a) {
    // A line break ends a sentence unless it is a soft wrap: a letter or comma before, a lower-case letter after.
    let a = i - 1;
    while (a >= 0 && (s.charCodeAt(a) === 0x20 || s.charCodeAt(a) === 0x09)) a--;
    let b = i + 1;
    while (b < s.length && (s.charCodeAt(b) === 0x20 || s.charCodeAt(b) === 0x09)) b++;
    if (a < 0 || b >= s.length) return true;
    const pc = s.charCodeAt(a);
    const nc = s.charCodeAt(b);
    const softBefore = isWordCode(pc) || pc === 0x2c;
    return !(softBefore && isLowerLetter(nc));
  }
  if (c === 0x2e || c === 0x21 || c === 0x3f) {
    const next = s.charCodeAt(i + 1);
    if (i + 1 >= s.length) return true;
    if (!(next === 0x20 || next === 0x09 || next === 0x0a || next === 0xa0 || isHardBoundaryCode(next) || next === 0x22 || next === 0x29)) return false;
    if (c === 0x2e) {
      // abbreviation or number ("f.eks.", "kl. 10", "1.")
      let a = i - 1;
      while (a >= 0 && (isWordCode(s.charCodeAt(a)) || s.charCodeAt(a) === 0x2e)) a--;
      const word = s.slice(a + 1, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || word.length === 1) return false;
      let b = i + 1;
      while (b < s.length && (s.charCodeAt(b) === 0x20 || s.charCodeAt(b) === 0xa0 || s.charCodeAt(b) === 0x09)) b++;
      if (b < s.length && isLowerLetter(s.charCodeAt(b))) return false;
    }
    return true;
  }
  return false;
}

/** [start, end) of the sentence around clean offset pos (end excludes the terminator). */
export function sentenceAround(s: string, pos: number, from = 0, to = s.length): [number, number] {
  let a = pos - 1;
  const minA = Math.max(from, pos - MAX_SENTENCE);
  while (a >= minA && !endsSentenceAt(s, a)) a--;
  let b = pos;
  const maxB = Math.min(to, pos + MAX_SENTENCE);
  while (b < maxB && !endsSentenceAt(s, b)) b++;
  return [a + 1, b];
}
