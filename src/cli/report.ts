import { findCpr } from '../core/cpr';
import type { Analysis, Register, Suggestion } from '../core/types';
import type { RuleKind } from '../core/evidence/schema';
import { KIND_HEADINGS, KIND_ORDER } from '../core/wording';
import type { CitationStyle } from '../core/citations';
import type { GroupOverrides } from './command';
import type { TargetGroupId } from '../core/ids';

/** What the text and Markdown reports share: Danish labels, grouping and line numbers. */

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

export { KIND_ORDER, KIND_HEADINGS, STRENGTH_LABELS, DIRECTION_LABELS, ADVOCACY_NOTE, VIEWPOINT_NOTE, NOT_INSERTABLE_NOTE } from '../core/wording';
export { AVERAGE_EFFECT_CAVEAT as CAVEAT } from '../core/wording';

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
  return `Teksten indeholder ${hits.length === 1 ? 'et CPR-nummer' : `${hits.length} CPR-numre`}: ${places.join(', ')}${more}. Send den ikke med almindelig e-mail – brug sikker mail.`;
}
