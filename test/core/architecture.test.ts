import fs from 'fs';
import path from 'path';

/** The import direction the architecture relies on: core ← hosts ← UI; core imports nothing from the outside but zod. */
const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

describe('architecture', () => {
  const core = files(path.join(root, 'src/core'));
  test('the core exists', () => expect(core.length).toBeGreaterThan(5));

  test.each(core.map((f) => [path.relative(root, f)]))('%s imports only core modules and zod', (rel) => {
    const file = path.join(root, rel);
    for (const spec of imports(file)) {
      if (spec === 'zod') continue;
      expect(spec.startsWith('.')).toBe(true);
      const target = path.resolve(path.dirname(file), spec);
      expect(target.startsWith(path.join(root, 'src/core'))).toBe(true);
    }
    // code only: comments may mention a document or Office
    const src = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
    expect(src).not.toMatch(/\b(?:window|document|navigator|localStorage|process|Office|Word|Outlook)\./);
  });

  test('hosts do not import the UI, and nothing in src/ makes network calls', () => {
    for (const f of files(path.join(root, 'src/hosts')))
      for (const spec of imports(f)) expect(spec).not.toMatch(/taskpane|demo\/|react/);
    for (const f of files(path.join(root, 'src'))) {
      const src = fs.readFileSync(f, 'utf8');
      expect({ file: path.relative(root, f), net: /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|EventSource\(/.test(src) }).toEqual({
        file: path.relative(root, f),
        net: false,
      });
    }
  });
});
