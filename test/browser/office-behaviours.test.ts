import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { analyze, bundledEvidence, suggestionWithCitation } from '../../src/core';
import { BUILD, baseUrl, launch, openSession, type Session } from './helpers';

/**
 * The real task pane in a browser, against the Office stand-ins behaving as Office is documented to
 * (../shared/reviews/office-fidelity.md): a write round trip that fails half-way (office-js#6760)
 * and is retried from the pane, NotAllowed (office-js#6746), and an Outlook selection that
 * setSelectedDataAsync would replace (Body.setSelectedDataAsync reference).
 */

const PLAN = [
  'Jobplan for Karin Holm',
  'Karin er jobparat og modtager dagpenge.',
  'Karin deltager i samtaler i jobcentret hver anden uge, hvor vi drøfter konkrete jobforslag.',
  'Der etableres et offentligt løntilskud i kommunens tekniske forvaltning i 6 måneder.',
  'Karin får en mentor i tre måneder.',
];

async function open(page: Page, cfg: unknown): Promise<void> {
  await page.addInitScript(`window.__JPE_STANDIN__ = ${JSON.stringify(cfg)};`);
  await page.addInitScript({ path: path.join(BUILD, 'standins.js') });
  await page.goto(`${baseUrl()}/taskpane.html`);
  await page.waitForFunction(() => {
    const main = document.querySelector('[data-testid="jpe-pane"]');
    return !!main && main.getAttribute('aria-busy') === 'false' && !!main.querySelector('article[data-suggestion-id]');
  }, undefined, { timeout: 15000 });
}
function handle<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const h = window.__JPE_STANDIN_HANDLE__; return JSON.parse(JSON.stringify(${fn})); })()`) as Promise<T>;
}
const unmark = (t: string) => t.replace(/[\u2062\u2063]/g, '');

describe('task pane under Office behaviours (stand-ins)', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    expect(fs.existsSync(path.join(BUILD, 'standins.js'))).toBe(true);
    browser = await launch();
  });
  beforeEach(async () => {
    s = await openSession(browser);
    await s.page.setViewportSize({ width: 360, height: 900 });
  });
  afterEach(async () => {
    await s?.context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each([2, 3, 5, 9])('Word: "Indsæt alle" whose write fails after %s statements, then "Prøv igen": each suggestion once, one Kildeliste', async (k) => {
    const page = s.page;
    await open(page, { host: 'word', paragraphs: PLAN });
    await page.evaluate((ops) => {
      const h = (window as unknown as { __JPE_STANDIN_HANDLE__: { syncCount: number; beforeSync: ((n: number) => void) | null; failAtOp(n: number): void } }).__JPE_STANDIN_HANDLE__;
      const write = h.syncCount + 2; // Indsæt alle: one read, one write
      h.beforeSync = (n) => {
        if (n === write) h.failAtOp(ops);
      };
    }, k);
    await page.getByRole('button', { name: 'Indsæt alle', exact: true }).click();
    await page.getByText('Forbindelsen til Office blev afbrudt. Prøv igen.').waitFor();
    await page.locator('[data-notice="connection"]').getByRole('button', { name: 'Prøv igen' }).click();
    await page.getByText(/forslag er indsat med kildehenvisning, og kildelisten er opdateret|Forslagene stod allerede i dokumentet/).waitFor();
    const paras = await handle<{ text: string; tag: string | null }[]>(page, 'h.paragraphs()');
    const set = bundledEvidence();
    const shown = analyze(PLAN.join('\r')).suggestions.filter((x) => x.mention);
    expect(shown.length).toBeGreaterThan(1);
    for (const x of shown) {
      const t = suggestionWithCitation(set, x, 'short');
      expect([x.id, paras.filter((p) => unmark(p.text) === t).length]).toEqual([x.id, 1]);
    }
    expect(paras.filter((p) => unmark(p.text) === 'Kildeliste')).toHaveLength(1);
    expect(paras.filter((p) => p.tag === null && !p.text.startsWith('\u2063')).map((p) => p.text)).toEqual(PLAN);
    expect(paras.filter((p) => p.text.startsWith('\u2063') && !(p.tag ?? '').startsWith('jpe:'))).toEqual([]);
  });

  test('Word: NotAllowed on insert gets its own notice, not "lost connection"', async () => {
    const page = s.page;
    await open(page, { host: 'word', paragraphs: PLAN });
    await page.evaluate(() => {
      const h = (window as unknown as { __JPE_STANDIN_HANDLE__: { syncCount: number; beforeSync: ((n: number) => void) | null; failNextSync(c: string): void } }).__JPE_STANDIN_HANDLE__;
      const write = h.syncCount + 2;
      h.beforeSync = (n) => {
        if (n === write) h.failNextSync('NotAllowed');
      };
    });
    await page.locator('article[data-suggestion-id]').first().getByRole('button', { name: 'Indsæt', exact: true }).click();
    await page.getByText('Office tillod ikke ændringen').waitFor();
    expect(await page.getByText('Forbindelsen til Office blev afbrudt. Prøv igen.').count()).toBe(0);
    expect(await handle<string[]>(page, 'h.paragraphTexts()')).toEqual(PLAN);
  });

  test('Outlook: with text selected, Indsæt does not replace it', async () => {
    const page = s.page;
    const body = `<html><body>${PLAN.map((p, i) => `<p>${i === 3 ? p.replace('offentligt løntilskud', '|SEL|offentligt løntilskud|/SEL|') : p}</p>`).join('')}</body></html>`;
    await open(page, { host: 'outlook', body });
    const before = await handle<string>(page, 'h.body');
    await page.locator('article[data-suggestion-id]').first().getByRole('button', { name: 'Indsæt', exact: true }).click();
    await page.getByText('Du har markeret tekst').waitFor();
    expect(await handle<string>(page, 'h.body')).toBe(before);
  });
});
