import { analyze } from '../../src/core/engine';
import { bundledEvidence, parseEvidenceSet } from '../../src/core/evidence';
import { markerTag, parseMarkerTag } from '../../src/core/markers';
import { findStaleCitations } from '../../src/core/stale';

describe('stale citations', () => {
  const set = bundledEvidence();
  const text = 'Jobparat dagpengemodtager. Samtaler hver 2. uge.';
  const a = analyze(text);
  const card = a.suggestions.find((s) => s.instrument === 'samtale')!;
  const cite = card.citations[0]!;
  const tag = markerTag('cite', cite.finding, cite.findingVersion, card.instrument);

  test('the tag round-trips', () => {
    expect(parseMarkerTag(tag)).toEqual({ kind: 'cite', finding: cite.finding, version: cite.findingVersion, instrument: 'samtale' });
  });
  test('a fresh citation is not stale', () => {
    expect(findStaleCitations(set, [{ tag }], a)).toEqual([]);
  });
  test('a finding whose version changed is flagged', () => {
    const changed = parseEvidenceSet({
      ...set,
      findings: set.findings.map((f) => (f.id === cite.finding ? { ...f, version: f.version + 1 } : f)),
    });
    const stale = findStaleCitations(changed, [{ tag, handle: 7 }], a);
    expect(stale).toHaveLength(1);
    expect(stale[0]!.reasons).toEqual(['changed']);
    expect(stale[0]!.handle).toBe(7);
    expect(stale[0]!.current!.version).toBe(cite.findingVersion + 1);
  });
  test('a withdrawn finding is flagged', () => {
    const stale = findStaleCitations(set, [{ tag: markerTag('cite', 'no-such-finding', 1) }], a);
    expect(stale.map((s) => s.reasons)).toEqual([['withdrawn']]);
  });
  test('a citation whose mention was deleted from the document is flagged', () => {
    const after = analyze('Jobparat dagpengemodtager. Virksomhedspraktik hos Netto.');
    const stale = findStaleCitations(set, [{ tag }], after);
    expect(stale.map((s) => s.reasons)).toEqual([['mention-gone']]);
  });
});
