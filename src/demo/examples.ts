/** An entry of examples/index.json. */
interface IndexEntry {
  file: string;
  title: string;
  family?: string;
  quality?: string;
  description?: string;
}

/** The example plans bundled into the demo (examples/*.txt listed in examples/index.json). */
export interface Example extends IndexEntry {
  text: string;
}

function asDefault(mod: unknown): unknown {
  return mod && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
}

export function loadExamples(): Example[] {
  const ctx = require.context('../../examples', false, /\.(txt|json)$/);
  const keys = new Set(ctx.keys());
  const raw = keys.has('./index.json') ? asDefault(ctx('./index.json')) : [];
  const entries: IndexEntry[] = (Array.isArray(raw) ? raw : (raw as { examples?: IndexEntry[] })?.examples ?? []).filter(
    (e): e is IndexEntry => !!e && typeof e.file === 'string' && typeof e.title === 'string',
  );
  const out: Example[] = [];
  if (!entries.length) {
    // No index: every .txt, titled from its file name.
    for (const k of [...keys].filter((x) => x.endsWith('.txt')).sort()) {
      const file = k.slice(2);
      const title = file.replace(/\.txt$/, '').replace(/-/g, ' ');
      entries.push({ file, title: title.charAt(0).toUpperCase() + title.slice(1) });
    }
  }
  for (const e of entries) {
    const key = `./${e.file.replace(/^\.?\//, '').replace(/^examples\//, '')}`;
    if (!keys.has(key)) continue;
    const text = asDefault(ctx(key));
    if (typeof text === 'string') out.push({ ...e, text });
  }
  return out;
}

const QUALITY_LABELS: Record<string, string> = {
  god: 'god praksis',
  mangelfuld: 'mangelfuld',
  good: 'god praksis',
  bad: 'dårlig praksis',
  mixed: 'blandet',
  'bad-practice': 'dårlig praksis',
  'good-practice': 'god praksis',
};

export function qualityLabel(q: string | undefined): string {
  if (!q) return '';
  return QUALITY_LABELS[q] ?? q;
}

/** The example's name in the Eksempel list: its title, and its quality only when the title does not say it already. */
export function exampleLabel(ex: { title: string; quality?: string }): string {
  const q = qualityLabel(ex.quality);
  return q && !ex.title.toLowerCase().includes(q.toLowerCase()) ? `${ex.title} (${q})` : ex.title;
}
