import * as fs from 'fs';
import * as path from 'path';
import { CorpusEntry, CorpusLabel, CorpusLabelsSchema } from '../corpus/corpus';

/**
 * Second blind test set: texts written without seeing the detector's word lists or the other
 * corpora, in deliberately different styles (telegraphic notes, a-kasse notes, forwards, ASCII
 * spellings, typos), labelled by test/corpus/GUIDELINES.md. Same schema and return shape as the
 * main corpus and test/heldout.
 */
export const BLIND2_DIR = __dirname;
export const BLIND2_TEXTS_DIR = path.join(__dirname, 'texts');

/** Reads and validates labels.json (throws a ZodError on a malformed label). */
export function loadBlind2Labels(): CorpusLabel[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(BLIND2_DIR, 'labels.json'), 'utf8'));
  return CorpusLabelsSchema.parse(raw).texts;
}

/** Every blind2 text with its label, in labels.json order (same shape as `loadHeldout()`). */
export function loadBlind2(): CorpusEntry[] {
  return loadBlind2Labels().map((label) => ({
    file: label.file,
    text: fs.readFileSync(path.join(BLIND2_TEXTS_DIR, label.file), 'utf8'),
    label,
  }));
}

/** The .txt files in texts/ (sorted), whether or not they are labelled. */
export function listBlind2TextFiles(): string[] {
  return fs
    .readdirSync(BLIND2_TEXTS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}
