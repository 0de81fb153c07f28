import * as fs from 'fs';
import * as path from 'path';
import { analyze, bundledEvidence, sourceLabel, suggestionWithCitation, wrapInserted } from '../../src/core';
import { findingsCitedInText } from '../../src/core';

/** The Kildeliste cites exactly what the inserted text cites (new-user-trial D3). */
const set = bundledEvidence();
const examples = fs.readdirSync(path.join(__dirname, '../../examples')).filter((f) => f.endsWith('.txt'));

test.each(examples)('%s: each inserted suggestion cites exactly its own citations', (file) => {
  const text = fs.readFileSync(path.join(__dirname, '../../examples', file), 'utf8').replace(/\r\n?/g, '\n');
  const a = analyze(text);
  expect(a.suggestions.length).toBeGreaterThan(0);
  for (const s of a.suggestions) {
    for (const style of ['short', 'full'] as const) {
      const doc = `${text}\n${wrapInserted(suggestionWithCitation(set, s, style))}`;
      const cited = findingsCitedInText(set, doc, analyze(doc).suggestions);
      expect([s.id, style, [...cited].sort()]).toEqual([s.id, style, [...new Set(s.citations.map((c) => c.finding))].sort()]);
    }
  }
});

test('an insertion no shown suggestion matches still counts by its sentence and its source label', () => {
  const f = set.findings[0]!;
  const src = set.sources.find((x) => x.id === f.source)!;
  const doc = `Plan.\n${wrapInserted(`${f.suggestion.replace(/[.\s]+$/, '')} (${sourceLabel(set, src, 'short')}).`)}`;
  expect(findingsCitedInText(set, doc, [])).toContain(f.id);
  expect(findingsCitedInText(set, 'Plan uden indsatte citater.', [])).toEqual(new Set());
});
