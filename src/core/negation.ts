import type { Lexicon } from './lexicon/schema';

/**
 * NegEx-style negation for Danish casework text: pre-negations scope forward,
 * post-negations scope back, both only within the clause (a terminator such as
 * "men", a semicolon, or a comma/"og" that starts a new clause ends the scope),
 * and only over a few words. Pseudo-negations ("ikke kun", "uden for") are skipped.
 * Trigger positions are found once per sentence and shared by its mentions.
 */
export interface CompiledNegation {
  pre: RegExp;
  post: RegExp;
  pseudo: RegExp;
  clauseBreak: RegExp;
  declined: RegExp | null;
  definite: RegExp | null;
  /** Cheap test: can this sentence contain any trigger at all? */
  hint: RegExp;
  preWindow: number;
  postWindow: number;
}

/** Letters and digits, for word boundaries without lookbehind or the u flag (both slow in V8). */
const W = 'a-zA-Z0-9æøåÆØÅéÉüÜöÖäÄ';

export function compileNegation(lex: Lexicon): CompiledNegation {
  const n = lex.negation;
  const alt = (xs: string[]) => xs.map((x) => x.replace(/ /g, '\\s+')).join('|');
  // (^|non-letter)(trigger)(?!letter): group 2 is the trigger; its start is m.index + m[1].length
  const word = (xs: string[], tail = '') => new RegExp(`(^|[^${W}])((?:${alt(xs)})${tail})(?![${W}])`, 'gi');
  return {
    pre: word(n.pre),
    post: word(n.post, `[${W}]*`),
    pseudo: word(n.pseudo),
    clauseBreak: new RegExp(
      `[;:]|\\s[-–—]\\s|\\n\\s*(?:${alt(n.clauseStarters.filter((x) => x !== 'i' && x !== 'til' && x !== 'og'))})(?![${W}])|[,–—(]\\s*(?:${alt(n.clauseStarters)})(?![${W}])|(?:^|[^${W}])(?:${alt(n.terminators)})(?![${W}])|(?:^|[^${W}])og\\s+(?:${alt(
        n.clauseStarters.filter((s) => s !== 'og'),
      )})(?![${W}])`,
      'i',
    ),
    hint: new RegExp(n.hints.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|'), 'i'),
    declined: n.declined.length ? new RegExp(`(^|[^${W}])((?:${n.declined.join('|')}))(?![${W}])`, 'gi') : null,
    definite: n.definite.length ? new RegExp(`(?:^|[^${W}])(?:${n.definite.join('|')})\\s+$`, 'i') : null,
    preWindow: n.preWindow,
    postWindow: n.postWindow,
  };
}

function wordCount(s: string): number {
  let n = 0;
  let inW = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 0x20 || c === 0x09 || c === 0x0a || c === 0xa0;
    if (!ws && !inW) n++;
    inW = !ws;
  }
  return n;
}

type SpanT = [number, number, string];

function spans(re: RegExp, s: string): SpanT[] {
  const out: SpanT[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const start = m.index + (m[1] as string).length;
    const trig = m[2] as string;
    out.push([start, start + trig.length, trig.toLowerCase()]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const overlaps = (a: number, b: number, c: number, d: number) => a < d && c < b;

export interface SentenceNegation {
  /** The sentence as written (regexes are case-insensitive). */
  sentence: string;
  /** null: the sentence holds no trigger at all */
  pre: SpanT[] | null;
  post: SpanT[];
  /** Starts of "…, men har takket nej" constructions. */
  declined: number[];
}

/** Find the triggers of one sentence (offsets relative to it), minus pseudo-negations and protected phrases. */
export function negationContext(
  neg: CompiledNegation,
  sentence: string,
  sentenceStart: number,
  protectedSpans: readonly (readonly [number, number])[],
): SentenceNegation {
  if (!neg.hint.test(sentence)) return { sentence, pre: null, post: [], declined: [] };
  const pre = spans(neg.pre, sentence);
  const post = spans(neg.post, sentence);
  const declined = neg.declined ? spans(neg.declined, sentence).map(([a]) => a) : [];
  if (!pre.length && !post.length && !declined.length) return { sentence, pre: null, post: [], declined };
  const pseudo = spans(neg.pseudo, sentence);
  const keep = ([a, b]: SpanT) =>
    !pseudo.some(([x, y]) => overlaps(a, b, x, y)) &&
    !protectedSpans.some(([x, y]) => overlaps(a + sentenceStart, b + sentenceStart, x, y));
  return { sentence, pre: pre.filter(keep), post: post.filter(keep), declined };
}

/** Is the mention [ms, me) (relative to its sentence) negated? */
export function isNegated(neg: CompiledNegation, ctx: SentenceNegation, ms: number, me: number): boolean {
  if (!ctx.pre) return false;
  const s = ctx.sentence;
  // Pre-negation: the closest trigger before the mention whose scope reaches it.
  const all = ctx.pre;
  let n = 0;
  while (n < all.length && (all[n] as SpanT)[1] <= ms) n++;
  const pre = n === all.length ? all : all.slice(0, n);
  for (let i = pre.length - 1; i >= 0; i--) {
    const [, b, trig] = pre[i] as SpanT;
    const between = s.slice(b, ms);
    if (neg.clauseBreak.test(between)) break;
    if (!trig.startsWith('hverken') && wordCount(between) > neg.preWindow) break;
    if ((trig === 'ikke' || trig === 'aldrig') && neg.definite && neg.definite.test(s.slice(0, ms))) break;
    if (trig === 'uden') {
      // "kan ikke klare sig uden mentor": a negation before "uden" in the same clause cancels it.
      const earlier = pre.slice(0, i).some(([, eb]) => !neg.clauseBreak.test(s.slice(eb, b)));
      if (earlier) return false;
      if (wordCount(between) > 3) break;
    }
    return true;
  }
  // An offer turned down: "tilbudt løntilskud, men har takket nej".
  // (not for past use: "hun var i nyttejob sidste år …, men det vil hun ikke igen" is still a mention)
  if (ctx.declined.length && !/(?:^|\s)(?:var|har\s+været|havde\s+været|tidligere)\s+(?:\S+\s+){0,2}$/i.test(s.slice(Math.max(0, ms - 40), ms)))
    for (const d of ctx.declined) if (d >= me && d - me <= 120 && !/[.!?]/.test(s.slice(me, d))) return true;
  // Post-negation: a trigger after the mention, same clause, within a few words.
  for (const [a] of ctx.post) {
    if (a < me) continue;
    const between = s.slice(me, a);
    if (neg.clauseBreak.test(between)) break;
    if (wordCount(between) > neg.postWindow) break;
    return true;
  }
  return false;
}
