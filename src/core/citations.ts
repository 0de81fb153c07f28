import type { EvidenceSet, Finding, Source, Reference } from './evidence/schema';
import type { Citation, Register, Suggestion } from './types';
import { wrapInserted } from './markers';

/** "short": (STAR, 2026) / (STAR, u.å.-a); "full": (STAR: <title>). */
export type CitationStyle = 'short' | 'full';

const yearKeys = new WeakMap<EvidenceSet, Map<string, string>>();

/**
 * The year part of each source's short citation: its year, or "u.å." (uden år) when the text
 * states none. Sources of one publisher that share a year get letters in the order of their
 * titles ("u.å.-a", "u.å.-b"; "2026a", "2026b"), so every citation leads to one entry.
 */
export function sourceYearKey(set: EvidenceSet, source: Source): string {
  let keys = yearKeys.get(set);
  if (!keys) {
    keys = new Map();
    const groups = new Map<string, Source[]>();
    for (const s of set.sources) {
      const k = `${s.publisherShort}\u0000${s.year ?? ''}`;
      groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    for (const list of groups.values()) {
      const sorted = [...list].sort((a, b) => a.title.localeCompare(b.title, 'da'));
      sorted.forEach((s, i) => {
        const base = s.year === null ? 'u.å.' : String(s.year);
        const letter = sorted.length > 1 ? String.fromCharCode(97 + i) : '';
        keys!.set(s.id, letter ? (s.year === null ? `${base}-${letter}` : `${base}${letter}`) : base);
      });
    }
    yearKeys.set(set, keys);
  }
  return keys.get(source.id) ?? (source.year === null ? 'u.å.' : String(source.year));
}

export function sourceLabel(set: EvidenceSet, source: Source, style: CitationStyle): string {
  if (style === 'full') return `${source.publisherShort}: ${source.title}`;
  return `${source.publisherShort}, ${sourceYearKey(set, source)}`;
}

/** The sentence plus its citation(s): "Der er viden om, at konkrete jobforslag … (STAR, u.å.-b)." */
export function suggestionWithCitation(set: EvidenceSet, s: Suggestion, style: CitationStyle): string {
  const parts: string[] = [];
  for (const c of s.citations) {
    const src = set.sources.find((x) => x.id === c.source);
    if (!src) continue;
    const label = sourceLabel(set, src, style);
    if (!parts.includes(label)) parts.push(label);
  }
  const sentence = s.text.replace(/[.\s]+$/, '');
  return parts.length ? `${sentence} (${parts.join('; ')}).` : `${sentence}.`;
}

/**
 * Whether "Indsæt alle" and the Kildeliste's scope take the card: not an interest organisation's
 * viewpoint, not a prompt meant for the caseworker. (Each card can still be inserted on its own.)
 */
export function insertedInBulk(s: Pick<Suggestion, 'kind' | 'insertable'>): boolean {
  return s.insertable && s.kind !== 'viewpoint';
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

/** A Kildeliste entry: "Styrelsen for Arbejdsmarked og Rekruttering [STAR] (u.å.-b). Hvad virker …?" */
export function formatSource(set: EvidenceSet, s: Source): string {
  const when = s.date ?? sourceYearKey(set, s);
  const kind = s.advocacy ? ' Interesseorganisations forslag, ikke en neutral forskningsoversigt.' : '';
  const title = /[.?!]$/.test(s.title) ? s.title : `${s.title}.`;
  const short = s.publisherShort !== s.publisher ? ` [${s.publisherShort}]` : '';
  return `${s.publisher}${short} (${when}). ${title}${kind}`;
}

export interface ReferenceListEntry {
  kind: 'source';
  id: string;
  /** The short citation the inserted text uses for this work ("STAR, u.å.-b"). */
  cite: string;
  text: string;
}

/**
 * The works the add-in's text cites for these findings: each finding's source, once, in the order
 * of their short citations. Studies the sources build on are not cited in the text, so they are
 * not listed (they stay in each card's details and in `evidence --format csl-json|ris`).
 */
export function referenceList(set: EvidenceSet, findingIds: Iterable<string>): ReferenceListEntry[] {
  const srcIds = new Set<string>();
  for (const id of findingIds) {
    const f: Finding | undefined = set.findings.find((x) => x.id === id);
    if (f) srcIds.add(f.source);
  }
  return set.sources
    .filter((s) => srcIds.has(s.id))
    .map((s) => ({ kind: 'source' as const, id: s.id, cite: sourceLabel(set, s, 'short'), text: formatSource(set, s) }))
    .sort((a, b) => a.cite.localeCompare(b.cite, 'da') || a.text.localeCompare(b.text, 'da'));
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
