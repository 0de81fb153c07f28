import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { analyze, maskInserted } from '../../src/core';
import {
  BUILD,
  assertStayedLocal,
  axeViolations,
  baseUrl,
  browserStorage,
  launch,
  openSession,
  probes,
  screenshotPane,
  seriousOrWorse,
  type Session,
} from './helpers';

/** A job plan that triggers support, caution and consider cards. */
const PLAN = [
  'Jobplan for Karin Holm',
  '',
  'Karin er 52 år, ufaglært og har været ledig i 14 måneder. Hun er jobparat og modtager dagpenge.',
  'Karin deltager i samtaler i jobcentret hver anden uge, hvor vi drøfter konkrete jobforslag.',
  'Der etableres et offentligt løntilskud i kommunens tekniske forvaltning i 6 måneder.',
  'Karin ønsker ikke virksomhedspraktik på nuværende tidspunkt.',
  'Karin får en mentor i tre måneder.',
];

const PANE_VIEWPORT = { width: 360, height: 900 };

async function withStandin(page: Page, cfg: unknown): Promise<void> {
  const bundle = path.join(BUILD, 'standins.js');
  if (!fs.existsSync(bundle)) throw new Error('standins.js was not built (test/standins/browser-entry.ts missing?)');
  await page.addInitScript(`window.__JPE_STANDIN__ = ${JSON.stringify(cfg)};`);
  await page.addInitScript({ path: bundle });
}

async function waitForAnalysis(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('[data-testid="jpe-pane"]');
    return !!main && main.getAttribute('aria-busy') === 'false' && !!main.querySelector('article[data-suggestion-id]');
  }, undefined, { timeout: 15000 });
}

async function cardIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="jpe-pane"] article[data-suggestion-id]', (els) => els.map((e) => (e as HTMLElement).dataset['suggestionId'] ?? ''));
}

function handle<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const h = window.__JPE_STANDIN_HANDLE__; return JSON.parse(JSON.stringify(${fn})); })()`) as Promise<T>;
}

async function checkPrivacy(s: Session, docText: string): Promise<void> {
  assertStayedLocal(s);
  expect(s.cdnRequests.length).toBeGreaterThan(0);
  const store = await browserStorage(s);
  const all = `${store.local}\n${store.session}\n${store.idb.join('\n')}\n${store.cookies}`;
  for (const p of probes(docText)) expect(all.includes(p)).toBe(false);
  expect(store.local).toBe('{}');
  expect(store.session).toBe('{}');
  expect(store.idb).toEqual([]);
  expect(store.contextCookies).toBe(0);
}

describe('task pane in Word (stand-in)', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
    await s.page.setViewportSize(PANE_VIEWPORT);
    await withStandin(s.page, { host: 'word', paragraphs: PLAN });
  });
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
  });

  test('analyses the document on open', async () => {
    await s.page.goto(`${baseUrl()}/taskpane.html`);
    await waitForAnalysis(s.page);
    const expected = analyze(PLAN.join('\n')).suggestions.map((x) => x.id);
    expect(await cardIds(s.page)).toEqual(expected);
    await s.page.getByRole('heading', { name: 'Indsatser i teksten' }).waitFor();
    await screenshotPane(s.page, 'word-pane');
  });

  test('a card expands to the quote, references and the caveat', async () => {
    const card = s.page.locator('article[data-suggestion-id]').first();
    await card.getByRole('button', { name: 'Kilde og detaljer' }).click();
    await card.locator('blockquote').first().waitFor();
    await card.getByText('Effekterne er gennemsnitseffekter og skal suppleres med en individuel vurdering.').waitFor();
    await card.screenshot({ path: require('path').join(require('./helpers').ARTIFACTS, 'word-card-expanded.png') });
    await card.getByRole('button', { name: 'Kilde og detaljer' }).click();
  });

  test('Kommentar adds a Word comment at the mention', async () => {
    const card = s.page.locator('article[data-suggestion-id]').filter({ has: s.page.getByRole('button', { name: 'Kommentar' }) }).first();
    const sentence = (await card.locator('p').first().innerText()).trim().replace(/[.\s]+$/, '');
    await card.getByRole('button', { name: 'Kommentar' }).click();
    await s.page.getByText('Kommentaren er tilføjet ved teksten.').waitFor();
    const comments = await handle<{ text: string; quoted: string }[]>(s.page, 'h.commentList()');
    expect(comments.length).toBe(1);
    expect(comments[0]?.text).toContain(sentence);
    // The user's own paragraphs are untouched.
    expect(await handle<string[]>(s.page, 'h.userParagraphTexts()')).toEqual(PLAN);
  });

  test('Indsæt inserts the suggestion with its citation after the mention', async () => {
    const card = s.page.locator('article[data-suggestion-id]').first();
    const sentence = (await card.locator('p').first().innerText()).trim().replace(/[.\s]+$/, '');
    await card.getByRole('button', { name: 'Indsæt' }).click();
    await s.page.getByText(/Forslaget er indsat i dokumentet/).waitFor();
    const paras = await handle<string[]>(s.page, 'h.paragraphTexts()');
    const hit = paras.find((p) => p.includes(sentence));
    expect(hit).toMatch(/\((STAR|DA)[^)]*\)\.?/);
    const ccs = await handle<{ tag: string }[]>(s.page, 'h.contentControls()');
    expect(ccs.some((c) => c.tag.startsWith('jpe:cite:'))).toBe(true);
  });

  test('Kildeliste inserts one reference list, updated in place', async () => {
    const btn = s.page.getByRole('button', { name: 'Kildeliste' });
    await btn.click();
    await s.page.getByText(/Kildelisten sidst i dokumentet er opdateret/).waitFor();
    await btn.click();
    await s.page.waitForTimeout(400);
    const ccs = await handle<{ tag: string; text: string }[]>(s.page, 'h.contentControls()');
    const lists = ccs.filter((c) => c.tag === 'jpe:kildeliste');
    expect(lists.length).toBe(1);
    expect(maskInserted(lists[0]?.text ?? '').trim()).toBe('');
    const paras = await handle<string[]>(s.page, 'h.paragraphTexts()');
    expect(paras.filter((p) => p.replace(/[\u2062\u2063]/g, '').trim() === 'Kildeliste').length).toBe(1);
    await screenshotPane(s.page, 'word-pane-after');
  });

  test('dismissing stores only ids in the document settings', async () => {
    const card = s.page.locator('article[data-suggestion-id]').first();
    const id = await card.getAttribute('data-suggestion-id');
    await card.getByRole('button', { name: 'Afvis' }).click();
    await s.page.getByRole('menuitem', { name: 'Ikke relevant for borgeren' }).click();
    await s.page.getByRole('switch', { name: /Vis afviste \(1\)/ }).waitFor();
    const saved = await handle<Record<string, unknown>>(s.page, 'h.workingSettings');
    const json = JSON.stringify(saved);
    expect(json).toContain(`${id}:not-relevant`);
    for (const p of probes(PLAN.join('\n'))) expect(json.includes(p)).toBe(false);
  });

  test('no serious accessibility violations in the pane', async () => {
    expect(seriousOrWorse(await axeViolations(s.page))).toEqual([]);
  });

  test('privacy: nothing left localhost, nothing stored in the browser', async () => {
    const blocked = await s.page.evaluate(async () => {
      const v: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => v.push(e.violatedDirective));
      let failed = false;
      try {
        await fetch('https://example.org/');
      } catch {
        failed = true;
      }
      await new Promise((r) => setTimeout(r, 100));
      return { failed, v };
    });
    expect(blocked.failed).toBe(true);
    // Reported once per policy (the <meta> one and the server's header).
    expect(blocked.v.length).toBeGreaterThan(0);
    expect(new Set(blocked.v)).toEqual(new Set(['connect-src']));
    await checkPrivacy(s, PLAN.join('\n'));
    expect(s.errors).toEqual([]);
  });
});

describe('task pane in an old Word without comments (stand-in, WordApi 1.3)', () => {
  test('Kommentar explains and inserts the text instead', async () => {
    const browser = await launch();
    const s = await openSession(browser);
    try {
      await s.page.setViewportSize(PANE_VIEWPORT);
      await withStandin(s.page, { host: 'word', paragraphs: PLAN, word: { wordApi: '1.3' } });
      await s.page.goto(`${baseUrl()}/taskpane.html`);
      await waitForAnalysis(s.page);
      const card = s.page.locator('article[data-suggestion-id]').filter({ has: s.page.getByRole('button', { name: 'Kommentar' }) }).first();
      await card.getByRole('button', { name: 'Kommentar' }).click();
      await s.page.getByText('Kommentarer kræver en nyere version af Office').waitFor();
      await s.page.getByText(/indsat i teksten i stedet/).first().waitFor();
      expect(await handle<unknown[]>(s.page, 'h.commentList()')).toEqual([]);
      const ccs = await handle<{ tag: string }[]>(s.page, 'h.contentControls()');
      expect(ccs.some((c) => c.tag.startsWith('jpe:cite:'))).toBe(true);
      assertStayedLocal(s);
    } finally {
      await s.context.close();
      await browser.close();
    }
  });
});

describe('task pane in Outlook (stand-in)', () => {
  const body = `<html><body>${PLAN.map((l) => `<p>${l || '<br>'}</p>`).join('')}<p>|CURSOR|</p><p>Venlig hilsen<br>Jobcentret</p></body></html>`;

  test('compose: analyses the draft and inserts at the cursor', async () => {
    const browser = await launch();
    const s = await openSession(browser);
    try {
      await s.page.setViewportSize(PANE_VIEWPORT);
      await withStandin(s.page, { host: 'outlook', body, outlook: { mode: 'compose', bodyType: 'html' } });
      await s.page.goto(`${baseUrl()}/taskpane.html`);
      await waitForAnalysis(s.page);
      expect((await cardIds(s.page)).length).toBeGreaterThan(0);
      expect(await s.page.getByRole('button', { name: 'Kommentar' }).count()).toBe(0);
      const card = s.page.locator('article[data-suggestion-id]').first();
      const sentence = (await card.locator('p').first().innerText()).trim().replace(/[.\s]+$/, '');
      await card.getByRole('button', { name: 'Indsæt' }).click();
      await s.page.getByText(/Forslaget er indsat i dokumentet/).waitFor();
      const mail = await handle<string>(s.page, 'h.body');
      const at = mail.indexOf(sentence.slice(0, 40));
      expect(at).toBeGreaterThan(mail.indexOf('Karin får en mentor'));
      expect(at).toBeLessThan(mail.indexOf('Venlig hilsen'));
      await screenshotPane(s.page, 'outlook-pane');
      expect(seriousOrWorse(await axeViolations(s.page))).toEqual([]);
      await checkPrivacy(s, PLAN.join('\n'));
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
      await browser.close();
    }
  });

  test('read mode: analysis and copy only', async () => {
    const browser = await launch();
    const s = await openSession(browser);
    try {
      await s.page.setViewportSize(PANE_VIEWPORT);
      await withStandin(s.page, { host: 'outlook', body, outlook: { mode: 'read', bodyType: 'html' } });
      await s.page.goto(`${baseUrl()}/taskpane.html`);
      await waitForAnalysis(s.page);
      await s.page.getByText('Læsevisning', { exact: true }).waitFor();
      expect(await s.page.getByRole('button', { name: 'Indsæt' }).count()).toBe(0);
      expect(await s.page.getByRole('button', { name: 'Kildeliste' }).count()).toBe(0);
      expect(await s.page.getByRole('button', { name: 'Kopiér' }).count()).toBeGreaterThan(0);
      assertStayedLocal(s);
    } finally {
      await s.context.close();
      await browser.close();
    }
  });
});

describe('task pane outside Office', () => {
  test('shows a Danish notice when Office.js does not load', async () => {
    const browser = await launch();
    const s = await openSession(browser);
    try {
      await s.page.goto(`${baseUrl()}/taskpane.html`);
      await s.page.getByText('Office kunne ikke indlæses').waitFor();
      assertStayedLocal(s);
    } finally {
      await s.context.close();
      await browser.close();
    }
  });
});
