import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import type { Register } from '../../src/core/types';
import { realisticText } from '../../bench/corpus-text';

/**
 * The texts the engine's golden snapshot covers: every labelled set, the real texts and the
 * bundled examples, each as written and in Word's form (every line feed a paragraph mark \r),
 * in both registers. `test/fixtures/engine-golden.json` holds a SHA-256 of JSON.stringify(analysis)
 * per text and register, computed by the engine before it was optimised (scripts/engine-golden.ts).
 */
const root = path.resolve(__dirname, '../..');
const SETS = ['test/corpus', 'test/heldout', 'test/blind2', 'test/blind3', 'test/blind4', 'test/blind5', 'test/blind6', 'test/blind7', 'test/blind8', 'test/real'];

export const REGISTERS: readonly Register[] = ['fagperson', 'borger'];

export interface GoldenText {
  name: string;
  text: string;
}

export function goldenTexts(): GoldenText[] {
  const out: GoldenText[] = [];
  const add = (dir: string) => {
    for (const f of fs.readdirSync(path.join(root, dir)).sort()) {
      if (!f.endsWith('.txt')) continue;
      const text = fs.readFileSync(path.join(root, dir, f), 'utf8');
      out.push({ name: `${dir}/${f}`, text });
      out.push({ name: `${dir}/${f} (Word \\r)`, text: text.replace(/\r?\n/g, '\r') });
    }
  };
  for (const s of SETS) add(`${s}/texts`);
  add('examples');
  // the benchmark's 300 KB plan: every text in one document, so document-level reading spans texts
  out.push({ name: 'bench realisticText(300 KB)', text: realisticText(300 * 1024) });
  return out;
}

export function goldenHash(text: string, register: Register): string {
  return crypto.createHash('sha256').update(JSON.stringify(analyze(text, { register }))).digest('hex').slice(0, 24);
}

export const GOLDEN_FILE = path.join(root, 'test/fixtures/engine-golden.json');
