import { detect } from '../../src/core/engine';
import type { InstrumentId, TargetGroupId } from '../../src/core/ids';

/** ids found and not negated / negated / groups, for compact assertions. */
function summary(text: string) {
  const d = detect(text);
  return {
    present: d.instruments.filter((i) => !i.negated).map((i) => i.id).sort(),
    negated: d.instruments.filter((i) => i.negated).map((i) => i.id).sort(),
    groups: d.targetGroups.map((g) => g.id).sort(),
  };
}

const has = (text: string, id: InstrumentId) => expect(summary(text).present).toContain(id);
const hasNot = (text: string, id: InstrumentId) => expect(summary(text).present).not.toContain(id);
const negated = (text: string, id: InstrumentId) => expect(summary(text).negated).toContain(id);
const group = (text: string, id: TargetGroupId) => expect(summary(text).groups).toContain(id);
const noGroup = (text: string, id: TargetGroupId) => expect(summary(text).groups).not.toContain(id);

describe('inflected, definite and compound forms', () => {
  test.each<[string, InstrumentId]>([
    ['Samtalerne holdes hver måned.', 'samtale'],
    ['Jobsamtalen flyttes til fredag.', 'samtale'],
    ['Opfølgningssamtaler hver 4. uge.', 'samtale'],
    ['Løntilskuddet forlænges.', 'loentilskud'],
    ['Hun starter i et løntilskudsjob.', 'loentilskud'],
    ['Virksomhedspraktikken går godt.', 'virksomhedspraktik'],
    ['Praktikforløbet evalueres.', 'virksomhedspraktik'],
    ['Mentorstøtte i de første uger.', 'mentor'],
    ['Mentorordningen fortsætter.', 'mentor'],
    ['IPS-forløbet er startet.', 'ips'],
    ['Fleksjobbet er på 12 timer.', 'fleksjob'],
    ['Ressourceforløbet forlænges.', 'ressourceforloeb'],
    ['Sagen forelægges rehabiliteringsteamet.', 'ressourceforloeb'],
    ['Borgeren har fået ordinære løntimer hos en bager.', 'loentimer'],
    ['Joblog og ansøgninger gennemgås.', 'jobsoegning'],
    ['Sagsbehandler sender konkrete jobforslag.', 'jobforslag'],
    ['Borgeren skal i gang med opkvalificering som truckfører.', 'uddannelse'],
    ['Vi aftalte en rådighedssamtale.', 'raadighedssamtale'],
    ['Samtalen holdes telefonisk.', 'digital-samtale'],
    ['Hun har en fast kontaktperson i jobcentret.', 'fast-kontaktperson'],
    ['Jobpræmien udbetales efter 6 måneder.', 'jobpraemie'],
    ['Nyttejobbet er i kommunens park.', 'nyttejob'],
    ['Sanktionen blev effektueret.', 'sanktion'],
    ['Borgeren er i psykiatrisk behandling.', 'behandling'],
    ['Øvrig vejledning og opkvalificering i 6 uger.', 'oevrig-vejledning'],
    ['Hun deltager i en virksomhedsrettet indsats.', 'virksomhedsrettet'],
  ])('%s → %s', (text, id) => has(text, id));
});

describe('spelling variants, hyphens, NBSP, case', () => {
  test('line-break hyphen joins the word and offsets point into the input', () => {
    const text = 'Hun starter i virksomheds-\npraktik på mandag.';
    const d = detect(text);
    const hit = d.instruments.find((i) => i.id === 'virksomhedspraktik');
    expect(hit).toBeDefined();
    const m = hit!.mentions[0]!;
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.text).toBe('virksomheds-\npraktik');
  });
  test('soft hyphen and Word optional hyphen inside a word', () => {
    has('Aftale om løn\u00ADtilskud.', 'loentilskud');
    has('Aftale om løn\u001Ftilskud.', 'loentilskud');
  });
  test('NBSP between words of a phrase', () => {
    has('Hun får privat\u00A0løntilskud.', 'privat-loentilskud');
  });
  test('upper case and ASCII/OCR spellings', () => {
    has('LØNTILSKUD AFTALT', 'loentilskud');
    has('loentilskud i 6 mdr', 'loentilskud');
    has('lontilskud i 6 mdr', 'loentilskud');
    has('Naeste raadighedssamtale er i uge 12', 'raadighedssamtale');
  });
});

describe('negation within the clause', () => {
  test.each<[string, InstrumentId]>([
    ['Der er ikke brug for en mentor nu.', 'mentor'],
    ['Løntilskud er ikke aktuelt.', 'loentilskud'],
    ['Borgeren ønsker ikke virksomhedspraktik.', 'virksomhedspraktik'],
    ['Hverken praktik eller løntilskud er relevant.', 'loentilskud'],
    ['Hverken praktik eller løntilskud er relevant.', 'virksomhedspraktik'],
    ['Forløbet gennemføres uden mentor.', 'mentor'],
    ['Borgeren har takket nej til løntilskud.', 'loentilskud'],
    ['Jobcentret vurderer, at IPS ikke er relevant.', 'ips'],
    ['Mentor er fravalgt.', 'mentor'],
  ])('%s → %s negated', (text, id) => negated(text, id));

  test('negation ends at "men" and at a new clause', () => {
    has('Borgeren ønsker ikke løntilskud, men gerne virksomhedspraktik.', 'virksomhedspraktik');
    has('Han er ikke jobparat og skal i virksomhedspraktik.', 'virksomhedspraktik');
  });
  test('pseudo-negation and double negation are not negation', () => {
    has('Ikke kun samtaler, også jobforslag.', 'samtale');
    has('Borgeren kan ikke klare sig uden mentor.', 'mentor');
  });
  test('past use counts as a mention', () => {
    has('Borgeren har tidligere været i virksomhedspraktik.', 'virksomhedspraktik');
  });
  test('one negated and one positive mention: not negated overall', () => {
    const d = detect('Mentor er ikke aktuelt nu. Senere får borgeren en mentor.');
    const m = d.instruments.find((i) => i.id === 'mentor')!;
    expect(m.negated).toBe(false);
    expect(m.mentions.map((x) => x.negated)).toEqual([true, false]);
  });
  test('a negated group is not listed', () => {
    noGroup('Borgeren er ikke jobparat.', 'jobparat');
    noGroup('Ingen psykiske problemer.', 'psykisk-lidelse');
  });
});

describe('false friends', () => {
  test.each<[string, InstrumentId]>([
    ['Egen praktiserende læge er inddraget.', 'virksomhedspraktik'],
    ['Hun har været hos kiropraktor.', 'virksomhedspraktik'],
    ['Vi har en praktikant i afdelingen.', 'virksomhedspraktik'],
    ['Han har gips på armen.', 'ips'],
    ['Gode tips og chips.', 'ips'],
    ['Han har en uddannelse som tømrer.', 'uddannelse'],
    ['Hun er uddannet SOSU-hjælper.', 'uddannelse'],
    ['Borgeren modtager uddannelseshjælp.', 'uddannelse'],
    ['Hun modtager ressourceforløbsydelse.', 'ressourceforloeb'],
    ['Han er på fleksløntilskud.', 'loentilskud'],
    ['Sagsbehandleren ringer i morgen.', 'behandling'],
    ['Sagsbehandlingen tager tid.', 'behandling'],
    ['Samtaleanlægget virker ikke.', 'samtale'],
    ['Telefonsamtale med lægen om medicin.', 'samtale'],
    ['Hun var til ansættelsessamtale hos Netto.', 'samtale'],
    ['Oplys CVR-nummeret.', 'jobsoegning'],
  ])('%s ↛ %s', (text, id) => hasNot(text, id));

  test('a benefit is a group signal, not the instrument', () => {
    group('Borgeren modtager sygedagpenge.', 'sygemeldt');
    noGroup('Borgeren modtager sygedagpenge.', 'dagpenge');
    group('Borgeren modtager uddannelseshjælp.', 'ung');
    group('Borgeren modtager uddannelseshjælp.', 'kontanthjaelp');
  });
  test('an education background is ufaglært only when the text says so', () => {
    group('Ingen uddannelse ud over folkeskolen.', 'ufaglaert');
    hasNot('Ingen uddannelse ud over folkeskolen.', 'uddannelse');
    has('Ingen uddannelse ud over folkeskolen, og hun skal nu starte på AMU-kursus.', 'uddannelse');
  });
});

describe('løntilskud sector', () => {
  test.each<[string, InstrumentId]>([
    ['Privat løntilskud hos en tømrer.', 'privat-loentilskud'],
    ['Løntilskud hos Netto i 6 måneder.', 'privat-loentilskud'],
    ['Løntilskud i en privat virksomhed.', 'privat-loentilskud'],
    ['Offentligt løntilskud på plejecentret.', 'offentligt-loentilskud'],
    ['Løntilskud på kommunens materielgård.', 'offentligt-loentilskud'],
    ['Løntilskud i 6 måneder.', 'loentilskud'],
  ])('%s → %s', (text, id) => {
    const s = summary(text);
    expect(s.present).toContain(id);
    const others = (['loentilskud', 'privat-loentilskud', 'offentligt-loentilskud'] as InstrumentId[]).filter((x) => x !== id);
    for (const o of others) expect(s.present).not.toContain(o);
  });
});

describe('target groups', () => {
  test.each<[string, TargetGroupId]>([
    ['Borgeren er dagpengemodtager.', 'dagpenge'],
    ['Jobparat kontanthjælpsmodtager.', 'jobparat'],
    ['Jobparat kontanthjælpsmodtager.', 'kontanthjaelp'],
    ['Hun er aktivitetsparat.', 'aktivitetsparat'],
    ['Borgeren er langt fra arbejdsmarkedet.', 'aktivitetsparat'],
    ['Han er sygemeldt med stress.', 'sygemeldt'],
    ['Hun har skizofreni.', 'psykisk-lidelse'],
    ['Diagnose: depression og angst.', 'psykisk-lidelse'],
    ['Kristian er 23-årig.', 'ung'],
    ['Unge under 30 år.', 'ung'],
    ['Han er langtidsledig.', 'langtidsledig'],
    ['Hun har været ledig i over et år.', 'langtidsledig'],
    ['Hun er nyledig.', 'nyledig'],
    ['Han er ufaglært.', 'ufaglaert'],
  ])('%s → %s', (text, id) => group(text, id));
  test('common words that contain "ung" are not young people', () => {
    noGroup('Det tager ungefær en time, og tungen er hævet. Hun har en pung.', 'ung');
  });
});

describe('numbers are read by value', () => {
  test.each<[string, TargetGroupId, boolean]>([
    ['Hun er 23 år og bor hos sin mor.', 'ung', true],
    ['Lene, 34 år, kontorassistent.', 'ung', false],
    ['Han har arbejdet i 20 år som smed.', 'ung', false],
    ['Kristian (19-årig) starter i praktik.', 'ung', true],
    ['Borgeren har været ledig i 14 mdr.', 'langtidsledig', true],
    ['Borgeren har været ledig i 10 måneder.', 'langtidsledig', false],
    ['Ledig i 2½ år.', 'langtidsledig', true],
    ['Ledig i lidt over et år.', 'langtidsledig', true],
    ['Har været ledig i 2 aar.', 'langtidsledig', true],
    ['Kontanthjælp i mere end 6 år.', 'langtidsledig', true],
    ['Kontanthjælp i mere end 6 år.', 'kontanthjaelp', true],
    ['Fradrag i kontanthjælpen for to dage.', 'kontanthjaelp', true],
  ])('%s → %s: %s', (text, id, yes) => (yes ? group(text, id) : noGroup(text, id)));
});

describe('education as part of the plan, not as a background', () => {
  test.each<[string, boolean]>([
    ['Hun starter på FGU efter sommerferien.', true],
    ['Aftalt brobygning til grundforløbet på SOSU.', true],
    ['Borgeren har gennemført grundforløbet i 2019.', false],
    ['Han har en erhvervsuddannelse som smed.', false],
  ])('%s → uddannelse: %s', (text, yes) => (yes ? has(text, 'uddannelse') : hasNot(text, 'uddannelse')));
});

describe('labels, headings and table rows carry their own negation', () => {
  test.each<[string, InstrumentId]>([
    ['Indsats:\n– Løntilskud: Ikke relevant for dig nu.\n– Samtaler hver måned.', 'loentilskud'],
    ['Mentor\nIntet behov.\n\nJobsøgning\nDu søger 3 job om ugen.', 'mentor'],
    ['Indsats\tPeriode\tStatus\nMentor\t-\tIkke bevilget\nPraktik\tuge 10-14\tAfsluttet', 'mentor'],
    ['Du spurgte også til løntilskud. Det er desværre ikke en mulighed hos jer.', 'loentilskud'],
    ['Vi har drøftet fleksjob, men det er ikke aktuelt.', 'fleksjob'],
  ])('%j → %s negated', (text, id) => negated(text, id));
  test('a table row with real content is a mention', () => {
    has('Indsats\tPeriode\tStatus\nMentor\t-\tIkke bevilget\nPraktik\tuge 10-14\tAfsluttet', 'virksomhedspraktik');
  });
  test('past use stays a mention after a later refusal', () => {
    has('Hun var i nyttejob sidste år og det gik godt, men det vil hun ikke igen.', 'nyttejob');
  });
});

describe("Word's comment mark (\\x05 in body.text) changes nothing", () => {
  const same = (a: string, b: string) => {
    const f = (t: string) => {
      const d = detect(t);
      return JSON.stringify([d.instruments.map((i) => [i.id, i.negated]), d.targetGroups.map((g) => g.id)]);
    };
    expect(f(b)).toBe(f(a));
  };
  test.each([
    ['Løntilskud er ikke aktuelt.', 'Løntilskud\x05 er ikke aktuelt.'],
    ['Løntilskud hos Netto i 6 måneder.', 'Løntilskud\x05 hos Netto i 6 måneder.'],
    ['Borgeren ønsker ikke virksomhedspraktik, men gerne mentor.', 'Borgeren ønsker ikke virksomhedspraktik\x05, men gerne mentor\x05.'],
  ])('%j', (a, b) => same(a, b));
});

describe('offers turned down and e-mails to employers', () => {
  test('an offer turned down in the past tense is negated', () => {
    negated('Mentor blev tilbudt, men borger takkede nej.', 'mentor');
    negated('Sanktion overvejes ikke, da borger har mødt stabilt.', 'sanktion');
  });
  test('"hos jer" in an e-mail to a private employer is a private placement', () => {
    has('Fra: Jobcentret\nTil: Kirsten Vang, Vang VVS ApS\nEmne: Ali\n\nSom aftalt sender jeg papirerne til løntilskudsjobbet hos jer.', 'privat-loentilskud');
  });
});
