/**
 * The command line: cold start of a one-page plan, and folder throughput on 1 worker vs all
 * cores. Each figure beside a baseline from the same run (`node -e ""`, and 1 worker).
 *
 *   npx tsx bench/cli.ts            # this section alone (builds lib/ when it is missing)
 *   npm run bench                   # with the rest (bench/run.ts calls cliSections)
 *
 * Environment: BENCH_CLI_SPAWNS (default 15), BENCH_CLI_FILES (default 200).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import type { Row } from './sections';

const root = path.resolve(__dirname, '..');
const BIN = path.join(root, 'bin', 'jobplan-evidens.js');
const ONE_PAGE = path.join(root, 'examples', 'jobparat-mangelfuld.txt');
const DOCX = path.join(root, 'examples', 'minplan-aktivitetsparat.docx');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Wall time of one child process, in ms; throws when it fails. */
function wall(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return ms;
}

function ensureBuilt(): void {
  if (fs.existsSync(path.join(root, 'lib', 'cli', 'main.js'))) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root });
}

export async function cliSections(results: Record<string, unknown>): Promise<Row[]> {
  ensureBuilt();
  const rows: Row[] = [];
  const spawns = Number(process.env.BENCH_CLI_SPAWNS ?? 15);

  // Cold start: interleaved, so load on the machine hits both alike.
  const cli: number[] = [];
  const base: number[] = [];
  wall([BIN, 'analyze', ONE_PAGE]); // the OS file cache, not ours
  for (let i = 0; i < spawns; i++) {
    base.push(wall(['-e', '']));
    cli.push(wall([BIN, 'analyze', ONE_PAGE]));
  }
  const cliMs = median(cli);
  const baseMs = median(base);
  results.cli_cold_start = { spawns, cliMs: cli, baselineMs: base, medianCliMs: cliMs, medianBaselineMs: baseMs };
  rows.push({
    what: `CLI cold start, one-page .txt, wall (median of ${spawns} spawns)`,
    value: `${cliMs.toFixed(0)} ms`,
    baseline: `node -e "": ${baseMs.toFixed(0)} ms (ours: +${(cliMs - baseMs).toFixed(0)} ms)`,
    ratio: `${(cliMs / baseMs).toFixed(1)}×`,
    target: '≤ 150 ms',
    ok: cliMs <= 150,
  });

  // Folder throughput: N copies of a real .docx, 1 worker vs all cores.
  const n = Number(process.env.BENCH_CLI_FILES ?? 200);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpe-bench-cli-'));
  try {
    const buf = fs.readFileSync(DOCX);
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `plan-${String(i).padStart(4, '0')}.docx`), buf);
    const out = path.join(dir, 'summary.json');
    const batch = (cmd: 'analyze' | 'annotate', jobs: number) => {
      const args = cmd === 'analyze' ? [BIN, 'analyze', dir, '--format', 'json', '-o', out, '--jobs', String(jobs)] : [BIN, 'annotate', dir, '--force', '--jobs', String(jobs)];
      return n / (wall(args) / 1000);
    };
    for (const cmd of ['analyze', 'annotate'] as const) {
      const one = batch(cmd, 1);
      const all = batch(cmd, cores);
      results[`cli_${cmd}_folder`] = { files: n, cores, oneWorkerFilesPerS: one, allCoresFilesPerS: all };
      rows.push({
        what: `CLI ${cmd} FOLDER, ${n} .docx: files/s on ${cores} workers (wall)`,
        value: `${all.toFixed(1)} files/s`,
        baseline: `1 worker: ${one.toFixed(1)} files/s`,
        ratio: `${(all / one).toFixed(2)}×`,
        target: '',
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (require.main === module) {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, loadavg: os.loadavg() };
  cliSections(results).then(
    (rows) => {
      for (const r of rows) console.log(`${r.what.padEnd(66)} ${r.value.padEnd(14)} ${r.baseline.padEnd(42)} ${r.ratio.padEnd(7)} ${r.target}${r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗ missed'}`);
      console.log(JSON.stringify(results));
    },
    (e) => {
      console.error(`bench/cli: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
