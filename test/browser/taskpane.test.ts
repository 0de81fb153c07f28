import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { AVERAGE_EFFECT_CAVEAT, analyze, bundledEvidence, markerTag, maskInserted, wrapInserted } from '../../src/core';
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
  expectCspBlocksOtherHosts,
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
    await card.getByText(AVERAGE_EFFECT_CAVEAT).waitFor();
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
    // Stored as a nested id → reason map (the settings sanitiser keeps one level of maps).
    expect((saved['jpe'] as { dismissed?: Record<string, string> }).dismissed?.[id as string]).toBe('not-relevant');
    for (const p of probes(PLAN.join('\n'))) expect(json.includes(p)).toBe(false);
  });

  test('no serious accessibility violations in the pane', async () => {
    expect(seriousOrWorse(await axeViolations(s.page))).toEqual([]);
  });

  test('privacy: nothing left localhost, nothing stored in the browser', async () => {
    await expectCspBlocksOtherHosts(s.page);
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

/** Every text node and attribute value in the page (the full CPR number must be in none of them). */
async function pageDump(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.body.innerText, document.title];
    document.querySelectorAll('*').forEach((el) => {
      for (const a of Array.from(el.attributes)) parts.push(a.value);
    });
    return parts.join('\n');
  });
}

describe('CPR guard and stale citations in Outlook (stand-in)', () => {
  test('compose: a warning with the masked number only; a stale citation span is listed', async () => {
    const samtale = analyze(PLAN.join('\n')).suggestions.find((x) => x.instrument === 'samtale');
    const finding = samtale?.citations[0]?.finding as string;
    const oldSpan = `<span id="jpe-cite-${finding}_0_samtale_k1a2b3">${wrapInserted('En ældre formulering om samtaler (STAR, 2025).')}</span>`;
    const body = `<html><body>${PLAN.map((l) => `<p>${l || '<br>'}</p>`).join('')}<p>Karins CPR-nummer er 010190-1234.</p><p>${oldSpan}</p><p>|CURSOR|</p><p>Venlig hilsen<br>Jobcentret</p></body></html>`;
    const browser = await launch();
    const s = await openSession(browser);
    try {
      await s.page.setViewportSize(PANE_VIEWPORT);
      await withStandin(s.page, { host: 'outlook', body, outlook: { mode: 'compose', bodyType: 'html', to: ['karin@example.dk'] } });
      await s.page.goto(`${baseUrl()}/taskpane.html`);
      await waitForAnalysis(s.page);
      const bar = s.page.getByTestId('jpe-cpr');
      await bar.getByText('Udkastet indeholder et CPR-nummer.').waitFor();
      await bar.getByText(/CPR-numre må ikke sendes med almindelig e-mail – brug sikker mail \(fx Digital Post eller krypteret mail\)\./).waitFor();
      await bar.getByText('010190-****').waitFor();
      expect(await bar.getAttribute('data-intent')).toBe('warning');
      const stale = s.page.getByTestId('jpe-stale');
      await stale.getByRole('heading', { name: 'Forældede citater' }).waitFor();
      await stale.getByText('Fundet er opdateret i evidenssættet siden citatet blev indsat').waitFor();
      const dump = await pageDump(s.page);
      expect(dump).toContain('010190-****');
      expect(dump).not.toContain('010190-1234');
      expect(dump).not.toContain('0101901234');
      await screenshotPane(s.page, 'outlook-pane-cpr-stale');
      expect(seriousOrWorse(await axeViolations(s.page))).toEqual([]);

      // Opdatér rewrites only that span, with the current version in its id.
      const version = samtale?.citations[0]?.findingVersion as number;
      await stale.getByRole('button', { name: 'Opdatér' }).click();
      await s.page.getByText('Citatet er opdateret med den nyeste formulering og kildehenvisning.').waitFor();
      const mail = await handle<string>(s.page, 'h.body');
      expect(mail).not.toContain('En ældre formulering');
      expect(mail).toMatch(new RegExp(`<span id="jpe-cite-${finding}_${version}_samtale_[a-z0-9]+">`));
      expect(mail).toContain('Karins CPR-nummer er 010190-1234.');
      await s.page.getByTestId('jpe-stale').waitFor({ state: 'detached' });
      assertStayedLocal(s);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
      await browser.close();
    }
  });
});

describe('stale citations and registers in Word (stand-in)', () => {
  const set = bundledEvidence();
  const samtale = analyze(PLAN.join('\n')).suggestions.find((x) => x.instrument === 'samtale');
  const finding = samtale?.citations[0]?.finding as string;
  const version = samtale?.citations[0]?.findingVersion as number;
  const ips = set.findings.find((f) => f.instruments.includes('ips' as never));
  const OLD_TAG = markerTag('cite', finding, 0, 'samtale');
  const IPS_TAG = markerTag('cite', ips?.id, ips?.version, 'ips');
  const OLD_TEXT = wrapInserted('En ældre formulering om samtaler (STAR, 2025).');
  const samtaleAt = PLAN.findIndex((l) => l.includes('samtaler'));
  const paragraphs = [
    ...PLAN.slice(0, samtaleAt + 1),
    { text: OLD_TEXT, ccTag: OLD_TAG, ccId: 'old' },
    { text: wrapInserted('IPS øger beskæftigelsen (STAR, 2026).'), ccTag: IPS_TAG, ccId: 'ips' },
    ...PLAN.slice(samtaleAt + 1),
  ];
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
    await s.page.setViewportSize(PANE_VIEWPORT);
    await withStandin(s.page, { host: 'word', paragraphs });
    await s.page.goto(`${baseUrl()}/taskpane.html`);
    await waitForAnalysis(s.page);
  });
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
  });

  test('an inserted citation with an old version and one whose instrument is gone are listed with Danish reasons', async () => {
    // Insert a current citation first: it is not stale.
    const card = s.page.locator(`article[data-suggestion-id]`).first();
    await card.getByRole('button', { name: 'Indsæt' }).click();
    await s.page.getByText(/Forslaget er indsat i dokumentet/).waitFor();
    await s.page.getByRole('button', { name: 'Analysér igen' }).click();
    await waitForAnalysis(s.page);
    const stale = s.page.getByTestId('jpe-stale');
    await stale.getByRole('heading', { name: 'Forældede citater' }).waitFor();
    const items = stale.locator('li[data-stale-finding]');
    expect(await items.count()).toBe(2);
    await items.nth(0).getByText('Fundet er opdateret i evidenssættet siden citatet blev indsat').waitFor();
    await items.nth(1).getByText('Indsatsen, citatet hører til, står ikke længere i dokumentet').waitFor();
    expect(await items.nth(1).getByRole('button', { name: 'Opdatér' }).count()).toBe(0);
    await screenshotPane(s.page, 'word-pane-stale');
  });

  test('Opdatér replaces the old citation in place with the current sentence and version tag', async () => {
    const before = await handle<string[]>(s.page, 'h.userParagraphTexts()');
    const at = (await handle<string[]>(s.page, 'h.paragraphTexts()')).indexOf(OLD_TEXT);
    expect(at).toBeGreaterThan(0);
    await s.page.getByTestId('jpe-stale').locator('li[data-stale-finding]').nth(0).getByRole('button', { name: 'Opdatér' }).click();
    await s.page.getByText('Citatet er opdateret med den nyeste formulering og kildehenvisning.').waitFor();
    const ccs = await handle<{ tag: string; text: string }[]>(s.page, 'h.contentControls()');
    expect(ccs.some((c) => c.tag === OLD_TAG)).toBe(false);
    const updated = ccs.find((c) => c.tag === markerTag('cite', finding, version, 'samtale') && !c.text.includes('IPS'));
    expect(updated?.text).toMatch(/^\u2063\u2062.*\((STAR|DA)[^)]*\)\.\u2062\u2063$/);
    const paras = await handle<string[]>(s.page, 'h.paragraphTexts()');
    expect(paras[at]).toBe(updated?.text);
    expect(await handle<string[]>(s.page, 'h.userParagraphTexts()')).toEqual(before);
    // Only the IPS citation is left in the list.
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="jpe-stale"] li[data-stale-finding]').length === 1);
  });

  test('Fjern asks first, then removes only the IPS citation', async () => {
    const stale = s.page.getByTestId('jpe-stale');
    await stale.getByRole('button', { name: 'Fjern' }).click();
    await stale.getByText('Fjern det indsatte citat? Din egen tekst røres ikke.').waitFor();
    expect((await handle<{ tag: string }[]>(s.page, 'h.contentControls()')).some((c) => c.tag === IPS_TAG)).toBe(true);
    await stale.getByRole('button', { name: 'Ja, fjern' }).click();
    await s.page.getByText('Det indsatte citat er fjernet. Din egen tekst er ikke ændret.').waitFor();
    expect((await handle<{ tag: string }[]>(s.page, 'h.contentControls()')).some((c) => c.tag === IPS_TAG)).toBe(false);
    await s.page.getByTestId('jpe-stale').waitFor({ state: 'detached' });
    expect(await handle<string[]>(s.page, 'h.userParagraphTexts()')).toEqual(PLAN);
  });

  test('the register switch turns the cards into the citizen sentences', async () => {
    const borger = analyze(PLAN.join('\n'), { register: 'borger' }).suggestions;
    const first = s.page.locator('article[data-suggestion-id]').first();
    await s.page.getByRole('radio', { name: 'Til borgeren' }).check();
    await s.page.waitForFunction(() => document.querySelector('article[data-suggestion-id]')?.getAttribute('data-register') === 'borger');
    const id = await first.getAttribute('data-suggestion-id');
    const want = borger.find((x) => x.id === id)?.text as string;
    expect((await first.locator('p').first().innerText()).trim()).toBe(want);
    await first.getByText('Til borgeren', { exact: true }).waitFor();
    await s.page.getByRole('radio', { name: 'Til fagpersoner' }).check();
    await s.page.waitForFunction(() => document.querySelector('article[data-suggestion-id]')?.getAttribute('data-register') === 'fagperson');
    expect(s.errors).toEqual([]);
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
