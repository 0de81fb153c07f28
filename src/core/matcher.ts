import type { Lexicon, Term } from './lexicon/schema';
import type { InstrumentId, TargetGroupId } from './ids';
import { buildAutomaton, scanAll, symbols, type Automaton } from './automaton';
import { bounds, fold, isWordCode, normWord, sentenceAround, wordBounds } from './text';
import { compileNegation, negationContext, isNegated, type CompiledNegation, type SentenceNegation } from './negation';

/**
 * Compiles the lexicon into one Aho–Corasick automaton (every surface form and
 * its ASCII variants), finds candidate hits in one pass, and checks each hit
 * against its term's compound policy, its context checks (one table,
 * CONTEXT_CHECKS, with a row per lexicon field) and specialisation; then
 * negation, once per sentence that holds a negatable mention.
 */

/** Expand a form pattern (see lexicon/schema.ts) into every literal string it stands for. */
export function expandForm(form: string, limit = 5000, digitToken = '0'): string[] {
  let i = 0;
  const seq = (): string[] => {
    const alts: string[][] = [];
    let cur: string[] = [''];
    const append = (opts: string[]) => {
      const next: string[] = [];
      for (const a of cur) for (const b of opts) next.push(a + b);
      if (next.length > limit) throw new Error(`form "${form}" expands to more than ${limit} strings`);
      cur = next;
    };
    while (i < form.length) {
      const ch = form[i] as string;
      if (ch === '(') {
        i++;
        const inner = seq();
        i++; // ')'
        if (form[i] === '?') {
          i++;
          append(['', ...inner]);
        } else append(inner);
      } else if (ch === ')') break;
      else if (ch === '|') {
        alts.push(cur);
        cur = [''];
        i++;
      } else if (ch === '[') {
        const j = form.indexOf(']', i);
        const body = form.slice(i + 1, j);
        const opts: string[] = [];
        for (let k = 0; k < body.length; k++) {
          if (body[k + 1] === '-' && k + 2 < body.length) {
            for (let c = body.charCodeAt(k); c <= body.charCodeAt(k + 2); c++) opts.push(String.fromCharCode(c));
            k += 2;
          } else opts.push(body[k] as string);
        }
        // the automaton reads every digit as one symbol: a class of digits is one option
        if (opts.length > 1 && opts.every((o) => o >= '0' && o <= '9')) opts.splice(0, opts.length, digitToken);
        i = j + 1;
        if (form[i] === '?') {
          i++;
          append(['', ...opts]);
        } else append(opts);
      } else {
        if (ch === '?') {
          // optional single character: "psykisk(e)?" is the usual way; a bare "x?" makes the previous char optional
          cur = [...cur, ...cur.map((s) => s.slice(0, -1))];
        } else append([ch]);
        i++;
      }
    }
    alts.push(cur);
    return alts.flat();
  };
  return [...new Set(seq().map((s) => s.replace(/ +/g, ' ').trim()))].filter((s) => s.length > 0);
}

interface CompiledTerm {
  term: Term;
  index: number;
  endings: Set<string>;
  exactEndings: Set<string> | null;
  blockHeads: string[];
  allowHeads: string[] | null;
  blockPrefixes: string[];
  /** The term's context checks (CONTEXT_CHECKS), by stage, in table order. */
  wordChecks: Check[];
  sentenceChecks: Check[];
  specialize: { instruments: InstrumentId[]; cue: RegExp; cueAll: RegExp }[];
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  automaton: Automaton;
  /** pattern id → term index, or -1 for a stop form */
  patternTerm: Int32Array;
  terms: CompiledTerm[];
  negation: CompiledNegation;
  patternCount: number;
}

const compiledCache = new WeakMap<Lexicon, CompiledLexicon>();

export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const hit = compiledCache.get(lex);
  if (hit) return hit;
  const generic = lex.endings.map(fold);
  const terms: CompiledTerm[] = lex.terms.map((term, index) => ({
    term,
    index,
    endings: new Set([...generic, ...term.endings.map(fold)]),
    exactEndings: term.exactEndings ? new Set(term.exactEndings.map(fold)) : null,
    blockHeads: term.blockHeads.map(fold),
    allowHeads: term.allowHeads ? term.allowHeads.map(fold) : null,
    blockPrefixes: term.blockPrefixes.map(fold),
    wordChecks: compileChecks(term, 'word'),
    sentenceChecks: compileChecks(term, 'sentence'),
    specialize: term.specialize.map((s) => ({ instruments: s.instruments, cue: new RegExp(s.cue, 'iu'), cueAll: new RegExp(s.cue, 'giu') })),
  }));
  const seen = new Map<string, number>();
  const patterns: number[][] = [];
  const owner: number[] = [];
  const lanes: number[] = [];
  // lane 0: instruments (and terms that name both), lane 1: target groups only; stop forms: both
  const laneOf = (term: number) => (term < 0 ? 3 : (lex.terms[term]?.instruments.length ?? 0) > 0 ? 1 : 2);
  const add = (form: string, term: number) => {
    for (const v of expandForm(form)) {
      const syms = symbols(v);
      const key = syms.join(',');
      const prev = seen.get(key);
      if (prev !== undefined) {
        if (prev !== term && prev !== -1 && term !== -1) {
          const name = (i: number) => lex.terms[i]?.key;
          throw new Error(`lexicon: "${v}" (from "${form}") is claimed by both ${name(prev)} and ${name(term)}`);
        }
        continue;
      }
      seen.set(key, term);
      patterns.push(syms);
      owner.push(term);
      lanes.push(laneOf(term));
    }
  };
  // stop forms first: where a stop form and a term share a spelling, the stop form wins
  for (const f of lex.stopForms) add(f, -1);
  terms.forEach((t) => t.term.forms.forEach((f) => add(f, t.index)));
  const out: CompiledLexicon = {
    lexicon: lex,
    automaton: buildAutomaton(patterns, lanes),
    patternTerm: Int32Array.from(owner),
    terms,
    negation: compileNegation(lex),
    patternCount: patterns.length,
  };
  compiledCache.set(lex, out);
  return out;
}

/** Final consonants that double before an ending. */
const DOUBLING = new Set('bcdfgklmnprstv');

function acceptsSuffix(t: CompiledTerm, suffix: string, stemLast: string): boolean {
  if (t.exactEndings) {
    if (t.exactEndings.has(suffix)) return true;
  } else {
    if (t.endings.has(suffix)) return true;
    // doubled final consonant: løntilskud-det, praktik-ken, job-bet
    if (suffix.length > 1 && suffix[0] === stemLast && DOUBLING.has(stemLast) && t.endings.has(suffix.slice(1)))
      return true;
  }
  const term = t.term;
  if (!term.modifier) return false;
  if (term.modifierHyphenOnly && !suffix.startsWith('-')) return false;
  const head = suffix.startsWith('-') ? suffix.slice(1) : suffix;
  // without a joining s or e ("løntilskuds|job", "mentor|e|forløb")
  const unjoined = head[0] === 's' || head[0] === 'e' ? head.slice(1) : head;
  for (const b of t.blockHeads) if (suffix.startsWith(b) || head.startsWith(b) || unjoined.startsWith(b)) return false;
  if (head.length < 3) return false;
  if (t.allowHeads) return t.allowHeads.some((a) => suffix.startsWith(a) || head.startsWith(a) || unjoined.startsWith(a));
  return true;
}

function acceptsPrefix(t: CompiledTerm, prefix: string): boolean {
  if (prefix === '') return true;
  if (!t.term.head) return false;
  const p = prefix.endsWith('-') ? prefix.slice(0, -1) : prefix;
  if (p.length < 2) return false;
  for (const b of t.blockPrefixes) if (p.endsWith(b) || prefix.endsWith(b)) return false;
  return true;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1, et: 1, ét: 1, halvandet: 1.5, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10,
};
const FIRST_NUMBER = /(\d+(?:[,.]\d+)?)(½)?|(?:^|[^a-zæøå])(halvandet|en|et|ét|to|tre|fire|fem|seks|syv|otte|ni|ti)(?![a-zæøå])/i;

/** Does the phrase's first number lie in the term's range? */
function numberInRange(range: NonNullable<Term['numberRange']>, phrase: string): boolean {
  const m = FIRST_NUMBER.exec(phrase);
  if (!m) return false;
  let v = m[1] !== undefined ? Number(m[1].replace(',', '.')) + (m[2] ? 0.5 : 0) : (NUMBER_WORDS[(m[3] as string).toLowerCase()] ?? NaN);
  if (!Number.isFinite(v)) return false;
  if (range.unit === 'months' && /(?:^|[^a-zæøå])(?:år|aar)s?(?![a-zæøå])/i.test(phrase)) v *= 12;
  return (range.min === undefined || v >= range.min) && (range.max === undefined || v <= range.max);
}

/** The part of a window that lies in the mention's own paragraph (blank line, \r or \v end it). */
function sameParagraph(s: string, before: boolean): string {
  const re = /\n\s*\n|[\r\v\f]/g;
  if (before) {
    let last = -1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) last = m.index + m[0].length;
    return last < 0 ? s : s.slice(last);
  }
  const m = re.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** The word before position `at` (lower case), skipping blanks; "" at the start. */
function previousWord(text: string, at: number): string {
  let e = at;
  while (e > 0 && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0xa0 || text.charCodeAt(e - 1) === 0x09)) e--;
  let b = e;
  while (b > 0 && e - b < 20 && isWordCode(text.charCodeAt(b - 1))) b--;
  return text.slice(b, e).toLowerCase();
}

/** What a context check sees: the candidate's word [ws, we) in the (masked) text, and later its sentence. */
interface Candidate {
  text: string;
  ws: number;
  we: number;
  /** What requireAfter matched right after the word ("i 14 mdr."); numberRange reads the word and this. */
  phrase: string;
  /** The sentence (only in the sentence stage). */
  sent: Sentence;
}

/** True when the mention may stand. */
type Check = (c: Candidate) => boolean;

interface ContextCheck {
  /** The Term field (lexicon/schema.ts) the check compiles from; absent or empty: no check. */
  field: keyof Term;
  /** 'word': before the mention's sentence is looked up; 'sentence': after. */
  stage: 'word' | 'sentence';
  compile(term: Term): Check | null;
}

const rx = (src: string | undefined) => (src ? new RegExp(src, 'iu') : null);

/** Up to 80 characters after the word, stopping at a paragraph, line-break or table-cell character. */
function lookAhead(c: Candidate): string {
  const { text, we } = c;
  const max = Math.min(text.length, we + 80);
  let i = we;
  for (; i < max; i++) {
    const x = text.charCodeAt(i);
    if (x === 0x0d || x === 0x0b || x === 0x07 || x === 0x0c) break;
  }
  return text.slice(we, i);
}

/** The sentence with the mention's word blanked out. */
const sentenceWithoutWord = ({ sent, ws, we }: Candidate) =>
  sent.text.slice(0, ws - sent.start) + ' '.repeat(we - ws) + sent.text.slice(we - sent.start);

/**
 * The lexicon's context checks: one row per Term field, run in this order for every candidate that
 * passed its compound policy (a new field is its schema entry plus one row here).
 */
const CONTEXT_CHECKS: readonly ContextCheck[] = [
  {
    field: 'blockAfter',
    stage: 'word',
    compile: (t) => {
      const re = rx(t.blockAfter);
      return re && ((c) => !re.test(lookAhead(c)));
    },
  },
  {
    field: 'notAfterWords',
    stage: 'word',
    compile: (t) => {
      if (!t.notAfterWords.length) return null;
      const words = new Set(t.notAfterWords.map((w) => w.toLowerCase()));
      return (c) => !words.has(previousWord(c.text, c.ws));
    },
  },
  {
    field: 'requireAfter',
    stage: 'word',
    compile: (t) => {
      const re = rx(t.requireAfter);
      return (
        re &&
        ((c) => {
          const m = re.exec(lookAhead(c));
          if (!m || m.index !== 0) return false;
          c.phrase = m[0];
          return true;
        })
      );
    },
  },
  {
    field: 'numberRange',
    stage: 'word',
    compile: (t) => {
      const range = t.numberRange;
      return range ? (c) => numberInRange(range, c.text.slice(c.ws, c.we) + c.phrase) : null;
    },
  },
  {
    field: 'blockBefore',
    stage: 'sentence',
    compile: (t) => {
      const re = rx(t.blockBefore);
      return re && (({ sent, ws }) => !re.test(sent.text.slice(Math.max(0, ws - 40 - sent.start), ws - sent.start)));
    },
  },
  {
    field: 'requireInSentence',
    stage: 'sentence',
    compile: (t) => {
      const re = rx(t.requireInSentence);
      return re && ((c) => re.test(sentenceWithoutWord(c)));
    },
  },
  {
    field: 'blockInSentence',
    stage: 'sentence',
    compile: (t) => {
      const re = rx(t.blockInSentence);
      return re && ((c) => !re.test(c.sent.text));
    },
  },
  {
    field: 'requireNear',
    stage: 'sentence',
    compile: (t) => {
      const re = rx(t.requireNear);
      return (
        re &&
        (({ text, ws, we }) =>
          re.test(sameParagraph(text.slice(Math.max(0, ws - NEAR), ws), true) + ' ' + sameParagraph(text.slice(we, we + NEAR), false)))
      );
    },
  },
];

/** How far either side of the mention requireNear looks (within its paragraph). */
const NEAR = 120;

function compileChecks(term: Term, stage: ContextCheck['stage']): Check[] {
  const out: Check[] = [];
  for (const row of CONTEXT_CHECKS) {
    if (row.stage !== stage) continue;
    const check = row.compile(term);
    if (check) out.push(check);
  }
  return out;
}

const CUE_STOP = /[,;:()]|\s(?:eller|og|samt|men|mens|hvor|efter|før)\s/u;

/** Where the "Til:" line of an e-mail is looked for: the document's first characters. */
export const HEAD_LENGTH = 2000;

/** What a specialisation strategy sees. */
interface CueContext {
  t: CompiledTerm;
  sent: Sentence;
  ws: number;
  we: number;
  doc: DocumentHead;
  /** Up to 80 characters after the mention, in its sentence. */
  after: string;
  /** `after` up to the first clause stop (",", "og", "men" …). */
  clause: string;
}

type Kinds = CompiledTerm['specialize'];

/** The instruments of the only kind whose cue matches `s`, else null. */
function onlyKind(kinds: Kinds, s: string): InstrumentId[] | null {
  const found = kinds.filter((k) => k.cue.test(s));
  return found.length === 1 ? (found[0] as Kinds[number]).instruments : null;
}

/**
 * Sector/kind specialisation ("løntilskud hos Netto" → privat): strategies tried in this order; the
 * first that names a kind wins (lexicon/schema.ts documents `specialize`).
 */
const SPECIALISATION: readonly { name: string; pick: (c: CueContext) => InstrumentId[] | null }[] = [
  {
    name: 'a parenthesis right after the mention ("Løntilskud (privat)")',
    pick: ({ t, after }) => {
      const paren = /^\s*\(([^)]{1,40})\)/.exec(after);
      if (paren) for (const s of t.specialize) if (s.cue.test(` ${paren[1] as string} `)) return s.instruments;
      return null;
    },
  },
  {
    name: 'a rule naming several kinds, past "og"/"eller" ("hos både en privat og en offentlig arbejdsgiver")',
    pick: ({ t, after }) => {
      for (const s of t.specialize) if (s.instruments.length > 1 && s.cue.test(after)) return s.instruments;
      return null;
    },
  },
  {
    name: 'the cue nearest after the mention, in its clause',
    pick: ({ t, clause }) => {
      let best: { at: number; ids: InstrumentId[] } | null = null;
      for (const s of t.specialize) {
        const m = s.cue.exec(clause);
        if (m && (!best || m.index < best.at)) best = { at: m.index, ids: s.instruments };
      }
      return best ? best.ids : null;
    },
  },
  {
    name: '"hos jer" in an e-mail to an employer: the kind its "Til:" line names ("Til: …, Vang VVS ApS")',
    pick: ({ t, clause, doc }) => {
      if (!/^\s*(?:hos|i|ved)\s+(?:jer|jeres)(?![a-zæøå])/i.test(clause)) return null;
      doc.used = true;
      const to = /^(?:til|to):[^\S\r\n]*(.+)$/im.exec(doc.head);
      return to ? onlyKind(t.specialize, ` ${to[1] as string} `) : null;
    },
  },
  {
    name: '"hos dem", "der": the cue nearest before, earlier in the sentence',
    pick: ({ t, clause, sent, ws }) => {
      if (!/^\s*(?:(?:hos|i|på|ved)\s+(?:dem|den|det|virksomheden|firmaet|arbejdsgiveren|butikken)|der|dér)(?![a-zæøå])/i.test(clause))
        return null;
      const earlier = sent.text.slice(0, ws - sent.start);
      let near: { at: number; ids: InstrumentId[] } | null = null;
      for (const s of t.specialize) {
        const re = s.cueAll;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(earlier)) !== null) {
          if (!near || m.index > near.at) near = { at: m.index, ids: s.instruments };
          if (m[0].length === 0) re.lastIndex++;
        }
      }
      return near ? near.ids : null;
    },
  },
  {
    name: 'a cue in the 40 characters before the mention, in its clause',
    pick: ({ t, sent, ws }) => {
      const parts = sent.text.slice(Math.max(0, ws - sent.start - 40), ws - sent.start).split(CUE_STOP);
      const before = parts[parts.length - 1] ?? '';
      for (const s of t.specialize) if (s.cue.test(before)) return s.instruments;
      return null;
    },
  },
  {
    name: 'the one kind the rest of the sentence names ("… vil gerne prøve det hos Bageriet ApS")',
    pick: ({ t, sent, ws, we }) => onlyKind(t.specialize, sent.text.slice(0, ws - sent.start) + ' ' + sent.text.slice(we - sent.start)),
  },
];

function specialise(t: CompiledTerm, sent: Sentence, ws: number, we: number, doc: DocumentHead): InstrumentId[] | null {
  if (!t.specialize.length) return null;
  const from = we - sent.start;
  const after = sent.text.slice(from, Math.min(sent.text.length, from + 80));
  const stop = after.search(CUE_STOP);
  const c: CueContext = { t, sent, ws, we, doc, after, clause: stop >= 0 ? after.slice(0, stop) : after };
  for (const strategy of SPECIALISATION) {
    const ids = strategy.pick(c);
    if (ids) return ids;
  }
  return null;
}

interface Sentence {
  start: number;
  end: number;
  /** The sentence as written (every context regex is case-insensitive). */
  text: string;
  neg?: SentenceNegation;
}

export interface ScanMention {
  start: number;
  end: number;
  text: string;
  negated: boolean;
}

/** Accepted mentions in text order, with their ids in parallel arrays (one object per mention). */
export interface ScanResult {
  mentions: ScanMention[];
  instruments: (readonly InstrumentId[])[];
  groups: (readonly TargetGroupId[])[];
  /** True when a result depended on the document's head (see DocumentHead). */
  usedHead: boolean;
}

/** The first HEAD_LENGTH characters of the whole (masked) document, which one context rule reads. */
interface DocumentHead {
  head: string;
  used: boolean;
}

/** Sort candidate indices by start ascending, end descending (input is ordered by end: nearly sorted by start). */
function orderCandidates(start: Int32Array, end: Int32Array, count: number): Int32Array {
  const idx = new Int32Array(count);
  for (let i = 0; i < count; i++) idx[i] = i;
  for (let i = 1; i < count; i++) {
    const x = idx[i] as number;
    const xs = start[x] as number;
    const xe = end[x] as number;
    let j = i - 1;
    while (j >= 0) {
      const y = idx[j] as number;
      const ys = start[y] as number;
      if (ys < xs || (ys === xs && (end[y] as number) >= xe)) break;
      idx[j + 1] = y;
      j--;
    }
    idx[j + 1] = x;
  }
  return idx;
}

/** The matcher's accepted mentions before negation, with what the negation pass needs. */
export interface Accepted extends ScanResult {
  terms: CompiledTerm[];
  sentences: Sentence[];
}

/**
 * Find the mentions in `text` (the input with the add-in's inserted text masked): one automaton
 * pass, then each candidate's compound policy, context checks (CONTEXT_CHECKS) and specialisation.
 * Mention texts are taken from `original` (same length, same offsets). `head` is the start of the
 * whole masked document when `text` is only a part of it (incremental.ts scans paragraph by paragraph).
 */
export function findMentions(c: CompiledLexicon, text: string, original: string = text, head: string = text.slice(0, HEAD_LENGTH)): Accepted {
  const doc: DocumentHead = { head, used: false };
  const { start, end, pid, lane, count } = scanAll(c.automaton, text);
  const order = orderCandidates(start, end, count);
  const out: Accepted = { mentions: [], instruments: [], groups: [], usedHead: false, terms: [], sentences: [] };
  let sent: Sentence | null = null;
  const cand: Candidate = { text, ws: 0, we: 0, phrase: '', sent: { start: 0, end: 0, text: '' } };
  const lastEnd = [-1, -1]; // per lane
  next: for (let oi = 0; oi < count; oi++) {
    const ci = order[oi] as number;
    const hs = start[ci] as number;
    const ln = lane[ci] as number;
    if (hs < (lastEnd[ln] as number)) continue;
    const he = end[ci] as number;
    const ti = c.patternTerm[pid[ci] as number] as number;
    if (ti < 0) {
      lastEnd[ln] = he; // a stop form consumes its text
      continue;
    }
    const t = c.terms[ti] as CompiledTerm;
    // compound policy: what the word holds before and after the hit
    wordBounds(text, hs, he);
    const ws = bounds.start;
    const we = bounds.end;
    if (ws < hs) {
      if (!acceptsPrefix(t, normWord(text.slice(ws, hs)))) continue;
    } else if (!t.term.bare) continue;
    if (we > he) {
      const last = normWord(text.slice(he - 1, he));
      if (!acceptsSuffix(t, normWord(text.slice(he, we)), last)) continue;
    } else if (t.exactEndings && !t.exactEndings.has('')) continue;
    cand.ws = ws;
    cand.we = we;
    cand.phrase = '';
    for (const check of t.wordChecks) if (!check(cand)) continue next;
    if (!sent || hs < sent.start || hs >= sent.end) {
      const [ss, se] = sentenceAround(text, hs);
      const e = Math.max(se, we);
      sent = { start: ss, end: e, text: text.slice(ss, e) };
    }
    cand.sent = sent;
    for (const check of t.sentenceChecks) if (!check(cand)) continue next;
    const ids = specialise(t, sent, ws, we, doc) ?? t.term.instruments;
    out.mentions.push({ start: ws, end: we, text: original.slice(ws, we), negated: false });
    out.instruments.push(ids);
    out.groups.push(t.term.groups);
    out.terms.push(t);
    out.sentences.push(sent);
    lastEnd[ln] = he;
  }
  out.usedHead = doc.used;
  return out;
}

/**
 * Set `negated` on the accepted mentions: clause-scoped negation (negation.ts), found once per
 * sentence that holds a negatable mention and shared by its mentions.
 */
export function applyNegation(c: CompiledLexicon, a: Accepted): void {
  const { mentions, terms, sentences } = a;
  // Candidates come in start order and words never overlap, so mentions are in text order.
  // Phrases that carry their own negation ("ingen uddannelse") must not negate their neighbours.
  const protectedSpans: (readonly [number, number])[] = [];
  for (let i = 0; i < mentions.length; i++)
    if (!(terms[i] as CompiledTerm).term.negatable) protectedSpans.push([(mentions[i] as ScanMention).start, (mentions[i] as ScanMention).end]);
  let pi = 0;
  for (let i = 0; i < mentions.length; i++) {
    if (!(terms[i] as CompiledTerm).term.negatable) continue;
    const m = mentions[i] as ScanMention;
    const sent = sentences[i] as Sentence;
    if (!sent.neg) {
      // protected phrases of this sentence only (both lists are in text order)
      while (pi < protectedSpans.length && (protectedSpans[pi] as readonly [number, number])[1] <= sent.start) pi++;
      let pj = pi;
      while (pj < protectedSpans.length && (protectedSpans[pj] as readonly [number, number])[0] < sent.end) pj++;
      sent.neg = negationContext(c.negation, sent.text, sent.start, protectedSpans.slice(pi, pj));
    }
    m.negated = isNegated(c.negation, sent.neg, m.start - sent.start, m.end - sent.start);
  }
}

/** findMentions, then applyNegation: the mentions of `text`, in text order. */
export function scan(c: CompiledLexicon, text: string, original: string = text, head?: string): ScanResult {
  const a = findMentions(c, text, original, head);
  applyNegation(c, a);
  return { mentions: a.mentions, instruments: a.instruments, groups: a.groups, usedHead: a.usedHead };
}
