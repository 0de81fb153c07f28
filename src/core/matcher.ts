import type { Lexicon, Term } from './lexicon/schema';
import type { InstrumentId, TargetGroupId } from './ids';
import { isWordCode, origEnd, origStart, sentenceAround, type Prepared } from './text';
import { compileNegation, isNegated, type CompiledNegation } from './negation';

/**
 * Compiles the lexicon into ONE alternation RegExp (the fast path: one pass
 * over the lower-cased text) plus per-form lookups to tell which term a hit
 * belongs to. Each hit is then checked against its term's compound policy,
 * context rules and negation.
 */

const SP = '[ \\t\\u00a0\\n]+';
const LETTER_CLASS: Record<string, string> = {
  ø: '(?:ø|oe|ö|o)',
  æ: '(?:æ|ae|ä|e)',
  å: '(?:å|aa|a)',
};

/** Folding used to look a literal hit up: ASCII spellings and whitespace collapse to one key. */
export function fold(s: string): string {
  return s
    .replace(/[ \t\u00a0\n]+/g, ' ')
    .replace(/oe|ö|ø/g, 'o')
    .replace(/ae|ä|æ/g, 'e')
    .replace(/aa|å/g, 'a');
}

/** Reorder the alternatives of every group longest first, so "(job|jobforslag)" prefers the longer. */
function sortAlternatives(form: string): string {
  let i = 0;
  const seq = (): string[] => {
    const alts: string[] = [];
    let cur = '';
    while (i < form.length) {
      const ch = form[i] as string;
      if (ch === '(') {
        i++;
        const inner = seq();
        i++; // ')'
        inner.sort((a, b) => maxLen(b) - maxLen(a));
        cur += '(' + inner.join('|') + ')';
      } else if (ch === ')') break;
      else if (ch === '|') {
        alts.push(cur);
        cur = '';
        i++;
      } else if (ch === '[') {
        const j = form.indexOf(']', i) + 1;
        cur += form.slice(i, j);
        i = j;
      } else {
        cur += ch;
        i++;
      }
    }
    alts.push(cur);
    return alts;
  };
  return seq().join('|');
}

/** Form pattern (see lexicon/schema.ts) → RegExp source. */
export function formToRegex(rawForm: string): string {
  const form = isLiteralForm(rawForm) ? rawForm : sortAlternatives(rawForm);
  let out = '';
  let inClass = false;
  for (const ch of form) {
    if (inClass) {
      out += ch;
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === '(') out += '(?:';
    else if (ch === ')' || ch === '|' || ch === '?') out += ch;
    else if (ch === ' ') out += SP;
    else if (ch === '.' || ch === '+' || ch === '/') out += '\\' + ch;
    else if (LETTER_CLASS[ch]) out += LETTER_CLASS[ch];
    else out += ch;
  }
  return out;
}

function isLiteralForm(form: string): boolean {
  return !/[()[\]|?]/.test(form);
}

/** Longest length a form can match, for ordering the alternation (longest first). */
export function maxLen(form: string): number {
  let i = 0;
  const seq = (): number => {
    let best = 0;
    let cur = 0;
    while (i < form.length) {
      const ch = form[i] as string;
      if (ch === '(') {
        i++;
        cur += seq();
        i++; // ')'
      } else if (ch === ')') {
        break;
      } else if (ch === '|') {
        best = Math.max(best, cur);
        cur = 0;
        i++;
      } else if (ch === '[') {
        i = form.indexOf(']', i) + 1;
        cur++;
      } else {
        if (ch !== '?') cur++;
        i++;
      }
    }
    return Math.max(best, cur);
  };
  return seq();
}

interface CompiledTerm {
  term: Term;
  index: number;
  endings: Set<string>;
  exactEndings: Set<string> | null;
  blockAfter: RegExp | null;
  blockBefore: RegExp | null;
  requireInSentence: RegExp | null;
  blockInSentence: RegExp | null;
  specialize: { instruments: InstrumentId[]; cue: RegExp; cueAfter: RegExp }[];
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  combined: RegExp;
  /** fold(literal form) → term index, or -1 for a stop form */
  literal: Map<string, number>;
  /** Pattern forms: sticky regexes with their term index (-1 stop). */
  patterns: { re: RegExp; term: number }[];
  terms: CompiledTerm[];
  negation: CompiledNegation;
}

const compiledCache = new WeakMap<Lexicon, CompiledLexicon>();

export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const hit = compiledCache.get(lex);
  if (hit) return hit;
  const generic = new Set(lex.endings);
  const terms: CompiledTerm[] = lex.terms.map((term, index) => ({
    term,
    index,
    endings: new Set([...generic, ...term.endings]),
    exactEndings: term.exactEndings ? new Set(term.exactEndings) : null,
    blockAfter: term.blockAfter ? new RegExp(term.blockAfter, 'u') : null,
    blockBefore: term.blockBefore ? new RegExp(term.blockBefore, 'u') : null,
    requireInSentence: term.requireInSentence ? new RegExp(term.requireInSentence, 'u') : null,
    blockInSentence: term.blockInSentence ? new RegExp(term.blockInSentence, 'u') : null,
    specialize: term.specialize.map((s) => ({
      instruments: s.instruments,
      cue: new RegExp(s.cue, 'u'),
      cueAfter: new RegExp(s.cue, 'u'),
    })),
  }));
  const entries: { form: string; term: number }[] = [];
  for (const f of lex.stopForms) entries.push({ form: f, term: -1 });
  terms.forEach((t) => t.term.forms.forEach((f) => entries.push({ form: f, term: t.index })));
  const literal = new Map<string, number>();
  const patterns: { re: RegExp; term: number }[] = [];
  for (const e of entries) {
    if (isLiteralForm(e.form)) {
      const key = fold(e.form);
      const prev = literal.get(key);
      if (prev !== undefined && prev !== e.term) {
        const name = (i: number) => (i < 0 ? 'stopForms' : lex.terms[i]?.key);
        throw new Error(`lexicon: form "${e.form}" is claimed by both ${name(prev)} and ${name(e.term)}`);
      }
      literal.set(key, e.term);
    } else {
      patterns.push({ re: new RegExp(formToRegex(e.form), 'y'), term: e.term });
    }
  }
  const sources = [...new Set(entries.map((e) => e.form))]
    .sort((a, b) => maxLen(b) - maxLen(a) || (a < b ? -1 : 1))
    .map(formToRegex);
  const combined = new RegExp(sources.join('|'), 'g');
  const out: CompiledLexicon = { lexicon: lex, combined, literal, patterns, terms, negation: compileNegation(lex) };
  compiledCache.set(lex, out);
  return out;
}

function lookupTerm(c: CompiledLexicon, lower: string, at: number, matched: string): number | undefined {
  const lit = c.literal.get(fold(matched));
  if (lit !== undefined) return lit;
  for (const p of c.patterns) {
    p.re.lastIndex = at;
    const m = p.re.exec(lower);
    if (m && m[0].length === matched.length) return p.term;
  }
  return undefined;
}

function isJoinerAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 0x2d && c !== 0x27 && c !== 0x2019) return false;
  return i > 0 && i + 1 < s.length && isWordCode(s.charCodeAt(i - 1)) && isWordCode(s.charCodeAt(i + 1));
}

function inWord(s: string, i: number): boolean {
  return isWordCode(s.charCodeAt(i)) || isJoinerAt(s, i);
}

function acceptsSuffix(t: CompiledTerm, suffix: string, stemLast: string): boolean {
  if (t.exactEndings) {
    if (t.exactEndings.has(suffix)) return true;
  } else {
    if (t.endings.has(suffix)) return true;
    // doubled final consonant: løntilskud-det, praktik-ken, job-bet
    if (suffix.length > 1 && suffix[0] === stemLast && /[bcdfgklmnprstv]/.test(stemLast) && t.endings.has(suffix.slice(1)))
      return true;
  }
  if (!t.term.modifier) return false;
  const term = t.term;
  if (term.modifierHyphenOnly && !suffix.startsWith('-')) return false;
  for (const b of term.blockHeads) if (suffix.startsWith(b)) return false;
  let head = suffix;
  if (head.startsWith('-')) head = head.slice(1);
  if (head.length < 3) return false;
  if (term.allowHeads) {
    const cands = [suffix, head, head.replace(/^[se]/, '')];
    return term.allowHeads.some((a) => cands.some((c) => c.startsWith(a)));
  }
  return true;
}

function acceptsPrefix(t: CompiledTerm, prefix: string): boolean {
  if (prefix === '') return true;
  if (!t.term.head) return false;
  const p = prefix.endsWith('-') ? prefix.slice(0, -1) : prefix;
  if (p.length < 2) return false;
  for (const b of t.term.blockPrefixes) if (p.endsWith(b) || prefix.endsWith(b)) return false;
  return true;
}

const STOP = { term: null } as unknown as CompiledTerm;

const CUE_AFTER_STOP = /[,;:()]|\s(?:eller|og|samt|men|mens|hvor|efter|før)\s/u;

function specialise(t: CompiledTerm, lower: string, ws: number, we: number, ss: number, se: number): InstrumentId[] | null {
  if (!t.specialize.length) return null;
  let after = lower.slice(we, Math.min(se, we + 80));
  const stop = after.search(CUE_AFTER_STOP);
  if (stop >= 0) after = after.slice(0, stop);
  let best: { at: number; ids: InstrumentId[] } | null = null;
  for (const s of t.specialize) {
    const m = s.cueAfter.exec(after);
    if (m && (!best || m.index < best.at)) best = { at: m.index, ids: s.instruments };
  }
  if (best) return best.ids;
  let before = lower.slice(Math.max(ss, ws - 40), ws);
  const parts = before.split(CUE_AFTER_STOP);
  before = parts[parts.length - 1] ?? '';
  for (const s of t.specialize) if (s.cue.test(before)) return s.instruments;
  return null;
}

export interface RawMention {
  start: number;
  end: number;
  negated: boolean;
  instruments: readonly InstrumentId[];
  groups: readonly TargetGroupId[];
}

/** Scan the prepared text; returns accepted mentions in text order with input offsets. */
export function scan(c: CompiledLexicon, p: Prepared): RawMention[] {
  const { lower, cased } = p;
  const re = c.combined;
  re.lastIndex = 0;
  const accepted: { ws: number; we: number; t: CompiledTerm; ids: readonly InstrumentId[]; ss: number; se: number }[] = [];
  let sentS = -1;
  let sentE = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) {
    const hs = m.index;
    const matched = m[0];
    let he = hs + matched.length;
    if (matched.length === 0) {
      re.lastIndex++;
      continue;
    }
    const ti = lookupTerm(c, lower, hs, matched);
    if (ti === undefined || ti < 0) continue;
    let ws = hs;
    while (ws > 0 && inWord(lower, ws - 1)) ws--;
    let we = he;
    while (we < lower.length && inWord(lower, we)) we++;
    let t = c.terms[ti] as CompiledTerm;
    if (we > he) {
      // A longer literal form may start at the same place ("konkrete job" + "forslag").
      for (let k = we; k > he; k--) {
        const longer = c.literal.get(fold(lower.slice(hs, k)));
        if (longer !== undefined) {
          if (longer < 0) {
            t = STOP;
          } else {
            t = c.terms[longer] as CompiledTerm;
            he = k;
          }
          break;
        }
      }
      if (t === STOP) continue;
    }
    if (!acceptsPrefix(t, lower.slice(ws, hs))) continue;
    if (!acceptsSuffix(t, lower.slice(he, we), lower[he - 1] as string)) continue;
    if (t.blockAfter && t.blockAfter.test(lower.slice(we, we + 80))) continue;
    if (hs >= sentE || hs < sentS) {
      [sentS, sentE] = sentenceAround(cased, hs);
      if (sentE < he) sentE = Math.min(lower.length, he);
    }
    if (t.blockBefore && t.blockBefore.test(lower.slice(Math.max(sentS, ws - 40), ws))) continue;
    if (t.requireInSentence || t.blockInSentence) {
      const sentence = lower.slice(sentS, Math.max(sentE, we));
      if (t.requireInSentence && !t.requireInSentence.test(sentence.slice(0, ws - sentS) + ' '.repeat(we - ws) + sentence.slice(we - sentS))) continue;
      if (t.blockInSentence && t.blockInSentence.test(sentence)) continue;
    }
    const ids = specialise(t, lower, ws, we, sentS, Math.max(sentE, we)) ?? t.term.instruments;
    accepted.push({ ws, we, t, ids, ss: sentS, se: Math.max(sentE, we) });
  }
  // Phrases that carry their own negation ("ingen uddannelse") must not negate their neighbours.
  const protectedSpans = accepted.filter((a) => !a.t.term.negatable).map((a) => [a.ws, a.we] as const);
  const out: RawMention[] = [];
  for (const a of accepted) {
    const negated = a.t.term.negatable ? isNegated(c.negation, lower, a.ss, a.se, a.ws, a.we, protectedSpans) : false;
    out.push({
      start: origStart(p, a.ws),
      end: origEnd(p, a.we),
      negated,
      instruments: a.ids,
      groups: a.t.term.groups,
    });
  }
  return out;
}
