import type { EvidenceSet } from './evidence/schema';
import { bundledEvidence } from './evidence';
import { bundledLexicon } from './lexicon';
import { compileLexicon, scan, HEAD_LENGTH, type ScanMention, type ScanResult } from './matcher';
import { maskInserted } from './markers';
import { bundledSignals, detectSignals } from './signals';
import { analysisOf, hitsFromScan } from './engine';
import type { InstrumentId, TargetGroupId } from './ids';
import type { Analysis, AnalyzeOptions, SignalHit } from './types';

/**
 * Re-analysis while the user types: `update(text)` returns what `analyze(text, options)` returns,
 * but only the paragraphs that changed since the previous call go through the matcher again.
 *
 * The text is cut after every paragraph mark \r that no reading of the matcher can see across:
 * the automaton, word bounds, line-break hyphenation, sentences, negation, the context windows and
 * the signals all stop at a lone \r (one not followed by \n), and the next paragraph must not start
 * with a blank (a blank run would let the soft-wrap test look back over the \r). Each piece is
 * scanned on its own, so its mentions are a function of its own text and shift with it. The
 * pieces are diffed from both ends against the previous call's; only the middle is scanned again.
 * One matcher rule reads the document's first HEAD_LENGTH characters (the "Til:" line of an
 * e-mail): a piece whose result used them is scanned again when they change.
 *
 * What reads across paragraphs is re-run on the whole text, because it is cheap next to the scan:
 * masking inserted text (one indexOf when there is none), the document-level reading (discourse.ts:
 * headings, labels, next sentence, referring back), weekly hours and the rules.
 */

export interface IncrementalAnalyzer {
  /** The analysis of `text`, deep-equal to `analyze(text, options)`; `options` defaults to the analyzer's. */
  update(text: string, options?: AnalyzeOptions): Analysis;
}

interface Piece {
  /** Mentions with offsets into the piece (the piece's text is compared in the previous call's text). */
  scan: ScanResult;
  /** Signals with offsets into the piece; null when lower-casing changes the piece's length. */
  signals: SignalHit[] | null;
}

/** What the previous call saw and found. */
interface Previous {
  text: string;
  masked: string;
  ends: number[];
  pieces: Piece[];
  head: string;
}

/** How many pieces the diff compares at once before it goes piece by piece. */
const BLOCK = 64;

/** Blanks the soft-wrap test skips, and the line feed of \r\n: a piece must not start with one. */
function mayStartPiece(c: number): boolean {
  return !(c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09 || c === 0x0b || c === 0xa0 || c === 0x0c);
}

/** End offsets (exclusive, after the \r) of the pieces of `masked`. */
export function pieceEnds(masked: string): number[] {
  const ends: number[] = [];
  for (let i = masked.indexOf('\r'); i >= 0; i = masked.indexOf('\r', i + 1))
    if (i + 1 < masked.length && mayStartPiece(masked.charCodeAt(i + 1))) ends.push(i + 1);
  ends.push(masked.length);
  return ends;
}

export function createIncrementalAnalyzer(options: AnalyzeOptions = {}, set: EvidenceSet = bundledEvidence()): IncrementalAnalyzer {
  const lexicon = bundledLexicon();
  const compiled = compileLexicon(lexicon);
  let last: Previous = { text: '', masked: '', ends: [], pieces: [], head: '' };

  const scanPiece = (original: string, masked: string, docHead: string): Piece => {
    const lower = masked.toLowerCase();
    return {
      scan: scan(compiled, masked, original, docHead),
      signals: lower.length === masked.length ? detectSignals(masked) : null,
    };
  };

  return {
    update(text: string, opts: AnalyzeOptions = options): Analysis {
      if (typeof text !== 'string') throw new TypeError('update() needs a string');
      const masked = maskInserted(text);
      const docHead = masked.slice(0, HEAD_LENGTH);
      const headChanged = docHead !== last.head;
      const ends = pieceEnds(masked);
      const n = ends.length;
      const at = (k: number) => (k === 0 ? 0 : (ends[k - 1] as number));
      const plain = masked === text;
      const prev = last;
      const pn = prev.pieces.length;
      const prevAt = (j: number) => (j === 0 ? 0 : (prev.ends[j - 1] as number));
      const bothPlain = plain && prev.masked === prev.text;
      // [from, to) of the new text equals [from - shift, to - shift) of the previous one (one compare, no per-piece copies)
      const sameRange = (from: number, to: number, shift: number) =>
        text.slice(from, to) === prev.text.slice(from - shift, to - shift) &&
        (bothPlain || masked.slice(from, to) === prev.masked.slice(from - shift, to - shift));
      const readsHead = (j0: number, j1: number) => {
        if (headChanged) for (let j = j0; j < j1; j++) if ((prev.pieces[j] as Piece).scan.usedHead) return true;
        return false;
      };
      // diff the pieces from both ends, a block of pieces at a time, then piece by piece
      let front = 0;
      const maxFront = Math.min(n, pn);
      for (let size = BLOCK; front < maxFront && size >= 1; ) {
        const m = Math.min(maxFront, front + size);
        if (ends[m - 1] === prev.ends[m - 1] && !readsHead(front, m) && sameRange(at(front), ends[m - 1] as number, 0)) front = m;
        else size = size === 1 ? 0 : 1;
      }
      let back = 0;
      const shift = text.length - prev.text.length;
      const maxBack = Math.min(n, pn) - front;
      for (let size = BLOCK; back < maxBack && size >= 1; ) {
        const b = Math.min(maxBack, back + size);
        const k0 = n - b; // first new piece of the block
        const j0 = pn - b;
        if (at(k0) === prevAt(j0) + shift && !readsHead(j0, pn - back) && sameRange(at(k0), at(n - back), shift)) back = b;
        else size = size === 1 ? 0 : 1;
      }
      const next: Piece[] = new Array(n);
      for (let k = 0; k < front; k++) next[k] = prev.pieces[k] as Piece;
      for (let k = 0; k < back; k++) next[n - 1 - k] = prev.pieces[pn - 1 - k] as Piece;
      for (let k = front; k < n - back; k++) {
        const original = ownCopy(text.slice(at(k), ends[k]));
        next[k] = scanPiece(original, plain ? original : ownCopy(masked.slice(at(k), ends[k])), docHead);
      }
      last = { text, masked, ends, pieces: next, head: docHead };

      // the whole text's mentions: fresh objects (the document-level reading sets `negated` on them)
      const mentions: ScanMention[] = [];
      const instruments: (readonly InstrumentId[])[] = [];
      const groups: (readonly TargetGroupId[])[] = [];
      let signalsOk = true;
      for (let k = 0; k < n; k++) {
        const p = next[k] as Piece;
        const off = at(k);
        const s = p.scan;
        for (let i = 0; i < s.mentions.length; i++) {
          const m = s.mentions[i] as ScanMention;
          mentions.push({ start: m.start + off, end: m.end + off, text: m.text, negated: m.negated });
          instruments.push(s.instruments[i] as readonly InstrumentId[]);
          groups.push(s.groups[i] as readonly TargetGroupId[]);
        }
        if (!p.signals) signalsOk = false;
      }
      const hits = hitsFromScan({ mentions, instruments, groups, usedHead: false }, masked, lexicon);
      const signals = signalsOk ? mergeSignals(next, at) : detectSignals(masked);
      return analysisOf({ ...hits, signals }, masked, opts, set);
    },
  };
}

/**
 * A copy of a piece that does not keep the whole text it was cut from alive (a slice would: the
 * mention texts cut from it would hold on to every earlier version of the document). Slicing a
 * concatenation makes the engine copy it into a string of its own.
 */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** The pieces' signals as one list per signal, in the order detectSignals gives them. */
function mergeSignals(pieces: Piece[], at: (k: number) => number): SignalHit[] {
  const byId = new Map<string, SignalHit['mentions']>();
  for (let k = 0; k < pieces.length; k++) {
    const off = at(k);
    for (const s of (pieces[k] as Piece).signals as SignalHit[]) {
      let list = byId.get(s.id);
      if (!list) {
        list = [];
        byId.set(s.id, list);
      }
      for (const m of s.mentions) list.push({ start: m.start + off, end: m.end + off, text: m.text });
    }
  }
  // detectSignals lists signals in the data's order
  return bundledSignals()
    .signals.map((s) => s.id)
    .filter((id) => byId.has(id))
    .map((id) => ({ id, mentions: byId.get(id) as SignalHit['mentions'] }));
}
