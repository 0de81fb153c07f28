import raw from './lexicon.json';
import { LexiconSchema, type Lexicon } from './schema';

export * from './schema';

let cached: Lexicon | undefined;

/** The bundled lexicon, validated once at first use. */
export function bundledLexicon(): Lexicon {
  if (!cached) cached = LexiconSchema.parse(raw);
  return cached;
}
