import type { EvidenceSet, Finding, Rule } from './evidence/schema';
import { inFamily, type InstrumentId, type TargetGroupId } from './ids';
import type { Citation, InstrumentHit, Register, Span, Suggestion, TargetGroupHit } from './types';

/**
 * Applies the evidence set's rules (data) to what the text mentions.
 * - support/caution need a non-negated mention of the instrument (or a descendant);
 * - consider needs the instrument (and its descendants) absent from the plan:
 *   not mentioned, or mentioned only negated ("der er ingen jobforslag").
 */

export interface RuleInput {
  instruments: InstrumentHit[];
  groups: TargetGroupId[];
  groupHits: TargetGroupHit[];
}

function present(hits: InstrumentHit[], family: InstrumentId): InstrumentHit | undefined {
  return hits.find((h) => inFamily(h.id, family) && h.mentions.some((m) => !m.negated));
}

function citation(set: EvidenceSet, f: Finding): Citation {
  const src = set.sources.find((s) => s.id === f.source);
  return {
    finding: f.id,
    findingVersion: f.version,
    source: f.source,
    references: [...f.references],
    label: src ? `${src.publisherShort}: ${src.title}` : f.source,
    quote: f.quote,
  };
}

function spanOf(m: { start: number; end: number; text: string }): Span {
  return { start: m.start, end: m.end, text: m.text };
}

interface Candidate {
  suggestion: Suggestion;
  specificity: number;
  priority: number;
}

export function applyRules(set: EvidenceSet, input: RuleInput, register: Register): Suggestion[] {
  const groups = new Set(input.groups);
  const byId = new Map(set.findings.map((f) => [f.id, f]));
  const cands: Candidate[] = [];
  for (const rule of set.rules) {
    const res = evaluate(rule, input, groups);
    if (!res) continue;
    const findings = rule.findings.map((id) => byId.get(id)).filter((f): f is Finding => !!f);
    const first = findings[0];
    if (!first) continue;
    const advocacy = findings.every((f) => set.sources.find((s) => s.id === f.source)?.advocacy);
    cands.push({
      suggestion: {
        id: rule.id,
        rule: rule.id,
        kind: rule.kind,
        instrument: rule.instrument,
        targetGroups: res.groups,
        text: register === 'borger' ? first.citizen : first.suggestion,
        findings: findings.map((f) => f.id),
        citations: findings.map((f) => citation(set, f)),
        direction: first.direction,
        strength: first.strength,
        advocacy,
        ...(res.mention ? { mention: res.mention } : {}),
      },
      specificity: res.groups.length ? 1 : 0,
      priority: rule.priority,
    });
  }
  // One card per kind and instrument: the rule that matched on a target group wins over a general one.
  const best = new Map<string, Candidate>();
  for (const c of cands) {
    const key = `${c.suggestion.kind}:${c.suggestion.instrument}`;
    const prev = best.get(key);
    if (!prev || c.specificity > prev.specificity || (c.specificity === prev.specificity && c.priority > prev.priority)) best.set(key, c);
  }
  const order = { support: 0, caution: 1, consider: 2 } as const;
  return [...best.values()]
    .sort(
      (a, b) =>
        order[a.suggestion.kind] - order[b.suggestion.kind] ||
        b.priority - a.priority ||
        (a.suggestion.id < b.suggestion.id ? -1 : 1),
    )
    .map((c) => c.suggestion);
}

function evaluate(
  rule: Rule,
  input: RuleInput,
  groups: Set<TargetGroupId>,
): { groups: TargetGroupId[]; mention?: Span } | null {
  const w = rule.when;
  const hits = input.instruments;
  let anchor: Span | undefined;
  if (w.anyInstrument?.length) {
    const h = w.anyInstrument.map((id) => present(hits, id)).find((x) => x);
    if (!h) return null;
    const m = h.mentions.find((x) => !x.negated);
    if (m) anchor = spanOf(m);
  }
  if (w.allInstruments?.length) {
    for (const id of w.allInstruments) {
      const h = present(hits, id);
      if (!h) return null;
      if (!anchor) {
        const m = h.mentions.find((x) => !x.negated);
        if (m) anchor = spanOf(m);
      }
    }
  }
  if (w.noInstrument?.length && w.noInstrument.some((id) => present(hits, id))) return null;
  const matched: TargetGroupId[] = [];
  if (w.anyGroup?.length) {
    const g = w.anyGroup.filter((x) => groups.has(x));
    if (!g.length) return null;
    matched.push(...g);
  }
  if (w.allGroups?.length) {
    if (!w.allGroups.every((x) => groups.has(x))) return null;
    for (const g of w.allGroups) if (!matched.includes(g)) matched.push(g);
  }
  if (w.noGroup?.length && w.noGroup.some((x) => groups.has(x))) return null;
  if (!anchor && matched.length) {
    // consider-cards anchor at the first mention of the group they are about
    const gh = input.groupHits.find((x) => matched.includes(x.id) && x.mentions.length);
    const m = gh?.mentions[0];
    if (m) anchor = spanOf(m);
  }
  return anchor ? { groups: matched, mention: anchor } : { groups: matched };
}
