import type { Analysis, EvidenceSet } from '../core';
import { REPORT_WORDING, buildReport, type ReportContext, type ReportModel } from './report';

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
  return renderText(buildReport(a, set, ctx), c);
}

/** The report model laid out for a terminal. */
export function renderText(r: ReportModel, c: Colours = colours(false)): string {
  const W = REPORT_WORDING;
  const out: string[] = [];
  out.push(c.title(`${W.title} af ${clean(r.source)}`));
  out.push(c.dim(`${W.evidenceSet} ${r.evidenceVersion} · ${r.register}`));
  out.push('');
  if (r.cpr) out.push(c.heading(W.cprHeading), `  ${r.cpr}`, '');

  out.push(c.heading(W.groupsHeading));
  if (r.groups.length === 0) out.push(`  ${W.noGroups}`);
  for (const g of r.groups) {
    const extra = [g.where, g.statusLabel].filter(Boolean).join(', ');
    const label = g.status === 'removed' ? c.dim(g.label) : g.label;
    out.push(`  • ${label}${extra ? c.dim(` (${extra})`) : ''}`);
  }
  out.push('');

  out.push(c.heading(W.instrumentsHeading));
  if (r.instruments.length === 0) out.push(`  ${W.noInstruments}`);
  for (const i of r.instruments) out.push(`  • ${i.label}: ${i.summary}${i.where ? c.dim(` (${i.where})`) : ''}`);
  out.push('');

  if (r.sections.length === 0) {
    out.push(c.heading(W.suggestionsHeading));
    out.push(`  ${W.noSuggestions}`);
    out.push('');
  }
  for (const sec of r.sections) {
    out.push(c[sec.kind](sec.heading));
    if (sec.note) out.push(c.dim(`  ${sec.note}`));
    sec.cards.forEach((card, n) => {
      const num = `  ${n + 1}. `;
      const pad = ' '.repeat(num.length);
      out.push(num + clean(card.text));
      out.push(c.dim(pad + card.meta.join(' · ')));
      if (card.advocacy) out.push(pad + c.caution(`${W.note}: `) + card.advocacy);
      if (card.notInsertable) out.push(pad + c.dim(card.notInsertable));
      for (const cit of card.citations) {
        out.push(`${pad}${W.source}: ${clean(cit.label)}`);
        out.push(c.dim(indent(`“${clean(cit.quote).trim()}”`, pad + '  ')));
      }
      out.push('');
    });
  }

  out.push(c.dim(r.caveat));
  return out.join('\n') + '\n';
}
