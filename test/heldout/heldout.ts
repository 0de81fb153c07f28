import * as fs from 'fs';
import * as path from 'path';
import { CorpusEntry, CorpusLabel, CorpusLabelsSchema } from '../corpus/corpus';

/**
 * Held-out test set: texts written blind to the detector's word lists, labelled by
 * test/corpus/GUIDELINES.md. Same schema and return shape as the main corpus.
 */
export const HELDOUT_DIR = __dirname;
export const HELDOUT_TEXTS_DIR = path.join(__dirname, 'texts');

/** Reads and validates labels.json (throws a ZodError on a malformed label). */
export function loadHeldoutLabels(): CorpusLabel[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(HELDOUT_DIR, 'labels.json'), 'utf8'));
  return CorpusLabelsSchema.parse(raw).texts;
}

/** Every held-out text with its label, in labels.json order (same shape as `loadCorpus()`). */
export function loadHeldout(): CorpusEntry[] {
  return loadHeldoutLabels().map((label) => ({
    file: label.file,
    text: fs.readFileSync(path.join(HELDOUT_TEXTS_DIR, label.file), 'utf8'),
    label,
  }));
}

/** The .txt files in texts/ (sorted), whether or not they are labelled. */
export function listHeldoutTextFiles(): string[] {
  return fs
    .readdirSync(HELDOUT_TEXTS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}
