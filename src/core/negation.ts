import type { Lexicon } from './lexicon/schema';

/**
 * NegEx-style negation for Danish casework text: pre-negations scope forward,
 * post-negations scope back, both only within the clause (a terminator such as
 * "men", a semicolon, or a comma/"og" that starts a new clause ends the scope),
 * and only over a few words. Pseudo-negations ("ikke kun", "uden for") are skipped.
 */
export interface CompiledNegation {
  pre: RegExp;
  post: RegExp;
  pseudo: RegExp;
  clauseBreak: RegExp;
  preWindow: number;
  postWindow: number;
}

const L = '\\p{L}\\p{N}';

export function compileNegation(lex: Lexicon): CompiledNegation {
  const n = lex.negation;
  const alt = (xs: string[]) => xs.map((x) => x.replace(/ /g, '\\s+')).join('|');
  const word = (xs: string[]) => `(?<![${L}])(?:${alt(xs)})(?![${L}])`;
  return {
    pre: new RegExp(word(n.pre), 'gu'),
    post: new RegExp(`(?<![${L}])(?:${alt(n.post)})[\\p{L}]*(?![${L}])`, 'gu'),
    pseudo: new RegExp(word(n.pseudo), 'gu'),
    clauseBreak: new RegExp(
      `[;:]|[,–—(]\\s*(?:${alt(n.clauseStarters)})(?![${L}])|(?<![${L}])(?:${alt(n.terminators)})(?![${L}])|(?<![${L}])og\\s+(?:${alt(
        n.clauseStarters.filter((s) => s !== 'og'),
      )})(?![${L}])`,
      'u',
    ),
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

function spans(re: RegExp, s: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push([m.index, m.index + m[0].length, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const overlaps = (a: number, b: number, c: number, d: number) => a < d && c < b;

/**
 * Is the mention [ws, we) negated within its sentence [ss, se) of `lower`?
 * `protectedSpans` are phrases whose negation word belongs to themselves.
 */
export function isNegated(
  neg: CompiledNegation,
  lower: string,
  ss: number,
  se: number,
  ws: number,
  we: number,
  protectedSpans: readonly (readonly [number, number])[],
): boolean {
  const sentence = lower.slice(ss, se);
  const ms = ws - ss;
  const me = we - ss;
  const pseudo = spans(neg.pseudo, sentence);
  const skip = (a: number, b: number) =>
    pseudo.some(([x, y]) => overlaps(a, b, x, y)) ||
    protectedSpans.some(([x, y]) => overlaps(a + ss, b + ss, x, y)) ||
    overlaps(a, b, ms, me);

  // Pre-negation: the closest trigger before the mention whose scope reaches it.
  const before = sentence.slice(0, ms);
  const pre = spans(neg.pre, before).filter(([a, b]) => !skip(a, b));
  for (let i = pre.length - 1; i >= 0; i--) {
    const [, b, trig] = pre[i] as [number, number, string];
    const between = before.slice(b);
    if (neg.clauseBreak.test(between)) break;
    const isHverken = trig.startsWith('hverken');
    if (!isHverken && wordCount(between) > neg.preWindow) break;
    if (trig === 'uden') {
      // "kan ikke klare sig uden mentor": a negation before "uden" in the same clause cancels it.
      const earlier = pre.slice(0, i).some(([, eb]) => !neg.clauseBreak.test(before.slice(eb, b)));
      if (earlier) return false;
      if (wordCount(between) > 3) break;
    }
    return true;
  }

  // Post-negation: a trigger after the mention, same clause, within a few words.
  const after = sentence.slice(me);
  for (const [a, b] of spans(neg.post, after)) {
    if (skip(a + me, b + me)) continue;
    const between = after.slice(0, a);
    if (neg.clauseBreak.test(between)) break;
    if (wordCount(between) > neg.postWindow) break;
    return true;
  }
  return false;
}
