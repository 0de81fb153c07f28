import type { Lexicon } from './lexicon/schema';
import type { InstrumentId } from './ids';
import type { Mention } from './types';

/**
 * Reading beyond the sentence, after the matcher: headings and labels with their values, a next
 * sentence that rules out what the previous one ended on, and bare mentions that refer back to a
 * specific one ("løntilskuddet" → the private placement named before). Works on the text with the
 * add-in's own inserted text masked; mutates the mention lists in place.
 */
export function applyDocumentReading(inst: Map<InstrumentId, Mention[]>, masked: string, lexicon: Lexicon): void {
  // A heading ("Jobpræmie") is about what follows: it takes the negation of the next mention
  // of the same instrument when that comes right after it.
  for (const list of inst.values()) {
    for (let i = 0; i + 1 < list.length; i++) {
      const m = list[i] as Mention;
      const next = list[i + 1] as Mention;
      if (m.negated || !next.negated || next.start - m.end > 2000 || !isHeading(masked, m)) continue;
      // what lies between, without the add-in's own inserted paragraphs
      const between = masked.slice(m.end, next.start).replace(/[\r\n\v]\s*(?=[\r\n\v])/g, '').trim();
      if (between.length > 200 || (between.match(/[\r\n\v]/g)?.length ?? 0) > 1) continue;
      m.negated = true;
    }
  }
  // A label with its value ("Løntilskud: Ikke relevant", a heading with "Intet behov" under it, a
  // table row "Mentor | – | Ikke bevilget"), or a next sentence that rules it out ("Det er ikke en mulighed").
  const { labelValue, labelValueAnywhere, nextSentence, onlyText } = compiled(lexicon);
  for (const list of inst.values())
    for (const m of list) {
      if (m.negated) continue;
      if (labelValue && labelValueAnywhere && labelNegated(masked, m, labelValue, labelValueAnywhere)) m.negated = true;
      else if (nextSentence && nextSentenceNegates(masked, m, nextSentence)) m.negated = true;
    }
  // "Løntilskuddet" after "privat løntilskud": a bare mention takes the sector of the nearest
  // specific mention before it (else after it) — the placement it refers back to.
  for (const rule of lexicon.inherit) {
    const bare = inst.get(rule.from);
    if (!bare) continue;
    const named = rule.to.filter((id) => inst.has(id));
    if (!named.length) continue;
    const only = onlyText.get(rule);
    if (only && !bare.every((m) => only.test(m.text))) continue;
    const specific = named
      .flatMap((id) => (inst.get(id) as Mention[]).map((m) => ({ id, at: m.start })))
      .sort((a, b) => a.at - b.at);
    // both lists are in text order: one merge pass
    let k = 0;
    for (const m of bare) {
      while (k < specific.length && (specific[k] as { at: number }).at < m.start) k++;
      const best = k > 0 ? specific[k - 1] : specific[k];
      if (best) (inst.get(best.id) as Mention[]).push(m);
    }
    for (const id of named) (inst.get(id) as Mention[]).sort((a, b) => a.start - b.start);
    inst.delete(rule.from);
  }
}

/** A mention that is a line of its own (a heading), possibly with a bullet or a colon. */
function isHeading(text: string, m: Mention): boolean {
  const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\v' || c === '\x07';
  let a = m.start;
  while (a > 0 && m.start - a < 40 && !isBreak(text[a - 1])) a--;
  if (a > 0 && !isBreak(text[a - 1])) return false;
  let b = m.end;
  while (b < text.length && b - m.end < 40 && !isBreak(text[b])) b++;
  if (b < text.length && !isBreak(text[b])) return false;
  return /^[\s#*•\-–\d.)]*(?:(?:min|din|mine|dine|vores|om)\s+)?$/i.test(text.slice(a, m.start)) && /^[\s:.]*$/.test(text.slice(m.end, b));
}

interface CompiledReading {
  labelValue: RegExp | null;
  /** A label value anywhere (a cell is part of the line, so a line without one has no negating cell). */
  labelValueAnywhere: RegExp | null;
  nextSentence: RegExp | null;
  onlyText: Map<Lexicon['inherit'][number], RegExp>;
}
const compiledCache = new WeakMap<Lexicon, CompiledReading>();

/** The lexicon's document-level patterns, compiled once per lexicon. */
function compiled(lexicon: Lexicon): CompiledReading {
  let c = compiledCache.get(lexicon);
  if (!c) {
    const n = lexicon.negation;
    c = {
      labelValue: n.labelValues.length
        ? new RegExp(`^(?:${n.labelValues.map((v) => v.replace(/ /g, '\\s+')).join('|')})(?![a-zæøå])`, 'i')
        : null,
      labelValueAnywhere: n.labelValues.length ? new RegExp(n.labelValues.map((v) => v.replace(/ /g, '\\s+')).join('|'), 'i') : null,
      nextSentence: n.nextSentence.length ? new RegExp(`^\\s*(?:${n.nextSentence.join('|')})(?![a-zæøå])`, 'i') : null,
      onlyText: new Map(lexicon.inherit.filter((r) => r.onlyText).map((r) => [r, new RegExp(r.onlyText as string, 'iu')])),
    };
    compiledCache.set(lexicon, c);
  }
  return c;
}

const isLineBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x0b;

/** The mention opens its line (after bullets) and the rest of the line, or the next line, is a negating value. */
function labelNegated(text: string, m: Mention, value: RegExp, anywhere: RegExp): boolean {
  // only bullets, numbering and blanks may stand before the mention on its line (a letter ends it early)
  let a = m.start;
  while (a > 0 && m.start - a < 40) {
    const c = text.charCodeAt(a - 1);
    if (isLineBreak(c)) break;
    if (!(c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x23 || c === 0x2a || c === 0x2022 || c === 0x2d || c === 0x2013 || c === 0x2014 ||
      c === 0xb7 || c === 0x25aa || c === 0x3e || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x29)) return false;
    a--;
  }
  if (a > 0 && !isLineBreak(text.charCodeAt(a - 1))) return false;
  let b = m.end;
  while (b < text.length && b - m.end < 200 && !isLineBreak(text.charCodeAt(b))) b++;
  let rest = text.slice(m.end, b);
  if (!rest.trim()) {
    // a heading: look at the next non-empty line
    let c = b;
    while (c < text.length && /\s/.test(text[c] as string)) c++;
    let e = c;
    while (e < text.length && e - c < 200 && !isLineBreak(text.charCodeAt(e))) e++;
    rest = text.slice(c, e);
  }
  if (!anywhere.test(rest)) return false;
  const cells = rest
    .replace(/^\s*\([^)]*\)/, '')
    .split(/[\t|\x07]|\s[:–—-]\s|^\s*[:–—-]/)
    .map((x) => x.replace(/^[\s:–—-]+/, '').trim())
    .filter((x) => x && x !== '-');
  return cells.some((x) => value.test(x));
}

/** The mention ends its sentence and the next sentence rules it out. */
function nextSentenceNegates(text: string, m: Mention, re: RegExp): boolean {
  // cheap checks first: this runs for every mention
  let end = m.end;
  const limit = Math.min(text.length, m.end + 60);
  let spaces = 0;
  for (; end < limit; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x2e || c === 0x21 || c === 0x3f) break;
    if (c === 0x20 && ++spaces > 4) return false;
  }
  if (end >= limit) return false;
  let k = end + 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\n' || text[k] === '\r')) k++;
  if ((text.slice(k, k + 3).toLowerCase() !== 'det')) return false;
  const between = text.slice(m.end, end).replace(/\b(?:hos|i|til|for|med|nu|igen|senere|også)\b/gi, '');
  if (/[a-zæøå]{3}/i.test(between)) return false;
  return re.test(text.slice(k, k + 120));
}

