import type { Span } from './types';

/**
 * Weekly working hours stated next to a mention ("fleksjob på 4 timer om ugen", "fleksjob 10-12 timer
 * ugentligt", "2 timer dagligt"). Read within the mention's sentence, nearest first; a range counts by
 * its upper end and daily hours as five days. Only for the few instruments a rule reads hours for.
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
const SENTENCE_END = /[.!?\n\r\v\x07\f]/;

function value(word: string): number {
  const w = word.toLowerCase();
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w] as number;
  const half = w.endsWith('½') ? 0.5 : 0;
  const digits = w.replace('½', '');
  return (digits ? Number(digits.replace(',', '.')) : 0) + half;
}

function sentenceAround(text: string, span: Pick<Span, 'start' | 'end'>): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && !SENTENCE_END.test(text[start - 1] as string)) start--;
  let end = span.end;
  while (end < text.length && !SENTENCE_END.test(text[end] as string)) end++;
  return { start, end };
}

/** The weekly hours stated in the mention's sentence, nearest to the mention; null when none. */
export function weeklyHoursNear(text: string, span: Pick<Span, 'start' | 'end'>): number | null {
  const s = sentenceAround(text, span);
  const sentence = text.slice(s.start, s.end);
  let best: { distance: number; hours: number } | null = null;
  HOURS.lastIndex = 0;
  for (let m = HOURS.exec(sentence); m; m = HOURS.exec(sentence)) {
    const per = (m[3] ?? m[4] ?? '').toLowerCase();
    const daily = per.startsWith('dag');
    const upper = value(m[2] ?? m[1] ?? '0');
    const hours = daily ? upper * 5 : upper;
    const at = s.start + m.index;
    const distance = at >= span.end ? at - span.end : Math.max(0, span.start - (at + m[0].length));
    if (!best || distance < best.distance) best = { distance, hours };
  }
  return best ? best.hours : null;
}
