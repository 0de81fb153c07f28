import fs from 'fs';
import path from 'path';

/** Realistic casework text of about `bytes` UTF-8 bytes, built from the labelled corpus and the bundled examples. */
export function realisticText(bytes: number): string {
  const root = path.resolve(__dirname, '..');
  const dirs = [path.join(root, 'test/corpus/texts'), path.join(root, 'examples')];
  const pieces: string[] = [];
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) pieces.push(fs.readFileSync(path.join(d, f), 'utf8'));
  }
  if (!pieces.length) throw new Error('no example texts found (test/corpus/texts, examples)');
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = pieces[i % pieces.length] as string;
    out.push(p);
    size += Buffer.byteLength(p) + 1;
  }
  return out.join('\r');
}
