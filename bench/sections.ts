/** Benchmark sections beyond the engine: Office round trips, bundle size, time to the first card. */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { execFileSync } from 'child_process';
import { analyze } from '../src/core/engine';
import { bundledEvidence } from '../src/core/evidence';
import { referenceListText } from '../src/core/citations';
import { citationInsert } from '../src/core/cited';
import { createWordHost } from '../src/hosts/word';
import { createOutlookHost } from '../src/hosts/outlook';
import { installWordStandin } from '../test/standins/word-standin';
import { installOutlookStandin } from '../test/standins/outlook-standin';
import { firstCardMs } from './first-card';

export interface Row {
  what: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  ok?: boolean;
}

const root = path.resolve(__dirname, '..');
const g = globalThis as unknown as Record<string, unknown>;

const PLAN = [
  'Min plan',
  'Borgeren er jobparat dagpengemodtager og har været ledig i 3 uger.',
  'Vi holder jobsamtaler hver 3. uge.',
  'Borgeren søger job som lagermedarbejder og fører joblog.',
  'Privat løntilskud kan komme på tale hos en tømrer.',
];

async function roundTrips(): Promise<Row[]> {
  const set = bundledEvidence();
  const rows: Row[] = [];
  // Word
  {
    const s = installWordStandin(g, PLAN);
    const host = createWordHost();
    const count = async (fn: () => Promise<unknown>) => {
      const before = s.syncCount;
      await fn();
      return s.syncCount - before;
    };
    let text = '';
    const analyseSyncs = await count(async () => {
      text = await host.readText();
    });
    const analysis = analyze(text);
    const cards = analysis.suggestions;
    // What the pane inserts for a card (core/cited.ts).
    const req = (i: number) => citationInsert(set, cards[i]!, 'short', analysis.instruments);
    const oneSyncs = await count(() => host.insert(req(0)));
    const lines = referenceListText(set, cards.flatMap((c) => c.findings)).split('\n');
    const allSyncs = await count(() => host.insertMany!(cards.slice(1).map((_, i) => req(i + 1)), lines));
    // the naive way: one insert per citation, then the list
    const s2 = installWordStandin(g, PLAN);
    const host2 = createWordHost();
    await host2.readText();
    const naiveBefore = s2.syncCount;
    for (let i = 0; i < cards.length; i++) await host2.insert(req(i));
    await host2.upsertReferenceList(lines);
    const naive = s2.syncCount - naiveBefore;
    delete g.Office;
    delete g.Word;
    rows.push(
      { what: 'Word: context.sync() to analyse', value: String(analyseSyncs), baseline: '', ratio: '', target: '= 1', ok: analyseSyncs === 1 },
      { what: 'Word: context.sync() to insert one citation', value: String(oneSyncs), baseline: '', ratio: '', target: '' },
      {
        what: `Word: context.sync() to insert all (${cards.length - 1}) citations + Kildeliste`,
        value: String(allSyncs),
        baseline: `${naive} one by one`,
        ratio: `${(naive / allSyncs).toFixed(1)}×`,
        target: '≤ 2',
        ok: allSyncs <= 2,
      },
    );
  }
  // Outlook
  {
    const s = installOutlookStandin(g, { body: PLAN.map((p) => `<p>${p}</p>`).join(''), bodyType: 'html' });
    const host = createOutlookHost();
    const before = s.asyncCalls;
    const text = await host.readText();
    const readCalls = s.asyncCalls - before;
    const a = analyze(text);
    const b2 = s.asyncCalls;
    await host.insert(citationInsert(set, a.suggestions[0]!, 'short', a.instruments));
    const insCalls = s.asyncCalls - b2;
    delete g.Office;
    rows.push(
      { what: 'Outlook: async calls to analyse (first read, body type included)', value: String(readCalls), baseline: '', ratio: '', target: '' },
      { what: 'Outlook: async calls to insert one citation', value: String(insCalls), baseline: '', ratio: '', target: '' },
    );
  }
  return rows;
}

function gzipSize(files: string[]): number {
  return files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
}
function assets(dir: string, entry: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => (f.startsWith(entry) || f.startsWith('vendors') || f.startsWith('runtime')) && /\.(js|css)$/.test(f))
    .map((f) => path.join(dir, f));
}

function bundle(results: Record<string, unknown>): Row[] {
  const webpack = path.join(root, 'node_modules/.bin/webpack');
  execFileSync(webpack, ['--mode', 'production'], { cwd: root, stdio: 'ignore' });
  execFileSync(webpack, ['--mode', 'production', '--env', 'hello'], { cwd: root, stdio: 'ignore' });
  const pane = gzipSize(assets(path.join(root, 'dist'), 'taskpane'));
  const hello = gzipSize(assets(path.join(root, 'dist/hello'), 'hello'));
  results.bundle = { taskpaneGzip: pane, helloGzip: hello };
  return [
    {
      what: 'Task-pane bundle, production, JS + CSS gzip',
      value: `${(pane / 1024).toFixed(0)} KB`,
      baseline: `React + Fluent "hello": ${(hello / 1024).toFixed(0)} KB`,
      ratio: `+${((pane - hello) / 1024).toFixed(0)} KB ours`,
      target: '≤ 300 KB',
      ok: pane <= 300 * 1024,
    },
  ];
}

export async function extraSections(results: Record<string, unknown>): Promise<Row[]> {
  const rows: Row[] = [];
  const attempt = async (what: string, fn: () => Promise<Row[]> | Row[]) => {
    try {
      rows.push(...(await fn()));
    } catch (e) {
      rows.push({ what, value: 'failed', baseline: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 60) : String(e), ratio: '', target: '', ok: false });
    }
  };
  await attempt('Office round trips', roundTrips);
  await attempt('Bundle size', () => bundle(results));
  let fc: Awaited<ReturnType<typeof firstCardMs>>;
  try {
    fc = await firstCardMs(root);
  } catch (e) {
    fc = { skipped: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 80) : String(e) };
  }
  results.firstCard = fc;
  if ('skipped' in fc) rows.push({ what: 'Demo: navigation → first card (20 pages)', value: 'skipped', baseline: fc.skipped, ratio: '', target: '≤ 1 s' });
  else
    rows.push({
      what: 'Demo: navigation → first card, 20-page plan (median of 5)',
      value: `${fc.median.toFixed(0)} ms`,
      baseline: `empty pane ready: ${fc.blankMedian.toFixed(0)} ms`,
      ratio: '',
      target: '≤ 1000 ms',
      ok: fc.median <= 1000,
    });
  return rows;
}
