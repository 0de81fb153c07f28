import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import JSZip from 'jszip';
import { BIN, ROOT, ensureBuilt, runBin, runMain, tempDir } from './helpers';
import { csvField, formatCsv } from '../../src/cli/summary';
import { Progress, progressLine, progressWanted } from '../../src/cli/progress';
import { parseArgs } from '../../src/cli/args';
import { defaultJobs } from '../../src/cli/pool';
import { parseEvidenceSet } from '../../src/core';
import rawEvidence from '../../src/core/evidence/evidence.json';
import rawLexicon from '../../src/core/lexicon/lexicon.json';
import rawSignals from '../../src/core/signals/signals.json';
import { LexiconSchema } from '../../src/core/lexicon/schema';
import { SignalSetSchema } from '../../src/core/signals';

/**
 * Folder runs (analyze FOLDER, annotate FOLDER): the built CLI as a child process, so the worker
 * threads, the progress line and Ctrl-C are the real ones.
 */

const DOCX = path.join(ROOT, 'examples', 'minplan-aktivitetsparat.docx');
const CORRUPT = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);

beforeAll(() => ensureBuilt());

function copies(dir: string, n: number, src = DOCX): string[] {
  const buf = fs.readFileSync(src);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `plan-${String(i).padStart(4, '0')}.docx`;
    fs.writeFileSync(path.join(dir, name), buf);
    names.push(name);
  }
  return names;
}

interface JsonSummary {
  evidenceVersion: string;
  files: number;
  failed: number;
  plans: Array<{ file: string; ok: boolean; error?: string; instruments?: string[]; targetGroups?: string[]; cards?: Record<string, string[]> }>;
}

describe('analyze FOLDER', () => {
  test('1 000 copies of a .docx: every plan in input order, each the same as the single-file analysis', () => {
    const dir = tempDir();
    const names = copies(dir, 1000);
    const single = JSON.parse(runBin(['analyze', DOCX, '--format', 'json']).stdout) as {
      instruments: Array<{ id: string; negated: boolean }>;
      targetGroups: Array<{ id: string }>;
      suggestions: Array<{ kind: string; rule: string }>;
    };
    const res = runBin(['analyze', dir, '--format', 'json', '--jobs', '2']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const sum = JSON.parse(res.stdout) as JsonSummary;
    expect(sum.files).toBe(1000);
    expect(sum.failed).toBe(0);
    expect(sum.plans.map((p) => p.file)).toEqual(names);
    const expected = {
      ok: true,
      instruments: single.instruments.filter((i) => !i.negated).map((i) => i.id),
      targetGroups: single.targetGroups.map((g) => g.id),
    };
    expect(expected.instruments.length).toBeGreaterThan(0);
    for (const p of sum.plans) expect(p).toMatchObject(expected);
    expect(sum.plans[999]?.cards?.support).toEqual(single.suggestions.filter((s) => s.kind === 'support').map((s) => s.rule));
  }, 180_000);

  test('a corrupt file is reported (stderr and its row), the rest are analysed, exit 2; CSV with header, BOM, CRLF', () => {
    const dir = tempDir();
    copies(dir, 3);
    fs.writeFileSync(path.join(dir, 'plan-0001.docx'), CORRUPT);
    fs.writeFileSync(path.join(dir, 'note, "quoted".txt'), 'Borgeren er aktivitetsparat og starter i virksomhedspraktik.');
    fs.writeFileSync(path.join(dir, 'ignored.pdf'), 'not a plan');
    const res = runBin(['analyze', dir, '--format', 'csv', '--jobs', '2']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`jobplan-evidens: cannot read '${path.join(dir, 'plan-0001.docx')}': not a valid .docx (corrupt zip)\n`);
    expect(res.stdout.startsWith('\ufeffFil,Status,Indsatser,Målgrupper,')).toBe(true);
    const lines = res.stdout.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['"note', 'plan-0000.docx', 'plan-0001.docx', 'plan-0002.docx']);
    expect(lines[1]).toMatch(/^"note, ""quoted"".txt",ok,.*Virksomhedspraktik/);
    expect(lines[3]).toMatch(/^plan-0001\.docx,fejl,.*not a valid \.docx \(corrupt zip\)$/);
    expect(lines[2]).toMatch(/^plan-0000\.docx,ok,/);
  }, 60_000);

  test('-o FILE writes the summary there and nothing on stdout; a single file keeps its report', () => {
    const dir = tempDir();
    copies(dir, 2);
    const out = path.join(tempDir(), 'kvalitet.csv');
    const res = runBin(['analyze', dir, '--format', 'csv', '-o', out, '--jobs', '1']);
    expect(res).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(out, 'utf8').split('\r\n')).toHaveLength(4);
    // without --format csv|json a folder is still bad input, as before
    expect(runBin(['analyze', dir]).stderr).toMatch(/is a directory, not a file; for a summary of the plans in a folder, add --format csv or json/);
    expect(runBin(['analyze', DOCX, '--format', 'csv'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format csv is for a FOLDER/) });
  }, 60_000);

  test('without --jobs: all cores, but one worker per 32 files at most', () => {
    const cores = os.availableParallelism();
    expect(defaultJobs()).toBe(cores);
    expect(defaultJobs(3)).toBe(1);
    expect(defaultJobs(32)).toBe(1);
    expect(defaultJobs(33)).toBe(Math.min(cores, 2));
    expect(defaultJobs(1000)).toBe(Math.min(cores, 32));
  });

  test('--jobs must be a whole number from 1 to 256', () => {
    expect(parseArgs(['analyze', 'd', '--format', 'csv', '--jobs', '3'])).toMatchObject({ jobs: 3, format: 'csv' });
    for (const bad of ['0', '-1', '2.5', 'x', '300']) expect(() => parseArgs(['annotate', 'd', `--jobs=${bad}`])).toThrow(/--jobs/);
  });
});

describe('annotate FOLDER on workers', () => {
  test('one corrupt file among many: the others are written, one line for it, exit 2', () => {
    const dir = tempDir();
    copies(dir, 6);
    fs.writeFileSync(path.join(dir, 'plan-0003.docx'), CORRUPT);
    const res = runBin(['annotate', dir, '--jobs', '2']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`jobplan-evidens: cannot read '${path.join(dir, 'plan-0003.docx')}': not a valid .docx (corrupt zip)\n`);
    expect(res.stdout).toMatch(/5 filer annoteret, 1 fejlede/);
    const rows = res.stdout.split('\n').filter((l) => /^plan-/.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(rows).toEqual(['plan-0000.docx', 'plan-0001.docx', 'plan-0002.docx', 'plan-0004.docx', 'plan-0005.docx']);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.annoteret.docx'))).toHaveLength(5);
  }, 60_000);
});

describe('Ctrl-C', () => {
  /** Start the CLI, send SIGINT once `ready(stderr)` holds, resolve with its exit. */
  function interrupt(argv: string[], ready: (stderr: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, JPE_PROGRESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      let sent = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no exit; stderr: ${stderr.slice(-500)}`));
      }, 120_000);
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!sent && ready(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stderr, stdout });
      });
    });
  }

  const started = (s: string) => /\r\s*([1-9]\d*)\/\d+ files/.test(s);

  test('annotate FOLDER: stops early, exit 130, no temporary or half-written output; every copy written is whole', async () => {
    const dir = tempDir();
    copies(dir, 300);
    const res = await interrupt(['annotate', dir, '--jobs', '2'], started);
    expect(res.stderr).toMatch(/interrupted: finishing the files in progress/);
    expect(res.stderr).toMatch(/interrupted after \d+ of 300 files/);
    expect(res.code).toBe(130);
    const names = fs.readdirSync(dir);
    expect(names.filter((n) => n.endsWith('.tmp') || n.startsWith('.'))).toEqual([]);
    const outs = names.filter((n) => n.endsWith('.annoteret.docx'));
    expect(outs.length).toBeGreaterThan(0);
    expect(outs.length).toBeLessThan(300);
    for (const n of outs) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, n)));
      expect(zip.file('word/document.xml')).not.toBeNull();
    }
  }, 150_000);

  test('analyze FOLDER -o FILE: no summary file and no temporary file after Ctrl-C', async () => {
    const dir = tempDir();
    copies(dir, 300);
    const outDir = tempDir();
    const res = await interrupt(['analyze', dir, '--format', 'csv', '-o', path.join(outDir, 'sum.csv'), '--jobs', '2'], started);
    expect(res.code).toBe(130);
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(res.stdout).toBe('');
  }, 150_000);
});

describe('progress line', () => {
  test('on stderr with JPE_PROGRESS=1: carriage-return updates with count, files/s; cleared at the end', () => {
    const dir = tempDir();
    copies(dir, 4);
    const res = runBin(['analyze', dir, '--format', 'json', '--jobs', '1'], { env: { JPE_PROGRESS: '1' } });
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/\r4\/4 files {2}\d+\.\d files\/s/);
    expect(res.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(JSON.parse(res.stdout).files).toBe(4);
  }, 60_000);

  test('nothing when stderr is not a terminal', () => {
    const dir = tempDir();
    copies(dir, 2);
    const res = runBin(['analyze', dir, '--format', 'json', '--jobs', '1']);
    expect(res).toMatchObject({ code: 0, stderr: '' });
  }, 60_000);

  const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;
  (hasScript ? test : test.skip)('on a pseudo-terminal (script(1)), without any switch', () => {
    const dir = tempDir();
    copies(dir, 3);
    const log = path.join(tempDir(), 'tty.log');
    // stdout to a file, stderr to the pty: the progress line is on the pty only
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} analyze ${JSON.stringify(dir)} --format json --jobs 1 > ${JSON.stringify(log)}`;
    const env = { ...process.env, JPE_PROGRESS: undefined } as NodeJS.ProcessEnv;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3\/3 files/);
    expect(JSON.parse(fs.readFileSync(log, 'utf8')).files).toBe(3);
  }, 60_000);

  test('the line itself, the switch, and the throttle', () => {
    expect(progressLine(37, 1000, 37 / 3)).toBe('  37/1000 files  12.3 files/s  1m18s left');
    expect(progressLine(1000, 1000, 100)).toBe('1000/1000 files  100.0 files/s');
    expect(progressWanted({ write: () => 0, isTTY: true }, {})).toBe(true);
    expect(progressWanted({ write: () => 0, isTTY: false }, {})).toBe(false);
    expect(progressWanted({ write: () => 0, isTTY: false }, { JPE_PROGRESS: '1' })).toBe(true);
    expect(progressWanted({ write: () => 0, isTTY: true }, { JPE_PROGRESS: '0' })).toBe(false);
    let out = '';
    let t = 0;
    const p = new Progress({ write: (s: string) => (out += s) }, 10, true, () => t);
    t = 1000; // the workers' start-up
    p.update(1); // no rate yet
    t = 1060;
    p.update(2); // within 100 ms: skipped
    t = 1900;
    p.update(10); // the last one always: 9 files in 0.9 s since the first, start-up left out
    p.clear();
    expect(out.split('\r').filter(Boolean)).toEqual([' 1/10 files\x1b[K', `${progressLine(10, 10, 10)}\x1b[K`, '\x1b[K']);
    expect(progressLine(10, 10, 10)).toBe('10/10 files  10.0 files/s');
  });
});

describe('CSV (RFC 4180)', () => {
  test('fields with a comma, a quote or a line break are quoted, quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(3)).toBe('3');
  });
  test('a row per file, a failed one with its message', () => {
    const csv = formatCsv([
      { file: 'a.txt', outcome: { ok: true, value: { file: 'a.txt', instruments: ['mentor'], targetGroups: ['ung'], cards: { support: ['r1', 'r2'], caution: [], consider: [], viewpoint: [] } } } },
      { file: 'b.docx', outcome: { ok: false, error: "cannot read 'b.docx': permission denied" } },
    ]);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]).toBe('a.txt,ok,Mentor,Ung,2,r1; r2,0,,0,,0,,');
    expect(rows[2]).toBe("b.docx,fejl,,,,,,,,,,,cannot read 'b.docx': permission denied");
  });
});

describe('--evidence FILE', () => {
  test('the shipped evidence set, lexicon and signals pass their schemas (the core checks them again at first use)', () => {
    expect(() => parseEvidenceSet(rawEvidence)).not.toThrow();
    expect(LexiconSchema.safeParse(rawLexicon).success).toBe(true);
    expect(SignalSetSchema.safeParse(rawSignals).success).toBe(true);
    // and the check can fail
    expect(() => parseEvidenceSet({ ...rawEvidence, rules: [{ id: 'x' }] })).toThrow(/rules\.0/);
  });

  test('a bad evidence file: one clear line, exit 2, for analyze, annotate and evidence', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...rawEvidence, version: 42 }));
    fs.writeFileSync(path.join(dir, 'notjson.json'), '{ "version": ');
    fs.writeFileSync(path.join(dir, 'plan.txt'), 'Borgeren er aktivitetsparat.');
    for (const argv of [['analyze', 'plan.txt'], ['evidence'], ['annotate', DOCX, '-o', path.join(dir, 'x.docx')]]) {
      const res = await runMain([...argv, '--evidence', 'bad.json'], { cwd: dir, evidence: null });
      expect(res).toMatchObject({ code: 2, stdout: '' });
      expect(res.stderr).toMatch(/^jobplan-evidens: cannot read 'bad\.json': not a valid evidence set: version: .*\n$/);
    }
    const nj = await runMain(['evidence', '--evidence', 'notjson.json'], { cwd: dir });
    expect(nj.stderr).toMatch(/^jobplan-evidens: cannot read 'notjson\.json': not a valid evidence set: not JSON/);
    const missing = await runMain(['evidence', '--evidence', 'nope.json'], { cwd: dir });
    expect(missing).toMatchObject({ code: 2, stderr: "jobplan-evidens: cannot read 'nope.json': no such file\n" });
    // and a good one is used
    fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ ...rawEvidence, version: '9.8.7' }));
    const ok = runBin(['analyze', 'plan.txt', '--format', 'json', '--evidence', 'good.json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).evidenceVersion).toBe('9.8.7');
  }, 60_000);
});
