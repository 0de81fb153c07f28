/**
 * Advice true to its sources, checked exhaustively (issue 8): the rules run for every combination
 * of target groups × every instrument present / absent / negated (plus the instrument pairs, signals
 * and weekly hours the rules read), and every card must
 * - cite, as support or suggestion, only findings whose population holds the citizen and whose
 *   exclusions name none of the citizen's groups (checked here independently of rules.ts);
 * - carry the badge and sentence of its first finding, never more;
 * - never stand as support beside a caution for the same instrument;
 * and every rule must fire somewhere, every finding reach a card or say why not.
 * The same check fails on the rules of evidence set 1.0.0 (test/fixtures/rules-v1.json).
 */
import { applyRules, type RuleInput } from '../../src/core/rules';
import { bundledEvidence, type EvidenceSet, type Finding, type Rule } from '../../src/core/evidence';
import {
  INSTRUMENT_IDS,
  TARGET_GROUP_IDS,
  TARGET_GROUP_AXIS,
  inFamily,
  type InstrumentId,
  type TargetGroupId,
} from '../../src/core/ids';
import type { InstrumentHit, Suggestion } from '../../src/core/types';
import rulesV1 from '../fixtures/rules-v1.json';
import { applyRules as applyRulesV1 } from '../fixtures/apply-rules-v1';

const set = bundledEvidence();

interface Situation {
  groups: TargetGroupId[];
  input: RuleInput;
  label: string;
}

const hit = (id: InstrumentId, at: number, negated = false): InstrumentHit => ({
  id,
  negated,
  mentions: [{ start: at, end: at + 5, text: id.slice(0, 5), negated }],
});

/** Every combination of groups with each instrument situation. */
function* situations(s: EvidenceSet): Generator<Situation> {
  const n = TARGET_GROUP_IDS.length;
  const pairs = s.rules.filter((r) => (r.when.allInstruments?.length ?? 0) > 1).map((r) => r.when.allInstruments!);
  const hoursOf = s.rules.filter((r) => r.when.weeklyHours).map((r) => r.instrument);
  for (let mask = 0; mask < 1 << n; mask++) {
    const groups = TARGET_GROUP_IDS.filter((_, i) => mask & (1 << i));
    const base = { groups, groupHits: groups.map((g, i) => ({ id: g, mentions: [{ start: 1000 + i * 10, end: 1005 + i * 10, text: g, negated: false }] })) };
    const name = groups.join('+') || '(none)';
    yield { groups, label: `${name} / nothing`, input: { ...base, instruments: [] } };
    for (const [k, id] of INSTRUMENT_IDS.entries()) {
      for (const negated of [false, true])
        yield { groups, label: `${name} / ${id}${negated ? ' (negated)' : ''}`, input: { ...base, instruments: [hit(id, k * 10, negated)] } };
      if (hoursOf.includes(id))
        for (const h of [3, 25])
          yield { groups, label: `${name} / ${id} ${h} t/uge`, input: { ...base, instruments: [hit(id, k * 10)], weeklyHours: new Map([[id, [h]]]) } };
    }
    for (const pair of pairs)
      yield { groups, label: `${name} / ${pair.join('+')}`, input: { ...base, instruments: pair.map((id, k) => hit(id, k * 10)) } };
    for (const signal of new Set(s.rules.flatMap((r) => r.when.anySignal ?? [])))
      yield { groups, label: `${name} / signal ${signal}`, input: { ...base, instruments: [], signals: [{ id: signal, mentions: [{ start: 500, end: 510, text: signal }] }] } };
  }
}

/** The citizen's groups as populations read them (written apart from rules.ts on purpose). */
function citizenGroups(groups: TargetGroupId[]): Set<TargetGroupId> {
  const out = new Set(groups);
  const visitation = groups.some((g) => g === 'jobparat' || g === 'aktivitetsparat' || g === 'sygemeldt');
  if (out.has('dagpenge') && !visitation) out.add('jobparat');
  if (out.has('alvorlig-psykisk-lidelse')) out.add('psykisk-lidelse');
  return out;
}

function populationHolds(s: EvidenceSet, f: Finding, groups: Set<TargetGroupId>): string | null {
  const pop = s.populations.find((p) => p.id === f.population);
  if (!pop) return `unknown population ${f.population}`;
  for (const g of groups) {
    const sameAxis = pop.groups.filter((p) => TARGET_GROUP_AXIS[p] === TARGET_GROUP_AXIS[g]);
    if (sameAxis.length && !sameAxis.includes(g)) return `${g} is not among "${pop.label}"`;
  }
  for (const p of pop.groups) {
    if (![...groups].some((g) => TARGET_GROUP_AXIS[g] === TARGET_GROUP_AXIS[p])) return `"${pop.label}" needs ${p}`;
  }
  return null;
}

function excluded(s: EvidenceSet, f: Finding, groups: Set<TargetGroupId>): string | null {
  for (const xid of f.exclusions) {
    const x = s.exclusions.find((e) => e.id === xid);
    const g = x?.groups.find((y) => groups.has(y));
    if (g) return `${g} excluded by ${xid}`;
  }
  return null;
}

interface Report {
  violations: string[];
  fired: Set<string>;
  reached: Set<string>;
  cards: number;
}

function check(s: EvidenceSet, apply: (input: RuleInput) => Suggestion[]): Report {
  const violations: string[] = [];
  const fired = new Set<string>();
  const reached = new Set<string>();
  const byId = new Map(s.findings.map((f) => [f.id, f]));
  let cards = 0;
  const say = (v: string) => {
    if (violations.length < 100000) violations.push(v);
  };
  for (const sit of situations(s)) {
    const out = apply(sit.input);
    const groups = citizenGroups(sit.groups);
    for (const c of out) {
      cards++;
      fired.add(c.rule);
      c.findings.forEach((f) => reached.add(f));
      const first = byId.get(c.findings[0] ?? '');
      if (!first) {
        say(`${sit.label}: ${c.id} has no finding`);
        continue;
      }
      if (c.strength !== first.strength || c.direction !== first.direction)
        say(`${sit.label}: ${c.id} claims ${c.strength}/${c.direction}, its first finding ${first.strength}/${first.direction}`);
      if (c.text !== first.suggestion) say(`${sit.label}: ${c.id} does not give its first finding's sentence`);
      if (c.kind === 'support' || c.kind === 'consider') {
        for (const fid of c.findings) {
          const f = byId.get(fid)!;
          const why = populationHolds(s, f, groups) ?? excluded(s, f, groups);
          if (why) say(`${sit.label}: ${c.kind} ${c.id} cites ${fid}: ${why}`);
        }
      }
      if (c.kind === 'support' && out.some((x) => x.kind === 'caution' && x.instrument === c.instrument))
        say(`${sit.label}: support and caution for ${c.instrument} at once`);
    }
  }
  return { violations, fired, reached, cards };
}

const apply = (s: EvidenceSet) => (input: RuleInput) => applyRules(s, input, 'fagperson');

describe('exhaustive check of the rules (every group combination × instrument situation)', () => {
  const report = check(set, apply(set));

  test('it looks at many cards', () => {
    expect(report.cards).toBeGreaterThan(10000);
  });

  test('no support or suggestion cites a finding found in another population, or one that excludes a group', () => {
    expect(report.violations).toEqual([]);
  });

  test('no rule is dead', () => {
    expect(set.rules.map((r) => r.id).filter((id) => !report.fired.has(id))).toEqual([]);
  });

  test('every finding reaches a card, or says why not', () => {
    const silent = set.findings.filter((f) => !report.reached.has(f.id) && !f.unusedReason).map((f) => f.id);
    expect(silent).toEqual([]);
    // and a finding that says why not really reaches none
    const wrong = set.findings.filter((f) => report.reached.has(f.id) && f.unusedReason).map((f) => f.id);
    expect(wrong).toEqual([]);
  });

  test('fails on the rules of evidence set 1.0.0, run as that version ran them (no populations)', () => {
    // The 1.0.0 engine with the 1.0.0 rules (the findings, their ids and sentences' sources are the same).
    const v1: EvidenceSet = { ...set, rules: (rulesV1 as unknown as { rules: Rule[] }).rules.map((r) => ({ ...r, insertable: true })) };
    const old = check(set, (input) => applyRulesV1(v1, input, 'fagperson'));
    const text = old.violations.join('\n');
    expect(old.violations.length).toBeGreaterThan(20);
    // H1: support for samtaler to a sygemeldt a-kasse member
    expect(text).toMatch(/dagpenge\+sygemeldt.* support support-samtale-ledige cites star-002-samtaler-effektive-jobparate: sygemeldt/);
    // H2: tidlige samtaler to a nyledig who is aktivitetsparat
    expect(text).toMatch(/support support-samtale-tidligt cites .*aktivitetsparat/);
    // support beside caution
    expect(text).toMatch(/support and caution for samtale at once/);
  });
});

describe('the sentences a card can insert', () => {
  const report = check(set, apply(set));
  const insertable = set.findings.filter((f) => report.reached.has(f.id));

  test('keep the caveats that change their meaning (løntimer, offentligt løntilskud, sygemeldte)', () => {
    const find = (groups: TargetGroupId[], id: InstrumentId, register: 'fagperson' | 'borger') =>
      applyRules(set, { groups, groupHits: [], instruments: [hit(id, 0)] }, register);
    for (const register of ['fagperson', 'borger'] as const) {
      const loentimer = find(['aktivitetsparat'], 'loentimer', register).find((c) => c.instrument === 'loentimer')!;
      expect(loentimer.text).toMatch(register === 'fagperson' ? /fastholder ikke/ : /holder ikke fast/);
      const offentligt = find(['aktivitetsparat'], 'offentligt-loentilskud', register).find((c) => c.instrument === 'offentligt-loentilskud')!;
      expect(offentligt.text).toMatch(register === 'fagperson' ? /uden at forbedre/ : /ikke nødvendigvis/);
      const syg = find(['sygemeldt', 'dagpenge'], 'samtale', register).find((c) => c.instrument === 'samtale')!;
      expect(syg.kind).toBe('caution');
      expect(syg.text).toMatch(/negativ/);
    }
  });

  test('every reachable sentence holds a hedge of its strength in both registers', () => {
    for (const f of insertable) {
      for (const register of ['fagperson', 'borger'] as const) {
        const text = (register === 'borger' ? f.citizen : f.suggestion).toLowerCase();
        const ok = set.hedges[register][f.strength]!.some((h) => text.includes(h.toLowerCase()));
        expect({ id: f.id, register, ok }).toEqual({ id: f.id, register, ok: true });
      }
    }
  });

  test('IPS is offered only for a severe mental illness', () => {
    for (const groups of [['psykisk-lidelse'], ['psykisk-lidelse', 'aktivitetsparat']] as TargetGroupId[][]) {
      const cards = applyRules(set, { groups, groupHits: [], instruments: [] }, 'fagperson');
      expect(cards.some((c) => c.instrument === 'ips')).toBe(false);
    }
    const severe = applyRules(set, { groups: ['alvorlig-psykisk-lidelse', 'psykisk-lidelse'], groupHits: [], instruments: [] }, 'fagperson');
    expect(severe.map((c) => c.id)).toContain('consider-ips');
  });

  test('the family of an instrument is honoured by conflicts on one mention', () => {
    // udsatte unge: løntilskud support (004, 2 axes) wins over the sector caution (1 axis) on the same mention
    const cards = applyRules(set, { groups: ['ung', 'aktivitetsparat'], groupHits: [], instruments: [hit('loentilskud', 0)] }, 'fagperson');
    expect(cards.map((c) => c.id)).toEqual(['support-loentilskud-unge']);
    expect(inFamily('offentligt-loentilskud', 'loentilskud')).toBe(true);
  });
});
