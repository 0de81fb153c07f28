import * as fs from 'fs';
import * as path from 'path';
import type { Analysis, Suggestion } from '../../src/core';
import { parseArgs, UsageError } from '../../src/cli/args';
import { formatText, colours, useColour } from '../../src/cli/format-text';
import { formatMarkdown, formatEvidenceMarkdown } from '../../src/cli/format-markdown';
import { readInputFile, readStdin, decodeText } from '../../src/cli/readers';
import { htmlToPlainText } from '../../src/cli/html-to-text';
import { lineLocator } from '../../src/cli/report';
import { FIXTURE_EVIDENCE } from './fixture-evidence';
import {
  ensureBuilt,
  eml,
  expectSpansMatch,
  makeDocx,
  para,
  parseJsonOutput,
  runBin,
  runMain,
  table,
  tempDir,
} from './helpers';
import { Readable } from 'stream';

/*
 * Tests marked ENGINE-DEPENDENT assert what the real engine (src/core/engine.ts)
 * must find; they fail against the stub and pass once the engine lands.
 * Tests marked EVIDENCE-DEPENDENT use the bundled evidence.json (they need a
 * valid, non-empty set). Everything else uses test/cli/fixture-evidence.ts.
 */

const PLAN =
  'Jobplan for Jens\r\n' +
  'Jens er aktivitetsparat og har været ledig i 14 måneder.\r\n' +
  'Vi aftaler privat løntilskud hos en lokal virksomhed.\r\n' +
  'Jens ønsker ikke offentligt løntilskud.\r\n';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  fs.writeFileSync(path.join(dir, 'plan.txt'), PLAN);
  fs.writeFileSync(path.join(dir, 'plan.md'), `# Jobplan\n\n${PLAN}`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
describe('arguments', () => {
  test('defaults', () => {
    expect(parseArgs(['analyze', 'x.txt'])).toEqual({
      kind: 'analyze',
      file: 'x.txt',
      format: 'text',
      register: 'fagperson',
      style: 'short',
      groups: { add: [], remove: [] },
    });
    expect(parseArgs(['evidence'])).toEqual({ kind: 'evidence', format: 'json' });
  });
  test('all options, both spellings, repeatable --group', () => {
    const c = parseArgs(['analyze', '--format=json', '--register', 'borger', '--style', 'full', '--group', '+aktivitetsparat,-jobparat', '--group=ung', '-']);
    expect(c).toEqual({
      kind: 'analyze',
      file: '-',
      format: 'json',
      register: 'borger',
      style: 'full',
      groups: { add: ['aktivitetsparat', 'ung'], remove: ['jobparat'] },
    });
  });
  test('a later --group wins over an earlier one', () => {
    const c = parseArgs(['analyze', 'x.txt', '--group', '+jobparat', '--group', '-jobparat']);
    expect(c).toMatchObject({ groups: { add: [], remove: ['jobparat'] } });
  });
  test('-- ends options', () => {
    expect(parseArgs(['analyze', '--', '--weird.txt'])).toMatchObject({ file: '--weird.txt' });
  });
  test('help and version', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseArgs(['analyze', '-h'])).toEqual({ kind: 'help', topic: 'analyze' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });
  test.each([
    [[], /missing command/],
    [['frob'], /unknown command 'frob'/],
    [['analyze'], /needs a FILE/],
    [['analyze', 'a.txt', 'b.txt'], /one FILE/],
    [['analyze', 'a.txt', '--frob'], /unknown option '--frob'/],
    [['analyze', 'a.txt', '-x'], /unknown option '-x'/],
    [['analyze', 'a.txt', '--format'], /needs a value/],
    [['analyze', 'a.txt', '--format', 'xml'], /invalid value 'xml' for --format/],
    [['analyze', 'a.txt', '--register', 'chef'], /--register/],
    [['analyze', 'a.txt', '--group', '+chef'], /unknown target group 'chef'/],
    [['evidence', '--format', 'text'], /invalid value 'text'/],
    [['evidence', '--group', 'ung'], /unknown option '--group' for evidence/],
    [['evidence', 'extra'], /takes no arguments/],
  ])('usage error %j', (argv, re) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(re);
  });
});

// ---------------------------------------------------------------------------
describe('help, version, evidence', () => {
  test('--help', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
    expect(r.stdout).toMatch(/analyze FILE\|-/);
    expect(r.stdout).toMatch(/--group/);
    expect(r.stderr).toBe('');
  });
  test('--version', async () => {
    const r = await runMain(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`jobplan-evidens ${require('../../package.json').version} (evidence 9.8.7)\n`);
  });
  test('evidence --format json: the whole set, top-level version/sources/references/findings/rules', async () => {
    const r = await runMain(['evidence', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['exclusions', 'findings', 'hedges', 'populations', 'references', 'rules', 'sources', 'version']);
    expect(j).toEqual(FIXTURE_EVIDENCE);
    for (const f of j.findings) {
      expect(typeof f.id).toBe('string');
      expect(typeof f.quote).toBe('string');
    }
  });
  test('evidence --format markdown', async () => {
    const r = await runMain(['evidence', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Evidenssæt 9\.8\.7$/m);
    expect(r.stdout).toMatch(/^## Kilder$/m);
    expect(r.stdout).toMatch(/^## Fund$/m);
    expect(r.stdout).toMatch(/^## Regler$/m);
    expect(r.stdout).toMatch(/^### Privat løntilskud har positive effekter$/m);
    expect(r.stdout).toContain('> Der er betydelig evidens for, at privat løntilskud har positive beskæftigelseseffekter.');
    expect(r.stdout).toContain('`support-privat-loentilskud`');
    expect(r.stdout).toMatch(/^## Undersøgelser$/m);
    expect(r.stdout).toContain('Hansen, A. (2020). Løntilskud virker. Testtidsskrift.');
  });
  test('formatEvidenceMarkdown is pure and stable', () => {
    expect(formatEvidenceMarkdown(FIXTURE_EVIDENCE)).toBe(formatEvidenceMarkdown(FIXTURE_EVIDENCE));
  });
});

// ---------------------------------------------------------------------------
describe('analyze (in-process, fixture evidence)', () => {
  test('json: exactly { evidenceVersion, ...analysis }, spans refer to the text as read', async () => {
    const r = await runMain(['analyze', 'plan.txt', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = parseJsonOutput(r.stdout);
    expect(j.evidenceVersion).toBe('9.8.7');
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expectSpansMatch(PLAN, j);
  });
  test('text: Danish report without colours when not a TTY', async () => {
    const r = await runMain(['analyze', 'plan.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Jobplan Evidens: analyse af plan.txt');
    expect(r.stdout).toContain('Evidenssæt 9.8.7 · Til fagpersoner');
    expect(r.stdout).toMatch(/^Målgrupper$/m);
    expect(r.stdout).toMatch(/^Indsatser i planen$/m);
    expect(r.stdout).toMatch(/Effekterne er gennemsnitseffekter/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
  test('text: colours on a TTY, none with NO_COLOR', async () => {
    const tty = await runMain(['analyze', 'plan.txt'], { cwd: dir, isTTY: true });
    expect(tty.stdout).toMatch(/\x1b\[/);
    const noColor = await runMain(['analyze', 'plan.txt'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\x1b\[/);
    expect(useColour(true, { NO_COLOR: '' })).toBe(true);
    expect(useColour(false, {})).toBe(false);
  });
  test('--register borger is shown', async () => {
    const r = await runMain(['analyze', 'plan.txt', '--register', 'borger'], { cwd: dir });
    expect(r.stdout).toContain('Til borgeren');
  });
  test('markdown report', async () => {
    const r = await runMain(['analyze', 'plan.md', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Jobplan Evidens: analyse$/m);
    expect(r.stdout).toMatch(/^## Målgrupper$/m);
    expect(r.stdout).toMatch(/^## Indsatser i planen$/m);
    expect(r.stdout).toMatch(/^> \*\*Bemærk:\*\* Effekterne er gennemsnitseffekter/m);
  });
  test('analyze - reads stdin', async () => {
    const r = await runMain(['analyze', '-', '--format', 'json'], { stdin: PLAN });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectSpansMatch(PLAN, parseJsonOutput(r.stdout));
  });
  test('analyze - with a .docx on stdin (zip is sniffed)', async () => {
    const docx = await makeDocx(para('Vi aftaler privat løntilskud.'));
    const res = await readStdin(Readable.from([docx]));
    expect(res.kind).toBe('docx');
    expect(res.text).toBe('Vi aftaler privat løntilskud.\n\n');
  });
  test('--group overrides reach the engine (ENGINE-DEPENDENT: a group rule fires or not)', async () => {
    // Fixture rule consider-privat-loentilskud: no løntilskud in the plan and the citizen is aktivitetsparat.
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'Jens er ledig og søger arbejde som tømrer.\n');
    const rules = async (argv: string[], file: string) =>
      parseJsonOutput((await runMain(['analyze', file, '--format', 'json', ...argv], { cwd: dir })).stdout).suggestions.map((s) => s.rule);
    expect(await rules([], 'plain.txt')).not.toContain('consider-privat-loentilskud');
    expect(await rules(['--group', '+aktivitetsparat'], 'plain.txt')).toContain('consider-privat-loentilskud');
    fs.writeFileSync(path.join(dir, 'aktiv.txt'), 'Jens er aktivitetsparat og søger arbejde som tømrer.\n');
    expect(await rules([], 'aktiv.txt')).toContain('consider-privat-loentilskud');
    expect(await rules(['--group', '-aktivitetsparat'], 'aktiv.txt')).not.toContain('consider-privat-loentilskud');
  });
  test('--group overrides are shown in the reports', async () => {
    const r = await runMain(['analyze', 'plan.txt', '--group', '+ung,-aktivitetsparat'], { cwd: dir });
    expect(r.stdout).toContain('  • Ung (tilføjet manuelt)');
    const md = await runMain(['analyze', 'plan.txt', '--format', 'markdown', '--group', '+ung'], { cwd: dir });
    expect(md.stdout).toContain('- Ung (tilføjet manuelt)');
  });
  test('a thrown error in output becomes one "internal error" line and exit 1; JPE_DEBUG adds the stack', async () => {
    const { main } = await import('../../src/cli/main');
    let err = '';
    const io = {
      stdout: {
        write: () => {
          throw new Error('disk\nfull');
        },
      },
      stderr: { write: (s: string) => ((err += s), true) },
      evidence: FIXTURE_EVIDENCE,
    };
    expect(await main(['--help'], io)).toBe(1);
    expect(err).toBe('jobplan-evidens: internal error: disk full\n');
    err = '';
    expect(await main(['--help'], { ...io, env: { JPE_DEBUG: '1' } })).toBe(1);
    expect(err.split('\n')[0]).toBe('jobplan-evidens: internal error: disk full');
    expect(err).toMatch(/\n\s+at /);
  });
});

// ---------------------------------------------------------------------------
describe('ENGINE-DEPENDENT: what the real engine must find', () => {
  test('privat løntilskud → instrument privat-loentilskud; negated offentligt løntilskud; aktivitetsparat', async () => {
    const r = await runMain(['analyze', 'plan.txt', '--format', 'json'], { cwd: dir });
    const j = parseJsonOutput(r.stdout);
    const ids = j.instruments.map((i) => i.id);
    expect(ids).toContain('privat-loentilskud');
    expect(ids.filter((id) => id === 'privat-loentilskud')).toHaveLength(1);
    expect(j.instruments.find((i) => i.id === 'offentligt-loentilskud')?.negated).toBe(true);
    expect(j.targetGroups.map((g) => g.id)).toContain('aktivitetsparat');
    expect(j.suggestions.map((s) => s.rule)).toContain('support-privat-loentilskud');
    expectSpansMatch(PLAN, j);
  });
  test('text report groups suggestions and quotes the finding', async () => {
    const r = await runMain(['analyze', 'plan.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/^Understøttet af evidens$/m);
    expect(r.stdout).toContain('Privat løntilskud: 1 forekomst');
    expect(r.stdout).toContain('(STAR, 2026)');
    expect(r.stdout).toContain('“Der er betydelig evidens for, at privat løntilskud har positive beskæftigelseseffekter.”');
  });
  test('markdown report ends with the reference list', async () => {
    const r = await runMain(['analyze', 'plan.txt', '--format', 'markdown'], { cwd: dir });
    expect(r.stdout).toMatch(/^## Kildeliste$/m);
    // the Kildeliste lists exactly the works the report's sentences cite: the source, not the studies behind it
    expect(r.stdout).toContain('- Styrelsen for Arbejdsmarked og Rekruttering \\[STAR\\] (juni 2026). Hvad virker i test?');
    expect(r.stdout).not.toContain('Hansen, A. (2020)');
  });
});

// ---------------------------------------------------------------------------
describe('formatters (hand-made analysis, engine-independent)', () => {
  const text = 'Linje et\r\nprivat løntilskud\rIkke offentligt løntilskud\vaktivitetsparat\x07slut';
  const at = (s: string) => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, text: s };
  };
  const sugg = (over: Partial<Suggestion> & Pick<Suggestion, 'rule' | 'kind' | 'instrument'>): Suggestion => {
    const f = FIXTURE_EVIDENCE.findings.find((x) => x.id === FIXTURE_EVIDENCE.rules.find((r) => r.id === over.rule)!.findings[0])!;
    const src = FIXTURE_EVIDENCE.sources.find((s) => s.id === f.source)!;
    return {
      id: over.rule,
      targetGroups: [],
      text: f.suggestion,
      findings: [f.id],
      citations: [{ finding: f.id, findingVersion: f.version, source: f.source, references: f.references, label: `${src.publisherShort}: ${src.title}`, quote: f.quote }],
      direction: f.direction,
      strength: f.strength,
      advocacy: src.advocacy,
      insertable: true,
      ...over,
    };
  };
  const analysis: Analysis = {
    instruments: [
      { id: 'privat-loentilskud', negated: false, mentions: [{ ...at('privat løntilskud'), negated: false }] },
      { id: 'offentligt-loentilskud', negated: true, mentions: [{ ...at('offentligt løntilskud'), negated: true }] },
      { id: 'mentor', negated: false, mentions: [] },
    ],
    targetGroups: [{ id: 'aktivitetsparat', mentions: [{ ...at('aktivitetsparat'), negated: false }] }],
    signals: [],
    suggestions: [
      sugg({ rule: 'consider-privat-loentilskud', kind: 'consider', instrument: 'privat-loentilskud', targetGroups: ['aktivitetsparat'] }),
      sugg({ rule: 'caution-offentligt-loentilskud', kind: 'caution', instrument: 'offentligt-loentilskud', mention: at('offentligt løntilskud') }),
      sugg({ rule: 'support-privat-loentilskud', kind: 'support', instrument: 'privat-loentilskud', mention: at('privat løntilskud') }),
      sugg({ rule: 'caution-mentor', kind: 'caution', instrument: 'mentor' }),
    ],
  };
  const ctx = {
    text,
    source: 'plan.docx',
    evidenceVersion: '9.8.7',
    register: 'fagperson' as const,
    style: 'short' as const,
    groups: { add: [], remove: [] },
  };

  test('line numbers count \\r\\n, \\r and \\v as line ends', () => {
    const lineOf = lineLocator(text);
    expect(lineOf(0)).toBe(1);
    expect(lineOf(text.indexOf('privat'))).toBe(2);
    expect(lineOf(text.indexOf('Ikke'))).toBe(3);
    expect(lineOf(text.indexOf('aktivitetsparat'))).toBe(4);
    expect(lineOf(text.indexOf('slut'))).toBe(4);
  });

  test('text report', () => {
    const out = formatText(analysis, FIXTURE_EVIDENCE, ctx);
    expect(out).not.toMatch(/\x1b\[/);
    expect(out).toContain('  • Aktivitetsparat (linje 4)');
    expect(formatText(analysis, FIXTURE_EVIDENCE, { ...ctx, groups: { add: ['ung'], remove: ['aktivitetsparat'] } })).toContain(
      '  • Aktivitetsparat (linje 4, fjernet manuelt)\n  • Ung (tilføjet manuelt)',
    );
    expect(out).toContain('  • Privat løntilskud: 1 forekomst (linje 2)');
    expect(out).toContain('  • Offentligt løntilskud: 1 forekomst, fravalgt i planen (kun nævnt negeret) (linje 3)');
    // Groups in order: support, caution, consider.
    const iS = out.indexOf('\nUnderstøttet af evidens\n');
    const iC = out.indexOf('\nVær opmærksom\n');
    const iO = out.indexOf('\nOvervej\n');
    expect(iS).toBeGreaterThan(0);
    expect(iC).toBeGreaterThan(iS);
    expect(iO).toBeGreaterThan(iC);
    expect(out).toContain('  1. Privat løntilskud øger beskæftigelsen markant (STAR, 2026).');
    expect(out).toContain('     Kilde: STAR: Hvad virker i test?');
    expect(out).toContain('       “Der er betydelig evidens for, at privat løntilskud har positive beskæftigelseseffekter.”');
    expect(out).toContain('  2. Ifølge DA kan en mentor hjælpe aktivitetsparate (DA, u.å.).');
    expect(out).toContain('Bemærk: Bygger kun på en interesseorganisations påstand');
    expect(out.trimEnd().split('\n').pop()).toMatch(/^Effekterne er gennemsnitseffekter/);
    expect(formatText(analysis, FIXTURE_EVIDENCE, ctx, colours(true))).toMatch(/\x1b\[1;32mUnderstøttet af evidens\x1b\[0m/);
  });

  test('text report, full citation style', () => {
    const out = formatText(analysis, FIXTURE_EVIDENCE, { ...ctx, style: 'full' });
    expect(out).toContain('Privat løntilskud øger beskæftigelsen markant (STAR: Hvad virker i test?).');
  });

  test('markdown report: headings, bullets, blockquotes, reference list', () => {
    const out = formatMarkdown(analysis, FIXTURE_EVIDENCE, ctx);
    expect(out).toMatch(/^# Jobplan Evidens: analyse$/m);
    expect(out).toContain('*Fil: plan.docx · Evidenssæt 9.8.7 · Til fagpersoner*');
    expect(out).toContain('- **Offentligt løntilskud**: 1 forekomst, fravalgt i planen (kun nævnt negeret)');
    expect(out).toMatch(/^## Understøttet af evidens$/m);
    expect(out).toMatch(/^## Vær opmærksom$/m);
    expect(out).toMatch(/^## Overvej$/m);
    expect(out).toContain('- Privat løntilskud øger beskæftigelsen markant (STAR, 2026).');
    expect(out).toContain('  > Der er betydelig evidens for, at privat løntilskud har positive beskæftigelseseffekter.');
    expect(out).toContain('  > — STAR: Hvad virker i test?');
    const refs = out.slice(out.indexOf('## Kildeliste'));
    expect(refs).toContain('- Dansk Arbejdsgiverforening \\[DA\\] (u.å.). Forslag fra en organisation. Interesseorganisations forslag');
    expect(refs).toContain('- Styrelsen for Arbejdsmarked og Rekruttering \\[STAR\\] (juni 2026). Hvad virker i test?');
    // studies behind a source are not cited in the text, so they are not in the Kildeliste
    expect(refs).not.toContain('Hansen, A. (2020)');
    expect(out.indexOf('## Kildeliste')).toBeGreaterThan(out.indexOf('## Overvej'));
  });

  test('empty analysis', () => {
    const empty: Analysis = { instruments: [], targetGroups: [], signals: [], suggestions: [] };
    const out = formatText(empty, FIXTURE_EVIDENCE, { ...ctx, groups: { add: [], remove: [] } });
    expect(out).toContain('Ingen indsatser fundet i teksten.');
    expect(out).toContain('Ingen forslag');
    const md = formatMarkdown(empty, FIXTURE_EVIDENCE, ctx);
    expect(md).not.toContain('## Kildeliste');
  });
});

// ---------------------------------------------------------------------------
describe('readers', () => {
  test('.docx: paragraphs become \\n\\n and table cell text is kept', async () => {
    const file = path.join(dir, 'plan.docx');
    fs.writeFileSync(file, await makeDocx(para('Jens er aktivitetsparat.') + table([['Indsats', 'Status'], ['Privat løntilskud', 'Aftalt']]) + para('Slut.')));
    const r = await readInputFile(file);
    expect(r.kind).toBe('docx');
    expect(r.text).toBe('Jens er aktivitetsparat.\n\nIndsats\n\nStatus\n\nPrivat løntilskud\n\nAftalt\n\nSlut.\n\n');
  });
  test('.eml: the text part', async () => {
    const file = path.join(dir, 'plan.eml');
    fs.writeFileSync(file, eml('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit', 'Vi aftaler privat løntilskud.\r\n'));
    const r = await readInputFile(file);
    expect(r.kind).toBe('eml');
    expect(r.text).toContain('Vi aftaler privat løntilskud.');
  });
  test('.eml: HTML only → text, table cells kept apart, entities decoded', async () => {
    const file = path.join(dir, 'html.eml');
    const html = '<html><head><style>p{}</style></head><body><p>Jens er aktivitetsparat.</p><table><tr><td>Mentor</td><td>Ja</td></tr><tr><td>Privat l&oslash;ntilskud</td><td>Aftalt</td></tr></table></body></html>';
    fs.writeFileSync(file, eml('Content-Type: text/html; charset=utf-8', html));
    const r = await readInputFile(file);
    expect(r.text).toBe('Jens er aktivitetsparat.\n\nMentor\tJa\nPrivat løntilskud\tAftalt');
  });
  test('htmlToPlainText', () => {
    expect(htmlToPlainText('a<br>b<p>c</p><ul><li>d</li><li>e</li></ul>&#230;&#xF8;&aring; &unknown;')).toBe('a\nb\n\nc\n\n- d\n- e\n\næøå &unknown;');
  });
  test('UTF-8 BOM is dropped; UTF-16 with BOM is decoded', () => {
    expect(decodeText(Buffer.from('\ufeffhej', 'utf8'), 'x').replace(/^\ufeff/, '')).toBe('hej');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('løntilskud', 'utf16le')]), 'x')).toBe('løntilskud');
  });
  test('CRLF, \\r, \\v and \\x07 pass through unchanged', async () => {
    const s = 'a\r\nb\rc\vd\x07e\u2028f\n';
    const file = path.join(dir, 'seps.txt');
    fs.writeFileSync(file, s);
    expect((await readInputFile(file)).text).toBe(s);
  });
});

// ---------------------------------------------------------------------------
describe('end-to-end (spawned bin/jobplan-evidens.js)', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  test('--help', () => {
    const r = runBin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
    expect(r.stderr).toBe('');
  });
  test('unknown command → exit 2, one line', () => {
    const r = runBin(['frob']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("jobplan-evidens: unknown command 'frob' (expected analyze, annotate or evidence) (see jobplan-evidens --help)\n");
    expect(r.stdout).toBe('');
  });

  describe('EVIDENCE-DEPENDENT (bundled evidence.json must be valid)', () => {
    test('evidence --format json has top-level version/sources/references/findings/rules', () => {
      const r = runBin(['evidence', '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(Object.keys(j).sort()).toEqual(['exclusions', 'findings', 'hedges', 'populations', 'references', 'rules', 'sources', 'version']);
      expect(j.findings.length).toBeGreaterThan(0);
      for (const f of j.findings) {
        expect(f.id).toMatch(/^[a-z0-9-]+$/);
        expect(f.quote.length).toBeGreaterThan(0);
      }
    });
    test('evidence --format markdown', () => {
      const r = runBin(['evidence', '--format', 'markdown']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^# Evidenssæt \d+\.\d+\.\d+$/m);
      expect(r.stdout).toMatch(/^> /m);
    });
    test('analyze - from stdin (json); ENGINE-DEPENDENT: privat-loentilskud found', () => {
      const r = runBin(['analyze', '-', '--format', 'json'], { stdin: PLAN });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = parseJsonOutput(r.stdout);
      expectSpansMatch(PLAN, j);
      expect(j.instruments.map((i) => i.id)).toContain('privat-loentilskud');
    });
    test('analyze text, piped: no colours', () => {
      const r = runBin(['analyze', path.join(dir, 'plan.txt')]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/\x1b\[/);
      expect(r.stdout).toContain('Effekterne er gennemsnitseffekter');
    });
    test('| head: EPIPE is quiet (ENGINE-DEPENDENT for a large output)', () => {
      const big = path.join(dir, 'many.txt');
      fs.writeFileSync(big, 'Vi aftaler privat løntilskud og mentor.\n'.repeat(20_000));
      const { spawnSync } = require('child_process') as typeof import('child_process');
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${path.join(__dirname, '..', '..', 'bin', 'jobplan-evidens.js')}" analyze "${big}" --format json | head -c 100 >/dev/null`], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).toBe('');
    });
  });
});

describe('CPR guard in the reports', () => {
  test('text and markdown warn with the masked number only; JSON is the engine output unchanged', async () => {
    const stdin = 'Borger: Jens (CPR 010190-1234) er jobparat.\nSamtaler hver måned.\n';
    for (const format of ['text', 'markdown']) {
      const r = await runMain(['analyze', '-', '--format', format], { stdin });
      expect(r.code).toBe(0);
      // markdown escapes the asterisks (they render as ****)
      expect(r.stdout).toContain(format === 'text' ? '010190-****' : '010190-\\*\\*\\*\\*');
      expect(r.stdout).not.toContain('1234');
    }
    const j = await runMain(['analyze', '-', '--format', 'json'], { stdin });
    expect(Object.keys(JSON.parse(j.stdout)).sort()).toEqual(['evidenceVersion', 'instruments', 'signals', 'suggestions', 'targetGroups']);
  });
});
