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
  /** Target groups the finding is limited to; empty means the source does not limit it. */
  targetGroups: z.array(TargetGroupIdSchema),
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
});

export const RuleKindSchema = z.enum(['support', 'caution', 'consider']);

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
  }),
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
    for (const r of set.references)
      for (const s of r.citedIn)
        if (!sources.has(s)) ctx.addIssue({ code: 'custom', message: `reference ${r.id}: unknown source "${s}"` });
    for (const f of set.findings) {
      if (!sources.has(f.source)) ctx.addIssue({ code: 'custom', message: `finding ${f.id}: unknown source "${f.source}"` });
      for (const r of f.references)
        if (!refs.has(r)) ctx.addIssue({ code: 'custom', message: `finding ${f.id}: unknown reference "${r}"` });
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
      if (rule.kind !== 'consider' && !((w.anyInstrument?.length ?? 0) + (w.allInstruments?.length ?? 0)))
        ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: a ${rule.kind} rule needs when.anyInstrument or when.allInstruments` });
      if (rule.kind === 'support') {
        for (const fid of rule.findings) {
          const f = set.findings.find((x) => x.id === fid);
          if (f && (f.direction !== 'positive' || f.strength === 'claim'))
            ctx.addIssue({ code: 'custom', message: `rule ${rule.id}: support may only rest on positive, non-advocacy findings ("${fid}")` });
        }
      }
    }
  });

export type EvidenceSet = z.infer<typeof EvidenceSetSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = z.infer<typeof RuleKindSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
