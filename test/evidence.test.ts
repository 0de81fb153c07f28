/**
 * Tests of the bundled evidence set (src/core/evidence/evidence.json):
 * schema validity, quotes that really stand in their seed documents, OCR
 * repair of quotes from the literature review, coverage of every headline
 * conclusion, both registers, and rules consistent with their findings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseEvidenceSet, bundledEvidence, type EvidenceSet, type Finding, type Rule } from '../src/core/evidence';
import { inFamily, type InstrumentId, type TargetGroupId } from '../src/core/ids';

const repoRoot = path.resolve(__dirname, '..');
const evidencePath = path.join(repoRoot, 'src/core/evidence/evidence.json');
const seedsDir = process.env.JPE_SEEDS_DIR ?? path.resolve(repoRoot, '../shared/seeds');

const rawJson = (): unknown => JSON.parse(fs.readFileSync(evidencePath, 'utf8'));
const set: EvidenceSet = bundledEvidence();

const OCR_SOURCE = 'star-litteraturgennemgang';
const ADVOCACY_SOURCE = 'da-bedre-billigere';

// ---------------------------------------------------------------------------
// Text normalisation shared by seeds and quotes
// ---------------------------------------------------------------------------

/**
 * Normalise a seed document (or a quote) for comparison:
 * - drop PDF footnote blocks that interrupt body text (a line of only spaces,
 *   then a numbered footnote, up to the next body line, which starts with a space),
 * - drop markdown emphasis asterisks (002 is a markdown-ish extraction),
 * - join words hyphenated across line breaks ("ar-\nbejdsmarkedet"), keeping the
 *   hyphen of a compound after an acronym or CamelCase word ("JobFirst-\nforsøget"),
 * - join number ranges broken after a dash ("2011–\n2016"),
 * - collapse whitespace.
 */
export function normaliseText(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n').normalize('NFC');
  s = s.replace(/\n[ \t]{20,}\n\d+ [^\n]*\n(?:[^ \n][^\n]*\n|[ \t]*\n)*/g, '\n');
  s = s.replace(/\*/g, '');
  // A hyphen after an acronym or CamelCase word is part of a compound ("JobFirst-forsøget", "IPS-indsatsen").
  s = s.replace(/(\S*)-[ \t]*\n\s*(?=[a-zæøåé@{&])/g, (_m, w: string) => (/\p{L}\p{Lu}/u.test(w) ? `${w}-` : w));
  s = s.replace(/([–—])[ \t]*\n\s*(?=\d)/g, '$1');
  return s.replace(/\s+/g, ' ').trim();
}

/** Regex-escape one character. */
const esc = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * OCR-tolerant pattern for a correct-Danish quote, to be searched in the
 * normalised OCR text of 004. Only the characters the OCR is known to garble
 * may vary; every other letter, digit and punctuation mark must match exactly
 * (case-insensitive), so a changed word or number does not match.
 *
 * Observed confusions in 004: æ → ae, ee, ea, e, a, z, &, @; ø → e, o, g, a,
 * eg, @, OQ; å → a, d, é, &, 4, i, éd, da, éa, é&; "få" → "{4" or "&";
 * the word "i" → "i1" or "1"; "I" → "["; "c" → "c¢"; dashes dropped or as "—".
 */
export function ocrPattern(quote: string): RegExp {
  const q = normaliseText(quote).toLowerCase();
  const AE = '(?:æ|ae|ee|ea|e|a|z|&|@|é)';
  const OE = '(?:ø|oe|oq|eg|e|o|g|a|@|q)';
  const AA = '(?:å|aa|éd|éa|é&|da|a|d|é|&|4|i)';
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  let out = '';
  for (let k = 0; k < q.length; k++) {
    const c = q[k]!;
    const prev = q[k - 1];
    const next = q[k + 1];
    if (c === 'i' && !isLetter(prev) && !isLetter(next)) out += '(?:i1|i|1)';
    else if (c === 'f' && next === 'å') out += '(?:f|\\{)?';
    else if (c === 'i') out += '[i\\[]';
    else if (c === 'c') out += 'c¢?';
    else if (c === 'æ') out += AE;
    else if (c === 'ø') out += OE;
    else if (c === 'å') out += AA;
    else if (c === '–' || c === '—') out += '[–—-]?';
    else out += esc(c);
  }
  return new RegExp(out, 'iu');
}

function readSeed(file: string): string {
  const p = path.join(seedsDir, file);
  if (!fs.existsSync(p)) {
    throw new Error(
      `Seed document ${file} not found in ${seedsDir}. Set JPE_SEEDS_DIR to the directory with the five seed ` +
        `documents (shared/seeds); the quote check must not be skipped.`,
    );
  }
  return fs.readFileSync(p, 'utf8');
}

const seedCache = new Map<string, string>();
function seedText(sourceId: string): string {
  const src = set.sources.find((s) => s.id === sourceId);
  if (!src) throw new Error(`unknown source ${sourceId}`);
  let t = seedCache.get(sourceId);
  if (t === undefined) {
    t = normaliseText(readSeed(src.file));
    seedCache.set(sourceId, t);
  }
  return t;
}

/** True when the quote stands in its source (exact after normalisation; OCR-tolerant for 004). */
function quoteStandsIn(sourceId: string, quote: string): boolean {
  const text = seedText(sourceId);
  if (sourceId === OCR_SOURCE) return ocrPattern(quote).test(text);
  return text.includes(normaliseText(quote));
}

const findingsOf = (sourceId: string) => set.findings.filter((f) => f.source === sourceId);
const finding = (id: string): Finding => {
  const f = set.findings.find((x) => x.id === id);
  if (!f) throw new Error(`unknown finding ${id}`);
  return f;
};
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const populationOf = (f: Finding) => {
  const p = set.populations.find((x) => x.id === f.population);
  if (!p) throw new Error(`unknown population ${f.population}`);
  return p;
};

// ---------------------------------------------------------------------------
// 1. Schema
// ---------------------------------------------------------------------------

describe('evidence set: schema', () => {
  it('validates against EvidenceSetSchema', () => {
    expect(() => parseEvidenceSet(rawJson())).not.toThrow();
    expect(set.version).toBe('2.0.0');
  });

  it('has exactly the five seed documents as sources', () => {
    const expected: Record<string, { file: string; kind: string; advocacy: boolean }> = {
      'star-taet-paa': { file: '000_1dce50c8aa525408.txt', kind: 'star-vidensnotat', advocacy: false },
      'star-laengere-fra': { file: '001_b719fa99de9b9104.txt', kind: 'star-vidensnotat', advocacy: false },
      'star-viden-om-samtaler': { file: '002_8babb113e7805afd.txt', kind: 'star-viden-om', advocacy: false },
      'da-bedre-billigere': { file: '003_7cee8ed49d6c9213.txt', kind: 'interesseorganisation', advocacy: true },
      'star-litteraturgennemgang': { file: '004_27cf038b1c67b3b8.txt', kind: 'star-baggrundsnotat', advocacy: false },
    };
    expect(set.sources.map((s) => s.id).sort()).toEqual(Object.keys(expected).sort());
    for (const s of set.sources) {
      const e = expected[s.id]!;
      expect({ id: s.id, file: s.file, kind: s.kind, advocacy: s.advocacy }).toEqual({ id: s.id, ...e });
      if (s.id !== 'star-viden-om-samtaler') expect({ id: s.id, date: s.date, year: s.year }).toEqual({ id: s.id, date: null, year: null });
    }
    const samtaler = set.sources.find((s) => s.id === 'star-viden-om-samtaler')!;
    expect([samtaler.date, samtaler.year]).toEqual(['juni 2026', 2026]);
    const da = set.sources.find((s) => s.id === ADVOCACY_SOURCE)!;
    expect([da.publisher, da.publisherShort]).toEqual(['Dansk Arbejdsgiverforening', 'DA']);
  });

  it('rejects a finding that cites an unknown reference', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    bad.findings[0]!.references = ['no-such-study-1999'];
    expect(() => parseEvidenceSet(bad)).toThrow(/unknown reference "no-such-study-1999"/);
  });

  it('rejects a support rule resting on a negative finding', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    const rule = bad.rules.find((r) => r.kind === 'support')!;
    const f = bad.findings.find((x) => x.id === rule.findings[0])!;
    f.direction = 'negative';
    expect(() => parseEvidenceSet(bad)).toThrow(/support may only rest on positive/);
  });

  it('rejects a support rule resting on an advocacy claim', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    const rule = bad.rules.find((r) => r.kind === 'support')!;
    const claim = bad.findings.find((x) => x.source === ADVOCACY_SOURCE && x.direction === 'positive')!;
    rule.findings = [claim.id];
    expect(() => parseEvidenceSet(bad)).toThrow(/support may only rest on positive, non-advocacy/);
  });

  it('rejects duplicate ids', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    bad.findings.push(clone(bad.findings[0]!));
    expect(() => parseEvidenceSet(bad)).toThrow(/duplicate finding id/);
    const bad2 = clone(rawJson()) as EvidenceSet;
    bad2.references.push(clone(bad2.references[0]!));
    expect(() => parseEvidenceSet(bad2)).toThrow(/duplicate reference id/);
  });

  it('rejects an interest organisation finding that is not a claim', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    bad.findings.find((x) => x.source === ADVOCACY_SOURCE)!.strength = 'evidence';
    expect(() => parseEvidenceSet(bad)).toThrow(/interest organisation must have strength "claim"/);
  });

  it('rejects a consider rule without noInstrument and an unknown instrument id', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    delete bad.rules.find((r) => r.kind === 'consider')!.when.noInstrument;
    expect(() => parseEvidenceSet(bad)).toThrow(/consider rule needs when.noInstrument/);
    const bad2 = clone(rawJson()) as { findings: { instruments: string[] }[] };
    bad2.findings[0]!.instruments = ['hypnose'];
    expect(() => parseEvidenceSet(bad2)).toThrow();
  });
});

// ---------------------------------------------------------------------------
// 2. Quotes stand in their seeds
// ---------------------------------------------------------------------------

describe('evidence set: quotes stand in their seed documents', () => {
  it('finds the seed directory (set JPE_SEEDS_DIR if it lives elsewhere)', () => {
    if (!fs.existsSync(seedsDir)) {
      throw new Error(`Seed directory not found: ${seedsDir}. Set JPE_SEEDS_DIR to shared/seeds.`);
    }
    for (const s of set.sources) expect(fs.existsSync(path.join(seedsDir, s.file))).toBe(true);
  });

  it('normalisation joins line-break hyphens, drops footnotes and collapses whitespace', () => {
    expect(normaliseText('på ar-\nbejdsmarkedet  i\n\n job')).toBe('på arbejdsmarkedet i job');
    expect(normaliseText('videnskonklusio-\n\nnerne')).toBe('videnskonklusionerne');
    expect(normaliseText('fra 2011–\n2016 i ti')).toBe('fra 2011–2016 i ti');
    expect(normaliseText('ressource- eller job')).toBe('ressource- eller job');
    expect(normaliseText('JobFirst-\n\nforsøget og IPS-\nindsatsen')).toBe('JobFirst-forsøget og IPS-indsatsen');
    expect(normaliseText('som \n\n' + ' '.repeat(30) + '\n1 Fodnote her-\n\nefter slut. \n den ledige')).toBe('som den ledige');
  });

  for (const f of bundledEvidence().findings) {
    it(`${f.id}: quote stands in ${f.source}`, () => {
      expect(quoteStandsIn(f.source, f.quote)).toBe(true);
    });
  }

  for (const p of [...set.populations, ...set.exclusions]) {
    it(`${p.id}: the words naming the population stand in ${p.source}`, () => {
      expect({ id: p.id, found: quoteStandsIn(p.source, p.quote) }).toEqual({ id: p.id, found: true });
    });
  }

  for (const f of set.findings.filter((x) => x.keep)) {
    it(`${f.id}: the caveat it keeps stands in ${f.source}`, () => {
      expect({ id: f.id, found: quoteStandsIn(f.source, f.keep!.quote) }).toEqual({ id: f.id, found: true });
    });
  }

  it('a population quote that is not in its source is caught', () => {
    expect(quoteStandsIn('star-viden-om-samtaler', 'Effekten af samtaler kan generaliseres til alle målgrupper.')).toBe(false);
  });

  it('quotes are already normalised (single spaces, no line breaks, no markup)', () => {
    for (const f of set.findings) {
      expect({ id: f.id, q: f.quote }).toEqual({ id: f.id, q: normaliseText(f.quote) });
    }
  });

  it('a tampered quote is rejected (exact sources)', () => {
    const f = findingsOf('star-taet-paa').find((x) => x.quote.includes('betydelig evidens'))!;
    expect(quoteStandsIn(f.source, f.quote)).toBe(true);
    expect(quoteStandsIn(f.source, f.quote.replace('betydelig evidens', 'stærk evidens'))).toBe(false);
    expect(quoteStandsIn(f.source, f.quote.replace('positiv', 'negativ'))).toBe(false);
  });

  it('the OCR-tolerant match accepts the repaired text and rejects a tampered quote (004)', () => {
    const ips = findingsOf(OCR_SOURCE).find((x) => x.quote.includes('59,5 procent'))!;
    expect(quoteStandsIn(OCR_SOURCE, ips.quote)).toBe(true);
    expect(quoteStandsIn(OCR_SOURCE, ips.quote.replace('59,5', '69,5'))).toBe(false);
    expect(quoteStandsIn(OCR_SOURCE, ips.quote.replace('46,5', '36,5'))).toBe(false);
    expect(quoteStandsIn(OCR_SOURCE, ips.quote.replace('arbejde eller uddannelse', 'arbejde og uddannelse'))).toBe(false);
    const priv = findingsOf(OCR_SOURCE).find((x) => x.quote.includes('stærk evidens'))!;
    expect(quoteStandsIn(OCR_SOURCE, priv.quote)).toBe(true);
    expect(quoteStandsIn(OCR_SOURCE, priv.quote.replace('privat løntilskud øger', 'offentligt løntilskud øger'))).toBe(false);
    expect(quoteStandsIn(OCR_SOURCE, priv.quote.replace('stærk evidens', 'svag evidens'))).toBe(false);
    // A sentence of 004 that the OCR garbled, in correct Danish, matches; a fabricated one does not.
    expect(quoteStandsIn(OCR_SOURCE, 'Ad 5. Få sager per sagsbehandler giver bedre indsats')).toBe(true);
    expect(quoteStandsIn(OCR_SOURCE, 'Jobpræmie kan virke for langtidsledige')).toBe(false);
    // A quote from another document does not stand in 004.
    const other = findingsOf('star-laengere-fra')[0]!;
    expect(quoteStandsIn(OCR_SOURCE, other.quote)).toBe(false);
  });

  it('the exact match does not tolerate OCR noise (004-style garbling fails in 000)', () => {
    expect(quoteStandsIn('star-taet-paa', 'Der er betydelig evidens for, at lentilskud i den private sektor')).toBe(false);
    expect(quoteStandsIn('star-taet-paa', 'Der er betydelig evidens for, at løntilskud i den private sektor')).toBe(true);
  });

  it('every STAR finding headline of 000, 001 and 002 stands verbatim in its source', () => {
    for (const f of set.findings.filter((x) => ['star-taet-paa', 'star-laengere-fra', 'star-viden-om-samtaler'].includes(x.source))) {
      expect({ id: f.id, found: seedText(f.source).includes(f.headline) }).toEqual({ id: f.id, found: true });
    }
    for (const f of findingsOf(OCR_SOURCE)) {
      expect({ id: f.id, found: ocrPattern(f.headline).test(seedText(OCR_SOURCE)) }).toEqual({ id: f.id, found: true });
    }
  });
});

// ---------------------------------------------------------------------------
// 3. Quotes from the OCR copy are correct Danish
// ---------------------------------------------------------------------------

describe('evidence set: 004 quotes are repaired to correct Danish', () => {
  const GARBAGE: RegExp[] = [
    /l[eag]ntilskud/i, /l[eaog]ntimer/i, /besk(?:e|ee|a|ae|eae)ftigelse/i, /forseg|fors[ga]get/i, /\bsterre\b/i, /\bstorst\b/i,
    /\bpa\b/, /\bfa\b/, /\bvaere\b|\bveere\b|\bvare\b/i, /@/, /\{/, /\[/, /¢/, /\bi1\b/, /\b1 20/, /\bp4\b/i, /é/,
    /\bbade\b|\bbdde\b/i, /\bn[aié]r\b/i, /\bogs[aé]d?\b/i, /\bm[aé]lgrupp/i, /\bst[eg]tte\b/i, /\b[eo]ger\b/, /\bgger\b/,
    /\bserligt\b|\bseerligt\b/i, /\bhgj|\bhej|\bhegj/i, /kontanthjelp/i, /\bRambell\b/, /\bVaksthus/i, /OQ|Økonomiske Rad\b/,
    /\bRad\b/, /\bar\b/, /\bforste\b/i, /\bgere\b|\bggre\b/i, /\bfgre\b|\bfore\b/i, /ee/, /ae/,
  ];
  it('no 004 quote or headline contains typical OCR garbage', () => {
    const hits: string[] = [];
    for (const f of findingsOf(OCR_SOURCE)) {
      for (const text of [f.quote, f.headline]) {
        // '&' is legitimate only between author names ("Jensen & Andersen").
        if (/\S&|&\S/.test(text)) hits.push(`${f.id}: stray "&"`);
        for (const re of GARBAGE) if (re.test(text)) hits.push(`${f.id}: ${re} in "${text}"`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('the garbage check would catch an unrepaired quote', () => {
    const raw = 'Privat lentilskud ser ud til at have de mest markante effekter pa beskeftigelsen';
    expect(GARBAGE.some((re) => re.test(raw))).toBe(true);
  });

  it('no quote anywhere keeps a line-break hyphen', () => {
    for (const f of set.findings) {
      expect({ id: f.id, bad: /\p{Ll}- (?!og\b|eller\b)\p{Ll}/u.test(f.quote) }).toEqual({ id: f.id, bad: false });
    }
  });
});

// ---------------------------------------------------------------------------
// 4. Coverage
// ---------------------------------------------------------------------------

const HEADLINES: Record<string, string[]> = {
  'star-taet-paa': [
    'Jobrettede samtaler virker',
    'Konkrete jobforslag hjælper den ledige',
    'Effektiv jobsøgning styrker jobchancerne',
    'Privat løntilskud er effektivt til at få ledige i job',
    'Uddannelsesaktivering kan have positive beskæftigelseseffekter',
    'Færre sager per sagsbehandler får ledige hurtigere i job',
    'Ledige tæt på arbejdsmarkedet reagerer på økonomiske incitamenter',
    'Jobpræmie kan virke for langtidsledige',
  ],
  'star-laengere-fra': [
    'Virksomhedsrettede indsatser virker…',
    '… også for borgere med psykiske lidelser når det kombineres med behandling og støtte',
    'Løntimer kan være en trædesten til arbejdsmarkedet – og kan føre til varig beskæftigelse',
    'Sagsbehandleres tro på borgerens muligheder kan gøre en forskel',
    'Færre sager per sagsbehandler giver bedre indsats',
  ],
  'star-viden-om-samtaler': [
    'Samtaler er et effektivt redskab til at få jobparate ledige i job',
    'Samtaler med fokus på job har størst effekt',
    'Samtaler tidligt i ledighedsperioden øger sandsynligheden for job',
    'Effekten af samtaler ses både før og efter selve samtalen',
    'Effekten af samtaler varierer på tværs af målgrupper',
  ],
  'star-litteraturgennemgang': [
    'Virksomhedsrettede indsatser virker...',
    '...også for borgere med psykiske lidelser når det kombineres med behandling og støtte',
    'Løntimer kan være en trædesten til arbejdsmarkedet - og kan føre til varig beskæftigelse',
    'Sagsbehandleres tro på borgerens muligheder kan gøre en forskel',
    'Få sager per sagsbehandler giver bedre indsats',
  ],
};

/** Sub-points that must each be a finding of their own. */
interface Need {
  what: string;
  source: string;
  instrument: InstrumentId;
  group?: TargetGroupId;
  direction?: Finding['direction'];
  strength?: Finding['strength'];
  quote?: RegExp;
}
const SUB_POINTS: Need[] = [
  { what: 'jobrettede samtaler for dagpengemodtagere', source: 'star-taet-paa', instrument: 'samtale', group: 'dagpenge', direction: 'positive' },
  { what: 'konkrete jobforslag', source: 'star-taet-paa', instrument: 'jobforslag', direction: 'positive' },
  { what: 'RCT 2019-2021 om information om ledige job', source: 'star-taet-paa', instrument: 'jobsoegning', quote: /2019-2021/ },
  { what: 'privat løntilskud (betydelig evidens)', source: 'star-taet-paa', instrument: 'privat-loentilskud', strength: 'strong' },
  { what: 'offentligt løntilskud blandet', source: 'star-taet-paa', instrument: 'offentligt-loentilskud', direction: 'mixed' },
  { what: 'uddannelsesaktivering, nyere studier', source: 'star-taet-paa', instrument: 'uddannelse', quote: /nyere studier/ },
  { what: 'opkvalificering for ufaglærte', source: 'star-taet-paa', instrument: 'uddannelse', group: 'ufaglaert' },
  { what: 'korte erhvervsrettede kurser', source: 'star-taet-paa', instrument: 'uddannelse', quote: /korte erhvervsrettede/ },
  { what: 'global konkurrence', source: 'star-taet-paa', instrument: 'uddannelse', quote: /global konkurrence/ },
  { what: 'færre sager (000)', source: 'star-taet-paa', instrument: 'fast-kontaktperson' },
  { what: 'ydelse og ydelsesperiode', source: 'star-taet-paa', instrument: 'sanktion', quote: /ydelsesperioden/ },
  { what: 'sanktioner', source: 'star-taet-paa', instrument: 'sanktion', quote: /sanktioner/ },
  { what: 'jobpræmie for langtidsledige dagpengemodtagere', source: 'star-taet-paa', instrument: 'jobpraemie', group: 'dagpenge', direction: 'positive' },
  { what: 'jobpræmie for langtidsledige kontanthjælpsmodtagere', source: 'star-taet-paa', instrument: 'jobpraemie', group: 'kontanthjaelp', direction: 'none' },
  { what: 'virksomhedsrettede indsatser for udsatte', source: 'star-laengere-fra', instrument: 'virksomhedsrettet', group: 'aktivitetsparat' },
  { what: 'privat løntilskud og virksomhedspraktik (001)', source: 'star-laengere-fra', instrument: 'virksomhedspraktik' },
  { what: 'JobFirst', source: 'star-laengere-fra', instrument: 'virksomhedsrettet', quote: /JobFirst-projektet/ },
  { what: 'IPS solid dokumentation', source: 'star-laengere-fra', instrument: 'ips', strength: 'strong' },
  { what: 'IPS 72.000 kr.', source: 'star-laengere-fra', instrument: 'ips', quote: /72\.000 kr\./ },
  { what: 'løntimer', source: 'star-laengere-fra', instrument: 'loentimer' },
  { what: 'brancher med mangel / små private virksomheder', source: 'star-laengere-fra', instrument: 'virksomhedsrettet', quote: /små private virksomheder/ },
  { what: 'samarbejde jobcenter–virksomhed', source: 'star-laengere-fra', instrument: 'virksomhedsrettet', quote: /tæt samarbejde/ },
  { what: 'sagsbehandleres tro', source: 'star-laengere-fra', instrument: 'fast-kontaktperson', quote: /tiltro/ },
  { what: 'gennemgående kontaktperson', source: 'star-laengere-fra', instrument: 'fast-kontaktperson', quote: /gennemgående/ },
  { what: 'samtaler for jobparate', source: 'star-viden-om-samtaler', instrument: 'samtale', group: 'jobparat', direction: 'positive' },
  { what: 'jobrettede vs rådighedsafprøvende', source: 'star-viden-om-samtaler', instrument: 'raadighedssamtale' },
  { what: 'virksomhedsnetværk', source: 'star-viden-om-samtaler', instrument: 'samtale', quote: /virksomhedsnetværk/ },
  { what: 'digitale samtaler, begrænset viden', source: 'star-viden-om-samtaler', instrument: 'digital-samtale', strength: 'limited' },
  { what: 'Cheung: ingen signifikant forskel', source: 'star-viden-om-samtaler', instrument: 'digital-samtale', quote: /ikke signifikante forskelle/ },
  { what: 'tidlige samtaler', source: 'star-viden-om-samtaler', instrument: 'samtale', quote: /tidligt i ledighedsforløbet/ },
  { what: 'hyppige samtaler', source: 'star-viden-om-samtaler', instrument: 'samtale', quote: /samtalefrekvens/ },
  { what: 'motivations- og programeffekt', source: 'star-viden-om-samtaler', instrument: 'samtale', quote: /direkte effekt/ },
  { what: 'motivationseffekt for nyledige', source: 'star-viden-om-samtaler', instrument: 'samtale', group: 'nyledig' },
  { what: 'sorteringseffekt', source: 'star-viden-om-samtaler', instrument: 'samtale', quote: /sorteringseffekten/ },
  { what: 'sygemeldte, negative', source: 'star-viden-om-samtaler', instrument: 'samtale', group: 'sygemeldt', direction: 'negative' },
  { what: 'borgere længere fra', source: 'star-viden-om-samtaler', instrument: 'samtale', group: 'aktivitetsparat', direction: 'mixed' },
  { what: 'lang ledighedshistorik', source: 'star-viden-om-samtaler', instrument: 'samtale', group: 'langtidsledig' },
  { what: 'unge, blandet', source: 'star-viden-om-samtaler', instrument: 'samtale', group: 'ung', direction: 'mixed' },
  { what: '40 studier', source: 'star-viden-om-samtaler', instrument: 'samtale', quote: /40 danske og nordeuropæiske studier/ },
  { what: 'privat løntilskud, stærk evidens (Graversen)', source: 'star-litteraturgennemgang', instrument: 'privat-loentilskud', strength: 'strong' },
  { what: 'offentligt løntilskud mindre entydigt', source: 'star-litteraturgennemgang', instrument: 'offentligt-loentilskud', quote: /mindre entydige/ },
  { what: 'unge ca. et halvt år', source: 'star-litteraturgennemgang', instrument: 'loentilskud', group: 'ung' },
  { what: 'virksomhedspraktik', source: 'star-litteraturgennemgang', instrument: 'virksomhedspraktik', quote: /sammensat/ },
  { what: 'Skipper 2010 ingen effekt', source: 'star-litteraturgennemgang', instrument: 'virksomhedspraktik', direction: 'none' },
  { what: 'Virksomhedscenter Generation 2', source: 'star-litteraturgennemgang', instrument: 'virksomhedsrettet', quote: /Generation 2/ },
  { what: 'mentorstøtte i IPS', source: 'star-litteraturgennemgang', instrument: 'mentor' },
  { what: 'løntimer, JobFirst 14 %', source: 'star-litteraturgennemgang', instrument: 'loentimer', quote: /14 %/ },
  { what: 'fagpersoners forventninger', source: 'star-litteraturgennemgang', instrument: 'fast-kontaktperson', quote: /forventninger/ },
  { what: 'caseload (Amilon & Lindegaard)', source: 'star-litteraturgennemgang', instrument: 'fast-kontaktperson', quote: /sagsstamme/ },
  { what: 'gennemgående kontaktperson (JobFirst)', source: 'star-litteraturgennemgang', instrument: 'fast-kontaktperson', quote: /gennemgående/ },
  { what: 'DA: ressourceforløb fører sjældent til job', source: ADVOCACY_SOURCE, instrument: 'ressourceforloeb', quote: /4 pct\./ },
  { what: 'DA: minifleksjob', source: ADVOCACY_SOURCE, instrument: 'fleksjob', quote: /27 pct\./ },
  { what: 'DA: øvrig vejledning', source: ADVOCACY_SOURCE, instrument: 'oevrig-vejledning', direction: 'negative' },
  { what: 'DA: virksomhedsrettet mest effektiv', source: ADVOCACY_SOURCE, instrument: 'virksomhedsrettet', quote: /mest effektive form/ },
  { what: 'DA: private virksomheder', source: ADVOCACY_SOURCE, instrument: 'virksomhedsrettet', quote: /private virksomheder/ },
  { what: 'DA: nyttejob', source: ADVOCACY_SOURCE, instrument: 'nyttejob', direction: 'positive' },
  { what: 'DA: seniorjob', source: ADVOCACY_SOURCE, instrument: 'offentligt-loentilskud', quote: /Seniorjobordningen/ },
  { what: 'DA: sanktioner ikke systematisk', source: ADVOCACY_SOURCE, instrument: 'sanktion', quote: /systematisk/ },
];

describe('evidence set: coverage of the documents', () => {
  for (const [source, headlines] of Object.entries(HEADLINES)) {
    for (const h of headlines) {
      it(`${source}: "${h}" is covered by a finding`, () => {
        const fold = (s: string) => s.replace(/\.\.\.|…/g, '…').replace(/\s*[–-]\s*/g, ' – ').trim();
        expect(findingsOf(source).some((f) => fold(f.headline) === fold(h))).toBe(true);
      });
    }
  }

  for (const n of SUB_POINTS) {
    it(`sub-point: ${n.what}`, () => {
      const ok = findingsOf(n.source).some(
        (f) =>
          f.instruments.includes(n.instrument) &&
          (n.group === undefined || populationOf(f).groups.includes(n.group)) &&
          (n.direction === undefined || f.direction === n.direction) &&
          (n.strength === undefined || f.strength === n.strength) &&
          (n.quote === undefined || n.quote.test(f.quote)),
      );
      expect(ok).toBe(true);
    });
  }

  it('004 figures: IPS 59,5 % vs 46,5 %, 26 uger, 78 uger', () => {
    const figs = findingsOf(OCR_SOURCE).flatMap((f) => f.figures.map((x) => `${x.label}: ${x.value}`));
    const all = figs.join('\n');
    expect(all).toMatch(/59,5 %/);
    expect(all).toMatch(/46,5 %/);
    expect(all).toMatch(/26 uger/);
    expect(all).toMatch(/78 uger/);
    expect(all).toMatch(/13 procentpoint/);
    expect(all).toMatch(/14 %/);
  });

  it('002 figures: 40 studies, 72 results', () => {
    const all = findingsOf('star-viden-om-samtaler').flatMap((f) => f.figures.map((x) => `${x.label}: ${x.value}`)).join('\n');
    expect(all).toMatch(/: 40$/m);
    expect(all).toMatch(/: 72/m);
  });

  it('every figure value stands in its quote, or at least in its source (numbers)', () => {
    for (const f of set.findings) {
      for (const fig of f.figures) {
        const nums = fig.value.match(/\d+(?:[.,]\d+)*/g) ?? [];
        for (const n of nums) {
          const ok = f.quote.includes(n) || new RegExp(`(?<![\\d.,])${n.replace(/[.,]/g, '\\$&')}(?![\\d]|[.,]\\d)`).test(seedText(f.source));
          expect({ id: f.id, n, ok }).toEqual({ id: f.id, n, ok: true });
        }
      }
    }
    const withOwnNumbers = set.findings.filter((f) => f.figures.some((x) => /\d/.test(x.value)));
    const fromQuote = withOwnNumbers.filter((f) => f.figures.every((x) => (x.value.match(/\d+(?:[.,]\d+)*/g) ?? []).every((n) => f.quote.includes(n))));
    // Only the method figures of 002 ("Sådan har vi indsamlet viden") come from outside the quote.
    expect(withOwnNumbers.filter((f) => !fromQuote.includes(f)).map((f) => f.id)).toEqual(['star-002-40-studier']);
  });

  it('003 (DA) findings are all claims and name DA in both registers', () => {
    const da = findingsOf(ADVOCACY_SOURCE);
    expect(da.length).toBeGreaterThanOrEqual(8);
    for (const f of da) {
      expect({ id: f.id, strength: f.strength }).toEqual({ id: f.id, strength: 'claim' });
      expect({ id: f.id, ok: /^Ifølge DA\b/.test(f.suggestion) }).toEqual({ id: f.id, ok: true });
      expect({ id: f.id, ok: /Dansk Arbejdsgiverforening/.test(f.citizen) }).toEqual({ id: f.id, ok: true });
      expect({ id: f.id, ok: f.caveats.some((c) => /interesseorganisation/i.test(c)) }).toEqual({ id: f.id, ok: true });
    }
  });

  it('only the interest organisation has claims', () => {
    for (const f of set.findings.filter((x) => x.source !== ADVOCACY_SOURCE)) expect({ id: f.id, s: f.strength }).not.toEqual({ id: f.id, s: 'claim' });
  });

  it('every study named in 002 and 004 is a reference cited in that source', () => {
    const named: [string, RegExp, number][] = [
      ['star-viden-om-samtaler', /Cheung/, 2019],
      ['star-viden-om-samtaler', /Ekspertgruppen/, 2014],
      ['star-viden-om-samtaler', /Ekspertgruppen/, 2024],
      ['star-viden-om-samtaler', /Jobeffekter\.dk/, 2026],
      ['star-viden-om-samtaler', /Kraka/, 2013],
      ['star-viden-om-samtaler', /Maibom/, 2017],
      ['star-viden-om-samtaler', /Svarer.*Rosholm|Rosholm.*Svarer/, 2010],
      ['star-litteraturgennemgang', /Ekspertgruppen/, 2015],
      ['star-litteraturgennemgang', /Arendt/, 2017],
      ['star-litteraturgennemgang', /Graversen/, 2012],
      ['star-litteraturgennemgang', /Jensen & Andersen/, 2012],
      ['star-litteraturgennemgang', /De Økonomiske Råd/, 2012],
      ['star-litteraturgennemgang', /Rosholm & Svarer/, 2020],
      ['star-litteraturgennemgang', /Rambøll og Metrica/, 2018],
      ['star-litteraturgennemgang', /Epinion/, 2017],
      ['star-litteraturgennemgang', /Skipper/, 2010],
      ['star-litteraturgennemgang', /Christensen og Nordentoft/, 2011],
      ['star-litteraturgennemgang', /Christensen og Eplov/, 2018],
      ['star-litteraturgennemgang', /^Rosholm$/, 2024],
      ['star-litteraturgennemgang', /Væksthuset Forskningscenter & Aarhus Universitet/, 2017],
      ['star-litteraturgennemgang', /Amilon & Lindegaard/, 2019],
      ['da-bedre-billigere', /Mploy og Kantar Gallup/, 2018],
      ['da-bedre-billigere', /^VIVE$/, 2022],
      ['da-bedre-billigere', /Væksthusets Forskningscenter/, 2018],
      ['da-bedre-billigere', /Ankestyrelsen/, 2022],
    ];
    for (const [src, re, year] of named) {
      // 002 writes "(2024)" once in its introduction; its reference list and every other citation say 2014.
      if (src === 'star-viden-om-samtaler' && String(re) === '/Ekspertgruppen/' && year === 2024) {
        const r = set.references.find((x) => x.id === 'ekspertgruppen-2014');
        expect(r?.note).toMatch(/2024/);
        expect(set.references.some((x) => /Ekspertgruppen/.test(x.authors) && x.year === 2024)).toBe(false);
        continue;
      }
      const hit = set.references.some((r) => re.test(r.authors) && r.year === year && r.citedIn.includes(src));
      expect({ src, re: String(re), year, hit }).toEqual({ src, re: String(re), year, hit: true });
    }
    const star2023 = set.references.filter((r) => r.authors === 'Styrelsen for Arbejdsmarked og Rekruttering' && r.year === 2023);
    expect(star2023.map((r) => r.id).sort()).toEqual(['star-2023a', 'star-2023b', 'star-2023c', 'star-2023d', 'star-2023e']);
    // Svarer & Rosholm (2010) and Rosholm og Svarer (2010) are one work: one reference.
    expect(set.references.filter((r) => /Svarer/.test(r.authors) && /Rosholm/.test(r.authors) && r.year === 2010)).toHaveLength(1);
    expect(set.references.some((r) => /Rambell/.test(r.authors))).toBe(false);
  });

  it("a finding's references are cited in the finding's own source", () => {
    for (const f of set.findings) {
      for (const rid of f.references) {
        const r = set.references.find((x) => x.id === rid)!;
        expect({ f: f.id, r: rid, ok: r.citedIn.includes(f.source) }).toEqual({ f: f.id, r: rid, ok: true });
      }
    }
  });
});

// ---------------------------------------------------------------------------
// 5. Registers
// ---------------------------------------------------------------------------

/** Words a citizen should not meet in Min Plan (jargon, system terms, abbreviations). */
const CITIZEN_JARGON: RegExp[] = [
  /\b[A-ZÆØÅ]{2,}\b/, // any abbreviation: STAR, DA, IPS, RCT, VIVE …
  /jobparat/i, /aktivitetsparat/i, /evidens/i, /rådighed/i, /caseload/i, /sagsstamme/i, /incitament/i,
  /randomiser/i, /signifikan/i, /procentpoint/i, /målgruppe/i, /effektstudie/i, /beskæftigelseseffekt/i,
  /ydelsesmodtager/i, /virksomhedsrettet/i, /opkvalificering/i, /\bfx\b/i, /\bf\.eks\./i, /\bbl\.a\./i, /\bpct\./i,
  /\bjf\./i, /\bmv\./i, /\bift\./i, /\bca\./i,
];
const LEVELS = ['claim', 'limited', 'indicative', 'evidence', 'strong'] as const;

/** Sentences without a hedge of their own strength, or with words of a stronger one. */
export function hedgeProblems(s: EvidenceSet, register: 'fagperson' | 'borger'): string[] {
  const out: string[] = [];
  const table = s.hedges[register];
  for (const f of s.findings) {
    const text = (register === 'borger' ? f.citizen : f.suggestion).toLowerCase();
    const own = (table[f.strength] ?? []).map((x) => x.toLowerCase());
    if (!own.some((h) => text.includes(h))) out.push(`${f.id}: no ${f.strength} hedge in "${text}"`);
    // Overstatement matters for positive claims; a sentence may say that studies "viser negative effekter".
    if (f.direction !== 'positive' || f.strength === 'claim') continue;
    for (const level of LEVELS.slice(LEVELS.indexOf(f.strength) + 1)) {
      for (const h of (table[level] ?? []).map((x) => x.toLowerCase())) {
        if (text.includes(h) && !own.some((o) => o.includes(h) || (text.includes(o) && o.includes(h)))) out.push(`${f.id}: words of a stronger level (${level}: "${h}")`);
      }
    }
  }
  return out;
}

describe('evidence set: both registers', () => {
  it('every finding has a caseworker sentence and a citizen sentence', () => {
    for (const f of set.findings) {
      expect(f.suggestion.trim().length).toBeGreaterThan(10);
      expect(f.citizen.trim().length).toBeGreaterThan(10);
      expect(f.suggestion).not.toEqual(f.citizen);
    }
  });

  it('citizen sentences use no jargon or abbreviations', () => {
    const hits: string[] = [];
    for (const f of set.findings) for (const re of CITIZEN_JARGON) if (re.test(f.citizen)) hits.push(`${f.id}: ${re}`);
    expect(hits).toEqual([]);
  });

  it('the jargon check catches an abbreviation', () => {
    expect(CITIZEN_JARGON.some((re) => re.test('IPS hjælper dig'))).toBe(true);
    expect(CITIZEN_JARGON.some((re) => re.test('Du er jobparat'))).toBe(true);
  });

  // Issue 8: a sentence inserted without its badge must still say how strong the evidence is,
  // and never in words of a stronger level than its own.
  for (const register of ['fagperson', 'borger'] as const) {
    it(`every ${register} sentence states its strength in words, and no stronger`, () => {
      expect(hedgeProblems(set, register)).toEqual([]);
    });
  }

  it('the hedge check catches a dropped hedge and an overstatement', () => {
    const bad = clone(set);
    const f = bad.findings.find((x) => x.id === 'star-000-konkrete-jobforslag')!;
    f.suggestion = 'Konkrete jobforslag fra sagsbehandleren driver den positive effekt af samtaler';
    expect(hedgeProblems(bad, 'fagperson').join('\n')).toMatch(/star-000-konkrete-jobforslag: no indicative hedge/);
    f.suggestion = 'Der er viden om, og forskning viser, at konkrete jobforslag virker';
    expect(hedgeProblems(bad, 'fagperson').join('\n')).toMatch(/star-000-konkrete-jobforslag: .*stronger.*viser/);
  });

  it('every caveat that changes a finding\'s meaning stays in both of its sentences', () => {
    const missing: string[] = [];
    for (const f of set.findings.filter((x) => x.keep)) {
      if (!f.suggestion.toLowerCase().includes(f.keep!.fagperson.toLowerCase())) missing.push(`${f.id} (fagperson)`);
      if (!f.citizen.toLowerCase().includes(f.keep!.borger.toLowerCase())) missing.push(`${f.id} (borger)`);
    }
    expect(missing).toEqual([]);
    // the three the review names: løntimer, offentligt løntilskud, sygemeldte
    for (const id of ['star-004-loentimer-samlet', 'star-004-rosholm-svarer-2020', 'star-002-sygemeldte', 'star-002-laengere-fra-og-sygemeldte'])
      expect({ id, keeps: !!finding(id).keep }).toEqual({ id, keeps: true });
  });

  it('every finding has at least one caveat', () => {
    for (const f of set.findings) expect({ id: f.id, n: f.caveats.length > 0 }).toEqual({ id: f.id, n: true });
  });
});

// ---------------------------------------------------------------------------
// 6. Rules consistent with their findings
// ---------------------------------------------------------------------------

const related = (a: InstrumentId, b: InstrumentId) => inFamily(a, b) || inFamily(b, a);
const ruleGroups = (r: Rule): TargetGroupId[] => [...(r.when.anyGroup ?? []), ...(r.when.allGroups ?? [])];

/** Every problem with a rule, as text; empty when consistent. */
export function ruleProblems(s: EvidenceSet, r: Rule): string[] {
  const out: string[] = [];
  const fs_ = r.findings.map((id) => s.findings.find((f) => f.id === id)).filter((f): f is Finding => !!f);
  if (fs_.length !== r.findings.length) return [`${r.id}: unknown finding`];
  const first = fs_[0]!;
  const instruments = [r.instrument, ...(r.when.anyInstrument ?? []), ...(r.when.allInstruments ?? [])];
  if (!first.instruments.some((i) => related(i, r.instrument)) && !r.when.anySignal)
    out.push(`${r.id}: first finding ${first.id} is not about ${r.instrument}`);
  for (const f of fs_)
    if (!r.when.anySignal && !f.instruments.some((i) => instruments.some((j) => related(i, j)))) out.push(`${r.id}: ${f.id} is about none of the rule's instruments`);
  if (r.kind !== 'consider' && !r.when.anySignal && !instruments.slice(1).some((i) => related(i, r.instrument)))
    out.push(`${r.id}: the trigger instruments do not include ${r.instrument}`);
  if (r.kind === 'consider' && !(r.when.noInstrument ?? []).some((i) => related(i, r.instrument)))
    out.push(`${r.id}: a consider rule must fire only when ${r.instrument} is missing`);
  const pops = fs_.map((f) => s.populations.find((p) => p.id === f.population)!);
  // A rule that names groups must name groups some of its findings were found in (or that imply one).
  const popGroups = new Set(pops.flatMap((p) => p.groups));
  const open = pops.some((p) => p.groups.length === 0);
  for (const g of ruleGroups(r))
    if (!open && !popGroups.has(g) && !(g === 'alvorlig-psykisk-lidelse' && popGroups.has('psykisk-lidelse')) && !(g === 'dagpenge' && popGroups.has('jobparat')))
      out.push(`${r.id}: group ${g} is not in the population of any of its findings`);
  if (r.kind === 'support' || r.kind === 'consider') {
    for (const f of fs_)
      if (f.direction !== 'positive' || f.strength === 'claim') out.push(`${r.id}: ${r.kind} rests on ${f.id} (${f.direction}, ${f.strength})`);
  }
  if (r.kind === 'caution') {
    const reason = fs_.some((f) => f.direction !== 'positive' || f.strength === 'limited' || f.strength === 'indicative');
    if (!reason) out.push(`${r.id}: a caution rests only on solid positive findings`);
  }
  const advocacy = (f: Finding) => s.sources.find((x) => x.id === f.source)?.advocacy;
  if (fs_.every(advocacy) && r.kind !== 'viewpoint') out.push(`${r.id}: advocacy-only rules must be viewpoints`);
  if (r.kind === 'viewpoint' && !fs_.every(advocacy)) out.push(`${r.id}: a viewpoint rests only on advocacy`);
  for (const f of fs_) if (f.unusedReason) out.push(`${r.id}: ${f.id} is marked unused`);
  return out;
}

describe('evidence set: rules', () => {
  it('every rule is consistent with its findings', () => {
    expect(set.rules.flatMap((r) => ruleProblems(set, r))).toEqual([]);
  });

  it('the consistency check fails a support rule for a group none of its findings studied', () => {
    const bad = clone(set);
    const r = bad.rules.find((x) => x.id === 'support-privat-loentilskud-ledige')!;
    r.when.anyGroup = ['sygemeldt'];
    expect(ruleProblems(bad, r).join('\n')).toMatch(/group sygemeldt is not in the population/);
  });

  it('the consistency check fails a rule whose finding is about another instrument', () => {
    const bad = clone(set);
    const r = bad.rules.find((x) => x.id === 'support-ips')!;
    r.findings = ['star-000-jobpraemie-dagpenge'];
    expect(ruleProblems(bad, r).join('\n')).toMatch(/not about ips/);
  });

  it('the consistency check fails a caution resting only on advocacy', () => {
    const bad = clone(set);
    const r = bad.rules.find((x) => x.id === 'viewpoint-nyttejob')!;
    r.kind = 'caution';
    expect(ruleProblems(bad, r).join('\n')).toMatch(/must be viewpoints/);
  });

  it('the schema rejects a caution resting only on advocacy and a viewpoint resting on STAR', () => {
    const bad = clone(rawJson()) as EvidenceSet;
    bad.rules.find((x) => x.id === 'viewpoint-nyttejob')!.kind = 'caution';
    bad.rules.find((x) => x.id === 'support-sanktion')!.kind = 'viewpoint';
    const msg = (() => {
      try {
        parseEvidenceSet(bad);
        return '';
      } catch (e) {
        return String(e);
      }
    })();
    expect(msg).toMatch(/viewpoint-nyttejob: a rule resting only on advocacy must be a viewpoint/);
    expect(msg).toMatch(/support-sanktion: a viewpoint rests only on an interest organisation/);
  });

  it('every finding is offered by some rule, or says why not', () => {
    const used = new Set(set.rules.flatMap((r) => r.findings));
    const silent = set.findings.filter((f) => !used.has(f.id) && !f.unusedReason).map((f) => f.id);
    expect(silent).toEqual([]);
  });

  it('rules resting on DA name DA in the sentence they give and are viewpoints', () => {
    for (const r of set.rules) {
      const f = finding(r.findings[0]!);
      if (f.source === ADVOCACY_SOURCE) {
        expect({ r: r.id, ok: /Ifølge DA/.test(f.suggestion), kind: r.kind }).toEqual({ r: r.id, ok: true, kind: 'viewpoint' });
      }
    }
  });

  it('every rule id is unique', () => {
    expect(new Set(set.rules.map((r) => r.id)).size).toBe(set.rules.length);
  });
});
