import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { TARGET_GROUP_IDS, TARGET_GROUP_LABELS, analyze, type TargetGroupId } from '../../src/core';
import { exampleLabel } from '../../src/demo/examples';
import {
  ROOT,
  assertStayedLocal,
  axeViolations,
  baseUrl,
  browserStorage,
  launch,
  openSession,
  probes,
  screenshot,
  screenshotPane,
  seriousOrWorse,
  type Session,
  expectCspBlocksOtherHosts,
} from './helpers';

interface ExampleEntry {
  file: string;
  title: string;
  family?: string;
  quality?: string;
  description?: string;
}


/** examples/index.json, or (as the demo does without one) every .txt titled from its file name. */
function loadIndex(): ExampleEntry[] {
  const idx = path.join(ROOT, 'examples/index.json');
  if (fs.existsSync(idx)) {
    const raw = JSON.parse(fs.readFileSync(idx, 'utf8')) as unknown;
    return (Array.isArray(raw) ? raw : (raw as { examples: ExampleEntry[] }).examples) as ExampleEntry[];
  }
  return fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const t = file.replace(/\.txt$/, '').replace(/-/g, ' ');
      return { file, title: t.charAt(0).toUpperCase() + t.slice(1) };
    });
}
const exampleText = (e: ExampleEntry) => fs.readFileSync(path.join(ROOT, 'examples', e.file.replace(/^examples\//, '')), 'utf8');
const optionLabel = (e: ExampleEntry) => exampleLabel(e);

/** The demo document reads one paragraph per line, as the demo host's readText() does. */
const asDemoText = (t: string) => t.replace(/\r\n?/g, '\n');

/** The cards shown, in order; "Andre synspunkter" is collapsed, so its cards count from the group's list. */
async function cardIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="jpe-pane"] article[data-suggestion-id]:not([data-kind-group="viewpoint"] article), [data-testid="jpe-pane"] [data-kind-group="viewpoint"]', (els) =>
    els.flatMap((e) => {
      const d = (e as HTMLElement).dataset;
      return d['suggestionIds'] !== undefined ? d['suggestionIds'].split(' ').filter(Boolean) : [d['suggestionId'] ?? ''];
    }),
  );
}

async function waitForCards(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    (exp) => {
      const main = document.querySelector('[data-testid="jpe-pane"]');
      if (!main || main.getAttribute('aria-busy') === 'true') return false;
      const ids = Array.from(main.querySelectorAll('article[data-suggestion-id]:not([data-kind-group="viewpoint"] article), [data-kind-group="viewpoint"]')).flatMap((e) => {
        const d = (e as HTMLElement).dataset;
        return d['suggestionIds'] !== undefined ? d['suggestionIds'].split(' ').filter(Boolean) : [d['suggestionId']];
      });
      return JSON.stringify(ids) === JSON.stringify(exp);
    },
    expected,
    { timeout: 15000 },
  );
}

describe('browser demo', () => {
  let browser: Browser;
  let s: Session;
  // The demo bundles the plain-text examples (.txt).
  const index = loadIndex().filter((e) => e.file.endsWith('.txt'));
  const bads = index.filter((e) => /bad|dårlig|poor|svag|mangelfuld/i.test(`${e.quality ?? ''} ${e.title} ${e.file}`));
  const kindsOf = (text: string, add: TargetGroupId[] = []) =>
    new Set(analyze(text, { groupOverrides: { add } }).suggestions.map((x) => x.kind));
  /**
   * A bad-practice plan with caution cards, and the target group (if any) the trainer adds to
   * bring up consider cards: preferably a plan that has both kinds as it stands.
   */
  const idsOf = (text: string, o: { add?: TargetGroupId[]; remove?: TargetGroupId[] } = {}) =>
    JSON.stringify(analyze(text, { groupOverrides: o }).suggestions.map((x) => x.id));
  const scenario = (() => {
    const options: { ex: ExampleEntry; addForConsider: TargetGroupId | null }[] = [];
    for (const e of bads) {
      const text = asDemoText(exampleText(e));
      const k = kindsOf(text);
      if (!k.has('caution')) continue;
      if (k.has('consider')) options.push({ ex: e, addForConsider: null });
      const detected = analyze(text).targetGroups.map((g) => g.id);
      for (const x of TARGET_GROUP_IDS.filter((y) => !detected.includes(y))) {
        const kk = kindsOf(text, [x]);
        if (kk.has('caution') && kk.has('consider')) options.push({ ex: e, addForConsider: x });
      }
    }
    // …where removing a detected group then changes the cards too.
    return options.find((o) => {
      const text = asDemoText(exampleText(o.ex));
      const add = o.addForConsider ? [o.addForConsider] : [];
      return analyze(text).targetGroups.some((g) => idsOf(text, { add, remove: [g.id] }) !== idsOf(text, { add }));
    });
  })();
  const bad = scenario?.ex;

  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
  });
  afterAll(async () => {
    await s?.context.close();
    await browser?.close();
  });

  test('the examples include a bad-practice plan', () => {
    expect(index.length).toBeGreaterThan(0);
    expect(bad).toBeDefined();
  });

  test('opens with the first example loaded and analysed', async () => {
    const first = index[0] as ExampleEntry;
    await s.page.goto(`${baseUrl()}/demo.html`);
    await s.page.getByRole('heading', { name: 'Jobplan Evidens – demo' }).waitFor();
    const expected = analyze(asDemoText(exampleText(first))).suggestions.map((x) => x.id);
    await waitForCards(s.page, expected);
    const docText = await s.page.locator('[data-testid="jpe-document"]').innerText();
    expect(docText.length).toBeGreaterThan(50);
    await screenshot(s.page, 'demo-initial');
  });

  test('bad-practice plan: caution and consider cards, insert, Kildeliste, target groups', async () => {
    const page = s.page;
    const ex = bad as ExampleEntry;
    const text = asDemoText(exampleText(ex));
    await page.getByRole('combobox', { name: 'Eksempel' }).click();
    await page.getByRole('option', { name: optionLabel(ex) }).click();
    const analysis = analyze(text);
    await waitForCards(page, analysis.suggestions.map((x) => x.id));
    expect(await page.locator('[data-kind-group="caution"] article').count()).toBeGreaterThan(0);
    await screenshot(page, 'demo-bad-plan');

    // Target groups: adding one / removing a detected one changes the cards exactly as the engine says.
    let overrides: { add: TargetGroupId[]; remove: TargetGroupId[] } = { add: [], remove: [] };
    const detected = analysis.targetGroups.map((g) => g.id);
    const idsFor = (o: typeof overrides) => analyze(text, { groupOverrides: o }).suggestions.map((x) => x.id);
    const add =
      scenario?.addForConsider ??
      TARGET_GROUP_IDS.filter((x) => !detected.includes(x)).find(
        (x) =>
          JSON.stringify(idsFor({ add: [x], remove: [] })) !== JSON.stringify(idsFor(overrides)) &&
          kindsOf(text, [x]).has('caution') &&
          kindsOf(text, [x]).has('consider'),
      );
    if (add) {
      const before = await cardIds(page);
      await page.getByRole('button', { name: 'Tilføj målgruppe' }).click();
      await page.getByRole('menuitem', { name: new RegExp(`^${TARGET_GROUP_LABELS[add]}`) }).click();
      overrides = { add: [add], remove: [] };
      await waitForCards(page, idsFor(overrides));
      expect(await cardIds(page)).not.toEqual(before);
      await page.getByRole('button', { name: `Fjern ${TARGET_GROUP_LABELS[add]}` }).waitFor();
    }
    expect(await page.locator('[data-kind-group="caution"] article').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-kind-group="consider"] article').count()).toBeGreaterThan(0);

    const removable = detected.find((g) => JSON.stringify(idsFor({ ...overrides, remove: [g] })) !== JSON.stringify(idsFor(overrides)));
    expect(removable).toBeDefined();
    const g = removable as TargetGroupId;
    const beforeRemove = await cardIds(page);
    await page.getByRole('button', { name: `Fjern ${TARGET_GROUP_LABELS[g]}` }).click();
    await waitForCards(page, idsFor({ ...overrides, remove: [g] }));
    expect(await cardIds(page)).not.toEqual(beforeRemove);
    // …and back again from the menu.
    await page.getByRole('button', { name: 'Tilføj målgruppe' }).click();
    await page.getByRole('menuitem', { name: new RegExp(`^${TARGET_GROUP_LABELS[g]}`) }).click();
    await waitForCards(page, idsFor(overrides));
    await screenshotPane(page, 'demo-pane');

    // Insert the first anchored suggestion's citation; it appears as a marked paragraph in the document.
    const shown = analyze(text, { groupOverrides: overrides }).suggestions;
    const anchored = shown.find((x) => x.mention) ?? shown[0];
    const card = page.locator(`article[data-suggestion-id="${anchored?.id}"]`);
    const sentence = (await card.locator('p').first().innerText()).trim();
    await card.getByRole('button', { name: 'Indsæt' }).click();
    const inserted = page.locator('[data-testid="jpe-document"] .jpe-inserted');
    await inserted.first().waitFor();
    expect(await inserted.count()).toBe(1);
    const insertedText = (await inserted.first().innerText()).replace(/[\u2062\u2063]/g, '');
    expect(insertedText).toContain(sentence.replace(/[.\s]+$/, ''));
    expect(insertedText).toMatch(/\((STAR|DA)[^)]*\)\.?\s*$/);
    expect(await inserted.first().locator('[data-jpe-tag^="jpe:cite:"]').count()).toBe(1);
    await card.getByText('Indsat', { exact: true }).waitFor();
    // Inserting the same one again adds nothing.
    await card.getByRole('button', { name: 'Indsæt' }).click();
    await page.getByText('Forslaget står allerede i dokumentet.').waitFor();
    expect(await inserted.count()).toBe(1);

    // Kildeliste twice: one list, updated in place, covering the inserted suggestion.
    await page.getByTestId('jpe-kildeliste-scope').getByText(/indsat i dokumentet/).waitFor();
    const kl = page.getByRole('button', { name: 'Kildeliste' });
    await kl.click();
    const list = page.locator('[data-testid="jpe-document"] .jpe-kildeliste');
    await list.first().waitFor();
    await kl.click();
    await page.waitForTimeout(300);
    expect(await list.count()).toBe(1);
    const listText = (await list.innerText()).replace(/[\u2062\u2063]/g, '');
    expect(listText.split('\n')[0]?.trim()).toBe('Kildeliste');
    expect(listText.match(/Kildeliste/g)?.length).toBe(1);
    expect(listText).toMatch(/Styrelsen|STAR/);
    await screenshot(page, 'demo-inserted');
  });

  test('comment, dismiss and restore in the demo', async () => {
    const page = s.page;
    const first = page.locator('article[data-suggestion-id]').first();
    const id = await first.getAttribute('data-suggestion-id');
    const hasAnchor = (await first.getByRole('button', { name: 'Kommentar' }).count()) > 0;
    if (hasAnchor) {
      await first.getByRole('button', { name: 'Kommentar' }).click();
      await page.getByText(/Kommentaren er tilføjet|indsat i teksten i stedet/).first().waitFor();
    }
    await first.getByRole('button', { name: 'Afvis' }).click();
    await page.getByRole('menuitem', { name: 'Allerede overvejet' }).click();
    await page.waitForFunction((x) => !document.querySelector(`article[data-suggestion-id="${x}"]`), id);
    const toggle = page.getByRole('switch', { name: /Vis afviste \(1\)/ });
    await toggle.click();
    const restored = page.locator(`article[data-suggestion-id="${id}"]`);
    await restored.getByRole('button', { name: 'Gendan' }).click();
    await restored.getByRole('button', { name: 'Kopiér' }).waitFor();
  });

  test('no serious accessibility violations in the demo', async () => {
    const v = seriousOrWorse(await axeViolations(s.page));
    expect(v).toEqual([]);
  });

  test('nothing left localhost; CSP blocks other hosts; no document text in browser storage', async () => {
    const page = s.page;
    await expectCspBlocksOtherHosts(page);
    assertStayedLocal(s);

    const store = await browserStorage(s);
    const phrases = index.flatMap((e) => probes(asDemoText(exampleText(e))));
    const all = `${store.local}\n${store.session}\n${store.idb.join('\n')}\n${store.cookies}`;
    for (const p of phrases) expect(all.includes(p)).toBe(false);
    expect(store.local).toBe('{}');
    expect(store.session).toBe('{}');
    expect(store.idb).toEqual([]);
    expect(store.cookies).toBe('');
    expect(store.contextCookies).toBe(0);
    expect(s.errors).toEqual([]);
  });
});

describe('browser demo: bench hooks', () => {
  test('window.__JPE_DEMO_TEXT__ becomes the document; pane-ready and suggestion-card test ids; CPR note masked', async () => {
    const text = [
      'Jobplan for Karin',
      'Karin er jobparat og modtager dagpenge. CPR 010190-1234.',
      'Karin deltager i samtaler i jobcentret hver anden uge.',
    ].join('\n');
    const browser = await launch();
    const s = await openSession(browser);
    try {
      await s.page.addInitScript((t) => {
        (window as unknown as { __JPE_DEMO_TEXT__: string }).__JPE_DEMO_TEXT__ = t;
      }, text);
      await s.page.goto(`${baseUrl()}/demo.html`);
      await s.page.waitForSelector('[data-testid="pane-ready"]', { timeout: 15000 });
      await s.page.waitForSelector('[data-testid="suggestion-card"]', { timeout: 15000 });
      expect((await s.page.locator('[data-testid="jpe-document"]').innerText()).replace(/\n+/g, '\n')).toBe(text);
      await waitForCards(s.page, analyze(text).suggestions.map((x) => x.id));
      const note = s.page.getByTestId('jpe-cpr');
      await note.getByText('Dokumentet indeholder et CPR-nummer.').waitFor();
      expect(await note.getAttribute('data-intent')).toBe('info');
      await note.getByRole('button', { name: 'Vis steder' }).click();
      await note.getByRole('button', { name: 'Vis 010190-**** i dokumentet' }).click();
      const paneDump = await s.page.evaluate(() => {
        const pane = document.querySelector('[data-testid="jpe-pane"]') as HTMLElement;
        const parts = [pane.innerText];
        pane.querySelectorAll('*').forEach((el) => Array.from(el.attributes).forEach((a) => parts.push(a.value)));
        return parts.join('\n');
      });
      expect(paneDump).toContain('010190-****');
      expect(paneDump).not.toContain('010190-1234');
      expect(await s.page.evaluate(() => String(document.getSelection()))).toBe('010190-1234');
      assertStayedLocal(s);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
      await browser.close();
    }
  });
});
