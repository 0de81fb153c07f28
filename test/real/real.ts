import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { INSTRUMENT_IDS, TARGET_GROUP_IDS } from '../../src/core/ids';

/** Kinds of real public text in this set. */
export const REAL_KINDS = ['decision', 'court', 'ombudsman', 'guide', 'notice', 'news', 'report', 'citizen'] as const;

export const RealLabelSchema = z
  .object({
    file: z.string().regex(/^\d{3}-[a-z0-9-]+\.txt$/, 'file must be NNN-short-name.txt'),
    kind: z.enum(REAL_KINDS),
    /** The public address the excerpt was taken from. */
    source: z.string().url(),
    instruments: z
      .object({
        present: z.array(z.enum(INSTRUMENT_IDS)),
        negated: z.array(z.enum(INSTRUMENT_IDS)),
      })
      .strict(),
    targetGroups: z.array(z.enum(TARGET_GROUP_IDS)),
    notes: z.string().min(1),
    falseFriend: z.boolean().optional(),
  })
  .strict();

export type RealLabel = z.infer<typeof RealLabelSchema>;

export interface RealEntry {
  file: string;
  text: string;
  label: RealLabel;
}

export const REAL_DIR = __dirname;

/**
 * Short excerpts of real public Danish administrative text (decisions, courts, the Ombudsman, municipal and
 * a-kasse guides, news, citizens' letters) that nobody on the team wrote, each with its source address,
 * labelled by test/corpus/GUIDELINES.md before the engine was run on them.
 */
export function loadReal(): RealEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(REAL_DIR, 'labels.json'), 'utf8'));
  const labels = z.object({ texts: z.array(RealLabelSchema) }).strict().parse(raw).texts;
  return labels.map((label) => ({
    file: label.file,
    text: fs.readFileSync(path.join(REAL_DIR, 'texts', label.file), 'utf8'),
    label,
  }));
}
