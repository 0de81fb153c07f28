import * as fs from 'fs';
import { GOLDEN_FILE, REGISTERS, goldenHash, goldenTexts } from './golden-texts';

/**
 * Byte-identical output: analyze() on every labelled, real and example text (as written and in
 * Word's \r form, both registers) must give the JSON the engine gave when the snapshot was taken.
 * A speed-up must not change a single mention, offset, negation or card.
 */
describe('engine output is unchanged (golden snapshot)', () => {
  const golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, string>;
  const texts = goldenTexts();

  it('covers every golden text and register', () => {
    const keys = texts.flatMap(({ name }) => REGISTERS.map((r) => `${name} [${r}]`));
    expect(keys.length).toBeGreaterThan(900);
    expect(keys.sort()).toEqual(Object.keys(golden).sort());
  });

  it('gives the snapshot output for every text', () => {
    const changed: string[] = [];
    for (const { name, text } of texts)
      for (const r of REGISTERS) if (goldenHash(text, r) !== golden[`${name} [${r}]`]) changed.push(`${name} [${r}]`);
    expect(changed).toEqual([]);
  });
});
