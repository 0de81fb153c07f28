import { INSTRUMENT_IDS, SIGNAL_TOPIC_IDS, TARGET_GROUP_IDS } from '../src/core/ids';
import { listTextFiles, loadCorpus, loadLabels } from './corpus/corpus';
import severe from './labels-severe-mental-illness.json';

describe('test corpus labels', () => {
  const corpus = loadCorpus();
  const labels = corpus.map((e) => e.label);

  it('has at least 48 texts', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(48);
  });

  it('lists every file exactly once and every listed file exists', () => {
    const listed = labels.map((l) => l.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(listTextFiles());
  });

  it('validates against the schema with known ids', () => {
    expect(() => loadLabels()).not.toThrow();
    for (const l of labels) {
      for (const id of [...l.instruments.present, ...l.instruments.negated]) {
        expect(INSTRUMENT_IDS).toContain(id);
      }
      for (const id of l.targetGroups) expect(TARGET_GROUP_IDS).toContain(id);
    }
  });

  it('has no duplicate ids and no id both present and negated', () => {
    for (const l of labels) {
      const { present, negated } = l.instruments;
      expect(new Set(present).size).toBe(present.length);
      expect(new Set(negated).size).toBe(negated.length);
      expect(new Set(l.targetGroups).size).toBe(l.targetGroups.length);
      const both = present.filter((id) => negated.includes(id));
      expect({ file: l.file, both }).toEqual({ file: l.file, both: [] });
    }
  });

  it('has every text within 3–25 lines and non-empty', () => {
    for (const { file, text } of corpus) {
      const lines = text.split(/\r\n|\n/).filter((s, i, a) => i < a.length - 1 || s !== '');
      expect({ file, ok: lines.length >= 3 && lines.length <= 25 }).toEqual({ file, ok: true });
    }
  });

  // signal topics are not instruments the lexicon finds, so texts are not labelled with them
  it.each(INSTRUMENT_IDS.filter((id) => !SIGNAL_TOPIC_IDS.includes(id)).map((id) => [id]))('instrument %s is present in at least 4 texts', (id) => {
    const n = labels.filter((l) => l.instruments.present.includes(id)).length;
    expect(n).toBeGreaterThanOrEqual(4);
    expect(labels.length - n).toBeGreaterThanOrEqual(4);
  });

  // alvorlig-psykisk-lidelse is labelled in an overlay (test/labels-severe-mental-illness.json)
  const severeFiles = new Set(severe.sets.corpus.severe);
  it.each(TARGET_GROUP_IDS.map((id) => [id]))('target group %s is present in at least 4 texts', (id) => {
    const n = labels.filter((l) => (id === 'alvorlig-psykisk-lidelse' ? severeFiles.has(l.file) : l.targetGroups.includes(id))).length;
    expect(n).toBeGreaterThanOrEqual(4);
    expect(labels.length - n).toBeGreaterThanOrEqual(4);
  });

  it('has at least 8 texts with a negated instrument', () => {
    expect(labels.filter((l) => l.instruments.negated.length > 0).length).toBeGreaterThanOrEqual(8);
  });

  it('has at least 6 false-friend texts', () => {
    expect(labels.filter((l) => l.falseFriend === true).length).toBeGreaterThanOrEqual(6);
  });

  it('has at least 2 files each with CRLF, U+00AD and U+00A0', () => {
    const count = (re: RegExp) => corpus.filter((e) => re.test(e.text)).length;
    expect(count(/\r\n/)).toBeGreaterThanOrEqual(2);
    expect(count(/\u00AD/)).toBeGreaterThanOrEqual(2);
    expect(count(/\u00A0/)).toBeGreaterThanOrEqual(2);
  });

  it('covers every kind of text', () => {
    const kinds = new Set(labels.map((l) => l.kind));
    for (const k of ['minplan', 'journal', 'email', 'referat', 'training-good', 'training-bad']) {
      expect(kinds).toContain(k);
    }
  });
});
