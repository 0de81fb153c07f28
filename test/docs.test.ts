import * as fs from 'fs';
import { DOC, renderGenerated, withGenerated } from '../scripts/evidence-doc';
import { bundledEvidence } from '../src/core';

/** docs/evidence.md's rule table is generated from the evidence set; it must be current. */
describe('docs/evidence.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  test('the generated part matches the bundled evidence set (npx tsx scripts/evidence-doc.ts)', () => {
    expect(withGenerated(doc, renderGenerated())).toBe(doc);
  });
  test('every rule has a row, and a changed rule would show', () => {
    const set = bundledEvidence();
    for (const r of set.rules) expect(doc).toContain(`| \`${r.id}\``);
    const changed = { ...set, rules: set.rules.map((r, i) => (i === 0 ? { ...r, id: 'support-renamed' } : r)) };
    expect(withGenerated(doc, renderGenerated(changed))).not.toBe(doc);
  });
});
