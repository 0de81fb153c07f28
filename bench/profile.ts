/**
 * Where analyze() spends its time: each phase timed on its own over the same text (median of
 * `runs`), and the engine as it was before the speed work (issue 12), extracted from git, for a
 * same-run comparison.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';
import { bundledLexicon } from '../src/core/lexicon';
import { bundledEvidence } from '../src/core/evidence';
import { compileLexicon, findMentions, applyNegation } from '../src/core/matcher';
import { scanAll } from '../src/core/automaton';
import { maskInserted } from '../src/core/markers';
import { detectSignals } from '../src/core/signals';
import { analysisOf, hitsFromScan } from '../src/core/engine';
import type { Analysis } from '../src/core/types';

/** The commit whose engine the golden snapshot (test/fixtures/engine-golden.json) was taken from. */
export const PRE_OPTIMISATION_REF = '6f62a19';

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export interface Phase {
  phase: string;
  ms: number;
}

/** Time per phase of one analyze(text), median of `runs` runs of the whole chain. */
export function phaseProfile(text: string, runs = 5): Phase[] {
  const lex = bundledLexicon();
  const c = compileLexicon(lex);
  const set = bundledEvidence();
  const names = ['mask inserted text', 'automaton pass (automaton.ts)', 'per-mention checks: compound policy, context, specialisation', 'negation (negation.ts)', 'document reading (discourse.ts) + grouping', 'signals (signals/)', 'weekly hours + rules (hours.ts, rules.ts)'];
  const times: number[][] = names.map(() => []);
  for (let r = 0; r < runs; r++) {
    let t = now();
    const lap = (i: number) => {
      const x = now();
      (times[i] as number[]).push(x - t);
      t = x;
    };
    const masked = maskInserted(text);
    lap(0);
    scanAll(c.automaton, masked);
    lap(1);
    const a = findMentions(c, masked, text);
    lap(2);
    applyNegation(c, a);
    lap(3);
    const hits = hitsFromScan(a, masked, lex);
    lap(4);
    const signals = detectSignals(masked);
    lap(5);
    analysisOf({ ...hits, signals }, masked, {}, set);
    lap(6);
  }
  // findMentions runs the automaton itself: its own share is the difference
  const auto = median(times[1] as number[]);
  return names.map((phase, i) => ({ phase, ms: i === 2 ? Math.max(0, median(times[2] as number[]) - auto) : median(times[i] as number[]) }));
}

/**
 * analyze() as it was at PRE_OPTIMISATION_REF (the core extracted from git into a temporary
 * directory), or null when git or the commit is not available (e.g. a source tarball).
 */
export function preOptimisationAnalyze(root: string): ((text: string) => Analysis) | null {
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpe-engine-'));
    const tar = execFileSync('git', ['archive', PRE_OPTIMISATION_REF, 'src/core'], { cwd: root, maxBuffer: 64 << 20 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, 'src/core/engine.ts')) as { analyze: (text: string) => Analysis };
    return (text) => mod.analyze(text);
  } catch {
    return null;
  }
}
