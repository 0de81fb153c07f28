/**
 * A compact Aho–Corasick automaton over a small folded alphabet: one pass over
 * the text, one table lookup per character, whatever the number of forms.
 *
 * Folding (per character, so offsets never move): case; ø/ö → o, æ/ä/é → e,
 * å → a, ü → u; every blank (space, tab, NBSP, line feed) is one SPACE symbol
 * and runs of blanks count once; -, ‐, ‑ and Word's non-breaking hyphen are
 * HYPHEN; soft hyphen, Word's optional hyphen and zero-width space are skipped;
 * a hyphen + line break inside a word ("ar-\nbejde") is skipped too.
 * Everything else (\r, \v, \x07, punctuation, other scripts) is OTHER and
 * breaks any match. The ASCII digraphs oe, ae and aa read as one letter
 * (o, e, a), in the text and in the patterns alike, so "loentilskud",
 * "lontilskud" and "løntilskud" are one pattern.
 */

const SYM_OTHER = 0;
const SYM_DIGIT = 27;
const SYM_SPACE = 37;
const SYM_HYPHEN = 38;
const SYM_DOT = 39;
const SYM_APOS = 40;
const SYM_SLASH = 41;
const SYM_PARA = 42; // §
const SYM_PLUS = 43;
const SYM_COMMA = 44;
const SYM_HALF = 45; // ½ ("ledig i 2½ år")
const K = 46;
const SYM_SKIP = 255;
const SYM_A = 1;
const SYM_E = 5;
const SYM_O = 15;

const SYM = new Uint8Array(65536);
(() => {
  for (let c = 0; c < 26; c++) {
    SYM[0x61 + c] = c + 1;
    SYM[0x41 + c] = c + 1;
  }
  // every digit is one symbol: numbers are checked by value after matching (Term.numberRange)
  for (let d = 0; d < 10; d++) SYM[0x30 + d] = SYM_DIGIT;
  const letter = (ch: string, as: string) => {
    const v = SYM[as.charCodeAt(0)] as number;
    SYM[ch.toLowerCase().charCodeAt(0)] = v;
    SYM[ch.toUpperCase().charCodeAt(0)] = v;
  };
  for (const ch of 'øö') letter(ch, 'o');
  for (const ch of 'æäéèê') letter(ch, 'e');
  for (const ch of 'åáà') letter(ch, 'a');
  letter('ü', 'u');
  for (const c of [0x20, 0x09, 0x0a, 0xa0, 0x2009, 0x202f]) SYM[c] = SYM_SPACE;
  for (const c of [0x2d, 0x2010, 0x2011, 0x1e]) SYM[c] = SYM_HYPHEN;
  SYM[0x2e] = SYM_DOT;
  SYM[0x27] = SYM_APOS;
  SYM[0x2019] = SYM_APOS;
  SYM[0x2f] = SYM_SLASH;
  SYM[0xa7] = SYM_PARA;
  SYM[0x2b] = SYM_PLUS;
  SYM[0x2c] = SYM_COMMA;
  SYM[0xbd] = SYM_HALF;
  // soft hyphen, Word's optional hyphen, zero-width space, and Word's comment mark (\x05 in body.text)
  for (const c of [0xad, 0x1f, 0x200b, 0x05]) SYM[c] = SYM_SKIP;
})();

/**
 * ASCII digraphs, the same in patterns and text: after an o or a at i, "oe" reads as ø (o), "ae" as
 * æ (e), "aa" as å (a). Returns the symbol, plus 256 when the next character is consumed.
 */
function foldDigraph(s: string, i: number, sym: number): number {
  const d = s.charCodeAt(i + 1) | 0x20;
  if (d === 0x65) return (sym === SYM_A ? SYM_E : SYM_O) | 256;
  if (d === 0x61 && sym === SYM_A) return sym | 256;
  return sym;
}

/** Symbols of a (lower-case, single-letter-folded) pattern string. */
export function symbols(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let v = SYM[s.charCodeAt(i)] as number;
    if (v === SYM_SKIP) continue;
    if (v === SYM_O || v === SYM_A) {
      const f = foldDigraph(s, i, v);
      v = f & 0xff;
      i += f >> 8;
    }
    if (v === SYM_OTHER) throw new Error(`pattern "${s}" has a character outside the alphabet: "${s[i]}"`);
    if (v === SYM_SPACE && out[out.length - 1] === SYM_SPACE) continue;
    out.push(v);
  }
  return out;
}

/** Is position i (a hyphen) the start of a line-break hyphenation ("ar-\nbejde")? Returns the index after it, or -1. */
export function lineBreakJoinEnd(text: string, i: number): number {
  if (i === 0 || !isLetterCode(text.charCodeAt(i - 1))) return -1;
  let k = i + 1;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
  const c = text.charCodeAt(k);
  if (c === 0x0d && text.charCodeAt(k + 1) === 0x0a) k += 2;
  else if (c === 0x0a || c === 0x0b) k += 1;
  else return -1;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
  return k < text.length && isLowerLetterCode(text.charCodeAt(k)) ? k : -1;
}

/** Letters beyond Latin-1, found with \p{L} once per code unit and remembered: 0 not yet known, 1 letter, 2 not. */
const WIDE_LETTER = new Uint8Array(65536);

export function isLetterCode(c: number): boolean {
  const v = SYM[c] as number;
  if (v >= 1 && v <= 26) return true;
  if (c <= 0xff) return false;
  let k = WIDE_LETTER[c] as number;
  if (k === 0) {
    k = /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 2;
    WIDE_LETTER[c] = k;
  }
  return k === 1;
}
export function isLowerLetterCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/**
 * Matches run in two lanes: instruments (lane 0) and target groups (lane 1). A long
 * phrase in one lane ("fradrag i kontanthjælpen") must not hide a shorter match in
 * the other ("kontanthjælp"), so each lane keeps its own longest output per state.
 * Stop forms belong to both lanes.
 */
const LANES = 2;

export interface Automaton {
  /** delta[state * K + sym] → next state (16-bit when the automaton is small enough: half the cache footprint) */
  delta: Int32Array | Uint16Array;
  /** outPid[state * LANES + lane]: longest pattern of that lane ending in this state (own or via failure links), or -1. */
  outPid: Int32Array;
  /** Its length in symbols. */
  outLen: Int32Array;
  /** 1 when some lane has an output in this state (a fast test in the scan loop). */
  hasOut: Uint8Array;
  /** For pattern p: the state whose lane output is the next shorter pattern ending at the same place. */
  nextOut: Int32Array;
  maxLen: number;
}

/** `lanes[pid]`: bit 1 = lane 0, bit 2 = lane 1. */
export function buildAutomaton(patterns: number[][], lanes: number[]): Automaton {
  // trie
  const next: Map<number, number>[] = [new Map()];
  const own: number[] = [-1];
  const ownLen: number[] = [0];
  const term = new Int32Array(patterns.length);
  let maxLen = 0;
  patterns.forEach((p, pid) => {
    let s = 0;
    for (const sym of p) {
      let t = next[s]!.get(sym);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        own.push(-1);
        ownLen.push(0);
        next[s]!.set(sym, t);
      }
      s = t;
    }
    if (own[s] === -1) {
      own[s] = pid;
      ownLen[s] = p.length;
    }
    term[pid] = s;
    maxLen = Math.max(maxLen, p.length);
  });
  const n = next.length;
  const delta = new Int32Array(n * K);
  const fail = new Int32Array(n);
  const outPid = new Int32Array(n * LANES).fill(-1);
  const outLen = new Int32Array(n * LANES);
  const hasOut = new Uint8Array(n);
  // BFS: full transition table
  const queue: number[] = [];
  for (let sym = 0; sym < K; sym++) {
    const t = next[0]!.get(sym);
    if (t !== undefined) {
      delta[sym] = t;
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi] as number;
    const f = fail[s] as number;
    const o = own[s] as number;
    for (let lane = 0; lane < LANES; lane++) {
      if (o !== -1 && ((lanes[o] as number) & (1 << lane)) !== 0) {
        outPid[s * LANES + lane] = o;
        outLen[s * LANES + lane] = ownLen[s] as number;
      } else {
        outPid[s * LANES + lane] = outPid[f * LANES + lane] as number;
        outLen[s * LANES + lane] = outLen[f * LANES + lane] as number;
      }
      if ((outPid[s * LANES + lane] as number) >= 0) hasOut[s] = 1;
    }
    for (let sym = 0; sym < K; sym++) {
      const t = next[s]!.get(sym);
      if (t !== undefined) {
        fail[t] = delta[f * K + sym] as number;
        delta[s * K + sym] = t;
        queue.push(t);
      } else {
        delta[s * K + sym] = delta[f * K + sym] as number;
      }
    }
    // OTHER always resets
    delta[s * K + SYM_OTHER] = 0;
  }
  const nextOut = new Int32Array(patterns.length);
  for (let pid = 0; pid < patterns.length; pid++) nextOut[pid] = fail[term[pid] as number] as number;
  return { delta: n < 65536 ? Uint16Array.from(delta) : delta, outPid, outLen, hasOut, nextOut, maxLen };
}

const RING = 256;

/** `into` (a bigger typed array) with `from` copied to its start. */
function grown<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

export interface Hits {
  start: Int32Array;
  end: Int32Array;
  pid: Int32Array;
  lane: Uint8Array;
  count: number;
}

/**
 * All matches, as parallel arrays in order of end: every pattern that ends at a text
 * position, per lane, longest first. Start/end are text offsets (end exclusive).
 */
export function scanAll(a: Automaton, text: string): Hits {
  if (a.maxLen >= RING) throw new Error('pattern too long');
  const { delta, outPid, outLen, hasOut, nextOut } = a;
  let cap = Math.max(64, Math.min(4096, text.length >> 4)); // grows by doubling; small texts (a paragraph) start small
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let pid = new Int32Array(cap);
  let lane = new Uint8Array(cap);
  let count = 0;
  const ring = new Int32Array(RING);
  let k = 0;
  let state = 0;
  let prevSpace = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let sym = SYM[c] as number;
    if (sym === SYM_SKIP) continue;
    if (sym === SYM_SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else {
      prevSpace = false;
      if (sym === SYM_HYPHEN) {
        const j = lineBreakJoinEnd(text, i);
        if (j > 0) {
          i = j - 1;
          continue;
        }
      }
    }
    // ASCII digraphs: "oe" reads as ø, "ae" as æ, "aa" as å (the second letter is skipped)
    const pos = i;
    if (sym === SYM_O || sym === SYM_A) {
      const f = foldDigraph(text, i, sym);
      sym = f & 0xff;
      i += f >> 8;
    }
    state = delta[state * K + sym] as number;
    if (state === 0) continue;
    ring[k & (RING - 1)] = pos;
    k++;
    if (hasOut[state] === 0) continue;
    for (let l = 0; l < LANES; l++) {
      // every pattern of this lane that ends here, longest first (via the output links)
      for (let st = state, p = outPid[st * LANES + l] as number; p >= 0; st = nextOut[p] as number, p = outPid[st * LANES + l] as number) {
        if (count === cap) {
          cap *= 2;
          start = grown(start, new Int32Array(cap));
          end = grown(end, new Int32Array(cap));
          pid = grown(pid, new Int32Array(cap));
          lane = grown(lane, new Uint8Array(cap));
        }
        start[count] = ring[(k - (outLen[st * LANES + l] as number)) & (RING - 1)] as number;
        end[count] = i + 1;
        pid[count] = p;
        lane[count] = l;
        count++;
      }
    }
  }
  return { start, end, pid, lane, count };
}
