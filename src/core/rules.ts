import type { EvidenceSet, Finding, Population, Rule } from './evidence/schema';
import { populationOf } from './evidence';
import { impliedGroups, inFamily, TARGET_GROUP_AXIS, type InstrumentId, type TargetGroupId } from './ids';
import type { Citation, InstrumentHit, Register, SignalHit, Span, Suggestion, TargetGroupHit } from './types';

/**
 * Applies the evidence set's rules (data) to what the text mentions.
 * - support/caution/viewpoint need a non-negated mention of the instrument (or a descendant), or a signal;
 * - consider needs the instrument (and its descendants) absent from the plan:
 *   not mentioned, or mentioned only negated ("der er ingen jobforslag").
 * A card shows only the rule's findings whose population holds the citizen (support and consider:
 * wholly, and no exclusion names one of the citizen's groups; caution and viewpoint: in part); the
 * first of them gives the sentence and the badge. Where support and caution meet on one instrument, the one resting on the narrower
 * population wins, caution on a tie.
 */

export interface RuleInput {
  instruments: InstrumentHit[];
  groups: TargetGroupId[];
  groupHits: TargetGroupHit[];
  signals?: SignalHit[];
  /** Weekly hours read next to mentions, per instrument (see hours.ts). */
  weeklyHours?: ReadonlyMap<InstrumentId, readonly number[]>;
}

function present(hits: InstrumentHit[], family: InstrumentId): InstrumentHit | undefined {
  return hits.find((h) => inFamily(h.id, family) && h.mentions.some((m) => !m.negated));
}

function spanOf(m: { start: number; end: number; text: string }): Span {
  return { start: m.start, end: m.end, text: m.text };
}

/**
 * True when a citizen with these groups lies inside the population: on every axis the population
 * names, the citizen has a group of that axis and all such groups are named by the population.
 * An empty population (the source does not limit it) holds everyone.
 */
export function inPopulation(population: Pick<Population, 'groups'>, groups: ReadonlySet<TargetGroupId>): boolean {
  const axes = new Set(population.groups.map((g) => TARGET_GROUP_AXIS[g]));
  for (const axis of axes) {
    let has = false;
    for (const g of groups) {
      if (TARGET_GROUP_AXIS[g] !== axis) continue;
      if (!population.groups.includes(g)) return false;
      has = true;
    }
    if (!has) return false;
  }
  return true;
}

/** True when, on every axis the population names, the citizen has at least one of its groups. */
export function touchesPopulation(population: Pick<Population, 'groups'>, groups: ReadonlySet<TargetGroupId>): boolean {
  const axes = new Set(population.groups.map((g) => TARGET_GROUP_AXIS[g]));
  for (const axis of axes) if (!population.groups.some((g) => TARGET_GROUP_AXIS[g] === axis && groups.has(g))) return false;
  return true;
}

/** How narrow a population is: the number of axes it names. */
export function populationSpecificity(population: Pick<Population, 'groups'>): number {
  return new Set(population.groups.map((g) => TARGET_GROUP_AXIS[g])).size;
}

/** Why a finding cannot stand on a card for these groups, or null when it can. */
export function findingFit(
  set: EvidenceSet,
  f: Finding,
  kind: Rule['kind'],
  groups: ReadonlySet<TargetGroupId>,
): { reason: 'population' | 'exclusion'; id: string } | null {
  const pop = populationOf(set, f);
  // Support and suggestions need the citizen wholly inside the population; a caution or a viewpoint
  // applies as soon as part of the citizen's situation is (a sygemeldt who "var jobparat").
  const fits = kind === 'support' || kind === 'consider' ? inPopulation : touchesPopulation;
  if (!pop || !fits(pop, groups)) return { reason: 'population', id: f.population };
  if (kind === 'support' || kind === 'consider') {
    for (const xid of f.exclusions) {
      const x = set.exclusions.find((e) => e.id === xid);
      if (x && x.groups.some((g) => groups.has(g))) return { reason: 'exclusion', id: xid };
    }
  }
  return null;
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

interface Candidate {
  suggestion: Suggestion;
  /** Axes named by the first finding's population. */
  specificity: number;
  /** Groups the rule's condition matched. */
  matched: number;
  priority: number;
}

export function applyRules(set: EvidenceSet, input: RuleInput, register: Register): Suggestion[] {
  const groups = new Set(input.groups);
  const citizen = impliedGroups(groups);
  const byId = new Map(set.findings.map((f) => [f.id, f]));
  const cands: Candidate[] = [];
  for (const rule of set.rules) {
    const res = evaluate(rule, input, groups);
    if (!res) continue;
    const findings = rule.findings
      .map((id) => byId.get(id))
      .filter((f): f is Finding => !!f && findingFit(set, f, rule.kind, citizen) === null);
    const first = findings[0];
    if (!first) continue;
    const advocacy = findings.every((f) => set.sources.find((s) => s.id === f.source)?.advocacy);
    const pop = populationOf(set, first);
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
        insertable: rule.insertable,
        ...(res.mention ? { mention: res.mention } : {}),
      },
      specificity: pop ? populationSpecificity(pop) : 0,
      matched: res.groups.length,
      priority: rule.priority,
    });
  }
  const better = (a: Candidate, b: Candidate) =>
    a.specificity !== b.specificity ? a.specificity > b.specificity : a.matched !== b.matched ? a.matched > b.matched : a.priority > b.priority;
  // One card per kind and instrument: the most specific evidence wins.
  const best = new Map<string, Candidate>();
  for (const c of cands) {
    const key = `${c.suggestion.kind}:${c.suggestion.instrument}`;
    const prev = best.get(key);
    if (!prev || better(c, prev)) best.set(key, c);
  }
  // Support and caution never stand together for one instrument (or for a parent and child anchored
  // on the same mention): the narrower population wins, caution on a tie.
  const kept = [...best.values()];
  const dropped = new Set<Candidate>();
  for (const s of kept.filter((c) => c.suggestion.kind === 'support')) {
    for (const c of kept.filter((x) => x.suggestion.kind === 'caution')) {
      if (!conflict(s.suggestion, c.suggestion)) continue;
      if (s.specificity > c.specificity) dropped.add(c);
      else dropped.add(s);
    }
  }
  const order = { support: 0, caution: 1, consider: 2, viewpoint: 3 } as const;
  return kept
    .filter((c) => !dropped.has(c))
    .sort(
      (a, b) =>
        order[a.suggestion.kind] - order[b.suggestion.kind] ||
        b.priority - a.priority ||
        (a.suggestion.id < b.suggestion.id ? -1 : 1),
    )
    .map((c) => c.suggestion);
}

/** Support and caution about the same thing: one instrument, or a parent and child on one mention. */
export function conflict(a: Suggestion, b: Suggestion): boolean {
  if (a.instrument === b.instrument) return true;
  const related = inFamily(a.instrument, b.instrument) || inFamily(b.instrument, a.instrument);
  return related && !!a.mention && !!b.mention && a.mention.start === b.mention.start;
}

function hoursFit(rule: Rule, input: RuleInput): boolean {
  const range = rule.when.weeklyHours;
  if (!range) return true;
  const values: number[] = [];
  for (const [id, hours] of input.weeklyHours ?? []) if (inFamily(id, rule.instrument)) values.push(...hours);
  return values.some((h) => (range.min === undefined || h >= range.min) && (range.max === undefined || h <= range.max));
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
  if (w.anySignal?.length) {
    const s = (input.signals ?? []).find((x) => w.anySignal?.includes(x.id) && x.mentions.length);
    if (!s) return null;
    const m = s.mentions[0];
    if (!anchor && m) anchor = spanOf(m);
  }
  if (w.noInstrument?.length && w.noInstrument.some((id) => present(hits, id))) return null;
  if (!hoursFit(rule, input)) return null;
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
