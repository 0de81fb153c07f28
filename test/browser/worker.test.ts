/**
 * Analysis off the pane's thread: a 100-page plan is analysed in the Web Worker (loaded from the
 * pane's own origin), the pane answers a click while the worker works, and the cards are the ones
 * the core gives on the main thread — also when there is no Worker or the worker fails to load.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/core';
import { realisticText } from '../../bench/corpus-text';
import { WORKER_THRESHOLD_CHARS } from '../../src/taskpane/analysis/analyzer';
import { BUILD, assertStayedLocal, baseUrl, launch, openSession, type Session } from './helpers';

/** About 100 pages (3 000 characters a page) of realistic casework text, one paragraph per line. */
const PARAGRAPHS = realisticText(300 * 1024)
  .split(/[\r\n]+/)
  .filter((p) => p.trim());
const TEXT = PARAGRAPHS.join('\n');
const EXPECTED = analyze(TEXT).suggestions.map((x) => x.id);

/** Records what the page sends to workers and when they answer; after each request it clicks the Opslag toggle. */
const PROBE = `
  window.__JPE_PROBE__ = { workers: [], posts: [], replies: [], clicks: [] };
  const probe = window.__JPE_PROBE__;
  if (window.__JPE_NO_WORKER__) delete window.Worker;
  const Real = window.Worker;
  if (Real) {
    window.Worker = class extends Real {
      constructor(url, opts) {
        super(window.__JPE_BROKEN_WORKER__ ? '/no-such-worker.js' : url, opts);
        probe.workers.push(String(url));
        this.addEventListener('message', () => probe.replies.push(performance.now()));
      }
      postMessage(m, t) {
        probe.posts.push({ at: performance.now(), length: m && typeof m.text === 'string' ? m.text.length : -1 });
        super.postMessage(m, t);
        // A user's click, arriving while the worker analyses.
        setTimeout(() => {
          const b = document.querySelector('[data-testid="jpe-lookup-toggle"]');
          const main = document.querySelector('[data-testid="jpe-pane"]');
          const busy = main && main.getAttribute('aria-busy');
          if (b) b.click();
          const at = performance.now();
          // React renders the click's update in a microtask queued during the click: read after it.
          queueMicrotask(() => probe.clicks.push({ at, busy, expanded: b && b.getAttribute('aria-expanded') }));
        }, 0);
      }
    };
  }
`;

async function open(s: Session, flags: Record<string, boolean> = {}): Promise<void> {
  const bundle = path.join(BUILD, 'standins.js');
  if (!fs.existsSync(bundle)) throw new Error('standins.js was not built');
  await s.page.addInitScript(`window.__JPE_STANDIN__ = ${JSON.stringify({ host: 'word', paragraphs: PARAGRAPHS })};`);
  for (const [k, v] of Object.entries(flags)) await s.page.addInitScript(`window.${k} = ${JSON.stringify(v)};`);
  await s.page.addInitScript(PROBE);
  await s.page.addInitScript({ path: bundle });
  await s.page.goto(`${baseUrl()}/taskpane.html`);
  await waitForCards(s.page);
}

async function waitForCards(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('[data-testid="jpe-pane"]');
      return !!main && main.getAttribute('aria-busy') === 'false' && !!main.querySelector('article[data-suggestion-id]');
    },
    undefined,
    { timeout: 60000 },
  );
}

/** The cards shown, in order; "Andre synspunkter" is collapsed, so its cards count from the group's list. */
async function cardIds(page: Page): Promise<string[]> {
  return page.$$eval(
    '[data-testid="jpe-pane"] article[data-suggestion-id]:not([data-kind-group="viewpoint"] article), [data-testid="jpe-pane"] [data-kind-group="viewpoint"]',
    (els) =>
      els.flatMap((e) => {
        const d = (e as HTMLElement).dataset;
        return d['suggestionIds'] !== undefined ? d['suggestionIds'].split(' ').filter(Boolean) : [d['suggestionId'] ?? ''];
      }),
  );
}

interface Probe {
  workers: string[];
  posts: { at: number; length: number }[];
  replies: number[];
  clicks: { at: number; busy: string | null; expanded: string | null }[];
}
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __JPE_PROBE__: Probe }).__JPE_PROBE__);

describe('analysis in a Web Worker (Word stand-in, 100 pages)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the document is long enough for the worker', () => {
    expect(TEXT.length).toBeGreaterThan(250_000);
    expect(TEXT.length).toBeGreaterThan(WORKER_THRESHOLD_CHARS);
    expect(EXPECTED.length).toBeGreaterThan(3);
  });

  test('analysed in the worker from the same origin; a click is handled while it works; the cards are the main-thread result', async () => {
    const s = await openSession(browser);
    const workers: string[] = [];
    s.page.on('worker', (w) => workers.push(w.url()));
    try {
      await open(s);
      const p = await probe(s.page);
      // one worker, from the pane's origin, given the whole text
      expect(workers).toHaveLength(1);
      expect(new URL(workers[0] as string).origin).toBe(new URL(baseUrl()).origin);
      expect(p.posts.map((x) => x.length)).toEqual([TEXT.length]);
      // the click went in while the pane was busy and the worker had not answered, and it was handled at once
      const click = p.clicks[0];
      expect(click).toMatchObject({ busy: 'true', expanded: 'true' });
      expect(click!.at).toBeLessThan(p.replies[0] as number);
      expect(await cardIds(s.page)).toEqual(EXPECTED);
      expect(s.errors).toEqual([]);
      assertStayedLocal(s);

      // "Analysér igen" goes to the same worker
      await s.page.getByRole('button', { name: 'Analysér igen' }).click();
      await s.page.waitForFunction(() => (window as unknown as { __JPE_PROBE__: Probe }).__JPE_PROBE__.replies.length === 2, undefined, { timeout: 60000 });
      await waitForCards(s.page);
      expect(workers).toHaveLength(1);
      expect(await cardIds(s.page)).toEqual(EXPECTED);
    } finally {
      await s.context.close();
    }
  });

  test('without Worker the pane analyses in its own thread, with the same cards', async () => {
    const s = await openSession(browser);
    try {
      await open(s, { __JPE_NO_WORKER__: true });
      expect(await s.page.evaluate(() => typeof (window as unknown as { Worker?: unknown }).Worker)).toBe('undefined');
      expect((await probe(s.page)).posts).toEqual([]);
      expect(await cardIds(s.page)).toEqual(EXPECTED);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test('a worker that fails to load: the pane falls back to its own thread and loses nothing', async () => {
    const s = await openSession(browser);
    try {
      await open(s, { __JPE_BROKEN_WORKER__: true });
      const p = await probe(s.page);
      expect(p.posts).toHaveLength(1);
      expect(p.replies).toEqual([]);
      expect(await cardIds(s.page)).toEqual(EXPECTED);
    } finally {
      await s.context.close();
    }
  });
});
