import type { Analysis } from '../core/types';
import type { EvidenceSet } from '../core/evidence/schema';
import { INSTRUMENT_LABELS, TARGET_GROUP_LABELS } from '../core/ids';
import { registerLabel, suggestionWithCitation } from '../core/citations';
import {
  ADVOCACY_NOTE,
  VIEWPOINT_NOTE,
  NOT_INSERTABLE_NOTE,
  CAVEAT,
  STRENGTH_LABELS,
  groupSuggestions,
  cprWarning,
  positionLocator,
  linesPhrase,
  occurrences,
  GROUP_STATUS,
  groupLines,
  sourceName,
  type ReportContext,
} from './report';

/** A readable Danish report for a terminal. */

export interface Colours {
  heading(s: string): string;
  title(s: string): string;
  dim(s: string): string;
  support(s: string): string;
  caution(s: string): string;
  consider(s: string): string;
  viewpoint(s: string): string;
}

const plain = (s: string) => s;
const sgr = (open: string) => (s: string) => `\x1b[${open}m${s}\x1b[0m`;

export function colours(enabled: boolean): Colours {
  if (!enabled) return { heading: plain, title: plain, dim: plain, support: plain, caution: plain, consider: plain, viewpoint: plain };
  return {
    heading: sgr('1'),
    title: sgr('1;4'),
    dim: sgr('2'),
    support: sgr('1;32'),
    caution: sgr('1;33'),
    consider: sgr('1;36'),
    viewpoint: sgr('1;35'),
  };
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return true;
}

/** Evidence text is trusted, but keep control characters off the terminal anyway. */
function clean(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ' ');
}

function indent(s: string, prefix: string): string {
  return s
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

export function formatText(a: Analysis, set: EvidenceSet, ctx: ReportContext, c: Colours = colours(false)): string {
  const unit = ctx.unit ?? 'linje';
  const lineOf = positionLocator(ctx);
  const out: string[] = [];
  out.push(c.title(`Jobplan Evidens: analyse af ${clean(sourceName(ctx.source))}`));
  out.push(c.dim(`Evidenssæt ${ctx.evidenceVersion} · ${registerLabel(ctx.register)}`));
  out.push('');
  const cpr = cprWarning(ctx.text, lineOf, unit);
  if (cpr) out.push(c.heading('Advarsel: CPR-numre'), `  ${cpr}`, '');

  out.push(c.heading('Målgrupper'));
  const groupList = groupLines(a, ctx, lineOf);
  if (groupList.length === 0) out.push('  Ingen målgrupper fundet i teksten.');
  for (const g of groupList) {
    const extra = [linesPhrase(g.lines, 5, unit), GROUP_STATUS[g.status]].filter(Boolean).join(', ');
    const label = g.status === 'removed' ? c.dim(TARGET_GROUP_LABELS[g.id]) : TARGET_GROUP_LABELS[g.id];
    out.push(`  • ${label}${extra ? c.dim(` (${extra})`) : ''}`);
  }
  out.push('');

  out.push(c.heading('Indsatser i planen'));
  if (a.instruments.length === 0) out.push('  Ingen indsatser fundet i teksten.');
  for (const i of a.instruments) {
    const negatedCount = i.mentions.filter((m) => m.negated).length;
    const parts = [occurrences(i.mentions.length)];
    if (i.negated) parts.push('fravalgt i planen (kun nævnt negeret)');
    else if (negatedCount > 0) parts.push(`heraf ${negatedCount} negeret`);
    const where = linesPhrase(i.mentions.map((m) => lineOf(m.start)), 5, unit);
    out.push(`  • ${INSTRUMENT_LABELS[i.id]}: ${parts.join(', ')}${where ? c.dim(` (${where})`) : ''}`);
  }
  out.push('');

  const groups = groupSuggestions(a);
  if (groups.length === 0) {
    out.push(c.heading('Forslag'));
    out.push('  Ingen forslag: teksten nævner ingen indsatser eller målgrupper, som evidenssættet har fund om.');
    out.push('');
  }
  for (const g of groups) {
    out.push(c[g.kind](g.heading));
    if (g.kind === 'viewpoint') out.push(c.dim(`  ${VIEWPOINT_NOTE}`));
    g.items.forEach((s, n) => {
      const num = `  ${n + 1}. `;
      const pad = ' '.repeat(num.length);
      out.push(num + clean(suggestionWithCitation(set, s, ctx.style)));
      const meta = [`Styrke: ${STRENGTH_LABELS[s.strength]}`, `Indsats: ${INSTRUMENT_LABELS[s.instrument]}`];
      if (s.targetGroups.length) meta.push(`Målgruppe: ${s.targetGroups.map((t) => TARGET_GROUP_LABELS[t]).join(', ')}`);
      if (s.mention) meta.push(`ved ${unit} ${lineOf(s.mention.start)}`);
      out.push(c.dim(pad + meta.join(' · ')));
      if (s.advocacy) out.push(pad + c.caution('Bemærk: ') + ADVOCACY_NOTE);
      if (!s.insertable) out.push(pad + c.dim(NOT_INSERTABLE_NOTE));
      for (const cit of s.citations) {
        out.push(`${pad}Kilde: ${clean(cit.label)}`);
        out.push(c.dim(indent(`“${clean(cit.quote).trim()}”`, pad + '  ')));
      }
      out.push('');
    });
  }

  out.push(c.dim(CAVEAT));
  return out.join('\n') + '\n';
}
