import { detect } from '../../src/core/engine';
import { INSTRUMENT_IDS, TARGET_GROUP_IDS } from '../../src/core/ids';
import { loadCorpus } from '../corpus/corpus';
import { loadHeldout } from '../heldout/heldout';
import { loadBlind2 } from '../blind2/blind2';
import { loadBlind3 } from '../blind3/blind3';
import { loadBlind4 } from '../blind4/blind4';
import { loadBlind5 } from '../blind5/blind5';
import { loadBlind6 } from '../blind6/blind6';
import { loadBlind7 } from '../blind7/blind7';
import { loadBlind8 } from '../blind8/blind8';
import severeLabels from '../labels-severe-mental-illness.json';
import { loadReal } from '../real/real';

/**
 * Precision and recall per instrument and target group on two labelled sets,
 * both labelled by hand following test/corpus/GUIDELINES.md: test/corpus (written
 * alongside the lexicon) and test/heldout (written by someone who never saw the
 * lexicon), and test/blind2 … test/blind8 (blind sets in other caseworkers' styles: telegraphic
 * notes, stress cases, long texts, Outlook e-mails, Word plans and journals), and test/real (real public
 * administrative text nobody on the team wrote: decisions, guides, news, citizens' letters).
 * An instrument counts as found when the engine lists it and not negated;
 * negation is scored separately. Per id, precision and recall must reach 0.9 on
 * each of corpus and heldout, and on all ten sets together (the later blind sets alone
 * have only 3–5 texts for some ids, too few for a per-id figure on their own); every set's
 * micro-average must reach 0.95.
 */
const THRESHOLD = 0.9;
/**
 * `alvorlig-psykisk-lidelse` came after the sets were labelled; it was labelled afterwards, by reading
 * every text, in test/labels-severe-mental-illness.json (an overlay per set).
 */
const SEVERE: Record<string, Set<string>> = Object.fromEntries(
  Object.entries((severeLabels as { sets: Record<string, { severe: string[] }> }).sets).map(([k, v]) => [k, new Set(v.severe)]),
);
const SETS = { corpus: loadCorpus(), heldout: loadHeldout(), blind2: loadBlind2(), blind3: loadBlind3(), blind4: loadBlind4(), blind5: loadBlind5(), blind6: loadBlind6(), blind7: loadBlind7(), blind8: loadBlind8(), real: loadReal() };
function withSevere<T extends { file: string; label: { targetGroups: string[] } }>(set: string, texts: T[]): T[] {
  return texts.map((t) =>
    SEVERE[set]?.has(t.file) ? { ...t, label: { ...t.label, targetGroups: [...t.label.targetGroups, 'alvorlig-psykisk-lidelse'] } } : t,
  );
}
for (const k of Object.keys(SETS) as (keyof typeof SETS)[]) (SETS as Record<string, unknown>)[k] = withSevere(k, SETS[k] as Array<{ file: string; label: { targetGroups: string[] } }>);
for (const [name, corpus, perId] of [
  ['corpus', SETS.corpus, true],
  ['heldout', SETS.heldout, true],
  ['blind2', SETS.blind2, false],
  ['blind3', SETS.blind3, false],
  ['blind4', SETS.blind4, false],
  ['blind5', SETS.blind5, false],
  ['blind6', SETS.blind6, false],
  ['blind7', SETS.blind7, false],
  ['blind8', SETS.blind8, false],
  ['real', SETS.real, false],
  ['all ten', Object.values(SETS).flat(), true],
] as const) {

interface Score { tp: number; fp: number; fn: number; errors: string[] }
const score = () => ({ tp: 0, fp: 0, fn: 0, errors: [] as string[] });
const pr = (s: Score) => ({
  precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
  recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
});

const inst = new Map(INSTRUMENT_IDS.map((id) => [id as string, score()]));
const grp = new Map(TARGET_GROUP_IDS.map((id) => [id as string, score()]));
const neg = score();

for (const { file, text, label } of corpus) {
  const d = detect(text);
  const found = new Set(d.instruments.filter((i) => !i.negated).map((i) => i.id as string));
  const foundNeg = new Set(d.instruments.filter((i) => i.negated).map((i) => i.id as string));
  const groups = new Set(d.targetGroups.map((g) => g.id as string));
  const expPresent = new Set<string>(label.instruments.present);
  const expNeg = new Set<string>(label.instruments.negated);
  const expGroups = new Set<string>(label.targetGroups);
  for (const id of INSTRUMENT_IDS) {
    const s = inst.get(id)!;
    if (found.has(id) && expPresent.has(id)) s.tp++;
    else if (found.has(id)) { s.fp++; s.errors.push(`FP ${file}`); }
    else if (expPresent.has(id)) { s.fn++; s.errors.push(`FN ${file}${foundNeg.has(id) ? ' (found negated)' : ''}`); }
    if (foundNeg.has(id) && expNeg.has(id)) neg.tp++;
    else if (foundNeg.has(id)) { neg.fp++; neg.errors.push(`FP ${id} ${file}`); }
    else if (expNeg.has(id)) { neg.fn++; neg.errors.push(`FN ${id} ${file}`); }
  }
  for (const id of TARGET_GROUP_IDS) {
    const s = grp.get(id)!;
    if (groups.has(id) && expGroups.has(id)) s.tp++;
    else if (groups.has(id)) { s.fp++; s.errors.push(`FP ${file}`); }
    else if (expGroups.has(id)) { s.fn++; s.errors.push(`FN ${file}`); }
  }
}

function report(title: string, m: Map<string, Score>) {
  const rows = [...m].map(([id, s]) => {
    const { precision, recall } = pr(s);
    return `${id.padEnd(24)} P=${precision.toFixed(2)} R=${recall.toFixed(2)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  });
  return `${title}\n${rows.join('\n')}`;
}

describe(`labelled set "${name}" (${corpus.length} texts)`, () => {
  test('report', () => {
    // Printed so a run shows the figures, not only pass/fail.
    console.log([report('Instruments', inst), report('Target groups', grp), report('Negation', new Map([['negated', neg]]))].join('\n\n'));
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });
  test('micro-averaged precision and recall over all ids ≥ 0.95', () => {
    let tp = 0, fp = 0, fn = 0;
    for (const sc of [...inst.values(), ...grp.values()]) {
      tp += sc.tp;
      fp += sc.fp;
      fn += sc.fn;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
  });
  if (!perId) return;
  const perIdTest = (kind: string, m: Map<string, Score>) =>
    test.each([...m.keys()])(`${kind} %s: precision and recall ≥ ${THRESHOLD}`, (id) => {
      const sc = m.get(id)!;
      const { precision, recall } = pr(sc);
      expect({ id, precision, recall, errors: sc.errors }).toEqual({
        id,
        precision: expect.toBeAtLeast(THRESHOLD),
        recall: expect.toBeAtLeast(THRESHOLD),
        errors: sc.errors,
      });
    });
  perIdTest('instrument', inst);
  perIdTest('target group', grp);
  test(`negation: precision and recall ≥ ${THRESHOLD}`, () => {
    const { precision, recall } = pr(neg);
    expect({ precision, recall, errors: neg.errors }).toEqual({
      precision: expect.toBeAtLeast(THRESHOLD),
      recall: expect.toBeAtLeast(THRESHOLD),
      errors: neg.errors,
    });
  });
});

}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Expect {
      toBeAtLeast(n: number): unknown;
    }
    interface Matchers<R> {
      toBeAtLeast(n: number): R;
    }
  }
}
expect.extend({
  toBeAtLeast(received: number, n: number) {
    return { pass: received >= n, message: () => `expected ${received} to be at least ${n}` };
  },
});
