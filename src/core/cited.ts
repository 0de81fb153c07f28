import type { EvidenceSet } from './evidence/schema';
import { sourceLabel, suggestionWithCitation, type CitationStyle } from './citations';
import { inFamily, isInstrumentId } from './ids';
import { MARK_CLOSE, MARK_OPEN, findInserted, markerTag } from './markers';
import type { Analysis, Register, Span, Suggestion } from './types';

/**
 * What the add-in's own text in a document cites, and the text and tag it inserts for a card.
 * Pure: the pane, the bench and (later) the CLI use the same definitions.
 */

/** Drop the sentence's closing full stop and blanks ("… jobforslag." → "… jobforslag"). */
function trimSentence(s: string): string {
  return s.replace(/[.\s]+$/, '');
}

/**
 * Which findings the add-in's marked insertions in `text` cite. An insertion that is exactly the
 * sentence and citation of a shown suggestion (`known`, in either citation style) cites that
 * suggestion's citations and nothing else. Any other insertion (an older register or evidence
 * version) cites a finding when it holds the finding's sentence and its source's label.
 */
export function findingsCitedInText(set: EvidenceSet, text: string, known: readonly Suggestion[] = []): Set<string> {
  const out = new Set<string>();
  const ranges = findInserted(text);
  if (!ranges.length) return out;
  const strip = (c: string) => c.split(MARK_OPEN).join('').split(MARK_CLOSE).join('').trim();
  const exact = new Map<string, string[]>();
  for (const s of known) {
    const ids = s.citations.map((c) => c.finding);
    for (const style of ['short', 'full'] as const) exact.set(suggestionWithCitation(set, s, style), ids);
  }
  const norm = (s: string) => trimSentence(s).trim();
  for (const r of ranges) {
    const chunk = strip(text.slice(r.start, r.end));
    const ids = exact.get(chunk);
    if (ids) {
      ids.forEach((id) => out.add(id));
      continue;
    }
    const labelled = (fid: string) => {
      const f = set.findings.find((x) => x.id === fid);
      const src = f && set.sources.find((x) => x.id === f.source);
      return !!src && (chunk.includes(sourceLabel(set, src, 'short')) || chunk.includes(sourceLabel(set, src, 'full')));
    };
    for (const f of set.findings) {
      const a = norm(f.suggestion);
      const b = norm(f.citizen);
      if (!((a && chunk.includes(a)) || (b && chunk.includes(b))) || !labelled(f.id)) continue;
      out.add(f.id);
      // The suggestion's sentence comes from its rule's first finding: the rule's other findings whose source it names are cited too.
      for (const rule of set.rules) if (rule.findings[0] === f.id) rule.findings.filter(labelled).forEach((x) => out.add(x));
    }
  }
  return out;
}

/** The findings a suggestion's inserted text (or comment) cites. */
export function citedBy(s: Pick<Suggestion, 'citations' | 'findings'>): string[] {
  return s.citations.length ? s.citations.map((c) => c.finding) : s.findings;
}

/** The text and marker tag the add-in inserts for a card (hosts add the markers), anchored after its mention. */
export interface CitationInsert {
  text: string;
  tag: string;
  anchor?: Span;
}

/**
 * What to insert for a suggestion. The tag names the instrument only when the plan mentions it:
 * an "Overvej" card exists because the plan lacks the instrument, and its citation must not count
 * as stale for a mention that never was there.
 */
export function citationInsert(
  set: EvidenceSet,
  s: Suggestion,
  style: CitationStyle,
  instruments: Analysis['instruments'] = [],
): CitationInsert {
  const first = s.citations[0];
  const fam = s.instrument;
  const mentioned = !!fam && isInstrumentId(fam) && instruments.some((h) => inFamily(h.id, fam) && h.mentions.some((m) => !m.negated));
  const tag = markerTag('cite', first?.finding ?? s.findings[0], first?.findingVersion ?? 0, mentioned ? fam : undefined);
  const req: CitationInsert = { text: suggestionWithCitation(set, s, style), tag };
  if (s.mention) req.anchor = s.mention;
  return req;
}

/**
 * The current sentence and citation for a finding, in this register and citation style: the shown
 * card's text when a card cites it first, else the finding's own sentence. Null for an unknown finding.
 */
export function currentCitationText(
  set: EvidenceSet,
  findingId: string,
  register: Register,
  style: CitationStyle,
  shown: readonly Suggestion[] = [],
): string | null {
  const same = shown.find((s) => s.citations[0]?.finding === findingId);
  if (same) return suggestionWithCitation(set, same, style);
  const f = set.findings.find((x) => x.id === findingId);
  const src = f && set.sources.find((x) => x.id === f.source);
  if (!f || !src) return null;
  const sentence = trimSentence(register === 'borger' ? f.citizen : f.suggestion);
  return `${sentence} (${sourceLabel(set, src, style)}).`;
}
