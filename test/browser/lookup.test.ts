/**
 * "Opslag" in the real pane (taskpane.html, Word stand-in), driven by keyboard as far as it goes:
 * an e-mail or plan being written from scratch, the adviser looks up an instrument × target group,
 * reads the finding and inserts its sentence with the citation at the cursor.
 */
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { bundledEvidence } from '../../src/core';
import { findingsCountText, lookupFindings, lookupSentence } from '../../src/taskpane/useLookup';
import { ARTIFACTS, BUILD, assertStayedLocal, axeViolations, baseUrl, launch, openSession, seriousOrWorse, type Session } from './helpers';

const set = bundledEvidence();
const DOC = ['Kære Mette', 'Her er et forslag til din plan.'];

function handle<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const h = window.__JPE_STANDIN_HANDLE__; return JSON.parse(JSON.stringify(${fn})); })()`) as Promise<T>;
}

describe('Opslag in the task pane (Word stand-in)', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
    await s.page.setViewportSize({ width: 340, height: 900 });
    // The cursor at the end of the second paragraph.
    await s.page.addInitScript(`window.__JPE_STANDIN__ = ${JSON.stringify({ host: 'word', paragraphs: DOC, selection: { paragraph: 1 } })};`);
    await s.page.addInitScript({ path: path.join(BUILD, 'standins.js') });
    await s.page.goto(`${baseUrl()}/taskpane.html`);
    await s.page.getByTestId('pane-ready').waitFor();
  });
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
  });

  test('opens from the keyboard, filters by instrument × target group, and the count is announced', async () => {
    const page = s.page;
    const toggle = page.getByRole('button', { name: 'Opslag i evidensen' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const lookup = page.getByTestId('jpe-lookup');
    await lookup.waitFor();
    const count = lookup.getByRole('status').first();
    expect(await count.innerText()).toBe(findingsCountText(set.findings.length));

    await page.keyboard.press('Tab'); // into "Indsats"
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('jpe-lookup-instrument');
    await lookup.getByTestId('jpe-lookup-instrument').selectOption('mentor');
    await lookup.getByTestId('jpe-lookup-group').selectOption('psykisk-lidelse');
    const want = lookupFindings(set, 'mentor', 'psykisk-lidelse');
    expect(want.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="jpe-lookup"] article').length === n, want.length);
    expect(await count.innerText()).toMatch(new RegExp(`^${findingsCountText(want.length)}`));
    expect(await lookup.locator('article').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')))).toEqual(want.map((f) => f.id));
    // each card: heading, badge, quote, figures where the finding has them, source
    const first = want[0]!;
    const card = lookup.locator(`article[data-finding-id="${first.id}"]`);
    expect(await card.getByRole('heading', { level: 3 }).innerText()).toBe(first.headline);
    expect(await card.locator('blockquote').innerText()).toBe(`»${first.quote}«`);
    if (first.figures.length) expect(await card.locator('dl dd').count()).toBe(first.figures.length);
    await card.getByText(/^Kilde: /).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'lookup-340.png'), fullPage: false });
  });

  test('Indsæt ved markøren puts the sentence with its citation at the cursor; the user text stays', async () => {
    const page = s.page;
    const f = lookupFindings(set, 'mentor', 'psykisk-lidelse')[0]!;
    const card = page.getByTestId('jpe-lookup').locator(`article[data-finding-id="${f.id}"]`);
    const button = card.getByRole('button', { name: 'Indsæt ved markøren' });
    await button.focus();
    await page.keyboard.press('Enter');
    await card.getByText('Sætningen er indsat ved markøren med kildehenvisning.').waitFor();
    const want = lookupSentence(set, f, 'fagperson', 'short');
    const paras = await handle<string[]>(page, 'h.paragraphTexts()');
    const clean = paras.map((p) => p.replace(/[\u2062\u2063]/g, ''));
    expect(clean.some((p) => p.includes(want))).toBe(true);
    expect(await handle<string[]>(page, 'h.userParagraphTexts()')).toEqual(DOC);
    const ccs = await handle<{ tag: string }[]>(page, 'h.contentControls()');
    expect(ccs.map((c) => c.tag)).toContain(`jpe:cite:${f.id}@${f.version}`);
    // Not flagged stale although the text does not mention mentor: it was not inserted for a mention.
    await page.waitForTimeout(500);
    expect(await page.getByText('Forældede citater').count()).toBe(0);
  });

  test('no serious accessibility violations in Opslag at 320 px, and nothing left the machine', async () => {
    await s.page.setViewportSize({ width: 320, height: 900 });
    expect(seriousOrWorse(await axeViolations(s.page, '[data-testid="jpe-lookup"]'))).toEqual([]);
    // nothing sticks out sideways at 320 px
    const wide = await s.page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      return Array.from(document.querySelectorAll('[data-testid="jpe-lookup"] *'))
        .filter((e) => e.getBoundingClientRect().right > w + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().right)}`);
    });
    expect(wide).toEqual([]);
    assertStayedLocal(s);
    expect(s.errors).toEqual([]);
  });
});

describe('Opslag in the browser demo', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
    await s.page.goto(`${baseUrl()}/demo.html`);
    await s.page.waitForSelector('[data-testid="jpe-pane"] article[data-suggestion-id]', { timeout: 20000 });
  });
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
  });

  test('inserts an IPS finding at the cursor of the demo document, and it is not listed as stale', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Opslag i evidensen' }).click();
    const lookup = page.getByTestId('jpe-lookup');
    await lookup.getByTestId('jpe-lookup-instrument').selectOption('ips');
    const f = lookupFindings(set, 'ips', 'alle')[0]!;
    const card = lookup.locator(`article[data-finding-id="${f.id}"]`);
    await card.getByRole('button', { name: 'Indsæt ved markøren' }).click();
    await card.getByText('Sætningen er indsat ved markøren med kildehenvisning.').waitFor();
    const doc = (await page.getByTestId('jpe-document').innerText()).replace(/[\u2062\u2063]/g, '');
    expect(doc).toContain(lookupSentence(set, f, 'fagperson', 'short'));
    await page.waitForTimeout(600); // the re-analysis after the change
    expect(await page.getByText('Forældede citater').count()).toBe(0);
    assertStayedLocal(s);
    expect(s.errors).toEqual([]);
  });
});
