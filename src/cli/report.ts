import {
  findCpr,
  ADVOCACY_NOTE,
  AVERAGE_EFFECT_CAVEAT,
  KIND_HEADINGS,
  KIND_ORDER,
  NOT_INSERTABLE_NOTE,
  STRENGTH_LABELS,
  VIEWPOINT_NOTE,
  referenceList,
  registerLabel,
  suggestionWithCitation,
  type CitationStyle,
  INSTRUMENT_LABELS,
  TARGET_GROUP_LABELS,
  type TargetGroupId,
  type Analysis,
  type Register,
  type Suggestion,
  type EvidenceSet,
  type RuleKind,
  type GroupOverrides,
  cprCountText,
  REPORT_WORDING,
} from '../core';

/**
 * The report model: what the text report (format-text.ts) and the Markdown report
 * (format-markdown.ts) show, built once from an analysis, with every sentence already worded.
 * The formatters only lay it out (colours, bullets, escaping), so the two cannot say different
 * things. Danish wording comes from core/wording.ts and the core's labels; the sentences
 * only the CLI reports use are core/wording.ts's REPORT_WORDING.
 */

export { REPORT_WORDING };

/** How positions are given: lines of a text file, or paragraphs of a .docx (what a Word user can count). */
export type PositionUnit = 'linje' | 'afsnit';

export interface ReportContext {
  /** The analysed text (for line numbers). */
  text: string;
  /** 'afsnit' for a .docx (its text has one paragraph per blank-line-separated block); default 'linje'. */
  unit?: PositionUnit;
  /** File name as given, or "-" for stdin. */
  source: string;
  evidenceVersion: string;
  register: Register;
  style: CitationStyle;
  groups: GroupOverrides;
}

export { KIND_ORDER, KIND_HEADINGS, STRENGTH_LABELS, DIRECTION_LABELS, ADVOCACY_NOTE, VIEWPOINT_NOTE, NOT_INSERTABLE_NOTE } from '../core';
export { AVERAGE_EFFECT_CAVEAT as CAVEAT } from '../core';

export function sourceName(source: string): string {
  return source === '-' ? 'stdin' : source;
}

export function occurrences(n: number): string {
  return n === 1 ? '1 forekomst' : `${n} forekomster`;
}

export function groupSuggestions(a: Analysis): Array<{ kind: RuleKind; heading: string; items: Suggestion[] }> {
  return KIND_ORDER.map((kind) => ({
    kind,
    heading: KIND_HEADINGS[kind],
    items: a.suggestions.filter((s) => s.kind === kind),
  })).filter((g) => g.items.length > 0);
}

/**
 * 1-based line of a UTF-16 offset. A line ends at \n, \r\n, a lone \r
 * (Word's paragraph mark), \v (Word's manual line break), \f, U+2028 or U+2029.
 */
export function lineLocator(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  const build = (): number[] => {
    const out = [0];
    const re = /\r\n|[\n\r\v\f\u2028\u2029]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push(m.index + m[0].length);
    return out;
  };
  return (offset: number) => {
    starts ??= build();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * 1-based paragraph of a UTF-16 offset in the text of a .docx as the reader extracts it: every Word
 * paragraph (table cells and empty paragraphs included) ends with a blank line ("\n\n"), a manual
 * line break inside a paragraph is a single "\n". So the number is the paragraph's place in Word.
 */
export function paragraphLocator(text: string): (offset: number) => number {
  let ends: number[] | undefined;
  const build = (): number[] => {
    const out: number[] = [];
    const re = /\n\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push(m.index + 2);
    return out;
  };
  return (offset: number) => {
    ends ??= build();
    // paragraphs that ended at or before the offset, plus one
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** The locator for the report's unit. */
export function positionLocator(ctx: Pick<ReportContext, 'text' | 'unit'>): (offset: number) => number {
  return ctx.unit === 'afsnit' ? paragraphLocator(ctx.text) : lineLocator(ctx.text);
}

/** "linje 3" / "linje 3, 7 og 12" / "linje 3, 7, 12 m.fl." (at most `max` distinct lines); "afsnit …" likewise. */
export function linesPhrase(lines: number[], max = 5, word: PositionUnit = 'linje'): string {
  const uniq = [...new Set(lines)].sort((a, b) => a - b);
  if (uniq.length === 0) return '';
  if (uniq.length > max) return `${word} ${uniq.slice(0, max).join(', ')} m.fl.`;
  if (uniq.length === 1) return `${word} ${uniq[0]}`;
  return `${word} ${uniq.slice(0, -1).join(', ')} og ${uniq[uniq.length - 1]}`;
}

export function overridesPhrase(g: GroupOverrides): string {
  return [...g.add.map((x) => `+${x}`), ...g.remove.map((x) => `-${x}`)].join(', ');
}

export interface GroupLine {
  id: TargetGroupId;
  /** Lines of the mentions in the text (empty for a group added by hand). */
  lines: number[];
  /** "added": only by --group +id; "removed": found in the text but removed with --group -id. */
  status: 'text' | 'added' | 'removed';
}

/** Target groups as found in the text, with the --group overrides applied on top. */
export function groupLines(a: Analysis, ctx: ReportContext, lineOf: (offset: number) => number): GroupLine[] {
  const out: GroupLine[] = a.targetGroups.map((g) => ({
    id: g.id,
    lines: g.mentions.map((m) => lineOf(m.start)),
    status: ctx.groups.remove.includes(g.id) ? 'removed' : 'text',
  }));
  for (const id of ctx.groups.add) if (!out.some((g) => g.id === id)) out.push({ id, lines: [], status: 'added' });
  return out;
}

export const GROUP_STATUS: Readonly<Record<GroupLine['status'], string>> = {
  text: '',
  added: 'tilføjet manuelt',
  removed: 'fjernet manuelt',
};

/**
 * CPR guard for reports: one Danish line naming the masked numbers and their lines, or null.
 * The full number is never printed.
 */
export function cprWarning(text: string, lineOf: (offset: number) => number, unit: PositionUnit = 'linje'): string | null {
  const hits = findCpr(text);
  if (!hits.length) return null;
  const places = hits.slice(0, 5).map((h) => `${h.masked} (${unit} ${lineOf(h.start)})`);
  const more = hits.length > 5 ? ` og ${hits.length - 5} mere` : '';
  return `Teksten indeholder ${cprCountText(hits.length)}: ${places.join(', ')}${more}. Send den ikke med almindelig e-mail – brug sikker mail.`;
}

export interface ReportGroup {
  label: string;
  /** "linje 4" / "afsnit 3 og 7" ('' for a group added by hand). */
  where: string;
  status: GroupLine['status'];
  /** "tilføjet manuelt" / "fjernet manuelt" / ''. */
  statusLabel: string;
}

export interface ReportInstrument {
  label: string;
  /** "2 forekomster, heraf 1 negeret". */
  summary: string;
  where: string;
}

export interface ReportCard {
  /** The suggestion with its citation, in the requested register and style. */
  text: string;
  /** "Styrke: …", "Indsats: …", "Målgruppe: …", "ved linje 4". */
  meta: string[];
  /** The advocacy note, or null. */
  advocacy: string | null;
  /** The "not a sentence for the plan" note, or null. */
  notInsertable: string | null;
  citations: Array<{ label: string; quote: string }>;
}

export interface ReportSection {
  kind: RuleKind;
  heading: string;
  /** Under the heading (the viewpoint note), or null. */
  note: string | null;
  cards: ReportCard[];
}

export interface ReportModel {
  source: string;
  evidenceVersion: string;
  register: string;
  cpr: string | null;
  groups: ReportGroup[];
  instruments: ReportInstrument[];
  sections: ReportSection[];
  caveat: string;
  /** The reference list of the findings cited (Kildeliste). */
  references: string[];
}

export function buildReport(a: Analysis, set: EvidenceSet, ctx: ReportContext): ReportModel {
  const unit = ctx.unit ?? 'linje';
  const lineOf = positionLocator(ctx);
  const W = REPORT_WORDING;
  const groups = groupLines(a, ctx, lineOf).map((g) => ({
    label: TARGET_GROUP_LABELS[g.id],
    where: linesPhrase(g.lines, 5, unit),
    status: g.status,
    statusLabel: GROUP_STATUS[g.status],
  }));
  const instruments = a.instruments.map((i) => {
    const negatedCount = i.mentions.filter((m) => m.negated).length;
    const parts = [occurrences(i.mentions.length)];
    if (i.negated) parts.push(W.onlyNegated);
    else if (negatedCount > 0) parts.push(W.negatedOf(negatedCount));
    return { label: INSTRUMENT_LABELS[i.id], summary: parts.join(', '), where: linesPhrase(i.mentions.map((m) => lineOf(m.start)), 5, unit) };
  });
  const cited = new Set<string>();
  const sections = groupSuggestions(a).map((g) => ({
    kind: g.kind,
    heading: g.heading,
    note: g.kind === 'viewpoint' ? VIEWPOINT_NOTE : null,
    cards: g.items.map((s) => {
      for (const f of s.findings) cited.add(f);
      const meta = [`${W.strength}: ${STRENGTH_LABELS[s.strength]}`, `${W.instrument}: ${INSTRUMENT_LABELS[s.instrument]}`];
      if (s.targetGroups.length) meta.push(`${W.targetGroup}: ${s.targetGroups.map((t) => TARGET_GROUP_LABELS[t]).join(', ')}`);
      if (s.mention) meta.push(`${W.at} ${unit} ${lineOf(s.mention.start)}`);
      return {
        text: suggestionWithCitation(set, s, ctx.style),
        meta,
        advocacy: s.advocacy ? ADVOCACY_NOTE : null,
        notInsertable: s.insertable ? null : NOT_INSERTABLE_NOTE,
        citations: s.citations.map((c) => ({ label: c.label, quote: c.quote })),
      };
    }),
  }));
  return {
    source: sourceName(ctx.source),
    evidenceVersion: ctx.evidenceVersion,
    register: registerLabel(ctx.register),
    cpr: cprWarning(ctx.text, lineOf, unit),
    groups,
    instruments,
    sections,
    caveat: AVERAGE_EFFECT_CAVEAT,
    references: referenceList(set, cited).map((r) => r.text),
  };
}
