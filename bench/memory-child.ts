// Child process for the memory benchmark: builds the input, then analyses it and reports peak RSS growth.
import { realisticText } from './corpus-text';
import { analyze } from '../src/core/engine';

const mb = Number(process.argv[2] ?? '10');
analyze('warm-up: samtale og løntilskud');
const text = realisticText(mb * 1024 * 1024);
const before = process.resourceUsage().maxRSS * 1024;
const res = analyze(text);
const after = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({ inputBytes: Buffer.byteLength(text), peakGrowthBytes: after - before, mentions: res.instruments.length }),
);
