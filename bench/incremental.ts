/**
 * Re-analysis after a one-paragraph edit (core/incremental.ts) in a 100-page plan, beside a full
 * analyze() of the same edited text in the same run.
 */
import { analyze } from '../src/core/engine';
import { createIncrementalAnalyzer, pieceEnds } from '../src/core/incremental';
import { realisticText } from './corpus-text';
import type { Row } from './sections';

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

export function incrementalLatency(results: Record<string, unknown>, edits = 40): Row[] {
  const rows: Row[] = [];
  const plan = realisticText(300 * 1024);
  // as the benchmark text is (documents joined by \r, lines by \n), and as Word hands it over (every line a paragraph)
  for (const [name, text] of [
    ['bench text', plan],
    ['Word form', plan.replace(/\r?\n/g, '\r')],
  ] as const) {
    const inc = createIncrementalAnalyzer();
    inc.update(text);
    const ends = pieceEnds(text);
    const incMs: number[] = [];
    const fullMs: number[] = [];
    let cur = text;
    for (let i = 0; i < edits; i++) {
      // type a word near the end of a paragraph spread over the plan
      const at = (ends[(i * 7919) % (ends.length - 1)] as number) - 3;
      cur = cur.slice(0, at) + (i % 2 ? ' ikke' : ' mentor') + cur.slice(at);
      cur = cur.split('').join(''); // a flat string, as a host hands it over
      let t = now();
      const a = inc.update(cur);
      incMs.push(now() - t);
      t = now();
      const b = analyze(cur);
      fullMs.push(now() - t);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('incremental result differs from analyze()');
    }
    const p50 = percentile(incMs, 50);
    const p95 = percentile(incMs, 95);
    results[`incremental_${name.replace(/ /g, '_')}`] = { bytes: Buffer.byteLength(text), paragraphs: ends.length, edits, p50, p95, fullP50: percentile(fullMs, 50), fullP95: percentile(fullMs, 95) };
    rows.push({
      what: `100-page plan, ${name} (${ends.length} pieces): one-paragraph edit, incremental p50 / p95`,
      value: `${p50.toFixed(2)} / ${p95.toFixed(2)} ms`,
      baseline: `full analyze: ${percentile(fullMs, 50).toFixed(1)} / ${percentile(fullMs, 95).toFixed(1)} ms`,
      ratio: `${(percentile(fullMs, 50) / p50).toFixed(1)}×`,
      target: 'p95 ≤ 5 ms',
      ok: p95 <= 5,
    });
  }
  return rows;
}
