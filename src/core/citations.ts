import type { EvidenceSet, Finding, Source, Reference } from './evidence/schema';
import type { Citation, Register, Suggestion } from './types';
import { wrapInserted } from './markers';

/** "short": (STAR, 2026) / (STAR, u.å.); "full": (STAR: <title>). */
export type CitationStyle = 'short' | 'full';

export function sourceLabel(source: Source, style: CitationStyle): string {
  if (style === 'full') return `${source.publisherShort}: ${source.title}`;
  return `${source.publisherShort}, ${source.year ?? 'u.å.'}`;
}

/** The sentence plus its citation(s): "Konkrete jobforslag driver effekten af samtaler (STAR: …)". */
export function suggestionWithCitation(set: EvidenceSet, s: Suggestion, style: CitationStyle): string {
  const parts: string[] = [];
  for (const c of s.citations) {
    const src = set.sources.find((x) => x.id === c.source);
    if (!src) continue;
    const label = sourceLabel(src, style);
    if (!parts.includes(label)) parts.push(label);
  }
  const sentence = s.text.replace(/[.\s]+$/, '');
  return parts.length ? `${sentence} (${parts.join('; ')}).` : `${sentence}.`;
}

/** The same, wrapped in the add-in's invisible markers, ready to insert. */
export function insertionText(set: EvidenceSet, s: Suggestion, style: CitationStyle): string {
  return wrapInserted(suggestionWithCitation(set, s, style));
}

export function formatReference(r: Reference): string {
  const year = r.year ?? 'u.å.';
  const title = r.title ? ` ${r.title}.` : '';
  const pub = r.publication ? ` ${r.publication}.` : '';
  return `${r.authors} (${year}).${title}${pub}`.replace(/\.\./g, '.');
}

export function formatSource(s: Source): string {
  const date = s.date ?? 'udateret';
  const kind = s.advocacy ? ' Interesseorganisations forslag, ikke en neutral forskningsoversigt.' : '';
  const title = /[.?!]$/.test(s.title) ? s.title : `${s.title}.`;
  return `${s.publisher} (${date}). ${title}${kind}`;
}

export interface ReferenceListEntry {
  kind: 'source' | 'reference';
  id: string;
  text: string;
}

/**
 * Every source cited by the given findings, then every study those findings
 * rest on, each once, sorted alphabetically.
 */
export function referenceList(set: EvidenceSet, findingIds: Iterable<string>): ReferenceListEntry[] {
  const srcIds = new Set<string>();
  const refIds = new Set<string>();
  for (const id of findingIds) {
    const f: Finding | undefined = set.findings.find((x) => x.id === id);
    if (!f) continue;
    srcIds.add(f.source);
    for (const r of f.references) refIds.add(r);
  }
  const sources = set.sources
    .filter((s) => srcIds.has(s.id))
    .map((s) => ({ kind: 'source' as const, id: s.id, text: formatSource(s) }));
  const refs = set.references
    .filter((r) => refIds.has(r.id))
    .map((r) => ({ kind: 'reference' as const, id: r.id, text: formatReference(r) }));
  const byText = (a: ReferenceListEntry, b: ReferenceListEntry) => a.text.localeCompare(b.text, 'da');
  return [...sources.sort(byText), ...refs.sort(byText)];
}

export const REFERENCE_LIST_HEADING = 'Kildeliste';

/** Plain-text reference list (heading, then one line per entry), not yet wrapped in markers. */
export function referenceListText(set: EvidenceSet, findingIds: Iterable<string>): string {
  const entries = referenceList(set, findingIds);
  return [REFERENCE_LIST_HEADING, ...entries.map((e) => e.text)].join('\n');
}

export function registerLabel(r: Register): string {
  return r === 'borger' ? 'Til borgeren' : 'Til fagpersoner';
}
