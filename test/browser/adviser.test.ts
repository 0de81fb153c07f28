import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  MARK_CLOSE,
  MARK_OPEN,
  REFERENCE_LIST_HEADING,
  analyze,
  bundledEvidence,
  findCpr,
  insertedInBulk,
  referenceListText,
  suggestionWithCitation,
  wrapInserted,
  type Register,
  type Suggestion,
} from '../../src/core';
import type { MailExample } from '../../src/demo/mail-examples';
import { quotedStartLine } from '../../src/demo/mailbox/reply';
import { DONT_SEND, SEND_ANYWAY } from '../../src/demo/mailbox/smart-alerts';
import { ROOT, assertStayedLocal, axeViolations, baseUrl, launch, openSession, screenshot, seriousOrWorse, type Session } from './helpers';

/**
 * An adviser in the demo's Outlook mode (issue 14): the real Outlook adapter (src/hosts/outlook*.ts)
 * on the demo's DOM mailbox (src/demo/mailbox/), the real Smart Alerts handler on Send. On every
 * example mail: analyse, insert a suggestion at the cursor, Kildeliste, switch the register and insert
 * again, Kildeliste again, and Send through the CPR guard ("Ret mailen", then "Send alligevel"). After
 * each step the mail body is read back as Outlook hands it over and checked: the adviser's own text
 * byte-identical (as visible text in HTML mails), exactly the expected citations, exactly one Kildeliste,
 * above the quoted earlier mail, no text lost.
 *
 * The last block proves the checks can fail: it bypasses a guard of the adapter (or plays an Outlook
 * in which the adapter cannot guard) under a documented behaviour, and asserts that the check reports
 * the damage.
 */

type Entry = Omit<MailExample, 'body'>;
const MAILS = path.join(ROOT, 'examples/mails');
const index = JSON.parse(fs.readFileSync(path.join(MAILS, 'index.json'), 'utf8')) as Entry[];
const set = bundledEvidence();
const cite = (s: Suggestion) => suggestionWithCitation(set, s, 'short');
const listLines = (ss: Suggestion[]) => referenceListText(set, new Set(ss.flatMap((s) => s.findings))).split('\n');
const other = (r: Register): Register => (r === 'borger' ? 'fagperson' : 'borger');
const REGISTER_LABEL: Record<Register, string> = { borger: 'Til borgeren', fagperson: 'Til fagpersoner' };

/** The mail as the adapter reads it. */
interface Body {
  /** getAsync(Text), line breaks normalised. */
  text: string;
  html: string;
  images: number;
  format: string;
  /** Elements with the Kildeliste id (also "x_"-prefixed). */
  listElements: number;
}

async function readBody(page: Page): Promise<Body> {
  return page.evaluate(async () => {
    const item = (window as unknown as { Office: { context: { mailbox: { item: { body: { getAsync(c: string, cb: (r: { value: string }) => void): void } } } } } }).Office
      .context.mailbox.item;
    const get = (c: string) => new Promise<string>((res) => item.body.getAsync(c, (r) => res(r.value)));
    const text = (await get('text')).replace(/\r\n?/g, '\n');
    const html = await get('html');
    const el = document.querySelector('[data-testid="jpe-mailbody"]') as HTMLElement;
    return { text, html, format: el.dataset['format'] ?? '', images: el.querySelectorAll('img').length, listElements: el.querySelectorAll('[id="jpe-kildeliste"], [id="x_jpe-kildeliste"]').length };
  });
}

/** The add-in's marked segments in order (unmarked), and the text without them. */
function segments(text: string): { inserted: string[]; user: string } {
  const inserted: string[] = [];
  let user = '';
  let at = 0;
  for (;;) {
    const s = text.indexOf(MARK_OPEN, at);
    if (s < 0) break;
    const e = text.indexOf(MARK_CLOSE, s + MARK_OPEN.length);
    if (e < 0) break;
    user += text.slice(at, s);
    inserted.push(text.slice(s + MARK_OPEN.length, e));
    at = e + MARK_CLOSE.length;
  }
  user += text.slice(at);
  return { inserted, user };
}

/** The user's text with the blank lines an insertion adds or removes evened out (lines themselves must match exactly). */
const userLines = (t: string) => segments(t).user.split('\n').filter((l) => l.trim() !== '');

interface Expect {
  initial: Body;
  citations: string[];
  /** The Kildeliste's lines, or null when there must be none. */
  list: string[] | null;
  /** The first line of the quoted earlier mail (reply), which the list must stand above. */
  quoteLine?: string;
  images?: number;
}

/** Everything wrong with the mail body; [] when it is as expected. */
function problems(b: Body, x: Expect): string[] {
  const out: string[] = [];
  const before = userLines(x.initial.text);
  const after = userLines(b.text);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    const i = after.findIndex((l, k) => l !== before[k]);
    out.push(`user text changed at line ${i}: ${JSON.stringify(before[i])} → ${JSON.stringify(after[i])}`);
  }
  if (after.join('').length !== before.join('').length) out.push(`text lost or added: ${before.join('').length} → ${after.join('').length} characters`);
  const { inserted } = segments(b.text);
  // every insertion starts a line of its own: never glued to the adviser's sentence ("…aftalte.De fleste …")
  for (let at = b.text.indexOf(MARK_OPEN); at >= 0; at = b.text.indexOf(MARK_OPEN, at + 1))
    if (at > 0 && b.text[at - 1] !== '\n') out.push(`insertion glued to the text before it: ${JSON.stringify(b.text.slice(Math.max(0, at - 20), at + 20))}`);
  const headings = inserted.filter((s) => s === REFERENCE_LIST_HEADING).length;
  let cites = inserted;
  if (x.list) {
    if (headings !== 1) out.push(`${headings} Kildeliste headings`);
    const h = inserted.indexOf(REFERENCE_LIST_HEADING);
    const got = inserted.slice(h, h + x.list.length);
    if (JSON.stringify(got) !== JSON.stringify(x.list)) out.push(`Kildeliste ${JSON.stringify(got)} ≠ ${JSON.stringify(x.list)}`);
    cites = [...inserted.slice(0, h), ...inserted.slice(h + x.list.length)];
    if (x.quoteLine) {
      const listAt = b.text.indexOf(wrapInserted(REFERENCE_LIST_HEADING));
      const quoteAt = b.text.indexOf(x.quoteLine);
      if (quoteAt < 0) out.push('quoted mail gone');
      else if (listAt > quoteAt) out.push('Kildeliste below the quoted mail');
    }
    if (b.format === 'html' && b.listElements !== 1) out.push(`${b.listElements} Kildeliste elements`);
  } else if (headings) out.push(`unexpected Kildeliste (${headings})`);
  if (JSON.stringify([...cites].sort()) !== JSON.stringify([...x.citations].sort())) out.push(`citations ${JSON.stringify(cites)} ≠ ${JSON.stringify(x.citations)}`);
  if (b.images !== (x.images ?? x.initial.images)) out.push(`images ${x.initial.images} → ${b.images}`);
  return out;
}

/** Wait until the pane has analysed and shows its cards. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="jpe-pane"]')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15000 });
}

async function cardIds(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="jpe-pane"] article[data-suggestion-id]')).map((e) => (e as HTMLElement).dataset['suggestionId'] ?? ''));
}

const card = (page: Page, s: Suggestion) => page.locator(`article[data-suggestion-id="${s.id}"]`);
const notice = (page: Page, key: string) => page.locator(`[data-notice="${key}"]`);

async function openMail(page: Page, ex: Entry, opts: { client?: 'web' | 'classic' } = {}): Promise<{ initial: Body; shown: Suggestion[] }> {
  await page.goto(`${baseUrl()}/demo.html?mode=outlook&mail=${encodeURIComponent(ex.file)}`);
  await page.getByRole('heading', { name: 'Jobplan Evidens – demo' }).waitFor();
  await page.locator('[data-testid="jpe-pane"] article[data-suggestion-id]').first().waitFor({ timeout: 15000 });
  if (opts.client === 'classic') {
    // The draft is written again with classic Outlook's reply markup, and the pane starts afresh on it.
    await page.getByRole('radio', { name: 'Klassisk Outlook (Windows)' }).check();
    await page.waitForFunction(() => /_MailOriginal|Oprindelig meddelelse/.test(document.querySelector('[data-testid="jpe-mailbody"]')?.innerHTML ?? ''));
    await page.waitForTimeout(300);
    await page.locator('[data-testid="jpe-pane"] article[data-suggestion-id]').first().waitFor({ timeout: 15000 });
  }
  await settle(page);
  const initial = await readBody(page);
  return { initial, shown: expected(initial.text, ex.register) };
}

/** What the pane must show for this text in this register (Andre synspunkter are collapsed). */
function expected(text: string, register: Register): Suggestion[] {
  return analyze(text, { register }).suggestions.filter((s) => s.kind !== 'viewpoint');
}

/**
 * Set the mail's selection by the DOM Selection API, as an adviser clicking or dragging would, in the
 * text node holding `needle`: `caret` puts the cursor at the end of that line (plain text) or block
 * (HTML); `word` selects the needle's first word.
 */
async function placeInMail(page: Page, needle: string, how: 'caret' | 'word'): Promise<void> {
  await page.evaluate(
    ([n, mode]) => {
      const el = document.querySelector('[data-testid="jpe-mailbody"]') as HTMLElement;
      el.focus();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        const i = t.data.indexOf(n);
        if (i < 0) continue;
        const r = document.createRange();
        if (mode === 'word') {
          r.setStart(t, i);
          r.setEnd(t, i + Math.max(1, n.indexOf(' ') > 0 ? n.indexOf(' ') : n.length));
        } else if (el.dataset['format'] === 'text') {
          const nl = t.data.indexOf('\n', i);
          r.setStart(t, nl < 0 ? t.data.length : nl);
          r.collapse(true);
        } else {
          const block = (t.parentElement as HTMLElement).closest('p, li, div') as HTMLElement;
          r.selectNodeContents(block);
          r.collapse(false);
        }
        const sel = document.getSelection() as Selection;
        sel.removeAllRanges();
        sel.addRange(r);
        return;
      }
      throw new Error(`not in the mail: ${n}`);
    },
    [needle, how] as const,
  );
  // The mailbox hears the selection on 'selectionchange' (a task later).
  await page.waitForTimeout(50);
}

const caretAfter = (page: Page, needle: string) => placeInMail(page, needle, 'caret');
const selectWord = (page: Page, needle: string) => placeInMail(page, needle, 'word');

/** The line of the mail's text a suggestion's mention stands on (a needle for caretAfter). */
function mentionLine(text: string, s: Suggestion): string {
  const m = s.mention as { start: number; end: number };
  return text.slice(m.start, m.end);
}

/** The number of Office calls the demo's mailbox has answered. */
const officeCalls = (page: Page) => page.evaluate(() => (window as unknown as { __JPE_MAILBOX__: { calls: string[] } }).__JPE_MAILBOX__.calls.length);

/** Click, then wait until the pane has made its Office calls and is quiet again. */
async function act(page: Page, click: () => Promise<void>): Promise<void> {
  const before = await officeCalls(page);
  await click();
  await page.waitForFunction((k) => (window as unknown as { __JPE_MAILBOX__: { calls: string[] } }).__JPE_MAILBOX__.calls.length > k, before, { timeout: 10000 });
  for (let last = -1, now = await officeCalls(page); now !== last; last = now, now = await officeCalls(page)) await page.waitForTimeout(200);
  await settle(page);
}

async function insert(page: Page, s: Suggestion): Promise<void> {
  await act(page, () => card(page, s).getByRole('button', { name: 'Indsæt', exact: true }).click());
}

async function kildeliste(page: Page): Promise<void> {
  await act(page, () => page.getByRole('button', { name: 'Kildeliste', exact: true }).click());
}

async function setRegister(page: Page, r: Register, text: string): Promise<Suggestion[]> {
  await page.getByRole('radio', { name: REGISTER_LABEL[r] }).check();
  const shown = expected(text, r);
  // The cards now read in the new register.
  const first = shown[0] as Suggestion;
  await page.waitForFunction(
    ({ id, start }) => (document.querySelector(`article[data-suggestion-id="${id}"]`)?.textContent ?? '').includes(start),
    { id: first.id, start: first.text.slice(0, 30) },
    { timeout: 10000 },
  );
  await settle(page);
  return shown;
}

/** Send: the CPR guard's dialog, or "Sendt". */
async function send(page: Page): Promise<'dialog' | 'sent'> {
  await page.getByTestId('jpe-send').click();
  const dialog = page.getByTestId('jpe-smart-alert');
  const sent = page.getByTestId('jpe-sent');
  await Promise.race([dialog.waitFor({ timeout: 10000 }), sent.waitFor({ timeout: 10000 })]);
  return (await dialog.count()) ? 'dialog' : 'sent';
}

function demoSession(): { s: Session } {
  const box = {} as { s: Session; browser: Browser };
  beforeAll(async () => {
    box.browser = await launch();
    box.s = await openSession(box.browser);
  });
  afterAll(async () => {
    await box.s?.context.close();
    await box.browser?.close();
  });
  return box;
}

describe('demo, Outlook mode: an adviser clicks through the pane on every example mail', () => {
  const demo = demoSession();

  test('the examples: citizen, colleague and employer, good and poor, HTML and plain text, a CPR number, a reply', () => {
    expect(new Set(index.map((e) => `${e.recipient}/${e.quality}`)).size).toBe(6);
    expect(new Set(index.map((e) => e.format))).toEqual(new Set(['html', 'text']));
    expect(new Set(index.map((e) => e.register))).toEqual(new Set(['borger', 'fagperson']));
    expect(index.some((e) => e.quoted && e.format === 'html')).toBe(true);
    expect(index.some((e) => e.quoted && e.format === 'text')).toBe(true);
    for (const e of index) {
      const body = fs.readFileSync(path.join(MAILS, e.file), 'utf8');
      // Only the obviously fictitious numbers.
      for (const h of findCpr(body)) expect(['010190-****', '111111-****']).toContain(h.masked);
    }
    expect(index.filter((e) => findCpr(fs.readFileSync(path.join(MAILS, e.file), 'utf8')).length).length).toBeGreaterThanOrEqual(1);
  });

  test('the Outlook mode: no serious accessibility violations, nothing leaves the page, no document text stored', async () => {
    const page = demo.s.page;
    await openMail(page, index[0] as Entry);
    expect(seriousOrWorse(await axeViolations(page))).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);
    assertStayedLocal(demo.s);
  });

  test.each(index.map((e) => [e.file, e] as const))('%s', async (_f, ex) => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, ex);
    const quoteLine = ex.quoted ? quotedStartLine(ex.quoted, 'owa', ex.format) : undefined;
    const check = async (x: Omit<Expect, 'initial' | 'quoteLine'>) => expect(problems(await readBody(page), { initial, quoteLine, ...x })).toEqual([]);

    // 0. The analysis: the register from the recipients (external → citizen), the engine's cards for the adapter's text.
    expect(await page.getByRole('radio', { name: REGISTER_LABEL[ex.register] }).isChecked()).toBe(true);
    expect(await cardIds(page)).toEqual(shown.map((s) => s.id));
    const anchored = shown.filter((s) => s.mention && insertedInBulk(s));
    expect(anchored.length).toBeGreaterThan(0);
    await check({ citations: [], list: null });

    // 1. Indsæt at the cursor (HTML: in the paragraph where the cursor is; plain text: after the mention's line).
    const a = anchored[0] as Suggestion;
    await caretAfter(page, mentionLine(initial.text, a));
    await insert(page, a);
    await check({ citations: [cite(a)], list: null });
    if (ex.format === 'html') {
      const inBlock = await page.evaluate(() => {
        const span = document.querySelector('[data-testid="jpe-mailbody"] span[id*="jpe-cite-"]') as HTMLElement;
        return (span.closest('p, li, div') as HTMLElement).textContent ?? '';
      });
      expect(inBlock).toContain(mentionLine(initial.text, a));
    }

    // 2. Kildeliste: one list, above the quoted mail, citing the one inserted suggestion.
    await kildeliste(page);
    await check({ citations: [cite(a)], list: listLines([a]) });

    // 3. The other register, and a second suggestion in it.
    const r2 = other(ex.register);
    const shown2 = await setRegister(page, r2, initial.text);
    const anchored2 = shown2.filter((s) => s.mention && insertedInBulk(s));
    const b = anchored2.find((s) => s.id !== a.id) ?? (anchored2[0] as Suggestion);
    expect(cite(b)).not.toBe(cite(a));
    await caretAfter(page, mentionLine(initial.text, b));
    await insert(page, b);
    await check({ citations: [cite(a), cite(b)], list: listLines([a]) });

    // 4. Kildeliste again: HTML updates it in place; plain text cannot, and says so — one list either way.
    await kildeliste(page);
    if (ex.format === 'html') await check({ citations: [cite(a), cite(b)], list: listLines([a, b]) });
    else {
      await notice(page, 'plain-text').waitFor();
      await check({ citations: [cite(a), cite(b)], list: listLines([a]) });
    }
    const beforeSend = await readBody(page);
    await screenshot(page, `adviser-${ex.file}`);

    // 5. Send through the CPR guard (Smart Alerts): a mail without a CPR number goes; one in the subject is caught.
    let subject = ex.subject;
    if (!findCpr(initial.text).length) {
      expect(await send(page)).toBe('sent');
      subject = `${ex.subject} – CPR 010190-1234`;
      await page.getByRole('textbox', { name: 'Emne' }).fill(subject);
    }
    const cprs = [...new Set([...findCpr(subject), ...findCpr(initial.text)].map((h) => h.masked))];
    expect(await send(page)).toBe('dialog');
    const message = await page.getByTestId('jpe-smart-alert-message').innerText();
    await page.waitForTimeout(400); // the dialog's fade-in
    await screenshot(page, `adviser-${ex.file}-send`);
    for (const m of cprs) expect(message).toContain(m);
    expect(message).not.toMatch(/\d{6}-?\d{4}/);
    await page.getByRole('button', { name: DONT_SEND }).click();
    await page.getByTestId('jpe-smart-alert').waitFor({ state: 'detached' });
    expect(await page.getByTestId('jpe-sent').count()).toBe(0);
    expect(await readBody(page)).toEqual(beforeSend);
    expect(await send(page)).toBe('dialog');
    await page.getByRole('button', { name: SEND_ANYWAY }).click();
    await page.getByTestId('jpe-sent').waitFor();
    expect(await readBody(page)).toEqual(beforeSend);
    expect(demo.s.errors).toEqual([]);
  });
});

describe('demo, Outlook mode: documented behaviours the adapter must survive', () => {
  const demo = demoSession();
  const html = index.find((e) => e.format === 'html' && e.quoted) as Entry;
  const text = index.find((e) => e.format === 'text') as Entry;

  test.each(index.filter((e) => e.quoted).map((e) => [e.file, e] as const))(
    'classic Outlook reply (O12: _MailOriginal; "-----Oprindelig meddelelse-----"), %s: the Kildeliste goes above the quoted mail',
    async (_f, ex) => {
      const page = demo.s.page;
      const { initial, shown } = await openMail(page, ex, { client: 'classic' });
      expect(initial.html).toMatch(ex.format === 'html' ? /_MailOriginal/ : /-----Oprindelig meddelelse-----/);
      const a = shown.find((s) => s.mention && insertedInBulk(s)) as Suggestion;
      await caretAfter(page, mentionLine(initial.text, a));
      await insert(page, a);
      await kildeliste(page);
      const quoteLine = quotedStartLine(ex.quoted as NonNullable<Entry['quoted']>, 'classic', ex.format);
      expect(problems(await readBody(page), { initial, citations: [cite(a)], list: listLines([a]), quoteLine })).toEqual([]);
    },
  );

  test('O1: with text selected, Indsæt refuses instead of replacing it', async () => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, html);
    await selectWord(page, mentionLine(initial.text, shown[0] as Suggestion));
    await act(page, () => card(page, shown[0] as Suggestion).getByRole('button', { name: 'Indsæt', exact: true }).click());
    expect(problems(await readBody(page), { initial, citations: [], list: null })).toEqual([]);
    await notice(page, 'selection').waitFor();
  });

  test('O4: Outlook rewriting the HTML on setAsync (images lost): the Kildeliste write is undone', async () => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, html);
    expect(initial.images).toBeGreaterThan(0);
    await page.locator('[data-behaviour="rewriteHtmlOnSet"] input, input[data-behaviour="rewriteHtmlOnSet"]').first().check();
    const a = shown.find((s) => s.mention && insertedInBulk(s)) as Suggestion;
    await caretAfter(page, mentionLine(initial.text, a));
    await insert(page, a);
    await kildeliste(page);
    await notice(page, 'undone').waitFor();
    expect(problems(await readBody(page), { initial, citations: [cite(a)], list: null })).toEqual([]);
  });

  test('O2: plain text on the web loses the next character on setSelectedDataAsync; the adapter never uses it there', async () => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, text);
    const a = shown.find((s) => s.mention && insertedInBulk(s)) as Suggestion;
    await caretAfter(page, mentionLine(initial.text, a));
    await insert(page, a);
    expect(problems(await readBody(page), { initial, citations: [cite(a)], list: null })).toEqual([]);
  });
});


describe('demo, Outlook mode: the adviser types in the draft', () => {
  const demo = demoSession();

  test.each([
    ['html', index.find((e) => e.format === 'html') as Entry],
    ['text', index.find((e) => e.format === 'text') as Entry],
  ] as const)('%s: typed lines (Enter) are read as Outlook hands them over, and an insert keeps them', async (_k, ex) => {
    const page = demo.s.page;
    const { initial } = await openMail(page, ex);
    const first = initial.text.split('\n')[0] as string;
    await caretAfter(page, first);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Vi aftaler virksomhedspraktik hos Vestby Metal.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Du får også en mentor.');
    await page.getByRole('button', { name: 'Analysér igen' }).click();
    await page.waitForTimeout(300);
    await settle(page);
    const typed = await readBody(page);
    const lines = typed.text.split('\n');
    const at = lines.indexOf(first);
    expect(lines.slice(at, at + 3)).toEqual([first, 'Vi aftaler virksomhedspraktik hos Vestby Metal.', 'Du får også en mentor.']);
    const shown = expected(typed.text, ex.register);
    expect(await cardIds(page)).toEqual(shown.map((s) => s.id));
    const a = shown.find((s) => s.mention && insertedInBulk(s)) as Suggestion;
    await caretAfter(page, mentionLine(typed.text, a));
    await insert(page, a);
    expect(problems(await readBody(page), { initial: typed, citations: [cite(a)], list: null })).toEqual([]);
    // "Start forfra": the example's draft again, and a fresh pane on it.
    await page.getByRole('button', { name: 'Start forfra' }).click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="jpe-mailbody"]')?.textContent ?? '').includes('Du får også en mentor.'));
    await page.locator('[data-testid="jpe-pane"] article[data-suggestion-id]').first().waitFor();
    await settle(page);
    expect((await readBody(page)).text).toBe(initial.text);
  });
});

describe('the checks catch a broken guard (the tests can fail)', () => {
  const demo = demoSession();
  const html = index.find((e) => e.format === 'html' && e.quoted) as Entry;
  const text = index.find((e) => e.format === 'text') as Entry;

  test('O1 with the selection guard blinded (Mailbox 1.1, no getSelectedDataAsync): Indsæt replaces the selected text, and the check says so', async () => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, html);
    await page.locator('input[data-behaviour="mailbox12"], [data-behaviour="mailbox12"] input').first().uncheck();
    const a = shown[0] as Suggestion;
    await selectWord(page, mentionLine(initial.text, a));
    await card(page, a).getByRole('button', { name: 'Indsæt', exact: true }).click();
    await page.waitForFunction(() => /Forslaget er indsat/.test(document.querySelector('[data-notice="action"]')?.textContent ?? ''));
    const found = problems(await readBody(page), { initial, citations: [cite(a)], list: null });
    expect(found.some((p) => p.startsWith('user text changed'))).toBe(true);
    expect(found.some((p) => p.startsWith('text lost'))).toBe(true);
  });

  test('O2 with the plain-text guard bypassed (setSelectedDataAsync as a naive adapter would): one character of the adviser is lost, and the check says so', async () => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, text);
    const a = shown.find((s) => s.mention && insertedInBulk(s)) as Suggestion;
    const line = mentionLine(initial.text, a);
    // Before the last character of the mention's line (an adviser's click in the middle of the text).
    await caretAfter(page, line);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(50);
    await page.evaluate(async (t) => {
      const item = (window as unknown as { Office: { context: { mailbox: { item: { body: { setSelectedDataAsync(d: string, o: unknown, cb: () => void): void } } } } } }).Office.context
        .mailbox.item;
      await new Promise<void>((res) => item.body.setSelectedDataAsync(t, { coercionType: 'text' }, () => res()));
    }, '\n' + wrapInserted(cite(a)) + '\n');
    const found = problems(await readBody(page), { initial, citations: [cite(a)], list: null });
    expect(found.some((p) => p.startsWith('text lost'))).toBe(true);
  });

  test('O4 with the whole-body check bypassed (setAsync without reading back): the signature logo is lost, and the check says so', async () => {
    const page = demo.s.page;
    const { initial, shown } = await openMail(page, html);
    await page.locator('[data-behaviour="rewriteHtmlOnSet"] input, input[data-behaviour="rewriteHtmlOnSet"]').first().check();
    const a = shown.find((s) => s.mention && insertedInBulk(s)) as Suggestion;
    const lines = listLines([a]);
    await page.evaluate(async (ls) => {
      const item = (
        window as unknown as {
          Office: { context: { mailbox: { item: { body: { getAsync(c: string, cb: (r: { value: string }) => void): void; setAsync(d: string, o: unknown, cb: () => void): void } } } } };
        }
      ).Office.context.mailbox.item;
      const htmlNow = await new Promise<string>((res) => item.body.getAsync('html', (r) => res(r.value)));
      const list = `<div id="jpe-kildeliste">${ls.map((l) => `<p>${l}</p>`).join('')}</div>`;
      const at = htmlNow.indexOf('<div id="appendonsend"');
      await new Promise<void>((res) => item.body.setAsync(htmlNow.slice(0, at) + list + htmlNow.slice(at), { coercionType: 'html' }, () => res()));
    }, lines.map(wrapInserted));
    const found = problems(await readBody(page), { initial, citations: [], list: lines, quoteLine: quotedStartLine(html.quoted!, 'owa', 'html') });
    expect(found).toEqual([`images ${initial.images} → 0`]);
  });
});
