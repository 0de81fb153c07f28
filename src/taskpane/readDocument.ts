import {
  MARK_OPEN,
  findCpr,
  findStaleCitations,
  findingsCitedInText,
  maskInserted,
  type Analysis,
  type AnalyzeOptions,
  type EvidenceSet,
  type StaleCitation,
} from '../core';
import type { Host, InsertedItem } from '../hosts/host';
import type { Analyzer } from './analysis/analyzer';
import type { CprPlace } from './paneReducer';

/**
 * The document reader: the host read (text, the add-in's citations, the recipients) and the
 * analysis of what was read. No state and no wording: the controller turns the results into events.
 */

export interface DocumentRead {
  /** The whole text; held in memory only for the current analysis. */
  text: string;
  /** The add-in's citations the host reported with this read (tags and handles only). */
  inserted: InsertedItem[];
  /** A recipient is outside the internal mail domains (only checked when asked to). */
  externalRecipients: boolean;
}

/**
 * Reads the document. A failing readText() rejects; the other two reads fall back to "none" and
 * "internal". Returns null once `current()` says a newer read has started.
 */
export async function readDocument(
  host: Host,
  opts: { internalDomains: readonly string[] | null },
  current: () => boolean,
): Promise<DocumentRead | null> {
  const text = await host.readText();
  if (!current()) return null;
  // The add-in's own citations: Word collected them in the same round trip; only asked when the text has markers.
  let inserted: InsertedItem[] = [];
  if (host.listInserted && text.includes(MARK_OPEN)) {
    try {
      inserted = await host.listInserted();
    } catch {
      inserted = [];
    }
  }
  let externalRecipients = false;
  if (host.recipientsAreInternal && opts.internalDomains?.length) {
    try {
      externalRecipients = !(await host.recipientsAreInternal([...opts.internalDomains]));
    } catch {
      externalRecipients = false;
    }
  }
  if (!current()) return null;
  return { text, inserted, externalRecipients };
}

export interface DocumentAnalysis {
  /** Null when there is no evidence set or the analysis failed. */
  analysis: Analysis | null;
  /** The analysis threw (the message is for logs; the pane shows its own notice). */
  failure: string | null;
  /** Findings the add-in's text in the document cites. */
  cited: Set<string>;
  stale: StaleCitation[];
  cpr: CprPlace[];
  /** Nothing but the add-in's own text. */
  empty: boolean;
}

/** Analyses what was read: cards, the findings cited in it, stale citations, CPR numbers. */
export async function analyseDocument(
  analyzer: Analyzer,
  set: EvidenceSet | null,
  text: string,
  inserted: readonly InsertedItem[],
  options: AnalyzeOptions,
): Promise<DocumentAnalysis> {
  let analysis: Analysis | null = null;
  let cited = new Set<string>();
  let stale: StaleCitation[] = [];
  let failure: string | null = null;
  if (set) {
    try {
      analysis = await analyzer.analyze(text, options);
      cited = findingsCitedInText(set, text, analysis.suggestions);
      stale = findStaleCitations(set, [...inserted], analysis);
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
  }
  // The CPR guard runs on the very text that was read for the analysis (no extra round trip).
  const cpr: CprPlace[] = findCpr(text).map((h) => ({ start: h.start, end: h.end, masked: h.masked }));
  return { analysis, failure, cited, stale, cpr, empty: maskInserted(text).trim() === '' };
}
