/**
 * The builds keep each other: `npm run build` (the CLI into lib/, the add-in into dist/) in a fresh
 * copy of the project, then the command line as the README's Quick start runs it (npx).
 * A copy, so the build cannot disturb the other suites' lib/ and dist/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'lib', 'build', '.git', 'coverage', 'test-artifacts']);

function copyProject(to: string): void {
  for (const entry of fs.readdirSync(ROOT)) {
    if (SKIP.has(entry)) continue;
    fs.cpSync(path.join(ROOT, entry), path.join(to, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('npm run build in a fresh copy', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpe-build-'));
    copyProject(dir);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('builds the add-in and the CLI, and the CLI works afterwards', async () => {
    expect(fs.existsSync(path.join(dir, 'lib'))).toBe(false);
    const build = run('npm', ['run', 'build'], dir);
    expect({ code: build.code, tail: build.code === 0 ? '' : build.out.slice(-3000) }).toEqual({ code: 0, tail: '' });

    // the add-in
    for (const f of ['taskpane.html', 'taskpane.js', 'demo.html', 'manifest.xml', 'manifest.outlook.xml', 'assets/icon-32.png']) {
      expect(fs.existsSync(path.join(dir, 'dist', f))).toBe(true);
    }
    // the Smart Alerts runtime imports the core through core/index.ts, yet takes only what it uses:
    // no evidence set, lexicon or zod (webpack's sideEffects rule for src/core), so it loads fast on Send
    const launch = fs.readFileSync(path.join(dir, 'dist', 'launchevent.js'), 'utf8');
    expect(launch).toMatch(/onMessageSendHandler/);
    expect({ bytes: launch.length < 20_000, evidence: /Ekspertgruppen|løntilskud|ZodError/.test(launch) }).toEqual({ bytes: true, evidence: false });
    // the app package for the admin center: the unified manifest, its URLs moved off localhost, and its icons
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'dist', 'jobplan-evidens.zip')));
    const packaged = await zip.file('manifest.json')!.async('string');
    expect(packaged).toBe(fs.readFileSync(path.join(dir, 'dist', 'manifest.json'), 'utf8'));
    expect(packaged).not.toContain('https://localhost:3000/');
    const icons = (JSON.parse(packaged) as { icons: { color: string; outline: string } }).icons;
    for (const rel of [icons.color, icons.outline]) {
      expect(Buffer.compare(await zip.file(rel)!.async('nodebuffer'), fs.readFileSync(path.join(ROOT, rel)))).toBe(0);
    }
    // the CLI is not shipped to the web server
    expect(fs.existsSync(path.join(dir, 'dist', 'cli'))).toBe(false);

    // the Quick start's command, after the web build ran last
    const cli = run('npx', ['--offline', 'jobplan-evidens', 'analyze', 'examples/jobparat-mangelfuld.txt'], dir);
    expect(cli.out).not.toMatch(/not built yet/);
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/^Jobplan Evidens: analyse af examples\/jobparat-mangelfuld\.txt/m);
    expect(cli.out).toMatch(/Dagpengemodtager/);

    // and the CLI build leaves the add-in alone
    const before = fs.readFileSync(path.join(dir, 'dist', 'taskpane.html'), 'utf8');
    const cliBuild = run('npm', ['run', 'build:cli'], dir);
    expect(cliBuild.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'dist', 'taskpane.html'), 'utf8')).toBe(before);
  }, 300_000);
});
