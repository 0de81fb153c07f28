import type { Span } from './types';
import { sentenceAround } from './text';

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

const BREAK = /[\n\r\v\x07\f\u2028\u2029]/;
/** Hours in the next sentence count only when it speaks of work ("Hun arbejder 3 timer ugentligt"). */
const WORK = /arbejd|ansat|\bjob|timetal|fleksjob/i;

const MAY_HOLD_HOURS = /time/i;

function hoursIn(text: string, s: { start: number; end: number }, span: Pick<Span, 'start' | 'end'>): { distance: number; hours: number } | null {
  const sentence = text.slice(s.start, s.end);
  // every match holds "time" (timer, time): a sentence without it needs no run of the expression
  if (!MAY_HOLD_HOURS.test(sentence)) return null;
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
  const [start, end] = sentenceAround(text, span.start);
  const here = hoursIn(text, { start, end }, span);
  if (here) return here.hours;
  // the next sentence of the same paragraph (two line breaks in between start a new one)
  let from = end;
  let breaks = 0;
  while (from < text.length && (from === end || /\s/.test(text[from] as string))) {
    if (BREAK.test(text[from] as string)) breaks++;
    from++;
  }
  if (from >= text.length || breaks >= 2) return null;
  const [nextStart, nextEnd] = sentenceAround(text, from);
  if (!WORK.test(text.slice(nextStart, nextEnd))) return null;
  const there = hoursIn(text, { start: nextStart, end: nextEnd }, { start: nextStart, end: nextStart });
  return there ? there.hours : null;
}
