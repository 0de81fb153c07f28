import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import { createIncrementalAnalyzer, pieceEnds } from '../../src/core/incremental';
import { MARK_CLOSE, MARK_OPEN, wrapInserted } from '../../src/core/markers';
import type { AnalyzeOptions } from '../../src/core/types';

/**
 * createIncrementalAnalyzer().update(text) must equal analyze(text) after any edit. Seeded
 * pseudo-random edit sequences over short plans built from real example sentences: characters
 * typed and deleted, paragraphs inserted, deleted, split and merged, table rows, the add-in's
 * inserted citations (also unclosed and spanning paragraphs), CPR-like numbers, negations,
 * headings, an e-mail's "Til:" line. A failure names the seed and step to replay.
 */

const root = path.resolve(__dirname, '../..');
function lines(dir: string): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(path.join(root, dir)).sort())
    if (f.endsWith('.txt')) for (const l of fs.readFileSync(path.join(root, dir, f), 'utf8').split(/\r?\n/)) if (l.trim()) out.push(l);
  return out;
}
const POOL = [...lines('examples'), ...lines('test/corpus/texts')];

/** mulberry32: a small seeded generator, so every failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEPARATORS = ['\r', '\r', '\r', '\r', '\n', '\r\n', '\r\r', '\n\n', '\v', '\x07', '\r ', '\r\t'];
const CHARS = 'abcdefghijklmnopqrstuvwxyzæøå ABCDEFGLMNOPRSTØÆÅ..,,:;-–()0123456789\r\r\r\n\t\v\x07\u00a0\u00ad\u2063\u2062';
const SNIPPETS = [
  ' ikke ', ' uden ', ' ikke relevant', ' er ikke aktuelt', 'Det er desværre ikke en mulighed. ', ' men har takket nej',
  'Løntilskud', 'løntilskuddet', 'mentor', 'Mentor: Ikke relevant', 'virksomhedspraktik', 'jobsamtale', 'sygedagpenge',
  ' hos Netto', ' i kommunens materielgård', ' hos jer', 'ledig i 14 mdr.', '23-årig', 'fleksjob på 4 timer om ugen',
  '010190-1234', '1234567890', 'ar-\nbejde', 'praktik-\r\nken', ' 12 timer ugentligt', 'bl.a.', 'jobparat', 'aktivitetsparat',
];
const PARAGRAPHS = [
  'Mentor\t–\tIkke bevilget', 'Løntilskud\t|\tIkke relevant', 'Indsats\tStatus\tBemærkning', 'Jobpræmie', 'Mentor:', 'Intet behov',
  'Til: Vang VVS ApS', 'Til: Aarhus Kommune, Jobcenter', 'Vi taler om løntilskudsjobbet hos jer.', '# Min plan', '• Virksomhedspraktik',
  'CPR: 010190-1234', 'Hun er 34 år og har været ledig i 2½ år.',
];
const CITATION = wrapInserted('Mentorstøtte kan hjælpe sygemeldte tilbage i job (STAR 2020).');

type Edit = (t: string, r: () => number) => string;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const pos = (r: () => number, t: string) => Math.floor(r() * (t.length + 1));
const paragraphStarts = (t: string) => [0, ...[...t.matchAll(/\r/g)].map((m) => (m.index as number) + 1)];

const EDITS: Edit[] = [
  // type or delete characters
  (t, r) => {
    const p = pos(r, t);
    let s = '';
    for (let i = 1 + Math.floor(r() * 4); i > 0; i--) s += CHARS[Math.floor(r() * CHARS.length)];
    return t.slice(0, p) + s + t.slice(p);
  },
  (t, r) => {
    const p = pos(r, t);
    return t.slice(0, p) + t.slice(p + 1 + Math.floor(r() * 6));
  },
  // a word or phrase typed in
  (t, r) => {
    const p = pos(r, t);
    return t.slice(0, p) + pick(r, SNIPPETS) + t.slice(p);
  },
  // paragraphs: insert, delete, split, merge
  (t, r) => {
    const p = pick(r, paragraphStarts(t));
    return t.slice(0, p) + pick(r, r() < 0.5 ? PARAGRAPHS : POOL) + '\r' + t.slice(p);
  },
  (t, r) => {
    const starts = paragraphStarts(t);
    const k = Math.floor(r() * starts.length);
    return t.slice(0, starts[k]) + t.slice(starts[k + 1] ?? t.length);
  },
  (t, r) => {
    const p = pos(r, t);
    return t.slice(0, p) + pick(r, ['\r', '\r', '\n', '\r\n', '\v']) + t.slice(p);
  },
  (t, r) => {
    const starts = paragraphStarts(t).slice(1);
    if (!starts.length) return t;
    const p = pick(r, starts) - 1;
    return t.slice(0, p) + (r() < 0.5 ? ' ' : '') + t.slice(p + 1);
  },
  // the add-in's inserted citation (closed, spanning paragraphs, or with one marker lost)
  (t, r) => {
    const p = pos(r, t);
    const x = r();
    const ins = x < 0.6 ? CITATION : x < 0.8 ? `${MARK_OPEN}Kildeliste\rSTAR (2020)\r${MARK_CLOSE}` : x < 0.9 ? MARK_OPEN : MARK_CLOSE;
    return t.slice(0, p) + ins + t.slice(p);
  },
  // replace a paragraph by another (e.g. undo/redo of a block)
  (t, r) => {
    const starts = paragraphStarts(t);
    const k = Math.floor(r() * starts.length);
    return t.slice(0, starts[k]) + pick(r, POOL) + (starts[k + 1] !== undefined ? '\r' : '') + t.slice(starts[k + 1] ?? t.length);
  },
];

function baseText(r: () => number): string {
  let t = '';
  // mostly short plans; one in 25 long enough that the diff compares blocks of paragraphs
  const n = r() < 0.04 ? 70 + Math.floor(r() * 120) : 2 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) t += (i ? pick(r, SEPARATORS) : '') + pick(r, r() < 0.2 ? PARAGRAPHS : POOL);
  return t;
}

function randomOptions(r: () => number): AnalyzeOptions {
  const o: AnalyzeOptions = {};
  if (r() < 0.5) o.register = r() < 0.5 ? 'borger' : 'fagperson';
  if (r() < 0.2) o.groupOverrides = { add: r() < 0.5 ? ['sygemeldt'] : [], remove: r() < 0.5 ? ['jobparat'] : [] };
  return o;
}

describe('incremental re-analysis equals a full analysis', () => {
  it('cuts only after a lone \\r that is followed by a non-blank', () => {
    expect(pieceEnds('a\rb\r\nc\r d\re')).toEqual([2, 10, 11]);
    expect(pieceEnds('')).toEqual([0]);
  });

  it('reuses unchanged paragraphs: a one-paragraph edit gives the full analysis', () => {
    const text = POOL.slice(0, 40).join('\r');
    const inc = createIncrementalAnalyzer();
    expect(inc.update(text)).toEqual(analyze(text));
    const edited = text.replace(POOL[20] as string, `${POOL[20] as string} Han ønsker ikke løntilskud.`);
    expect(edited).not.toBe(text);
    expect(inc.update(edited)).toEqual(analyze(edited));
    expect(inc.update(text, { register: 'borger' })).toEqual(analyze(text, { register: 'borger' }));
  });

  it('after every step of 10 000 random edit sequences', () => {
    const SEQUENCES = 10_000;
    let steps = 0;
    for (let seed = 1; seed <= SEQUENCES; seed++) {
      const r = rng(seed);
      const options = randomOptions(r);
      const inc = createIncrementalAnalyzer(options);
      let text = baseText(r);
      const stepCount = 1 + Math.floor(r() * 4);
      for (let step = 0; step <= stepCount; step++) {
        if (step > 0) text = pick(r, EDITS)(text, r);
        const override = r() < 0.1 ? randomOptions(r) : undefined;
        const got = JSON.stringify(inc.update(text, override));
        const want = JSON.stringify(analyze(text, override ?? options));
        steps++;
        if (got !== want) {
          // replay with a readable diff
          expect({ seed, step, text, analysis: JSON.parse(got) }).toEqual({ seed, step, text, analysis: JSON.parse(want) });
        }
      }
    }
    expect(steps).toBeGreaterThan(SEQUENCES * 2);
  });
});
