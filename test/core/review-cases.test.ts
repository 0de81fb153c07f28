/**
 * The evidence review's high and medium problems (../shared/reviews/evidence-review.md), each on a
 * text of our own, plus the new rules of issue 8. Each test says what the source says about the
 * group, so a failure reads as the advice that would be wrong.
 */
import { analyze } from '../../src/core/engine';
import { bundledEvidence } from '../../src/core/evidence';
import { insertedInBulk, referenceList, sourceLabel, suggestionWithCitation } from '../../src/core/citations';
import { weeklyHoursNear } from '../../src/core/hours';
import { detectSignals } from '../../src/core/signals';
import type { Suggestion } from '../../src/core/types';

const set = bundledEvidence();
const cards = (text: string, register: 'fagperson' | 'borger' = 'fagperson') => analyze(text, { register }).suggestions;
const card = (text: string, id: string, register: 'fagperson' | 'borger' = 'fagperson'): Suggestion | undefined =>
  cards(text, register).find((s) => s.id === id);
const ids = (text: string) => cards(text).map((s) => s.id);
const finding = (id: string) => set.findings.find((f) => f.id === id)!;

describe('H1–H2: samtaler are supported for jobparate ledige only (002: "kan … ikke uden videre generaliseres")', () => {
  test.each([
    'Borgeren er sygemeldt og medlem af a-kassen. Vi aftaler samtaler hver 14. dag.',
    'Hun var jobparat, men er nu sygemeldt med stress. Vi holder opfølgningssamtaler hver måned.',
    'Han er nyledig, men blev sygemeldt i sidste uge. Vi holder samtaler.',
    'Borgeren er nyledig og vurderet aktivitetsparat. Samtaler hver 14. dag.',
  ])('%s → no support for samtaler, a caution instead', (text) => {
    const out = cards(text);
    expect(out.filter((s) => s.instrument === 'samtale' && s.kind === 'support')).toEqual([]);
    expect(out.some((s) => s.instrument === 'samtale' && s.kind === 'caution')).toBe(true);
    // M2: nor a suggestion built on samtaler with jobparate
    expect(out.some((s) => s.id === 'consider-jobforslag')).toBe(false);
  });

  test('a jobparat dagpengemodtager still gets the support', () => {
    expect(ids('Jobparat dagpengemodtager. Vi holder samtaler hver 3. uge med konkrete jobforslag.')).toContain('support-samtale-ledige');
  });

  test('hyppige samtaler reach jobparate who are not nyledige (item 7)', () => {
    const s = card('Jobparat dagpengemodtager, ledig i fire måneder. Vi holder samtaler hver 14. dag.', 'support-samtale-ledige')!;
    expect(s.findings).toContain('star-002-hyppige-samtaler');
  });
});

describe('H3–H4, M4, M8: IPS is for severe mental illness (001: "personer med alvorlige sindslidelser")', () => {
  test.each([
    'Vi har talt om hans fysiske og psykiske helbred, som er godt. Han er aktivitetsparat.',
    'Borgeren har ADHD og er aktivitetsparat.',
    'Borgeren har let angst og er aktivitetsparat.',
    'Borgeren har en moderat depression og er aktivitetsparat.',
  ])('%s → no IPS card', (text) => {
    expect(cards(text).some((s) => s.instrument === 'ips')).toBe(false);
  });

  test.each([
    'Borgeren har skizofreni og er aktivitetsparat.',
    'Borgeren har en bipolar lidelse og er aktivitetsparat.',
    'Borgeren er tilknyttet distriktspsykiatrien og er aktivitetsparat.',
    'Han har svær depression og er aktivitetsparat.',
  ])('%s → consider IPS, in words about severe illness', (text) => {
    const s = card(text, 'consider-ips')!;
    expect(s).toBeDefined();
    expect(s.text).toMatch(/alvorlige sindslidelser/);
    expect(card(text, 'consider-ips', 'borger')!.text).toMatch(/alvorlig psykisk sygdom/);
  });

  test('behandling with a virksomhedsrettet indsats gets the tværfaglig sentence, not the IPS one', () => {
    for (const text of [
      'Borgeren er aktivitetsparat. Hun er i misbrugsbehandling og starter i virksomhedspraktik.',
      'Borgeren er aktivitetsparat, går til fysioterapi og skal i løntilskud hos en privat virksomhed.',
    ]) {
      const s = card(text, 'support-behandling-kombineret')!;
      expect(s.findings[0]).toBe('star-004-kombineret-tvaerfaglig');
      expect(s.strength).toBe('evidence');
      expect(s.text).not.toMatch(/IPS|psykisk/);
    }
  });

  test('mentor alone gets no support card; mentor within IPS says the effect is the whole', () => {
    expect(cards('Borgeren har depression og får en mentor. Hun er aktivitetsparat.').some((s) => s.instrument === 'mentor')).toBe(false);
    const s = card('Borgeren har skizofreni, er aktivitetsparat og starter i IPS med en mentor.', 'support-mentor-ips')!;
    expect(s.text).toMatch(/ikke mentor alene/);
  });

  test('the IPS description is not strong evidence and offers nothing on its own', () => {
    expect(finding('star-001-ips-kombination').strength).not.toBe('strong');
    expect(finding('star-001-ips-kombination').unusedReason).toBeDefined();
  });
});

describe('M1, M6, M12 and item 4: the source\'s hedge and caveats survive insertion', () => {
  test('konkrete jobforslag: "Der er viden om … en drivende kraft"', () => {
    const s = card('Jobparat dagpengemodtager. Samtaler hver 2. uge.', 'consider-jobforslag')!;
    const inserted = suggestionWithCitation(set, s, 'short');
    expect(inserted).toMatch(/^Der er viden om, at .*en drivende kraft/);
  });

  test('løntimer keep "en del fastholder ikke tilknytningen" in both registers', () => {
    const text = 'Borgeren er aktivitetsparat og starter med løntimer i en bager.';
    expect(card(text, 'support-loentimer-aktivitetsparat')!.text).toMatch(/fastholder ikke tilknytningen/);
    expect(card(text, 'support-loentimer-aktivitetsparat', 'borger')!.text).toMatch(/holder ikke fast/);
  });

  test('offentligt løntilskud for udsatte keeps "uden at forbedre beskæftigelsens varighed"', () => {
    const s = card('Borgeren er aktivitetsparat og kommer i offentligt løntilskud på et plejecenter.', 'caution-offentligt-loentilskud')!;
    expect(s.text).toMatch(/uden at forbedre beskæftigelsens varighed/);
  });

  test('samtaler with borgere længere fra: the citizen sentence does not assume they help', () => {
    const s = card('Borgeren er aktivitetsparat. Samtaler hver måned.', 'caution-samtale-aktivitetsparat', 'borger')!;
    expect(s.text).not.toMatch(/hvor meget/);
    expect(s.text).toMatch(/ikke entydigt/);
  });
});

describe('M3, M7: løntilskud and uddannelse only where the source studied the group', () => {
  test('privat løntilskud: no "betydelig evidens" for a sygemeldt or a young person with no other group', () => {
    for (const text of ['Borgeren er sygemeldt og starter i privat løntilskud.', 'Borgeren er 22 år og starter i privat løntilskud.']) {
      expect(cards(text).some((s) => s.kind === 'support' && s.instrument === 'privat-loentilskud')).toBe(false);
    }
  });

  test('udsatte unge: 004\'s sign, with its half-year condition (item 7)', () => {
    const s = card('Borgeren er 22 år og aktivitetsparat. Hun starter i løntilskud i kommunen.', 'support-loentilskud-unge')!;
    expect(s.strength).toBe('limited');
    expect(s.text).toMatch(/halvt år/);
    expect(card('Borgeren er 22 år og aktivitetsparat. Hun starter i løntilskud i kommunen.', 'support-loentilskud-unge', 'borger')!.text).toMatch(/halvt år/);
  });

  test('uddannelse for ufaglærte only among ledige (000 is about ledige tæt på arbejdsmarkedet)', () => {
    expect(ids('Han er ufaglært og sygemeldt og skal på AMU-kursus.')).not.toContain('support-uddannelse-ufaglaert');
    expect(ids('Han er ufaglært og aktivitetsparat og skal på AMU-kursus.')).not.toContain('support-uddannelse-ufaglaert');
    const s = card('Han er ufaglært dagpengemodtager og skal på AMU-kursus.', 'support-uddannelse-ufaglaert', 'borger')!;
    expect(s.text).toMatch(/tegn på/);
    expect(s.text).toMatch(/ledige/);
  });
});

describe('M5 and item 7: fast kontaktperson and expectations', () => {
  test('a fast kontaktperson gets JobFirst\'s gennemgående kontaktperson, not caseload', () => {
    const s = card('Borgeren er aktivitetsparat og får en fast kontaktperson gennem hele forløbet.', 'support-fast-kontaktperson')!;
    expect(s.findings[0]).toBe('star-004-jobfirst-kontaktperson');
    expect(s.text).not.toMatch(/sager per sagsbehandler|sagsstamme/);
  });

  test.each([
    'Borgeren er aktivitetsparat. Hun kommer nok aldrig i job.',
    'Borgeren er aktivitetsparat. Det vurderes urealistisk, at han kommer i arbejde.',
    'Borgeren er aktivitetsparat. Ordinært job er urealistisk.',
    'Borgeren er aktivitetsparat. Vi har desværre opgivet at finde et job til ham.',
  ])('low expectations in the plan: %s → a respectful caution that is not for the plan', (text) => {
    const s = card(text, 'caution-forventninger')!;
    expect(s).toBeDefined();
    expect(s.insertable).toBe(false);
    expect(s.text).toMatch(/høje forventninger/);
    expect(s.mention && text.slice(s.mention.start, s.mention.end)).toBe(s.mention?.text);
  });

  test.each([
    'Borgeren er aktivitetsparat. Det er ikke urealistisk, at hun kommer i job.',
    'Borgeren er aktivitetsparat. Vi har ikke opgivet, og hun tror selv på det.',
    'Borgeren er aktivitetsparat og har urealistiske lønkrav.',
    'Borgeren er aktivitetsparat og kommer i job via løntimer.',
  ])('no expectation card for: %s', (text) => {
    expect(ids(text)).not.toContain('caution-forventninger');
  });
});

describe('M9–M11 and item 5: DA is a viewpoint, shown only where its claim fits', () => {
  test('ressourceforløb and nyttejob: "Andre synspunkter", never a caution', () => {
    for (const [text, id] of [
      ['Borgeren er i ressourceforløb.', 'viewpoint-ressourceforloeb'],
      ['Borgeren er jobparat og kommer i nyttejob.', 'viewpoint-nyttejob'],
    ] as const) {
      const s = card(text, id)!;
      expect(s.kind).toBe('viewpoint');
      expect(s.advocacy).toBe(true);
      expect(cards(text).some((x) => x.kind === 'caution' && x.advocacy)).toBe(false);
    }
  });

  test('the minifleksjob claim needs 1–5 hours a week', () => {
    expect(ids('Borgeren er i fleksjob på 25 timer om ugen.')).not.toContain('viewpoint-fleksjob');
    expect(ids('Borgeren er i fleksjob.')).not.toContain('viewpoint-fleksjob');
    expect(ids('Borgeren er i fleksjob på 4 timer om ugen.')).toContain('viewpoint-fleksjob');
    expect(ids('Hun har et fleksjob med fem ugentlige timer i en børnehave.')).toContain('viewpoint-fleksjob');
  });

  test('øvrig vejledning: DA speaks of ledige, not of sygemeldte', () => {
    expect(ids('Borgeren er sygemeldt og deltager i et stresshåndteringsforløb.')).not.toContain('viewpoint-oevrig-vejledning');
    expect(ids('Borgeren er jobparat og deltager i et jobsøgningskursus.')).toContain('viewpoint-oevrig-vejledning');
  });

  test('"anden aktør" who holds the samtaler is a provider, not DA\'s category of øvrig vejledning', () => {
    expect(ids('Borgeren er jobparat og har samtaler hos en anden aktør.')).not.toContain('viewpoint-oevrig-vejledning');
    expect(ids('Borgeren er jobparat og starter i et afklaringsforløb hos en anden aktør.')).toContain('viewpoint-oevrig-vejledning');
  });
});

describe('item 6: citations a reader can trace', () => {
  test('the three undated STAR notes get distinct short citations that the Kildeliste spells out', () => {
    const undated = set.sources.filter((s) => s.publisherShort === 'STAR' && s.year === null);
    expect(undated).toHaveLength(3);
    const labels = undated.map((s) => sourceLabel(set, s, 'short'));
    expect(new Set(labels).size).toBe(3);
    for (const l of labels) expect(l).toMatch(/^STAR, u\.å\.-[abc]$/);
    const list = referenceList(set, set.findings.map((f) => f.id));
    for (const s of undated) {
      const entry = list.find((e) => e.id === s.id)!;
      expect(entry.cite).toBe(sourceLabel(set, s, 'short'));
      expect(entry.text).toContain(`(${sourceLabel(set, s, 'short').replace('STAR, ', '')})`);
    }
  });

  test('the Kildeliste lists exactly the works the inserted sentences cite', () => {
    const text =
      'Aktivitetsparat kontanthjælpsmodtager med skizofreni. Løntimer i en bager, IPS-forløb og samtaler hver måned. Han kommer i privat løntilskud.';
    const out = cards(text).filter(insertedInBulk);
    expect(out.length).toBeGreaterThan(2);
    const cited = new Set(out.flatMap((s) => /\(([^()]*)\)\.$/.exec(suggestionWithCitation(set, s, 'short'))![1]!.split('; ')));
    const listed = new Set(referenceList(set, out.flatMap((s) => s.findings)).map((e) => e.cite));
    expect([...listed].sort()).toEqual([...cited].sort());
  });

  test('Ekspertgruppen is cited as 2014, as 002\'s reference list has it', () => {
    expect(set.references.some((r) => r.id === 'ekspertgruppen-2024')).toBe(false);
    expect(set.references.find((r) => r.id === 'ekspertgruppen-2014')!.note).toMatch(/2024/);
  });
});

describe('reading the plan for what the rules need', () => {
  const at = (text: string, word: string) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length };
  };
  test.each([
    ['Fleksjob på 4 timer om ugen.', 4],
    ['Fleksjob 10-12 timer ugentligt hos en tømrer.', 12],
    ['Hun arbejder 2 timer dagligt i sit fleksjob.', 10],
    ['Et fleksjob med fem ugentlige timer.', 5],
    ['Fleksjob på 2½ time om ugen.', 2.5],
  ])('%s → %d hours a week', (text, hours) => {
    expect(weeklyHoursNear(text, at(text, text.includes('Fleksjob') ? 'Fleksjob' : 'fleksjob'))).toBe(hours);
  });

  test('no hours in the sentence → none, even when the next sentence has some', () => {
    const text = 'Borgeren har fleksjob. Hun træner 3 timer om ugen.';
    expect(weeklyHoursNear(text, at(text, 'fleksjob'))).toBeNull();
  });

  test('a letter whose lower case is longer (İ) does not shift the places found', () => {
    const text = 'İzmir-kurset er slut. Hun kommer nok aldrig i job.';
    const [hit] = detectSignals(text);
    expect(text.slice(hit!.mentions[0]!.start, hit!.mentions[0]!.end)).toBe('kommer nok aldrig i job');
  });

  test('signals are found with their places and the add-in\'s own text is not read', () => {
    const text = 'Notat. Hun kommer formentlig aldrig i job.';
    const [hit] = detectSignals(text);
    expect(hit?.id).toBe('lave-forventninger');
    expect(text.slice(hit!.mentions[0]!.start, hit!.mentions[0]!.end)).toMatch(/^kommer formentlig aldrig i job$/);
  });
});

describe('an education the citizen already has is not uddannelsesaktivering', () => {
  test('"efter din uddannelse som grafiker" gives no uddannelse card; a planned course does', () => {
    expect(ids('Du er 30 år, jobparat og får dagpenge efter din uddannelse som grafiker. Vi holder samtaler.')).not.toContain('support-uddannelse-ledige');
    expect(ids('Du er jobparat og får dagpenge. Du starter på et AMU-kursus som lagermedarbejder.')).toContain('support-uddannelse-ledige');
  });
});
