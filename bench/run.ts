/**
 * `npm run bench`: speed, memory, Office round trips and bundle size, each beside a
 * baseline measured in the same run (these machines are noisy, so ratios matter).
 * Writes bench/results.json (git-ignored). Not part of `npm test`.
 * `npm run bench -- --engine`: only the engine's rows (profile, throughput, latency, incremental).
 */
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { analyze } from '../src/core/engine';
import { bundledLexicon } from '../src/core/lexicon';
import { expandForm } from '../src/core/matcher';
import { realisticText } from './corpus-text';
import { extraSections, type Row } from './sections';
import { PRE_OPTIMISATION_REF, phaseProfile, preOptimisationAnalyze } from './profile';
import { incrementalLatency } from './incremental';

const MB = 1024 * 1024;
const root = path.resolve(__dirname, '..');
const engineOnly = process.argv.includes('--engine');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}
function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The first thing a developer would write: one case-insensitive RegExp per surface form, run over the text. */
function baseline(text: string, regexes: RegExp[]): number {
  let n = 0;
  for (const re of regexes) {
    re.lastIndex = 0;
    while (re.exec(text)) n++;
  }
  return n;
}

const rows: Row[] = [];
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const lex = bundledLexicon();
// The lexicon's surface forms: every literal spelling its patterns stand for ("løntilskud", "løntilskuddet" …).
// (A digit class in a form, e.g. the age in "[0-9][0-9]-årig", stays a class: \uE000 marks it.)
const forms = [...new Set([...lex.stopForms, ...lex.terms.flatMap((t) => t.forms)].flatMap((f) => expandForm(f, 5000, '\uE000')))];
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/\uE000/g, '[0-9]');
const baseRegexes = forms.map((f) => new RegExp(esc(f), 'gi'));
analyze('warm-up: jobsamtale og løntilskud hos Netto');
// the engine before the speed work of issue 12, run in the same process for a same-run comparison
const before = preOptimisationAnalyze(root);
before?.('warm-up: jobsamtale og løntilskud hos Netto');
const beforeName = `engine at ${PRE_OPTIMISATION_REF} (before issue 12)`;

{
  // where the time goes: each phase of analyze() on its own, 1 MB
  const text = realisticText(MB);
  const phases = phaseProfile(text, 5);
  const total = phases.reduce((n, p) => n + p.ms, 0);
  results.profile_1mb = { bytes: Buffer.byteLength(text), phases, totalMs: total };
  for (const p of phases)
    rows.push({
      what: `Profile, 1 MB: ${p.phase}`,
      value: `${p.ms.toFixed(1)} ms`,
      baseline: '',
      ratio: `${((100 * p.ms) / total).toFixed(0)} %`,
      target: '',
    });
}

// The per-form baseline (~17 000 RegExps) runs at a fraction of a MB/s and in time linear in the text:
// it is timed on the 1 MB text (3 runs) and its MB/s stands beside both sizes, so a bench takes minutes, not a quarter-hour.
let baselineMBs = NaN;
for (const size of [1, 10]) {
  const text = realisticText(size * MB);
  const bytes = Buffer.byteLength(text);
  const runs = 5;
  const eng: number[] = [];
  const base: number[] = [];
  const old: number[] = [];
  for (let i = 0; i < runs; i++) {
    // the engine and its earlier version side by side, in alternating order; the per-form baseline apart
    if (before && i % 2) old.push(time(() => before(text)));
    eng.push(time(() => analyze(text)));
    if (before && !(i % 2)) old.push(time(() => before(text)));
  }
  if (size === 1) for (let i = 0; i < 3; i++) base.push(time(() => baseline(text, baseRegexes)));
  const engMBs = bytes / MB / (median(eng) / 1000);
  if (size === 1) baselineMBs = bytes / MB / (median(base) / 1000);
  const baseMBs = baselineMBs;
  const oldMBs = old.length ? bytes / MB / (median(old) / 1000) : NaN;
  results[`throughput_${size}mb`] = { bytes, engineMs: eng, baselineMs: base, beforeMs: old, engineMBs: engMBs, baselineMBs: baseMBs, beforeMBs: oldMBs, forms: forms.length };
  rows.push({
    what: `Engine throughput, ${size} MB (median of ${runs})`,
    value: `${engMBs.toFixed(1)} MB/s`,
    baseline: `${baseMBs.toFixed(2)} MB/s (${forms.length} RegExps, one per surface form${size === 1 ? '' : '; timed on 1 MB'})`,
    ratio: `${(engMBs / baseMBs).toFixed(1)}×`,
    target: size === 10 ? '≥ 40 MB/s and ≥ 10× baseline' : '',
    ok: size === 10 ? engMBs >= 40 && engMBs / baseMBs >= 10 : undefined,
  });
  if (old.length)
    rows.push({
      what: `  … the same text, ${beforeName}`,
      value: `${oldMBs.toFixed(1)} MB/s`,
      baseline: 'same run, same output',
      ratio: `now ${(engMBs / oldMBs).toFixed(2)}×`,
      target: '',
    });
}

{
  const text = realisticText(300 * 1024);
  const lat: number[] = [];
  const old: number[] = [];
  for (let i = 0; i < 40; i++) {
    if (before && i % 2) old.push(time(() => before(text)));
    lat.push(time(() => analyze(text)));
    if (before && !(i % 2)) old.push(time(() => before(text)));
  }
  const base: number[] = [];
  for (let i = 0; i < 3; i++) base.push(time(() => baseline(text, baseRegexes)));
  const p50 = percentile(lat, 50);
  const p95 = percentile(lat, 95);
  results.latency_100_pages = {
    bytes: Buffer.byteLength(text),
    runs: lat.length,
    p50,
    p95,
    baselineP50: percentile(base, 50),
    ...(old.length ? { beforeP50: percentile(old, 50), beforeP95: percentile(old, 95) } : {}),
  };
  rows.push({
    what: '100-page plan (~300 KB): analyse latency p50 / p95 (40 runs)',
    value: `${p50.toFixed(2)} / ${p95.toFixed(2)} ms`,
    baseline: `${percentile(base, 50).toFixed(1)} ms p50`,
    ratio: `${(percentile(base, 50) / p50).toFixed(1)}×`,
    target: 'p95 ≤ 15 ms',
    ok: p95 <= 15,
  });
  if (old.length)
    rows.push({
      what: `  … ${beforeName}`,
      value: `${percentile(old, 50).toFixed(2)} / ${percentile(old, 95).toFixed(2)} ms`,
      baseline: 'same run, same output',
      ratio: `now ${(percentile(old, 50) / p50).toFixed(2)}×`,
      target: '',
    });
}

for (const r of incrementalLatency(results)) rows.push(r);

if (!engineOnly) {
  const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'memory-child.ts'), '10'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const m = JSON.parse(out) as { inputBytes: number; peakGrowthBytes: number };
  const ratio = m.peakGrowthBytes / m.inputBytes;
  results.memory_10mb = m;
  rows.push({
    what: 'Peak memory growth while analysing 10 MB (max RSS)',
    value: `${(m.peakGrowthBytes / MB).toFixed(1)} MB`,
    baseline: `input ${(m.inputBytes / MB).toFixed(1)} MB`,
    ratio: `${ratio.toFixed(1)}× input`,
    target: '≤ 20× input',
    ok: ratio <= 20,
  });
}

async function main() {
  if (!engineOnly) {
    for (const r of await extraSections(results)) rows.push(r);
    for (const r of await (await import('./cli')).cliSections(results)) rows.push(r);
  }
  const w = [62, 22, 44, 12];
  const line = (c: string[]) => c.map((x, i) => x.padEnd(w[i] ?? 10)).join(' ');
  console.log(line(['Measure', 'Value', 'Baseline (same run)', 'Ratio']) + ' Target');
  console.log('-'.repeat(160));
  for (const r of rows)
    console.log(line([r.what, r.value, r.baseline, r.ratio]) + ` ${r.target}${r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗ missed'}`);
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify({ ...results, rows }, null, 2));
  console.log(`\nwrote ${path.relative(root, path.join(__dirname, 'results.json'))}`);
}
main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
