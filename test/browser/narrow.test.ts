/**
 * The demo in a narrow window (340 px, and 320 px for axe): the pane is not cut off, nothing scrolls
 * sideways, and no control carries an English screen-reader label.
 */
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, axeViolations, baseUrl, launch, openSession, seriousOrWorse, type Session } from './helpers';

/** Labels Fluent UI ships in English unless the app gives its own. */
const ENGLISH = /^(Clear selection|Dismiss|Close|Remove|Clear|Open|Expand|Collapse)$/i;

describe('the demo at 340 px', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
    await s.page.setViewportSize({ width: 340, height: 800 });
    await s.page.goto(`${baseUrl()}/demo.html`);
    await s.page.waitForSelector('[data-testid="jpe-pane"] article[data-suggestion-id]', { timeout: 20000 });
  });
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
  });

  test('nothing scrolls sideways and the whole pane is inside the window', async () => {
    const page = s.page;
    const m = await page.evaluate(() => {
      const pane = document.querySelector('[data-testid="jpe-pane"]')!.getBoundingClientRect();
      const insertAll = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Indsæt alle');
      const doc = document.querySelector('[data-testid="jpe-document"]')!.getBoundingClientRect();
      return {
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        paneLeft: Math.round(pane.left),
        paneRight: Math.round(pane.right),
        insertAllRight: insertAll ? Math.round(insertAll.getBoundingClientRect().right) : null,
        docWidth: Math.round(doc.width),
        width: document.documentElement.clientWidth,
      };
    });
    expect(m.sideways).toBeLessThanOrEqual(0);
    expect(m.paneLeft).toBeGreaterThanOrEqual(0);
    expect(m.paneRight).toBeLessThanOrEqual(m.width);
    expect(m.insertAllRight).not.toBeNull();
    expect(m.insertAllRight!).toBeLessThanOrEqual(m.width);
    expect(m.docWidth).toBeGreaterThan(200); // the document is still there, not collapsed to nothing
    await page.locator('[data-testid="jpe-pane"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-340.png') });
  });

  test('no English screen-reader labels', async () => {
    const labels = await s.page.$$eval('[aria-label]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.filter((l) => ENGLISH.test(l.trim()))).toEqual([]);
  });

  test('no serious accessibility violations at 320 px', async () => {
    await s.page.setViewportSize({ width: 320, height: 800 });
    expect(seriousOrWorse(await axeViolations(s.page))).toEqual([]);
  });
});
