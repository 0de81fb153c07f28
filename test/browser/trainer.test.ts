import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  MARK_CLOSE,
  MARK_OPEN,
  analyze,
  bundledEvidence,
  inFamily,
  insertedInBulk,
  referenceListText,
  suggestionWithCitation,
  type Suggestion,
} from '../../src/core';
import { exampleLabel } from '../../src/demo/examples';
import { ROOT, baseUrl, launch, openSession, screenshot, type Session } from './helpers';
import { insertAllDescription } from '../../src/taskpane/labels';

/**
 * A trainer's walk through every pane action, in sequence, on every example plan of the demo
 * (issue 9, new-user-trial D1, D2, D3, D5). After each step the test reads the demo document back
 * and checks it: every announced suggestion inserted once, one Kildeliste citing exactly the works
 * the document cites, no stale flag for what was just inserted, and the user's own text unchanged.
 */

interface ExampleEntry {
  file: string;
  title: string;
  quality?: string;
}
const index = (JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/index.json'), 'utf8')) as ExampleEntry[]).filter((e) =>
  e.file.endsWith('.txt'),
);
const textOf = (e: ExampleEntry) => fs.readFileSync(path.join(ROOT, 'examples', e.file), 'utf8').replace(/\r\n?/g, '\n');
const optionLabel = (e: ExampleEntry) => exampleLabel(e);
const set = bundledEvidence();
const cite = (s: Suggestion) => suggestionWithCitation(set, s, 'short');
const citedFindings = (ss: Suggestion[]) => new Set(ss.flatMap((s) => s.citations.map((c) => c.finding)));
const unmark = (t: string) => t.split(MARK_OPEN).join('').split(MARK_CLOSE).join('');

interface DocState {
  /** The user's paragraphs (everything but the add-in's insertions and list), joined by "\n". */
  user: string;
  /** Visible text of each inserted citation paragraph, in document order. */
  inserted: string[];
  tags: string[];
  /** Lines of each Kildeliste block. */
  lists: string[][];
  /** Bodies of the margin comments. */
  notes: string[];
}

async function readDoc(page: Page): Promise<DocState> {
  const raw = await page.evaluate(() => {
    const ed = document.querySelector('[data-testid="jpe-document"]') as HTMLElement;
    const user: string[] = [];
    const inserted: string[] = [];
    const tags: string[] = [];
    const lists: string[][] = [];
    for (const el of Array.from(ed.childNodes)) {
      if (el instanceof HTMLElement && el.classList.contains('jpe-inserted')) {
        inserted.push(el.textContent ?? '');
        tags.push(el.dataset['jpeTag'] ?? '');
      } else if (el instanceof HTMLElement && el.classList.contains('jpe-kildeliste')) {
        lists.push(Array.from(el.children).map((p) => p.textContent ?? ''));
      } else {
        user.push(el.textContent ?? '');
      }
    }
    const notes = Array.from(document.querySelectorAll('[data-testid="jpe-notes"] .jpe-note-body')).map((n) => n.textContent ?? '');
    return { user: user.join('\n'), inserted, tags, lists, notes };
  });
  return { ...raw, inserted: raw.inserted.map(unmark), lists: raw.lists.map((l) => l.map(unmark)) };
}

/** Wait for the debounced re-analysis after a document change to finish. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(800);
  await page.waitForFunction(() => document.querySelector('[data-testid="jpe-pane"]')?.getAttribute('aria-busy') === 'false', undefined, {
    timeout: 15000,
  });
}

async function notice(page: Page, key: string): Promise<string> {
  const n = page.locator(`[data-notice="${key}"]`);
  if (!(await n.count())) return '';
  // Without the close button's glyph.
  return (await n.first().innerText()).replace(/\s*✕\s*$/, '').trim();
}

const card = (page: Page, s: Suggestion) => page.locator(`article[data-suggestion-id="${s.id}"]`);
const countOf = (xs: string[], x: string) => xs.filter((y) => y === x).length;

/**
 * Pick an example in the demo and wait until the pane shows the engine's cards for it. "Andre
 * synspunkter" is collapsed, and its cards and the prompts meant for the caseworker are never
 * inserted in bulk: `shown` are the open cards, `anchored` what "Indsæt alle" inserts.
 */
async function openExample(page: Page, ex: ExampleEntry): Promise<{ text: string; shown: Suggestion[]; anchored: Suggestion[] }> {
  const text = textOf(ex);
  const shown = analyze(text).suggestions.filter((x) => x.kind !== 'viewpoint');
  const anchored = shown.filter((x) => x.mention && insertedInBulk(x));
  await page.getByRole('combobox', { name: 'Eksempel' }).click();
  await page.getByRole('option', { name: optionLabel(ex) }).click();
  await page.waitForFunction(
    (exp) =>
      JSON.stringify(Array.from(document.querySelectorAll('[data-testid="jpe-pane"] article[data-suggestion-id]')).map((e) => (e as HTMLElement).dataset['suggestionId'])) ===
      JSON.stringify(exp),
    shown.map((x) => x.id),
    { timeout: 15000 },
  );
  await settle(page);
  return { text, shown, anchored };
}

/** A browser on the demo page for the describe block that calls it; `.s` is the session once opened. */
function demoSession(): { s: Session } {
  const box = {} as { s: Session; browser: Browser };
  beforeAll(async () => {
    box.browser = await launch();
    box.s = await openSession(box.browser);
    await box.s.page.goto(`${baseUrl()}/demo.html`);
    await box.s.page.getByRole('heading', { name: 'Jobplan Evidens – demo' }).waitFor();
  });
  afterAll(async () => {
    await box.s?.context.close();
    await box.browser?.close();
  });
  return box;
}

describe('demo: a trainer clicks through every pane action on every example plan', () => {
  const demo = demoSession();

  test('there are example plans to walk through', () => {
    expect(index.length).toBeGreaterThanOrEqual(8);
  });

  test.each(index.map((e) => [e.file, e] as const))('%s', async (_f, ex) => {
    const page = demo.s.page;
    const { text, shown, anchored } = await openExample(page, ex);
    expect(anchored.length).toBeGreaterThan(0);
    let doc = await readDoc(page);
    expect(doc.user).toBe(text);

    // 1. Indsæt: an "Overvej" card where the plan has one (D2), else the first anchored card.
    const a = anchored.find((x) => x.kind === 'consider') ?? (anchored[0] as Suggestion);
    await card(page, a).getByRole('button', { name: 'Indsæt', exact: true }).click();
    await card(page, a).getByText('Indsat', { exact: true }).waitFor();
    await settle(page);
    doc = await readDoc(page);
    expect(doc.user).toBe(text);
    expect(doc.inserted).toEqual([cite(a)]);
    // Nothing just inserted is flagged as out of date (D2: "Overvej" cards were flagged at once).
    expect(await page.getByTestId('jpe-stale').count()).toBe(0);

    // Kildeliste right away: it cites exactly the works of the one inserted suggestion (D3).
    await page.getByRole('button', { name: 'Kildeliste', exact: true }).click();
    await page.locator('[data-testid="jpe-document"] .jpe-kildeliste').waitFor();
    await settle(page);
    doc = await readDoc(page);
    expect(doc.lists).toEqual([referenceListText(set, citedFindings([a])).split('\n')]);
    expect(doc.user).toBe(text);
    expect(await page.getByTestId('jpe-stale').count()).toBe(0);

    // 2. Kommentar twice on another card: one comment, and the card is not marked "Indsat" (D5).
    const b = anchored.find((x) => x !== a) ?? a;
    const commentButton = card(page, b).getByRole('button', { name: 'Kommentar', exact: true });
    await commentButton.click();
    await page.locator('[data-testid="jpe-notes"] .jpe-note').first().waitFor();
    await settle(page);
    await commentButton.click();
    await settle(page);
    doc = await readDoc(page);
    expect(doc.notes).toEqual([cite(b)]);
    expect(await notice(page, 'action')).toMatch(/Kommentaren (er tilføjet|findes allerede)/);
    if (b !== a) expect(await card(page, b).getByText('Indsat', { exact: true }).count()).toBe(0);
    expect(doc.user).toBe(text);
    expect(doc.inserted).toEqual([cite(a)]);

    // 3. Kopiér changes nothing in the document.
    await card(page, a).getByRole('button', { name: 'Kopiér', exact: true }).click();
    await page.waitForFunction(() => /kopier/i.test(document.querySelector('[data-notice="action"]')?.textContent ?? ''));
    expect(await readDoc(page)).toEqual(doc);

    // 4. Afvis and Gendan the last card: nothing in the document changes.
    const c = shown[shown.length - 1] as Suggestion;
    await card(page, c).getByRole('button', { name: 'Afvis', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Allerede overvejet' }).click();
    await page.waitForFunction((id) => !document.querySelector(`article[data-suggestion-id="${id}"]`), c.id);
    await page.getByRole('switch', { name: /Vis afviste \(1\)/ }).click();
    await card(page, c).getByRole('button', { name: 'Gendan' }).click();
    await card(page, c).getByRole('button', { name: 'Kopiér', exact: true }).waitFor();
    await settle(page);
    expect(await readDoc(page)).toEqual(doc);

    // 5. Indsæt alle: every announced suggestion once, one Kildeliste for exactly those works (D1).
    const all = page.getByRole('button', { name: 'Indsæt alle', exact: true });
    expect(await all.getAttribute('aria-description')).toBe(insertAllDescription(anchored.length));
    await all.click();
    await page.waitForFunction(() => /kildelisten er opdateret/i.test(document.querySelector('[data-notice="action"]')?.textContent ?? ''), undefined, {
      timeout: 5000,
    });
    const expectedNotice =
      anchored.length - 1 === 0
        ? 'Forslagene stod allerede i dokumentet. Kildelisten er opdateret.'
        : `${anchored.length - 1} forslag er indsat med kildehenvisning, og kildelisten er opdateret.`;
    expect(await notice(page, 'action')).toBe(expectedNotice);
    await settle(page);
    doc = await readDoc(page);
    expect(doc.user).toBe(text);
    for (const x of anchored) expect([x.id, countOf(doc.inserted, cite(x))]).toEqual([x.id, 1]);
    expect(doc.inserted).toHaveLength(anchored.length);
    const cited = citedFindings([...anchored, b]);
    expect(doc.lists).toEqual([referenceListText(set, cited).split('\n')]);
    for (const x of anchored) await card(page, x).getByText('Indsat', { exact: true }).waitFor();
    expect(await page.getByTestId('jpe-stale').count()).toBe(0);
    expect(await notice(page, 'anchor-moved')).toBe('');
    await screenshot(page, `trainer-${ex.file}-indsaet-alle`);

    // 6. Kildeliste twice: still one list, the same lines.
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Kildeliste', exact: true }).click();
      await page.waitForFunction(() => /Kildelisten sidst i dokumentet er opdateret/.test(document.querySelector('[data-notice="action"]')?.textContent ?? ''));
      await settle(page);
    }
    const afterLists = await readDoc(page);
    expect(afterLists).toEqual(doc);

    // 7. A document saved under an older evidence version: one citation's tag says version 0.
    //    The pane offers "Opdatér"; the update rewrites only that citation.
    const oldIdx = doc.tags.findIndex((t) => /@\d+/.test(t));
    await page.evaluate((i) => {
      const ed = document.querySelector('[data-testid="jpe-document"]') as HTMLElement;
      const p = ed.querySelectorAll<HTMLElement>(':scope > .jpe-inserted')[i] as HTMLElement;
      const old = (p.dataset['jpeTag'] ?? '').replace(/@\d+/, '@0');
      p.dataset['jpeTag'] = old;
      p.querySelectorAll<HTMLElement>('[data-jpe-tag]').forEach((x) => (x.dataset['jpeTag'] = old));
      ed.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, oldIdx);
    await settle(page);
    const staleItem = page.locator('[data-testid="jpe-stale"] li[data-stale-reasons]');
    await staleItem.first().waitFor({ timeout: 15000 });
    expect(await staleItem.count()).toBe(1);
    expect(await staleItem.first().getAttribute('data-stale-reasons')).toBe('changed');
    await staleItem.first().getByRole('button', { name: 'Opdatér' }).click();
    await page.getByTestId('jpe-stale').waitFor({ state: 'detached', timeout: 15000 });
    await settle(page);
    doc = await readDoc(page);
    expect(doc.user).toBe(text);
    expect(doc.inserted).toEqual(afterLists.inserted);
    expect(doc.tags).toEqual(afterLists.tags);
    expect(await page.getByTestId('jpe-stale').count()).toBe(0);

    // 8. Edit a mention away: the citation inserted for it is flagged; "Fjern" removes only that citation.
    const original = analyze(text);
    const target = anchored.find(
      (x) =>
        !!x.instrument &&
        original.instruments.some((h) => inFamily(h.id, x.instrument as never) && h.mentions.some((m) => !m.negated)) &&
        editAway(text, x) !== null,
    );
    expect(target).toBeDefined();
    if (target) {
      const edited = editAway(text, target) as string;
      await page.evaluate(
        ({ before, after }) => {
          const ed = document.querySelector('[data-testid="jpe-document"]') as HTMLElement;
          const users = Array.from(ed.childNodes).filter(
            (n) => !(n instanceof HTMLElement && (n.classList.contains('jpe-inserted') || n.classList.contains('jpe-kildeliste'))),
          );
          const b = before.split('\n');
          after.split('\n').forEach((line, i) => {
            if (line !== b[i]) (users[i] as HTMLElement).textContent = line;
          });
          ed.dispatchEvent(new InputEvent('input', { bubbles: true }));
        },
        { before: text, after: edited },
      );
      await page.getByTestId('jpe-stale').waitFor({ timeout: 15000 });
      await settle(page);
      doc = await readDoc(page);
      expect(doc.user).toBe(edited);
      const gone = analyze(edited);
      const expectStale = anchored.filter(
        (x) => x.instrument && doc.tags.some((t) => t.endsWith(`#${x.instrument}`)) && !gone.instruments.some((h) => inFamily(h.id, x.instrument as never) && h.mentions.some((m) => !m.negated)),
      );
      expect(expectStale.map((x) => x.id)).toContain(target.id);
      const items = page.locator('[data-testid="jpe-stale"] li[data-stale-reasons]');
      expect(await items.count()).toBe(expectStale.length);
      const item = page.locator(`[data-testid="jpe-stale"] li[data-stale-finding="${target.citations[0]?.finding}"]`);
      await item.getByRole('button', { name: 'Fjern' }).click();
      await item.getByRole('button', { name: 'Ja, fjern' }).click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="jpe-stale"] li[data-stale-reasons]').length === n,
        expectStale.length - 1,
        { timeout: 15000 },
      );
      await settle(page);
      const afterRemove = await readDoc(page);
      expect(afterRemove.user).toBe(edited);
      expect(countOf(afterRemove.inserted, cite(target))).toBe(0);
      expect(afterRemove.inserted).toEqual(doc.inserted.filter((t) => t !== cite(target)));
      expect(await page.locator('[data-testid="jpe-stale"] li[data-stale-reasons]').count()).toBe(expectStale.length - 1);
      // The Kildeliste, asked again, cites exactly what the document still cites (the comment included).
      await page.getByRole('button', { name: 'Kildeliste', exact: true }).click();
      await settle(page);
      const remaining = anchored.filter((x) => x !== target);
      const finalDoc = await readDoc(page);
      expect(finalDoc.lists).toEqual([referenceListText(set, citedFindings(b === target ? [...remaining, b] : remaining)).split('\n')]);
      expect(finalDoc.user).toBe(edited);
    }
  });
});

/** The plan with every mention of the suggestion's instrument family replaced by "noget", or null when that leaves a mention. */
function editAway(text: string, s: Suggestion): string | null {
  const fam = s.instrument;
  if (!fam) return null;
  const a = analyze(text);
  const spans = a.instruments
    .filter((h) => inFamily(h.id, fam))
    .flatMap((h) => h.mentions)
    .map((m) => ({ start: m.start, end: m.end }))
    .sort((x, y) => y.start - x.start);
  if (!spans.length) return null;
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.start) + 'noget' + out.slice(sp.end);
  const after = analyze(out);
  if (after.instruments.some((h) => inFamily(h.id, fam) && h.mentions.some((m) => !m.negated))) return null;
  // Only line contents change, never the number of lines.
  if (out.split('\n').length !== text.split('\n').length) return null;
  return out;
}

describe('demo: "Indsæt alle" inserts every shown suggestion once plus the Kildeliste (new-user-trial D1)', () => {
  const demo = demoSession();

  test.each(index.map((e) => [e.file, e] as const))('%s: right after Indsæt on one card, without waiting', async (_f, ex) => {
    const page = demo.s.page;
    const { text, anchored } = await openExample(page, ex);
    // One suggestion first (its paragraph moves every later mention), then at once "Indsæt alle".
    const first = anchored[0] as Suggestion;
    await card(page, first).getByRole('button', { name: 'Indsæt', exact: true }).click();
    await card(page, first).getByText('Indsat', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Indsæt alle', exact: true }).click();
    await page.waitForFunction(() => /Kildelisten er opdateret|kildelisten er opdateret|analysér igen/.test(document.querySelector('[data-testid="jpe-pane"]')?.textContent ?? ''), undefined, {
      timeout: 10000,
    });
    const doc = await readDoc(page);
    expect(doc.user).toBe(text);
    for (const x of anchored) expect([x.id, countOf(doc.inserted, cite(x))]).toEqual([x.id, 1]);
    expect(doc.inserted).toHaveLength(anchored.length);
    expect(doc.lists).toEqual([referenceListText(set, citedFindings(anchored)).split('\n')]);
    const expected =
      anchored.length === 1
        ? 'Forslagene stod allerede i dokumentet. Kildelisten er opdateret.'
        : `${anchored.length - 1} forslag er indsat med kildehenvisning, og kildelisten er opdateret.`;
    expect(await notice(page, 'action')).toBe(expected);
    await settle(page);
    // The notice stays, no warning replaces it, and every card says "Indsat".
    expect(await notice(page, 'action')).toBe(expected);
    expect(await notice(page, 'anchor-moved')).toBe('');
    for (const x of anchored) expect(await card(page, x).getByText('Indsat', { exact: true }).count()).toBe(1);
  });
});
