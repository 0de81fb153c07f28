/**
 * Writes test/fixtures/engine-golden.json: a hash of analyze()'s JSON for every golden text and register.
 * Run only when a change of the engine's output is intended (and say so in the commit):
 *   npx tsx scripts/engine-golden.ts
 */
import * as fs from 'fs';
import { GOLDEN_FILE, REGISTERS, goldenHash, goldenTexts } from '../test/core/golden-texts';

const out: Record<string, string> = {};
for (const { name, text } of goldenTexts()) for (const r of REGISTERS) out[`${name} [${r}]`] = goldenHash(text, r);
fs.writeFileSync(GOLDEN_FILE, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(out).length} hashes to ${GOLDEN_FILE}`);
