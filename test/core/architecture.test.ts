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

  test('the marker and tag format has one owner: core/markers.ts', () => {
    const owner = path.join(root, 'src/core/markers.ts');
    const offenders = files(path.join(root, 'src'))
      .filter((f) => f !== owner)
      .filter((f) => restatesMarkerFormat(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
    // and the check can fail
    expect(restatesMarkerFormat("if (tag.startsWith('jpe:cite:')) return;")).toBe(true);
    expect(restatesMarkerFormat("const OPEN = '\\u2063\\u2062';")).toBe(true);
    expect(restatesMarkerFormat('/** tagged "jpe:cite:…" */ const x = 1;')).toBe(false);
  });

  test('outside the core, src/ imports the core only through core/index.ts', () => {
    const offenders = files(path.join(root, 'src'))
      .filter((f) => !f.startsWith(path.join(root, 'src/core') + path.sep))
      .flatMap((f) => imports(f).filter((spec) => bypassesCoreIndex(f, spec)).map((spec) => `${path.relative(root, f)}: ${spec}`));
    expect(offenders).toEqual([]);
    // and the check can fail
    const host = path.join(root, 'src/hosts/word.ts');
    expect(bypassesCoreIndex(host, '../core/markers')).toBe(true);
    expect(bypassesCoreIndex(host, '../core/evidence/schema')).toBe(true);
    expect(bypassesCoreIndex(host, '../core')).toBe(false);
    expect(bypassesCoreIndex(host, '../core/index')).toBe(false);
    expect(bypassesCoreIndex(host, './word-read')).toBe(false);
    expect(bypassesCoreIndex(path.join(root, 'src/core/engine.ts'), './matcher')).toBe(false);
  });

  test("the core's Danish wording has one definition: no other file in src/ restates a label or sentence", () => {
    const owners = new Set(['src/core/wording.ts', 'src/core/ids.ts'].map((f) => path.join(root, f)));
    const phrases = danishPhrases();
    expect(phrases.length).toBeGreaterThan(25);
    const offenders = files(path.join(root, 'src'))
      .filter((f) => !owners.has(f))
      .flatMap((f) => restatedPhrases(fs.readFileSync(f, 'utf8'), phrases).map((p) => `${path.relative(root, f)}: ${p}`));
    expect(offenders).toEqual([]);
    // and the check can fail
    expect(restatedPhrases("const h = 'Vær opmærksom';", phrases)).toEqual(['Vær opmærksom']);
    expect(restatedPhrases('label: `blandede resultater`,', phrases)).toEqual(['blandede resultater']);
    expect(restatedPhrases("// 'Vær opmærksom' in a comment\nconst k = KIND_HEADINGS.caution;", phrases)).toEqual([]);
  });

  test("the CLI's input checks have one home: readers.ts (checks, reading) and errors.ts (messages)", () => {
    const homes = new Set(['src/cli/readers.ts', 'src/cli/errors.ts'].map((f) => path.join(root, f)));
    const offenders = files(path.join(root, 'src/cli'))
      .filter((f) => !homes.has(f))
      .filter((f) => checksInputItself(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
    // and the check can fail: the --evidence reader as it was before it used checkInputFile
    expect(checksInputItself('if (st.size > MAX_INPUT_BYTES) throw tooLarge(file, st.size);')).toBe(true);
    expect(checksInputItself('const buf = await readChecked(await checkInputFile(file, cwd, { anyType: true }), file);')).toBe(false);
  });

  test('no import cycle anywhere in src/ (type imports included)', () => {
    expect(importCycles(graphOf(files(path.join(root, 'src'))))).toEqual([]);
  });

  test('the cycle check finds a circle of two and of three, and not a diamond', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(importCycles(g({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b', 'a']]);
    expect(importCycles(g({ args: ['annotate'], annotate: ['report'], report: ['args'] }))).toEqual([['args', 'annotate', 'report', 'args']]);
    expect(importCycles(g({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });
});

/** The files each source file imports (relative imports, resolved to files; `import type` counts too). */
function graphOf(list: string[]): Map<string, string[]> {
  const resolve = (from: string, spec: string): string | null => {
    if (!spec.startsWith('.')) return null;
    const base = path.resolve(path.dirname(from), spec);
    for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (fs.existsSync(c)) return c;
    return null;
  };
  return new Map(list.map((f) => [path.relative(root, f), imports(f).map((spec) => resolve(f, spec)).filter((x): x is string => !!x).map((x) => path.relative(root, x))]));
}

/** Every cycle a depth-first walk meets, each as the path that closes it. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') out.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.get(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.get(n)) visit(n);
  return out;
}

/** Code (comments aside) that spells out the tag prefixes or the invisible marker characters itself. */
function restatesMarkerFormat(src: string): boolean {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  return /['"`]jpe:(?:cite:|kildeliste)|\\u206[23]|[\u2062\u2063]/.test(code);
}

/** An import from outside src/core that reaches into a core module other than its index. */
function bypassesCoreIndex(from: string, spec: string): boolean {
  const coreDir = path.join(root, 'src/core');
  if (!spec.startsWith('.') || from.startsWith(coreDir + path.sep)) return false;
  const target = path.resolve(path.dirname(from), spec);
  return target.startsWith(coreDir + path.sep) && target !== path.join(coreDir, 'index');
}

/** The Danish labels and sentences of core/wording.ts and core/ids.ts (values of 8+ characters with a letter). */
function danishPhrases(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mods = [require('../../src/core/wording'), require('../../src/core/ids')] as Record<string, unknown>[];
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 8 && /[a-zæøå]/i.test(v) && /\s/.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const m of mods) Object.values(m).forEach(walk);
  return [...out];
}

/** Which of the phrases the code (comments aside) spells out as a whole string literal. */
function restatedPhrases(src: string, phrases: readonly string[]): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  return phrases.filter((p) => ['\'', '"', '`'].some((q) => code.includes(q + p + q)));
}

/** Code (comments aside) that applies the input size limit or builds the input-check messages itself. */
function checksInputItself(src: string): boolean {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  return /\bMAX_INPUT_BYTES\b|\btooLarge\(|\bisDirectoryError\(|\bunsupportedType\(|\breadLimited\(/.test(code);
}
