import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const BUILD = path.join(ROOT, 'build', 'browser-test');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;

export function baseUrl(): string {
  if (process.env.JPE_BROWSER_URL) return process.env.JPE_BROWSER_URL;
  return (JSON.parse(fs.readFileSync(path.join(BUILD, 'server.json'), 'utf8')) as { url: string }).url;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the pages made (URLs). */
  requests: string[];
  /** Requests answered locally in place of the Office.js CDN. */
  cdnRequests: string[];
  /** Requests to any other host (aborted; must stay empty). */
  external: string[];
  errors: string[];
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  } catch {
    return false;
  }
}

/** A context whose network is recorded; the Office.js CDN is answered by `officeStub`, anything else non-local is aborted. */
export async function openSession(browser: Browser, officeStub = '/* office.js stand-in: nothing */'): Promise<Session> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1440, height: 960 },
    locale: 'da-DK',
  });
  const s: Session = { context, page: undefined as unknown as Page, requests: [], cdnRequests: [], external: [], errors: [] };
  context.on('request', (r) => s.requests.push(r.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (OFFICE_CDN.test(url)) {
      s.cdnRequests.push(url);
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: officeStub });
    } else if (isLocal(url)) {
      await route.continue();
    } else {
      s.external.push(url);
      await route.abort('blockedbyclient');
    }
  });
  s.page = await context.newPage();
  s.page.on('pageerror', (e) => s.errors.push(String(e)));
  return s;
}

/** Every request went to 127.0.0.1 (or was the CDN request answered locally). */
export function assertStayedLocal(s: Session): void {
  const offenders = s.requests.filter((u) => !isLocal(u) && !OFFICE_CDN.test(u));
  expect(offenders).toEqual([]);
  expect(s.external).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

export async function screenshotPane(page: Page, name: string, selector = '[data-testid="jpe-pane"]'): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator(selector).first().screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Run axe-core (evaluated through the debugging protocol, so the page's CSP does not block it). */
export async function axeViolations(page: Page, include?: string): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  const src = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(src);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    // Tabster's focus sentinels (<i tabindex=0 aria-hidden data-tabster-dummy>, used by Fluent UI v9 to move focus) are
    // not content; axe's aria-hidden-focus rule flags them by design of the library.
    const res = await axe.run({ include: sel ? [sel] : [document], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, include ?? null);
}

export function seriousOrWorse<T extends { impact: string | null }>(v: T[]): T[] {
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
}

/** What the browser stores for the origin after a session: must hold no document text. */
export async function browserStorage(s: Session): Promise<{ local: string; session: string; idb: string[]; cookies: string; contextCookies: number }> {
  const data = await s.page.evaluate(async () => {
    const dump = (st: Storage) => {
      const o: Record<string, string | null> = {};
      for (let i = 0; i < st.length; i++) {
        const k = st.key(i);
        if (k !== null) o[k] = st.getItem(k);
      }
      return JSON.stringify(o);
    };
    let idb: string[] = [];
    try {
      idb = ((await indexedDB.databases()) ?? []).map((d) => d.name ?? '');
    } catch {
      idb = [];
    }
    return { local: dump(localStorage), session: dump(sessionStorage), idb, cookies: document.cookie };
  });
  return { ...data, contextCookies: (await s.context.cookies()).length };
}

/** Phrases of the document that must not turn up in any store. */
export function probes(text: string): string[] {
  return text
    .split(/[\n.]/)
    .map((x) => x.trim())
    .filter((x) => x.length >= 20)
    .map((x) => x.slice(0, 20));
}

/** A request to another host is blocked by the page's CSP (connect-src), and only that directive fires. */
export async function expectCspBlocksOtherHosts(page: Page): Promise<void> {
  const blocked = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let failed = false;
    try {
      await fetch('https://example.org/');
    } catch {
      failed = true;
    }
    await new Promise((r) => setTimeout(r, 100));
    return { failed, violations };
  });
  if (!blocked.failed) throw new Error('a request to example.org was not blocked');
  // Reported once per policy (the <meta> one and the server's header).
  if (!blocked.violations.length) throw new Error('no CSP violation was reported');
  const kinds = [...new Set(blocked.violations)];
  if (kinds.length !== 1 || kinds[0] !== 'connect-src') throw new Error(`unexpected CSP directives: ${kinds.join(', ')}`);
}
