import type { Span } from './types';

/**
 * Weekly working hours stated next to a mention ("fleksjob på 4 timer om ugen", "fleksjob 10-12 timer
 * ugentligt", "2 timer dagligt", "Borger er bevilget fleksjob. Hun arbejder 3 timer ugentligt"). Read
 * within the mention's sentence, nearest first, else in the next sentence of the paragraph when it speaks
 * of work; a range counts by its upper end and daily hours as five days. Only for the few instruments a
 * rule reads hours for.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1, et: 1, én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10,
  elleve: 11, tolv: 12, tretten: 13, fjorten: 14, femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19,
  tyve: 20, femogtyve: 25, tredive: 30, femogtredive: 35, syvogtredive: 37,
};
const NUM = `(?:\\d+(?:[,.]\\d+)?½?|½|${Object.keys(NUMBER_WORDS).join('|')})`;
const HOURS = new RegExp(
  `(?<![\\p{L}\\p{N}])(${NUM})(?:\\s*(?:-|–|til)\\s*(${NUM}))?\\s+(?:ugentlige\\s+|effektive\\s+)?timer?(?![\\p{L}])(?:\\s+(?:om|pr\\.?|per|i)\\s+(ugen|uge|dagen|dag)|\\s+(ugentligt|dagligt))?`,
  'giu',
);
function value(word: string): number {
  const w = word.toLowerCase();
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w] as number;
  const half = w.endsWith('½') ? 0.5 : 0;
  const digits = w.replace('½', '');
  return (digits ? Number(digits.replace(',', '.')) : 0) + half;
}

const BREAK = /[\n\r\v\x07\f]/;
/** Common abbreviations whose full stop ends no sentence ("ca. 4 timer", "fx. 3 timer"). */
const ABBREVIATION = /(?:^|[^\p{L}])(?:ca|fx|bl\.a|kl|nr|jf|mv|inkl|ekskl|evt|min|max|pga|vedr|mht|ift|dvs|osv|t\.o\.m|f\.eks)\.$/iu;
/** Hours in the next sentence count only when it speaks of work ("Hun arbejder 3 timer ugentligt"). */
const WORK = /arbejd|ansat|\bjob|timetal|fleksjob/i;

function endsSentence(text: string, i: number): boolean {
  const c = text[i] as string;
  if (BREAK.test(c)) return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1))) return false;
  const next = text.slice(i + 1).match(/^\s*(\S)/);
  return !next || !/\p{Ll}|\d/u.test(next[1] as string);
}

function sentenceAround(text: string, span: Pick<Span, 'start' | 'end'>): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && !endsSentence(text, start - 1)) start--;
  let end = span.end;
  while (end < text.length && !endsSentence(text, end)) end++;
  return { start, end };
}

function hoursIn(text: string, s: { start: number; end: number }, span: Pick<Span, 'start' | 'end'>): { distance: number; hours: number } | null {
  const sentence = text.slice(s.start, s.end);
  let best: { distance: number; hours: number } | null = null;
  HOURS.lastIndex = 0;
  for (let m = HOURS.exec(sentence); m; m = HOURS.exec(sentence)) {
    const per = (m[3] ?? m[4] ?? '').toLowerCase();
    const upper = value(m[2] ?? m[1] ?? '0');
    const hours = per.startsWith('dag') ? upper * 5 : upper;
    const at = s.start + m.index;
    const distance = at >= span.end ? at - span.end : Math.max(0, span.start - (at + m[0].length));
    if (!best || distance < best.distance) best = { distance, hours };
  }
  return best;
}

/**
 * The weekly hours stated in the mention's sentence, nearest to the mention; else in the next sentence
 * when that one speaks of work; null when neither states any.
 */
export function weeklyHoursNear(text: string, span: Pick<Span, 'start' | 'end'>): number | null {
  const s = sentenceAround(text, span);
  const here = hoursIn(text, s, span);
  if (here) return here.hours;
  let from = s.end;
  while (from < text.length && (endsSentence(text, from) || /\s/.test(text[from] as string))) {
    if (BREAK.test(text[from] as string) && /[\n\r\v\x07\f]{2}/.test(text.slice(from, from + 2))) return null; // a new paragraph
    from++;
  }
  if (from >= text.length) return null;
  const next = sentenceAround(text, { start: from, end: from });
  if (!WORK.test(text.slice(next.start, next.end))) return null;
  const there = hoursIn(text, next, { start: next.start, end: next.start });
  return there ? there.hours : null;
}
