import { analyze } from '../../src/core/engine';
import { bundledEvidence } from '../../src/core/evidence';
import { insertionText, referenceListText, suggestionWithCitation } from '../../src/core/citations';
import { wrapInserted } from '../../src/core/markers';
import type { InstrumentId } from '../../src/core/ids';
import type { RuleKind } from '../../src/core/evidence/schema';

const kinds = (text: string, opts = {}) => analyze(text, opts).suggestions.map((s) => `${s.kind}:${s.instrument}`);
const expectCard = (text: string, kind: RuleKind, instrument: InstrumentId) => expect(kinds(text)).toContain(`${kind}:${instrument}`);
const expectNoCard = (text: string, kind: RuleKind, instrument: InstrumentId) => expect(kinds(text)).not.toContain(`${kind}:${instrument}`);

describe('the suggestion rules the product promises', () => {
  test('support samtale for dagpenge / jobparat', () => {
    expectCard('Jobparat dagpengemodtager. Samtaler hver 3. uge med konkrete jobforslag.', 'support', 'samtale');
  });
  test('caution samtale for sygemeldte and for aktivitetsparate', () => {
    expectCard('Borgeren er sygemeldt. Opfølgningssamtale hver 4. uge.', 'caution', 'samtale');
    expectCard('Borgeren er aktivitetsparat. Samtaler hver måned.', 'caution', 'samtale');
  });
  test('consider jobforslag when samtaler are planned for jobparate without jobforslag', () => {
    expectCard('Jobparat dagpengemodtager. Samtaler hver 2. uge.', 'consider', 'jobforslag');
    expectNoCard('Jobparat dagpengemodtager. Samtaler hver 2. uge med konkrete jobforslag.', 'consider', 'jobforslag');
    // a plan that says it has none still lacks them
    expectCard('Jobparat dagpengemodtager. Samtaler hver 2. uge. Der er ingen jobforslag.', 'consider', 'jobforslag');
  });
  test('consider IPS for psykisk lidelse without IPS; support IPS with psykisk lidelse', () => {
    expectCard('Borgeren har skizofreni og er i virksomhedspraktik.', 'consider', 'ips');
    expectCard('Borgeren har skizofreni og starter i IPS-forløb.', 'support', 'ips');
    expectNoCard('Borgeren har skizofreni og starter i IPS-forløb.', 'consider', 'ips');
  });
  test('caution offentligt løntilskud; support privat løntilskud', () => {
    expectCard('Jobparat. Offentligt løntilskud på plejecentret.', 'caution', 'offentligt-loentilskud');
    expectCard('Jobparat. Privat løntilskud hos en tømrer.', 'support', 'privat-loentilskud');
    // without a group the text gives no population the evidence was found in: no support card
    expectNoCard('Privat løntilskud hos en tømrer.', 'support', 'privat-loentilskud');
  });
  test('support virksomhedspraktik and løntimer for aktivitetsparate', () => {
    expectCard('Aktivitetsparat kontanthjælpsmodtager. Virksomhedspraktik hos Netto.', 'support', 'virksomhedspraktik');
    expectCard('Aktivitetsparat kontanthjælpsmodtager. Løntimer hos bageren.', 'support', 'loentimer');
  });
  test('consider a virksomhedsrettet indsats for aktivitetsparate whose plan has none', () => {
    expectCard('Aktivitetsparat. Samtaler og et vejledningsforløb.', 'consider', 'virksomhedsrettet');
    expectNoCard('Aktivitetsparat. Samtaler og virksomhedspraktik.', 'consider', 'virksomhedsrettet');
  });
  test('support uddannelse for ufaglærte', () => {
    expectCard('Han er ufaglært dagpengemodtager og skal på AMU-kursus.', 'support', 'uddannelse');
    // 000 studied ledige tæt på arbejdsmarkedet, not sygemeldte
    expectNoCard('Han er ufaglært og sygemeldt og skal på AMU-kursus.', 'support', 'uddannelse');
  });
  test('jobpræmie: support for langtidsledige dagpengemodtagere, caution for kontanthjælpsmodtagere', () => {
    expectCard('Langtidsledig dagpengemodtager. Vi har talt om jobpræmien.', 'support', 'jobpraemie');
    expectCard('Kontanthjælpsmodtager, langtidsledig. Vi har talt om jobpræmien.', 'caution', 'jobpraemie');
    expectNoCard('Kontanthjælpsmodtager, langtidsledig. Vi har talt om jobpræmien.', 'support', 'jobpraemie');
  });
  test('never support a negated instrument', () => {
    expectNoCard('Jobparat. Privat løntilskud er ikke aktuelt.', 'support', 'privat-loentilskud');
    expectNoCard('Borgeren har skizofreni. IPS er fravalgt.', 'support', 'ips');
  });
});

describe('suggestion data', () => {
  const text = 'Jobparat dagpengemodtager. Samtaler hver 2. uge.';
  test('cards carry findings, citations with verbatim quotes and a mention that slices', () => {
    const a = analyze(text);
    const set = bundledEvidence();
    for (const s of a.suggestions) {
      expect(s.findings.length).toBeGreaterThan(0);
      for (const c of s.citations) {
        const f = set.findings.find((x) => x.id === c.finding)!;
        expect(c.quote).toBe(f.quote);
        expect(c.findingVersion).toBe(f.version);
      }
      if (s.mention) expect(text.slice(s.mention.start, s.mention.end)).toBe(s.mention.text);
    }
  });
  test('target-group corrections change the cards at once', () => {
    expect(kinds(text)).toContain('consider:jobforslag');
    const corrected = kinds(text, { groupOverrides: { remove: ['jobparat', 'dagpenge'], add: ['sygemeldt'] } });
    expect(corrected).not.toContain('consider:jobforslag');
    expect(corrected).toContain('caution:samtale');
  });
  test('the citizen register gives the plain sentence', () => {
    const set = bundledEvidence();
    const pro = analyze(text).suggestions[0]!;
    const cit = analyze(text, { register: 'borger' }).suggestions[0]!;
    expect(cit.id).toBe(pro.id);
    expect(cit.text).toBe(set.findings.find((f) => f.id === cit.findings[0])!.citizen);
    expect(pro.text).toBe(set.findings.find((f) => f.id === pro.findings[0])!.suggestion);
  });
  test('a citation names its source and is not duplicated', () => {
    const set = bundledEvidence();
    const s = analyze(text).suggestions[0]!;
    const full = suggestionWithCitation(set, s, 'full');
    expect(full).toMatch(/\(STAR: .+\)\.$/);
    const short = suggestionWithCitation(set, s, 'short');
    const inParens = /\(([^()]*)\)\.$/.exec(short)![1]!.split('; ');
    expect(new Set(inParens).size).toBe(inParens.length);
  });
});

describe('text the add-in inserted is not plan content', () => {
  test('an inserted citation and reference list change nothing', () => {
    const set = bundledEvidence();
    const plan = 'Aktivitetsparat kontanthjælpsmodtager.\rSamtaler hver måned.';
    const before = analyze(plan);
    const cards = before.suggestions;
    expect(cards.length).toBeGreaterThan(0);
    const withInsert =
      'Aktivitetsparat kontanthjælpsmodtager.\r' +
      insertionText(set, cards[0]!, 'full') +
      '\rSamtaler hver måned.\r' +
      wrapInserted(referenceListText(set, cards.flatMap((c) => c.findings)));
    const after = analyze(withInsert);
    expect(after.instruments.map((i) => [i.id, i.negated])).toEqual(before.instruments.map((i) => [i.id, i.negated]));
    expect(after.targetGroups.map((g) => g.id)).toEqual(before.targetGroups.map((g) => g.id));
    expect(after.suggestions.map((s) => s.id)).toEqual(cards.map((s) => s.id));
  });
});
