import { z } from 'zod';
import { InstrumentIdSchema, TargetGroupIdSchema } from '../evidence/schema';

/**
 * The lexicon: how instruments and target groups are written in Danish casework.
 * Data, validated here; compiled once by matcher.ts into one Aho–Corasick automaton over
 * every surface form (automaton.ts) and, per term, the context checks of its CONTEXT_CHECKS table.
 *
 * A form is a small pattern: lower-case letters, digits, spaces (any run of
 * spaces, tabs, NBSP or a single line break), "." (literal), "-", "'", "/",
 * ",", "§", groups "(a|b)" and optional groups "(a|b)?", and character classes
 * like "[0-9]". Nothing else: no quantifiers, anchors or escapes.
 */
export const FORM_PATTERN = /^[a-z0-9æøåéüöä½ .,'\-/§()|?[\]+]+$/;

const form = z
  .string()
  .min(2)
  .regex(FORM_PATTERN, 'form may only use letters, digits, space . - \' / § ( | ) ? [ ]');

/** A regular expression in a string (Unicode mode); shared by the lexicon and the signals. */
export const regexString = z.string().refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const TermSchema = z.strictObject({
  /** Entry id, for tests and debugging. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  instruments: z.array(InstrumentIdSchema).default([]),
  groups: z.array(TargetGroupIdSchema).default([]),
  forms: z.array(form).min(1),
  /** May stand as the last part of a compound ("jobsamtale"). */
  head: z.boolean().default(false),
  /** May stand as the first part of a compound ("samtaleforløb"). */
  modifier: z.boolean().default(false),
  /** As a modifier, only before a hyphen ("IPS-forløb"). */
  modifierHyphenOnly: z.boolean().default(false),
  /** As a modifier, the rest of the word must start with one of these (after an optional joining s/e/-). */
  allowHeads: z.array(z.string()).optional(),
  /** As a modifier, the rest of the word must not start with these. */
  blockHeads: z.array(z.string()).default([]),
  /** As a head, the part before must not end with these ("syge" + dagpenge). */
  blockPrefixes: z.array(z.string()).default([]),
  /** False: only as part of a compound ("truckkursus"), never the bare word ("kursus"). */
  bare: z.boolean().default(true),
  /** Extra inflection endings beyond the generic Danish ones. */
  endings: z.array(z.string()).default([]),
  /** Only the exact form with these endings (no generic endings). */
  exactEndings: z.array(z.string()).optional(),
  /** Regex (case-insensitive) tested on up to 80 characters right after the mention's word, up to a \r, \v, \x07 or \f, that rejects the mention. */
  blockAfter: regexString.optional(),
  /** Regex that must match at the start of the same window as blockAfter (e.g. a duration after "ledig i"); what it matches counts as part of the phrase for numberRange. */
  requireAfter: regexString.optional(),
  /** The word right before the mention must not be one of these ("Team Jobparat", "afdelingen for sygedagpenge"). */
  notAfterWords: z.array(z.string()).default([]),
  /** Regex tested on up to 40 characters before the mention (same sentence) that rejects it. */
  blockBefore: regexString.optional(),
  /** Regex that must match within 120 characters either side of the mention, in its paragraph (e.g. "samtal" for "telefonisk"). */
  requireNear: regexString.optional(),
  /** Regex that must match somewhere in the same sentence, else the mention is rejected. */
  requireInSentence: regexString.optional(),
  /** Regex that, anywhere in the same sentence, rejects the mention. */
  blockInSentence: regexString.optional(),
  /**
   * Sector/kind specialisation: a rule's instruments replace the term's. Tried in order (matcher.ts
   * `specialise`): a cue in a parenthesis right after the mention ("Løntilskud (privat)"); a rule
   * naming several kinds whose cue matches in the 80 characters after it (same sentence); the cue
   * nearest after the mention, up to a clause stop ("," "og" "men" …); after "hos jer", the kind the
   * e-mail's "Til:" line names (first 2000 characters); after "hos dem"/"der", the cue nearest before
   * in the sentence; a cue in the 40 characters before the mention (same clause); and last, the one
   * kind the rest of the sentence names.
   */
  specialize: z
    .array(z.strictObject({ instruments: z.array(InstrumentIdSchema).min(1), cue: regexString }))
    .default([]),
  /**
   * The first number in the matched phrase (digits, "2,5", "2½" or a Danish number word) must lie
   * in this range. With unit "months", a phrase that says "år" counts 12 months a year. A phrase
   * without a number fails. (The matcher reads every digit as the same symbol.)
   */
  numberRange: z
    .strictObject({ min: z.number().optional(), max: z.number().optional(), unit: z.enum(['months', 'plain']).default('plain') })
    .optional(),
  /** False for phrases that carry their own negation ("ingen uddannelse" → ufaglært). */
  negatable: z.boolean().default(true),
});

export const LexiconSchema = z
  .strictObject({
    version: z.string(),
    /** Generic Danish inflection endings allowed after any form. */
    endings: z.array(z.string()),
    /**
     * Anaphora: a mention of `from` (e.g. a bare "løntilskuddet") becomes the one of `to`
     * that the same document names (e.g. "privat løntilskud"), when it names exactly one.
     */
    inherit: z
      .array(
        z.strictObject({
          from: InstrumentIdSchema,
          to: z.array(InstrumentIdSchema).min(1),
          /** Only when every mention of `from` matches this (case-insensitive), e.g. a bare "samtalen". */
          onlyText: regexString.optional(),
        }),
      )
      .default([]),
    /** Forms that match nothing: they consume false friends ("sagsbehandler", "kiropraktik"). */
    stopForms: z.array(form),
    terms: z.array(TermSchema).min(1),
    negation: z.strictObject({
      /** Scope forward to the clause end (max `preWindow` words). */
      pre: z.array(z.string()).min(1),
      /** Scope backward to the clause start (max `postWindow` words). */
      post: z.array(z.string()).min(1),
      /** An offer turned down later in the sentence, across "men": "tilbudt løntilskud, men har takket nej". */
      declined: z.array(z.string()).default([]),
      /**
       * Determiners that presuppose the thing exists: "har ikke søgt de jobforslag, vi sendte" negates
       * the search, not the jobforslag. A pre-negation "ikke" does not reach a mention right after one.
       */
      definite: z.array(z.string()).default([]),
      /**
       * Values that negate a label: "Løntilskud: Ikke relevant", a heading "Mentor" with "Intet behov" on the
       * next line, a table row "Mentor | – | Ikke bevilget".
       */
      labelValues: z.array(z.string()).default([]),
      /** A next sentence that rules out what the previous one ended on: "Du spurgte til løntilskud. Det er desværre ikke en mulighed." */
      nextSentence: z.array(z.string()).default([]),
      /** Look like negation but are not ("ikke kun", "uden for"). */
      pseudo: z.array(z.string()),
      /** Words that start a new clause after a comma or "og" and end a negation's scope. */
      clauseStarters: z.array(z.string()),
      /** Words that always end a negation's scope ("men", "dog"). */
      terminators: z.array(z.string()),
      /** Every trigger contains one of these; a sentence without any is not negated (a fast pre-check). */
      hints: z.array(z.string().min(2)).min(1),
      preWindow: z.number().int().min(1).max(30),
      postWindow: z.number().int().min(1).max(30),
    }),
  })
  .superRefine((lex, ctx) => {
    const keys = new Set<string>();
    for (const t of lex.terms) {
      if (keys.has(t.key)) ctx.addIssue({ code: 'custom', message: `duplicate term key ${t.key}` });
      keys.add(t.key);
      if (t.instruments.length + t.groups.length === 0)
        ctx.addIssue({ code: 'custom', message: `term ${t.key} maps to nothing (use stopForms)` });
    }
  });

export type Lexicon = z.infer<typeof LexiconSchema>;
export type Term = z.infer<typeof TermSchema>;
