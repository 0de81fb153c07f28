/**
 * `npm start` (webpack serve): the demo answers at the root address, and on a machine without a
 * desktop the log names the address to open.
 */
import * as https from 'https';
import * as path from 'path';
import { spawn, type ChildProcess } from 'child_process';

const ROOT = path.resolve(__dirname, '..');

function get(url: string): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string | undefined }));
      })
      .on('error', reject);
  });
}

describe('npm start', () => {
  let child: ChildProcess | undefined;
  let log = '';

  afterAll(() => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });

  test('serves the demo at https://localhost:PORT/ and prints that address without a desktop', async () => {
    // Same command as the "start" script, on a free port; no DISPLAY: a headless machine.
    const env: NodeJS.ProcessEnv = { ...process.env, JPE_DEV_CERTS: '0', DISPLAY: '', WAYLAND_DISPLAY: '', CI: '' };
    child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development', '--port', 'auto'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /The demo is at (https:\/\/localhost:\d+\/) — open that address in a browser\./.exec(log);
        if (m && /compiled/.test(log)) {
          clearInterval(timer);
          resolve(m[1]!);
        } else if (child!.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`webpack serve exited:\n${log.slice(-2000)}`));
        }
      }, 200);
    });

    const root = await get(url);
    expect(root.status).toBe(200);
    expect(root.body).toMatch(/<script[^>]+src="demo\.js"/);
    expect(root.body).not.toMatch(/taskpane\.js/);
    expect(root.csp).toMatch(/default-src 'self'/);
    const pane = await get(`${url}taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.body).toMatch(/taskpane\.js/);
  }, 120_000);
});
