/**
 * Writes the generated parts of docs/evidence.md from the bundled evidence set: the table of every
 * rule (instrument, groups, first finding's population and exclusions, badge, the sentence's hedge,
 * the tests that name it) and the list of findings no rule offers, with their reasons.
 *   npx tsx scripts/evidence-doc.ts          rewrite docs/evidence.md
 *   npx tsx scripts/evidence-doc.ts --check  exit 1 when the file is out of date
 * test/docs.test.ts runs the check.
 */
import * as fs from 'fs';
import * as path from 'path';
import { bundledEvidence, populationOf, INSTRUMENT_LABELS, KIND_HEADINGS, STRENGTH_LABELS, DIRECTION_LABELS, TARGET_GROUP_LABELS } from '../src/core';
import type { EvidenceSet, Finding, Rule } from '../src/core';

const ROOT = path.resolve(__dirname, '..');
export const DOC = path.join(ROOT, 'docs/evidence.md');
const START = '<!-- generated:start (npx tsx scripts/evidence-doc.ts) -->';
const END = '<!-- generated:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const groups = (ids: readonly string[]) => ids.map((g) => TARGET_GROUP_LABELS[g as keyof typeof TARGET_GROUP_LABELS] ?? g).join(', ');

function testFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!/^(texts|fixtures|node_modules)$/.test(e.name)) walk(p);
      } else if (/\.test\.tsx?$/.test(e.name)) out.push({ file: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test'));
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

function when(r: Rule): string {
  const w = r.when;
  const parts: string[] = [];
  if (w.anyInstrument) parts.push(`nævner ${w.anyInstrument.map((i) => INSTRUMENT_LABELS[i]).join(' / ')}`);
  if (w.allInstruments) parts.push(`nævner ${w.allInstruments.map((i) => INSTRUMENT_LABELS[i]).join(' + ')}`);
  if (w.noInstrument) parts.push(`mangler ${w.noInstrument.map((i) => INSTRUMENT_LABELS[i]).join(' / ')}`);
  if (w.anyGroup) parts.push(`en af: ${groups(w.anyGroup)}`);
  if (w.allGroups) parts.push(`alle: ${groups(w.allGroups)}`);
  if (w.noGroup) parts.push(`ikke: ${groups(w.noGroup)}`);
  if (w.anySignal) parts.push(`teksten udtrykker: ${w.anySignal.join(', ')}`);
  if (w.weeklyHours) parts.push(`timer/uge ${w.weeklyHours.min ?? 0}–${w.weeklyHours.max ?? '∞'}`);
  return parts.join('; ');
}

function hedgeOf(set: EvidenceSet, f: Finding): string {
  const text = f.suggestion.toLowerCase();
  return set.hedges.fagperson[f.strength]?.find((h) => text.includes(h.toLowerCase())) ?? '—';
}

export function renderGenerated(set: EvidenceSet = bundledEvidence()): string {
  const tests = testFiles();
  const out: string[] = [START, ''];
  out.push(`Evidenssæt ${set.version}: ${set.rules.length} regler, ${set.findings.length} fund, ${set.populations.length} populationer, ${set.exclusions.length} undtagelser.`, '');
  out.push('### Regler', '');
  out.push('| Regel | Kort | Indsats | Når planen … | Første fund | Fundet blandt | Undtagelser | Badge | Forbehold i sætningen | Tests |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of set.rules) {
    const f = set.findings.find((x) => x.id === r.findings[0])!;
    const pop = populationOf(set, f)!;
    const ex = f.exclusions.map((x) => set.exclusions.find((e) => e.id === x)!).map((x) => groups(x.groups)).join('; ') || '—';
    const badge = f.strength === 'claim' ? STRENGTH_LABELS.claim : `${STRENGTH_LABELS[f.strength]} · ${DIRECTION_LABELS[f.direction]}`;
    const covered = tests.filter((t) => t.text.includes(`'${r.id}'`)).map((t) => `\`${path.basename(t.file)}\``);
    covered.unshift('`advice.test.ts` (alle)');
    out.push(
      `| \`${r.id}\`${r.insertable ? '' : ' (ikke til planen)'} | ${KIND_HEADINGS[r.kind]} | ${INSTRUMENT_LABELS[r.instrument]} | ${cell(when(r))} | \`${f.id}\` | ${cell(pop.label)}${pop.groups.length ? ` (${groups(pop.groups)})` : ' (alle)'} | ${cell(ex)} | ${badge} | «${cell(f.keep ? `${hedgeOf(set, f)}» … «${f.keep.fagperson}` : hedgeOf(set, f))}» | ${[...new Set(covered)].join(', ')} |`,
    );
  }
  out.push('', '### Populationer', '');
  out.push('| Id | Kilde | Fundet blandt | Grupper | Kildens ord |', '|---|---|---|---|---|');
  for (const p of set.populations) out.push(`| \`${p.id}\` | \`${p.source}\` | ${cell(p.label)} | ${p.groups.length ? groups(p.groups) : 'alle'} | «${cell(p.quote)}» |`);
  out.push('', '### Undtagelser', '');
  out.push('| Id | Kilde | Gælder ikke uden videre for | Kildens ord |', '|---|---|---|---|');
  for (const x of set.exclusions) out.push(`| \`${x.id}\` | \`${x.source}\` | ${groups(x.groups)} | «${cell(x.quote)}» |`);
  out.push('', '### Fund, som ingen regel tilbyder', '');
  out.push('| Fund | Hvorfor |', '|---|---|');
  for (const f of set.findings.filter((x) => x.unusedReason)) out.push(`| \`${f.id}\` | ${cell(f.unusedReason!)} |`);
  out.push('', END);
  return out.join('\n');
}

export function withGenerated(doc: string, generated: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/evidence.md has no ${START} … ${END} block`);
  return doc.slice(0, a) + generated + doc.slice(b + END.length);
}

if (require.main === module) {
  const doc = fs.readFileSync(DOC, 'utf8');
  const next = withGenerated(doc, renderGenerated());
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/evidence.md is out of date: run npx tsx scripts/evidence-doc.ts');
      process.exit(1);
    }
  } else fs.writeFileSync(DOC, next);
}
