import type { EvidenceSet } from './evidence/schema';
import { inFamily, isInstrumentId } from './ids';
import { parseMarkerTag } from './markers';
import type { Analysis } from './types';

/**
 * Stale citations: citations the add-in inserted earlier whose finding has since
 * changed or been withdrawn in the bundled evidence set, or whose mention is no
 * longer in the document. The pane lists them and lets the user update or
 * remove each one; nothing is removed silently.
 */
export type StaleReason = 'changed' | 'withdrawn' | 'mention-gone';

export interface InsertedCitation {
  /** The marker tag the host stored with the inserted text (markerTag('cite', …)). */
  tag: string;
  /** Host handle, passed back untouched (e.g. a content-control id). */
  handle?: string | number;
}

export interface StaleCitation {
  tag: string;
  handle?: string | number;
  finding: string;
  insertedVersion: number;
  reasons: StaleReason[];
  /** The finding as it stands now (absent when withdrawn). */
  current?: { version: number; suggestion: string };
}

export function findStaleCitations(set: EvidenceSet, inserted: InsertedCitation[], analysis: Analysis): StaleCitation[] {
  const out: StaleCitation[] = [];
  for (const c of inserted) {
    const tag = parseMarkerTag(c.tag);
    if (!tag || tag.kind !== 'cite' || !tag.finding) continue;
    const f = set.findings.find((x) => x.id === tag.finding);
    const reasons: StaleReason[] = [];
    if (!f) reasons.push('withdrawn');
    else if (f.version !== tag.version) reasons.push('changed');
    if (tag.instrument && isInstrumentId(tag.instrument)) {
      const fam = tag.instrument;
      const still = analysis.instruments.some((h) => inFamily(h.id, fam) && h.mentions.some((m) => !m.negated));
      if (!still) reasons.push('mention-gone');
    }
    if (!reasons.length) continue;
    const s: StaleCitation = { tag: c.tag, finding: tag.finding, insertedVersion: tag.version ?? 0, reasons };
    if (c.handle !== undefined) s.handle = c.handle;
    if (f) s.current = { version: f.version, suggestion: f.suggestion };
    out.push(s);
  }
  return out;
}

/** Danish explanation of a stale reason, for the pane and the CLI. */
export const STALE_REASON_LABEL: Readonly<Record<StaleReason, string>> = {
  changed: 'Fundet er opdateret i evidenssættet siden citatet blev indsat',
  withdrawn: 'Fundet findes ikke længere i evidenssættet',
  'mention-gone': 'Indsatsen, citatet hører til, står ikke længere i dokumentet',
};
