import type { Analysis } from '../core/types';
import type { EvidenceSet } from '../core/evidence/schema';
import { populationOf } from '../core/evidence';
import { INSTRUMENT_LABELS, TARGET_GROUP_LABELS } from '../core/ids';
import {
  REFERENCE_LIST_HEADING,
  formatReference,
  formatSource,
  referenceList,
  registerLabel,
  suggestionWithCitation,
} from '../core/citations';
import {
  ADVOCACY_NOTE,
  VIEWPOINT_NOTE,
  NOT_INSERTABLE_NOTE,
  CAVEAT,
  DIRECTION_LABELS,
  KIND_HEADINGS,
  STRENGTH_LABELS,
  groupSuggestions,
  cprWarning,
  positionLocator,
  occurrences,
  GROUP_STATUS,
  groupLines,
  sourceName,
  type ReportContext,
} from './report';

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
  const unit = ctx.unit ?? 'linje';
  const lineOf = positionLocator(ctx);
  const out: string[] = [];
  out.push('# Jobplan Evidens: analyse', '');
  out.push(`*Fil: ${escapeMd(sourceName(ctx.source))} · Evidenssæt ${escapeMd(ctx.evidenceVersion)} · ${registerLabel(ctx.register)}*`, '');
  const cpr = cprWarning(ctx.text, lineOf, unit);
  if (cpr) out.push(`> **Advarsel:** ${escapeMd(cpr)}`, '');

  out.push('## Målgrupper', '');
  const groupList = groupLines(a, ctx, lineOf);
  if (groupList.length === 0) out.push('Ingen målgrupper fundet i teksten.');
  for (const g of groupList) {
    const label = g.status === 'removed' ? `~~${TARGET_GROUP_LABELS[g.id]}~~` : TARGET_GROUP_LABELS[g.id];
    out.push(`- ${label}${g.status !== 'text' ? ` (${GROUP_STATUS[g.status]})` : ''}`);
  }
  out.push('');

  out.push('## Indsatser i planen', '');
  if (a.instruments.length === 0) out.push('Ingen indsatser fundet i teksten.');
  for (const i of a.instruments) {
    const negatedCount = i.mentions.filter((m) => m.negated).length;
    const parts = [occurrences(i.mentions.length)];
    if (i.negated) parts.push('fravalgt i planen (kun nævnt negeret)');
    else if (negatedCount > 0) parts.push(`heraf ${negatedCount} negeret`);
    out.push(`- **${INSTRUMENT_LABELS[i.id]}**: ${parts.join(', ')}`);
  }
  out.push('');

  const groups = groupSuggestions(a);
  if (groups.length === 0) out.push('## Forslag', '', 'Ingen forslag: teksten nævner ingen indsatser eller målgrupper, som evidenssættet har fund om.', '');
  const cited = new Set<string>();
  for (const g of groups) {
    out.push(`## ${g.heading}`, '');
    if (g.kind === 'viewpoint') out.push(`*${VIEWPOINT_NOTE}*`, '');
    for (const s of g.items) {
      for (const f of s.findings) cited.add(f);
      out.push(`- ${escapeMd(suggestionWithCitation(set, s, ctx.style))}`);
      const meta = [`Styrke: ${STRENGTH_LABELS[s.strength]}`, `Indsats: ${INSTRUMENT_LABELS[s.instrument]}`];
      if (s.targetGroups.length) meta.push(`Målgruppe: ${s.targetGroups.map((t) => TARGET_GROUP_LABELS[t]).join(', ')}`);
      if (s.mention) meta.push(`${unit} ${lineOf(s.mention.start)}`);
      out.push(`  *${meta.join(' · ')}*`);
      if (s.advocacy) out.push('', `  **Bemærk:** ${ADVOCACY_NOTE}`);
      if (!s.insertable) out.push('', `  *${NOT_INSERTABLE_NOTE}*`);
      for (const c of s.citations) {
        out.push('', blockquote(c.quote, '  '), '  >', `  > — ${escapeMd(c.label)}`);
      }
      out.push('');
    }
  }

  out.push(`> **Bemærk:** ${CAVEAT}`, '');

  const refs = referenceList(set, cited);
  if (refs.length) {
    out.push(`## ${REFERENCE_LIST_HEADING}`, '');
    for (const r of refs) out.push(`- ${escapeMd(r.text)}`);
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
