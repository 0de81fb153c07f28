import {
  populationOf,
  INSTRUMENT_LABELS,
  TARGET_GROUP_LABELS,
  REFERENCE_LIST_HEADING,
  formatReference,
  formatSource,
  DIRECTION_LABELS,
  KIND_HEADINGS,
  STRENGTH_LABELS,
  type Analysis,
  type EvidenceSet,
} from '../core';
import { REPORT_WORDING, buildReport, type ReportContext, type ReportModel } from './report';

/** Markdown reports to paste into a case file, a mail or a wiki. */

/** Escape characters Markdown would otherwise interpret inline. */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`).replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ' ');
}

/** Every line prefixed with `prefix` + "> "; blank lines stay part of the quote. */
export function blockquote(s: string, prefix = ''): string {
  return s
    .trim()
    .split(/\r\n|[\n\r\v\u2028\u2029]/)
    .map((l) => (l.trim() ? `${prefix}> ${escapeMd(l)}` : `${prefix}>`))
    .join('\n');
}

export function formatMarkdown(a: Analysis, set: EvidenceSet, ctx: ReportContext): string {
  return renderMarkdown(buildReport(a, set, ctx));
}

/** The report model as Markdown (the positions of groups and instruments are left to the text report). */
export function renderMarkdown(r: ReportModel): string {
  const W = REPORT_WORDING;
  const out: string[] = [];
  out.push(`# ${W.title}`, '');
  out.push(`*${W.file}: ${escapeMd(r.source)} · ${W.evidenceSet} ${escapeMd(r.evidenceVersion)} · ${r.register}*`, '');
  if (r.cpr) out.push(`> **${W.warning}:** ${escapeMd(r.cpr)}`, '');

  out.push(`## ${W.groupsHeading}`, '');
  if (r.groups.length === 0) out.push(W.noGroups);
  for (const g of r.groups) out.push(`- ${g.status === 'removed' ? `~~${g.label}~~` : g.label}${g.statusLabel ? ` (${g.statusLabel})` : ''}`);
  out.push('');

  out.push(`## ${W.instrumentsHeading}`, '');
  if (r.instruments.length === 0) out.push(W.noInstruments);
  for (const i of r.instruments) out.push(`- **${i.label}**: ${i.summary}`);
  out.push('');

  if (r.sections.length === 0) out.push(`## ${W.suggestionsHeading}`, '', W.noSuggestions, '');
  for (const sec of r.sections) {
    out.push(`## ${sec.heading}`, '');
    if (sec.note) out.push(`*${sec.note}*`, '');
    for (const card of sec.cards) {
      out.push(`- ${escapeMd(card.text)}`);
      out.push(`  *${card.meta.join(' · ')}*`);
      if (card.advocacy) out.push('', `  **${W.note}:** ${card.advocacy}`);
      if (card.notInsertable) out.push('', `  *${card.notInsertable}*`);
      for (const c of card.citations) out.push('', blockquote(c.quote, '  '), '  >', `  > — ${escapeMd(c.label)}`);
      out.push('');
    }
  }

  out.push(`> **${W.note}:** ${r.caveat}`, '');

  if (r.references.length) {
    out.push(`## ${REFERENCE_LIST_HEADING}`, '');
    for (const ref of r.references) out.push(`- ${escapeMd(ref)}`);
    out.push('');
  }
  return out.join('\n');
}

/** The whole evidence set as a readable document. */
export function formatEvidenceMarkdown(set: EvidenceSet): string {
  const out: string[] = [];
  out.push(`# Evidenssæt ${escapeMd(set.version)}`, '');
  out.push(
    `${set.sources.length} kilder, ${set.findings.length} fund, ${set.rules.length} regler, ${set.references.length} undersøgelser.`,
    '',
  );

  out.push('## Kilder', '');
  for (const s of set.sources) out.push(`- ${escapeMd(formatSource(set, s))} \`${s.id}\``);
  out.push('');

  out.push('## Fund', '');
  for (const f of set.findings) {
    const src = set.sources.find((s) => s.id === f.source);
    out.push(`### ${escapeMd(f.headline)}`, '');
    out.push(`- Id: \`${f.id}\` (version ${f.version})`);
    out.push(`- Kilde: ${escapeMd(src ? `${src.publisherShort}: ${src.title}` : f.source)}`);
    out.push(`- Indsatser: ${f.instruments.map((i) => INSTRUMENT_LABELS[i]).join(', ')}`);
    const pop = populationOf(set, f);
    out.push(`- Fundet blandt: ${escapeMd(pop?.label ?? f.population)}${pop?.groups.length ? ` (${pop.groups.map((t) => TARGET_GROUP_LABELS[t]).join(', ')})` : ''}`);
    for (const xid of f.exclusions) {
      const x = set.exclusions.find((e) => e.id === xid);
      if (x) out.push(`- Gælder ikke uden videre for: ${x.groups.map((t) => TARGET_GROUP_LABELS[t]).join(', ')} («${escapeMd(x.quote)}»)`);
    }
    if (f.unusedReason) out.push(`- Bruges ikke i forslag: ${escapeMd(f.unusedReason)}`);
    out.push(`- Retning: ${DIRECTION_LABELS[f.direction]} · Styrke: ${STRENGTH_LABELS[f.strength]} («${escapeMd(f.strengthTerm)}»)`);
    out.push(`- Til fagpersoner: ${escapeMd(f.suggestion)}`);
    out.push(`- Til borgeren: ${escapeMd(f.citizen)}`);
    for (const fig of f.figures) out.push(`- ${escapeMd(fig.label)}: ${escapeMd(fig.value)}`);
    for (const cav of f.caveats) out.push(`- Forbehold: ${escapeMd(cav)}`);
    out.push('', blockquote(f.quote), '');
  }

  out.push('## Regler', '');
  out.push('| Id | Type | Indsats | Fund | Prioritet |', '|---|---|---|---|---|');
  for (const r of set.rules) {
    out.push(`| \`${r.id}\` | ${KIND_HEADINGS[r.kind]} | ${INSTRUMENT_LABELS[r.instrument]} | ${r.findings.map((f) => `\`${f}\``).join(', ')} | ${r.priority} |`);
  }
  out.push('');

  if (set.references.length) {
    out.push('## Undersøgelser', '');
    const refs = [...set.references].map(formatReference).sort((a, b) => a.localeCompare(b, 'da'));
    for (const r of refs) out.push(`- ${escapeMd(r)}`);
    out.push('');
  }
  return out.join('\n');
}
