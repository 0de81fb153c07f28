import {
  analyze,
  referenceList,
  suggestionWithCitation,
  type CitationStyle,
  ADVOCACY_NOTE,
  KIND_HEADINGS,
  type EvidenceSet,
  type Analysis,
  type Register,
  type Suggestion,
} from '../../core';
import { REPORT_WORDING as W } from '../report';
import { DocxPackage, invalidDocx } from './package';
import { anchorComment, appendComment, ensureCommentsPart, nextCommentId, removeOurComments } from './comments';
import { heading1StyleId, insertKildeliste, insertedCitationFindings, removeKildeliste } from './kildeliste';
import { cutAll, spanRuns } from './runs';
import { buildTextMap } from './text';
import { wDescendants } from './xml';

/**
 * A .docx in, an annotated .docx out: one Word comment per suggestion that has
 * a mention to anchor on, and a Kildeliste for the findings cited. Earlier
 * annotations by this tool are replaced, never doubled. The buffer given is
 * not modified.
 */

export interface AnnotateDocxOptions {
  evidence: EvidenceSet;
  register: Register;
  style: CitationStyle;
  /** Comment date (default: now). */
  now?: Date;
}

export interface AnnotateDocxResult {
  buffer: Buffer;
  /** The analysis of the document's own text (earlier annotations excluded). */
  analysis: Analysis;
  /** Comments written. */
  comments: number;
  /** Our comments from an earlier run that were replaced. */
  replacedComments: number;
  /** Entries in the Kildeliste (0: no list). */
  references: number;
}

/** The comment's paragraphs: the suggestion with its citation, then each source's label and quote. */
export function commentParagraphs(set: EvidenceSet, s: Suggestion, style: CitationStyle): string[] {
  const out = [`${KIND_HEADINGS[s.kind]}: ${suggestionWithCitation(set, s, style)}`];
  if (s.advocacy) out.push(`${W.note}: ${ADVOCACY_NOTE}`);
  for (const c of s.citations) {
    out.push(`${W.source}: ${c.label}`);
    out.push(`“${c.quote.trim()}”`);
  }
  return out;
}

export async function annotateDocx(buf: Buffer, name: string, opts: AnnotateDocxOptions): Promise<AnnotateDocxResult> {
  const set = opts.evidence;
  const pkg = await DocxPackage.open(buf, name);
  const document = await pkg.xml(pkg.mainPath);
  if (!wDescendants(document, 'body')[0]) throw invalidDocx(name, `no w:body in ${pkg.mainPath}`);

  // Earlier annotations first, so the text analysed is the user's own.
  const replacedComments = await removeOurComments(pkg, document);
  const slot = removeKildeliste(document);
  pkg.touch(pkg.mainPath);

  let map = buildTextMap(document);
  const text = map.text;
  const analysis = analyze(text, { register: opts.register }, set);
  const anchored = analysis.suggestions
    .filter((s): s is Suggestion & { mention: NonNullable<Suggestion['mention']> } => {
      const m = s.mention;
      return !!m && m.end > m.start && text.slice(m.start, m.end) === m.text;
    })
    .sort((a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end);

  let comments = 0;
  const cited: string[] = [];
  if (anchored.length) {
    cutAll(
      map,
      anchored.flatMap((s) => [s.mention.start, s.mention.end]),
    );
    map = buildTextMap(document);
    if (map.text !== text) throw new Error('splitting runs changed the document text');
    const part = await ensureCommentsPart(pkg);
    let id = nextCommentId(part, document);
    const now = opts.now ?? new Date();
    for (const s of anchored) {
      const runs = spanRuns(map, s.mention.start, s.mention.end);
      if (!runs) continue;
      appendComment(part, id, commentParagraphs(set, s, opts.style), now);
      anchorComment(document, id, runs.first, runs.last);
      id++;
      comments++;
      for (const f of s.findings) if (!cited.includes(f)) cited.push(f);
    }
    pkg.touch(part.path);
  }

  for (const f of insertedCitationFindings(document)) if (!cited.includes(f)) cited.push(f);
  const entries = referenceList(set, cited).map((e) => e.text);
  const references = insertKildeliste(document, entries, slot, entries.length ? await heading1StyleId(pkg) : null);

  return { buffer: await pkg.save(), analysis, comments, replacedComments, references };
}
