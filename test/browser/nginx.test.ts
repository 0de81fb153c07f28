/**
 * The shipped server configuration, deploy/nginx/jobplan-evidens.conf, run by Debian's nginx on loopback
 * ports (only its lines marked CHANGE and the listen ports replaced), serving the production build:
 * - nginx accepts it (nginx -t), HTTP redirects to HTTPS;
 * - every answer carries the security headers, the CSP exactly as the pane's <meta> tag;
 * - Chromium loads the task pane through it (Word stand-in), the header CSP is enforced on its own
 *   (a probe page without a <meta> policy), and no request leaves the machine.
 * Without nginx the suite is skipped locally and fails in CI (.ci/run installs nginx).
 */
import * as fs from 'fs';
import * as https from 'https';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import type { Browser } from 'playwright-core';
import { BUILD, ROOT, assertStayedLocal, launch, openSession, type Session } from './helpers';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const SITE = path.join(ROOT, 'deploy', 'nginx', 'jobplan-evidens.conf');
const MIME = '/etc/nginx/mime.types';

if (!NGINX && !process.env.CI) {
  // eslint-disable-next-line no-console
  console.warn('nginx tests: skipped (no nginx; apt-get install nginx)');
}
const maybe = NGINX || process.env.CI ? describe : describe.skip;

/** The policy in taskpane.html's <meta> tag, which the server must send as a header too. */
function metaCsp(): string {
  const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error('taskpane.html has no CSP <meta> tag');
  return m[1]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The site file with exactly the lines an administrator changes replaced; each must be there. */
function siteFor(opts: { httpPort: number; httpsPort: number; root: string; cert: string; key: string }): string {
  let conf = fs.readFileSync(SITE, 'utf8');
  const swap = (from: RegExp, to: string) => {
    if (!from.test(conf)) throw new Error(`${SITE}: no line matching ${from}`);
    conf = conf.replace(from, to);
  };
  swap(/^\s*listen 80;$/m, `    listen 127.0.0.1:${opts.httpPort};`);
  swap(/^\s*listen \[::\]:80;\n/m, '');
  swap(/^\s*listen 443 ssl;$/m, `    listen 127.0.0.1:${opts.httpsPort} ssl;`);
  swap(/^\s*listen \[::\]:443 ssl;\n/m, '');
  swap(/^(\s*ssl_certificate)\s+\S+;/m, `$1 ${opts.cert};`);
  swap(/^(\s*ssl_certificate_key)\s+\S+;/m, `$1 ${opts.key};`);
  swap(/^(\s*root)\s+\/var\/www\/jobplan-evidens;/m, `$1 ${opts.root};`);
  return conf;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, method = 'GET'): Promise<Answer> {
  const mod = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method, rejectUnauthorized: false } as https.RequestOptions, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

maybe('deploy/nginx/jobplan-evidens.conf (Debian nginx, loopback)', () => {
  let dir = '';
  let nginx: ChildProcess | undefined;
  let base = '';
  let plain = '';
  let log = '';

  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is missing: apt-get install nginx');
    if (!fs.existsSync(path.join(BUILD, 'taskpane.html'))) throw new Error(`no build in ${BUILD}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpe-nginx-'));
    // The production build, plus a probe page without a <meta> policy: only the header can block on it.
    const root = path.join(dir, 'www');
    fs.cpSync(BUILD, root, { recursive: true });
    fs.writeFileSync(
      path.join(root, 'csp-probe.html'),
      '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>probe</title></head><body>' +
        '<script>window.__inline = true;</script><script src="csp-probe.js"></script></body></html>',
    );
    fs.writeFileSync(path.join(root, 'csp-probe.js'), 'window.__external = true;');
    fs.writeFileSync(path.join(root, 'taskpane.js.map'), '{}');
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    const ssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], {
      encoding: 'utf8',
    });
    if (ssl.status !== 0) throw new Error(`openssl failed: ${ssl.stderr}`);
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    fs.writeFileSync(path.join(dir, 'site.conf'), siteFor({ httpPort, httpsPort, root, cert, key }));
    const main = [
      'daemon off;',
      'master_process off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  include ${MIME};`,
      '  default_type application/octet-stream;',
      `  access_log ${dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/site.conf;`,
      '}',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
    const check = spawnSync(NGINX, ['-t', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
    nginx = spawn(NGINX, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    base = `https://127.0.0.1:${httpsPort}`;
    plain = `http://127.0.0.1:${httpPort}`;
    const deadline = Date.now() + 15000;
    for (;;) {
      try {
        await request(`${base}/taskpane.html`);
        break;
      } catch (e) {
        if (Date.now() > deadline || nginx.exitCode !== null) throw new Error(`nginx did not start: ${String(e)}\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const gone = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGQUIT');
      await gone;
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the security headers on the pane, its script, the manifests and a 404', async () => {
    const csp = metaCsp();
    for (const p of ['/taskpane.html', '/taskpane.js', '/manifest.xml', '/manifest.json', '/assets/icon-32.png', '/nowhere.html']) {
      const r = await request(`${base}${p}`);
      expect({ p, status: r.status }).toEqual({ p, status: p === '/nowhere.html' ? 404 : 200 });
      expect(r.headers['content-security-policy']).toBe(csp);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
      expect(r.headers['permissions-policy']).toMatch(/camera=\(\)/);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['server']).toBe('nginx'); // no version
      // framing stays allowed: Office on the web shows the pane in an iframe
      expect(r.headers['x-frame-options']).toBeUndefined();
      expect(csp).not.toMatch(/frame-ancestors/);
    }
  });

  test('content types, no listing, no source maps, GET only, HTTP redirects to HTTPS', async () => {
    expect((await request(`${base}/taskpane.html`)).headers['content-type']).toMatch(/^text\/html/);
    expect((await request(`${base}/taskpane.js`)).headers['content-type']).toMatch(/^application\/javascript|^text\/javascript/);
    expect((await request(`${base}/manifest.json`)).headers['content-type']).toMatch(/^application\/json/);
    expect((await request(`${base}/manifest.xml`)).headers['content-type']).toMatch(/xml/);
    expect((await request(`${base}/assets/`)).status).toBe(404);
    expect((await request(`${base}/taskpane.js.map`)).status).toBe(404);
    expect((await request(`${base}/taskpane.html`, 'POST')).status).toBe(403);
    const redirect = await request(`${plain}/taskpane.html`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('https://127.0.0.1/taskpane.html');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let s: Session;
    beforeAll(async () => {
      browser = await launch();
      s = await openSession(browser);
    });
    afterAll(async () => {
      await s?.context.close();
      await browser?.close();
    });

    test('the pane loads through nginx and analyses the document; nothing leaves the machine', async () => {
      const page = s.page;
      await page.setViewportSize({ width: 360, height: 900 });
      await page.addInitScript(
        `window.__JPE_STANDIN__ = ${JSON.stringify({
          host: 'word',
          paragraphs: ['Jobplan', 'Borgeren er jobparat og modtager dagpenge.', 'Vi aftaler samtaler i jobcentret hver anden uge og et privat løntilskud.'],
        })};`,
      );
      await page.addInitScript({ path: path.join(BUILD, 'standins.js') });
      const res = await page.goto(`${base}/taskpane.html`);
      expect(res!.status()).toBe(200);
      expect((await res!.allHeaders())['content-security-policy']).toBe(metaCsp());
      await page.waitForFunction(
        () => {
          const main = document.querySelector('[data-testid="jpe-pane"]');
          return !!main && main.getAttribute('aria-busy') === 'false' && !!main.querySelector('article[data-suggestion-id]');
        },
        undefined,
        { timeout: 20000 },
      );
      expect(s.errors).toEqual([]);
      assertStayedLocal(s);
      expect(s.cdnRequests.length).toBeGreaterThan(0); // Office.js asked for at Microsoft's CDN (answered by the stand-in)
    });

    test('the header policy is enforced on its own: inline script and outside requests are blocked', async () => {
      const page = s.page;
      const violations: string[] = [];
      await page.exposeFunction('__cspViolation', (d: string) => violations.push(d));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation: (d: string) => void }).__cspViolation(e.violatedDirective));
      });
      await page.goto(`${base}/csp-probe.html`);
      const state = await page.evaluate(async () => {
        const w = window as unknown as { __inline?: boolean; __external?: boolean };
        let fetched = true;
        try {
          await fetch('https://example.org/');
        } catch {
          fetched = false;
        }
        return { inline: !!w.__inline, external: !!w.__external, fetched };
      });
      await page.waitForTimeout(200);
      expect(state).toEqual({ inline: false, external: true, fetched: false });
      expect(violations).toContain('script-src-elem');
      expect(violations).toContain('connect-src');
      assertStayedLocal(s);
    });
  });
});
