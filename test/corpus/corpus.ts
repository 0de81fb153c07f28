import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { INSTRUMENT_IDS, TARGET_GROUP_IDS } from '../../src/core/ids';

/** Where the texts and labels live. */
export const CORPUS_DIR = __dirname;
export const TEXTS_DIR = path.join(__dirname, 'texts');

export const TEXT_KINDS = ['minplan', 'journal', 'email', 'referat', 'training-good', 'training-bad'] as const;

const InstrumentId = z.enum(INSTRUMENT_IDS);
const TargetGroupId = z.enum(TARGET_GROUP_IDS);

export const CorpusLabelSchema = z
  .object({
    file: z.string().regex(/^\d{2}-[a-z0-9-]+\.txt$/, 'file must be NN-short-name.txt'),
    kind: z.enum(TEXT_KINDS),
    instruments: z
      .object({
        present: z.array(InstrumentId),
        negated: z.array(InstrumentId),
      })
      .strict(),
    targetGroups: z.array(TargetGroupId),
    notes: z.string().min(1),
    /** The text is built around words that must NOT trigger an id (praktiserende læge, gips, sygedagpenge …). */
    falseFriend: z.boolean().optional(),
  })
  .strict();

export const CorpusLabelsSchema = z
  .object({
    texts: z.array(CorpusLabelSchema),
  })
  .strict();

export type CorpusLabel = z.infer<typeof CorpusLabelSchema>;

export interface CorpusEntry {
  file: string;
  /** The file's text exactly as stored (CRLF, U+00AD and U+00A0 kept). */
  text: string;
  label: CorpusLabel;
}

/** Reads and validates a set's labels.json (throws a ZodError on a malformed label). */
export function loadSetLabels(dir: string): CorpusLabel[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  return CorpusLabelsSchema.parse(raw).texts;
}

/** Every labelled text of a set (a folder with labels.json and texts/), in labels.json order. */
export function loadLabelledSet(dir: string): CorpusEntry[] {
  return loadSetLabels(dir).map((label) => ({
    file: label.file,
    text: fs.readFileSync(path.join(dir, 'texts', label.file), 'utf8'),
    label,
  }));
}

/** The .txt files in a set's texts/ (sorted), whether or not they are labelled. */
export function listSetTextFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(dir, 'texts'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** Reads and validates labels.json (throws a ZodError on a malformed label). */
export function loadLabels(): CorpusLabel[] {
  return loadSetLabels(CORPUS_DIR);
}

/** Every labelled text with its label, in labels.json order. */
export function loadCorpus(): CorpusEntry[] {
  return loadLabelledSet(CORPUS_DIR);
}

/** The .txt files in texts/ (sorted), whether or not they are labelled. */
export function listTextFiles(): string[] {
  return listSetTextFiles(CORPUS_DIR);
}
