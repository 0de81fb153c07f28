import { z } from 'zod';
import { INSTRUMENT_IDS, TARGET_GROUP_IDS } from '../ids';

/**
 * The one schema of the bundled evidence set: sources, the studies they name,
 * the findings (each resting on a verbatim quote) and the rules that turn
 * findings into suggestions. Validated at build/test time and at load.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, -)');

export const InstrumentIdSchema = z.enum(INSTRUMENT_IDS);
export const TargetGroupIdSchema = z.enum(TARGET_GROUP_IDS);

export const SourceKindSchema = z.enum([
  'star-vidensnotat',
  'star-viden-om',
  'star-baggrundsnotat',
  'interesseorganisation',
]);

export const SourceSchema = z.strictObject({
  id: slug,
  /** File name of the seed document in shared/seeds. */
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
  title: z.string().min(5),
  publisher: z.string().min(2),
  /** Short name used in citations: "STAR", "DA". */
  publisherShort: z.string().min(2),
  kind: SourceKindSchema,
  /** Date as the text states it ("juni 2026"), or null when the text states none. */
  date: z.string().nullable(),
  year: z.number().int().min(1990).max(2100).nullable(),
  /** True when the source's effect claims are advocacy, not a neutral review. */
  advocacy: z.boolean(),
  /** A note on the text copy, e.g. OCR noise. */
  note: z.string().optional(),
});

export const ReferenceSchema = z.strictObject({
  id: slug,
  authors: z.string().min(2),
  year: z.number().int().min(1900).max(2100).nullable(),
  title: z.string().nullable(),
  /** Journal, series or publisher where the source gives it. */
  publication: z.string().nullable().optional(),
  /** Sources that name this study. */
  citedIn: z.array(slug).min(1),
  /** A note on how the sources name the study, e.g. a year they give differently. */
  note: z.string().min(5).optional(),
});

/**
 * Whom a source studied, in its own words: the target groups (empty: the source does not limit
 * it) and the passage that says so. Findings name one population; see `inPopulation` in rules.ts.
 */
export const PopulationSchema = z.strictObject({
  id: slug,
  source: slug,
  /** Danish, as the source puts it: "jobparate ledige". */
  label: z.string().min(3),
  groups: z.array(TargetGroupIdSchema),
  /** Verbatim passage of the source naming the population. */
  quote: z.string().min(10),
});

/** Groups a source says its results do not carry over to, in its own words. */
export const ExclusionSchema = z.strictObject({
  id: slug,
  source: slug,
  groups: z.array(TargetGroupIdSchema).min(1),
  quote: z.string().min(10),
});

export const DIRECTIONS = ['positive', 'negative', 'none', 'mixed'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);

/**
 * Ordered strength scale, weakest first. Each finding also keeps the source's
 * own wording in `strengthTerm`.
 * - claim: an interest organisation's assertion, not a neutral review
 * - limited: "begrænset viden", "indikationer", "tegn på", "kan"
 * - indicative: "viden peger på", "der er viden om", "tyder på"
 * - evidence: "der er evidens for", "dokumenteret", "forskning viser"
 * - strong: "betydelig evidens", "solid dokumentation", "stærk evidens", "omfattende evidens"
 */
export const STRENGTHS = ['claim', 'limited', 'indicative', 'evidence', 'strong'] as const;
export const StrengthSchema = z.enum(STRENGTHS);
export type Strength = z.infer<typeof StrengthSchema>;

export const FigureSchema = z.strictObject({
  label: z.string().min(2),
  value: z.string().min(1),
});

export const FindingSchema = z.strictObject({
  id: slug,
  /** Bumped whenever the finding's meaning, quote or suggestion changes (stale-citation check). */
  version: z.number().int().min(1),
  source: slug,
  references: z.array(slug),
  /** The conclusion's heading in the source, verbatim where it has one. */
  headline: z.string().min(3),
  instruments: z.array(InstrumentIdSchema).min(1),
  /** Id of the population the finding was found in. */
  population: slug,
  /** Ids of exclusions: groups the finding must not be offered to as support or suggestion. */
  exclusions: z.array(slug).default([]),
  direction: DirectionSchema,
  strength: StrengthSchema,
  /** The source's own words for the strength ("Der er betydelig evidens for"). */
  strengthTerm: z.string().min(2),
  /** For caseworkers and colleagues (fagperson register). */
  suggestion: z.string().min(10).max(220),
  /** Plain Danish a citizen understands, no jargon or abbreviations (borger register). */
  citizen: z.string().min(10).max(220),
  /** Verbatim passage of the source in correct Danish (OCR noise repaired, line-break hyphens joined). */
  quote: z.string().min(20),
  figures: z.array(FigureSchema),
  caveats: z.array(z.string().min(5)),
  /**
   * A caveat that changes the finding's meaning, so the inserted sentences must keep it: the words
   * each register's sentence must contain, and the source's own words for it.
   */
  keep: z
    .strictObject({ fagperson: z.string().min(3), borger: z.string().min(3), quote: z.string().min(10) })
    .optional(),
  /** Why no rule offers the finding (it stays in the set for look-up and export). */
  unusedReason: z.string().min(10).optional(),
});

/**
 * Words that state a strength in a sentence, per register. Every sentence of a finding below
 * "strong" must contain one of its strength's phrases (case-insensitive), so the hedge survives
 * insertion without the badge.
 */
export const HedgesSchema = z.strictObject({
  fagperson: z.record(StrengthSchema, z.array(z.string().min(3)).min(1)),
  borger: z.record(StrengthSchema, z.array(z.string().min(3)).min(1)),
});

/**
 * - support: the evidence is positive for this citizen's groups;
 * - caution: weak, mixed or negative evidence, or evidence that does not carry over;
 * - consider: positive evidence for something the plan lacks;
 * - viewpoint: an interest organisation's claim, shown apart ("Andre synspunkter"), never inserted in bulk.
 */
export const RuleKindSchema = z.enum(['support', 'caution', 'consider', 'viewpoint']);

export const RuleSchema = z.strictObject({
  id: slug,
  kind: RuleKindSchema,
  /** The instrument the suggestion is about (for consider: the one the plan lacks). */
  instrument: InstrumentIdSchema,
  when: z.strictObject({
    /** At least one of these (or a descendant) is mentioned and not negated. */
    anyInstrument: z.array(InstrumentIdSchema).optional(),
    /** All of these (or descendants) are mentioned and not negated. */
    allInstruments: z.array(InstrumentIdSchema).optional(),
    /** None of these (or descendants) is in the plan (absent, or mentioned only negated). */
    noInstrument: z.array(InstrumentIdSchema).optional(),
    /** At least one of these target groups applies. */
    anyGroup: z.array(TargetGroupIdSchema).optional(),
    /** All of these target groups apply. */
    allGroups: z.array(TargetGroupIdSchema).optional(),
    /** None of these target groups applies. */
    noGroup: z.array(TargetGroupIdSchema).optional(),
    /** At least one of these signals is in the text (e.g. low expectations of the citizen's job chances). */
    anySignal: z.array(z.string().regex(/^[a-z-]+$/)).optional(),
    /**
     * Weekly hours stated with a mention of the rule's instrument (e.g. "fleksjob på 4 timer om ugen")
     * lie in this range; a text that states none does not fire the rule.
     */
    weeklyHours: z.strictObject({ min: z.number().min(0).optional(), max: z.number().min(0).optional() }).optional(),
  }),
  /** False: the card is a prompt for the caseworker, not a sentence for the plan (no Indsæt). */
  insertable: z.boolean().default(true),
  /** Findings the suggestion rests on; the first gives the sentence. */
  findings: z.array(slug).min(1),
  /** Higher first within a kind. */
  priority: z.number().int().min(0).max(100),
});

export const EvidenceSetSchema = z
  .strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    sources: z.array(SourceSchema).min(1),
    references: z.array(ReferenceSchema),
    populations: z.array(PopulationSchema).min(1),
    exclusions: z.array(ExclusionSchema),
    hedges: HedgesSchema,
    findings: z.array(FindingSchema).min(1),
    rules: z.array(RuleSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const unique = (what: string, ids: string[]) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} id "${id}"` });
        seen.add(id);
      }
      return seen;
    };
    const sources = unique('source', set.sources.map((s) => s.id));
    const refs = unique('reference', set.references.map((r) => r.id));
    const findings = unique('finding', set.findings.map((f) => f.id));
    unique('rule', set.rules.map((r) => r.id));
    const populations = unique('population', set.populations.map((p) => p.id));
    const exclusions = unique('exclusion', set.exclusions.map((x) => x.id));
    for (const p of [...set.populations, ...set.exclusions])
      if (!sources.has(p.source)) ctx.addIssue({ code: 'custom', message: `population/exclusion ${p.id}: unknown source "${p.source}"` });
    for (const r of set.references)
      for (const s of r.citedIn)
        if (!sources.has(s)) ctx.addIssue({ code: 'custom', message: `reference ${r.id}: unknown source "${s}"` });
    for (const f of set.findings) {
      if (!sources.has(f.source)) ctx.addIssue({ code: 'custom', message: `finding ${f.id}: unknown source "${f.source}"` });
      for (const r of f.references)
        if (!refs.has(r)) ctx.addIssue({ code: 'custom', message: `finding ${f.id}: unknown reference "${r}"` });
      if (!populations.has(f.population)) ctx.addIssue({ code: 'custom', message: `finding ${f.id}: unknown population "${f.population}"` });
      for (const x of f.exclusions)
        if (!exclusions.has(x)) ctx.addIssue({ code: 'custom', message: `finding ${f.id}: unknown exclusion "${x}"` });
      const src = set.sources.find((s) => s.id === f.source);
      if (src?.advocacy && f.strength !== 'claim')
        ctx.addIssue({ code: 'custom', message: `finding ${f.id}: findings of an interest organisation must have strength "claim"` });
    }
    for (const rule of set.rules) {
      for (const fid of rule.findings)
        if (!findings.has(fid)) ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: unknown finding "${fid}"` });
      const w = rule.when;
      if (rule.kind === 'consider' && !(w.noInstrument && w.noInstrument.length))
        ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: a consider rule needs when.noInstrument` });
      if (rule.kind !== 'consider' && !((w.anyInstrument?.length ?? 0) + (w.allInstruments?.length ?? 0) + (w.anySignal?.length ?? 0)))
        ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: a ${rule.kind} rule needs when.anyInstrument, when.allInstruments or when.anySignal` });
      const ruleFindings = rule.findings.map((fid) => set.findings.find((x) => x.id === fid)).filter((f) => f !== undefined);
      const advocacy = (f: (typeof ruleFindings)[number]) => set.sources.find((s) => s.id === f.source)?.advocacy === true;
      if (rule.kind === 'support' || rule.kind === 'consider') {
        for (const f of ruleFindings)
          if (f.direction !== 'positive' || f.strength === 'claim')
            ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: ${rule.kind} may only rest on positive, non-advocacy findings ("${f.id}")` });
      }
      if (rule.kind === 'viewpoint' && ruleFindings.some((f) => !advocacy(f)))
        ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: a viewpoint rests only on an interest organisation's claims` });
      if (rule.kind !== 'viewpoint' && ruleFindings.length && ruleFindings.every(advocacy))
        ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: a rule resting only on advocacy must be a viewpoint` });
    }
  });

export type EvidenceSet = z.infer<typeof EvidenceSetSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Population = z.infer<typeof PopulationSchema>;
export type Exclusion = z.infer<typeof ExclusionSchema>;
export type Hedges = z.infer<typeof HedgesSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = z.infer<typeof RuleKindSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
