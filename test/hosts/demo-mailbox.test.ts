/**
 * @jest-environment jsdom
 */
import { REFERENCE_LIST_HEADING, findInserted, markerTag, wrapInserted } from '../../src/core';
import { createOutlookHost } from '../../src/hosts/outlook';
import { userTextOf } from '../../src/hosts/outlook-html';
import { WEB_OUTLOOK, ROAMING_LIMIT, type MailBehaviours } from '../../src/demo/mailbox/behaviours';
import { bodyText, pointAtTextOffset, textOffsetOf } from '../../src/demo/mailbox/dom-body';
import { DemoMailbox, installOffice } from '../../src/demo/mailbox/mailbox';
import { quotedHtml, quotedText, type QuotedMail } from '../../src/demo/mailbox/reply';
import { runSmartAlerts } from '../../src/demo/mailbox/smart-alerts';
import type { ComposeItem } from '../../src/launchevent/cpr-on-send';

/**
 * The demo's DOM mailbox (src/demo/mailbox/) under the real Outlook adapter, in jsdom: the same calls
 * the browser demo makes, fast. The browser test (test/browser/adviser.test.ts) clicks the same through the pane.
 */

const CITE = { text: 'Konkrete jobforslag driver effekten af samtaler (STAR, 2026).', tag: markerTag('cite', 'samtaler-jobforslag', 1) };
const LIST = [REFERENCE_LIST_HEADING, 'STAR (2026). Viden om samtaler med ledige.'];
const Q: QuotedMail = { from: 'Sara <sara@post.example>', sent: '1. maj 2026', to: 'Jobcentret', subject: 'Spørgsmål', text: 'Hej\nKan I hjælpe?' };

function setup(inner: string, type: 'html' | 'text', b: Partial<MailBehaviours> = {}, fields: { to?: string[]; subject?: string } = {}) {
  document.body.innerHTML = '';
  const el = document.createElement('div');
  document.body.appendChild(el);
  if (type === 'html') el.innerHTML = inner;
  else el.textContent = inner;
  const behaviours = { ...WEB_OUTLOOK, ...b };
  const mb = new DemoMailbox({
    body: el,
    bodyType: type,
    fields: { to: () => fields.to ?? [], cc: () => [], bcc: () => [], subject: () => fields.subject ?? 'Emne' },
    behaviours: () => behaviours,
  });
  installOffice(window, mb);
  return { el, mb, behaviours, host: createOutlookHost() };
}

function caretAt(mb: DemoMailbox, el: HTMLElement, textOffset: number, length = 0): void {
  const p = pointAtTextOffset(el, textOffset);
  const r = document.createRange();
  r.setStart(p.node, p.offset);
  if (length) {
    const q = pointAtTextOffset(el, textOffset + length);
    r.setEnd(q.node, q.offset);
  } else r.collapse(true);
  mb.setCursor(r);
}

afterEach(() => {
  delete (window as unknown as { Office?: unknown }).Office;
});

describe('the DOM body', () => {
  test('bodyText reads <br> and blocks as line breaks; text offsets and DOM points agree', () => {
    const { el } = setup('<p>Hej Sara</p><p>Vi aftaler<br>løntilskud.</p><ul><li>Et</li><li>To</li></ul>', 'html');
    const t = bodyText(el);
    expect(t).toBe('Hej Sara\nVi aftaler\nløntilskud.\nEt\nTo');
    for (let i = 0; i <= t.length; i++) {
      const p = pointAtTextOffset(el, i);
      expect(textOffsetOf(el, p.node, p.offset)).toBe(i);
    }
  });
});

describe('the real adapter on the demo mailbox', () => {
  test('HTML reply: insert at the cursor, one Kildeliste above the quoted mail, the user text unchanged', async () => {
    const { el, mb, host } = setup(`<p>Hej Sara</p><p>Vi holder samtaler.</p><p>Hilsen Anne</p>${quotedHtml(Q, 'owa')}`, 'html');
    const before = userTextOf(bodyText(el));
    caretAt(mb, el, 'Hej Sara\nVi holder samtaler.'.length);
    expect(host.capabilities().canInsert).toBe(true);
    expect(await host.readText()).toContain('Vi holder samtaler.');
    expect(await host.insert(CITE)).toBe(true);
    expect(el.querySelectorAll('p')[1]?.textContent).toBe('Vi holder samtaler.' + wrapInserted(CITE.text));
    expect(el.querySelectorAll('p')[1]?.innerHTML).toMatch(/^Vi holder samtaler\.<span id="[^"]+"><br>/); // a line of its own: not glued to the full stop
    await host.upsertReferenceList(LIST);
    await host.upsertReferenceList(LIST);
    expect(el.querySelectorAll('#jpe-kildeliste')).toHaveLength(1);
    const html = el.innerHTML;
    expect(html.indexOf('jpe-kildeliste')).toBeLessThan(html.indexOf('appendonsend'));
    expect(userTextOf(bodyText(el))).toBe(before);
    expect(mb.calls).toContain('body.setSelectedDataAsync');
  });

  test('O1: the cursor never in the body → setSelectedDataAsync inserts at the top; a selection is replaced (and the adapter refuses)', async () => {
    const { el, mb, host } = setup('<p>Hej Sara</p><p>Vi holder samtaler.</p>', 'html');
    await host.insert(CITE);
    expect(bodyText(el).startsWith('\n' + wrapInserted(CITE.text))).toBe(true);
    caretAt(mb, el, 'Hej Sara\nVi '.length, 'holder'.length);
    await expect(host.insert({ ...CITE, text: 'Andet.' })).rejects.toMatchObject({ code: 'selection' });
    expect(bodyText(el)).toContain('Vi holder samtaler.');
  });

  test('O2: plain text on the web: setSelectedDataAsync eats the next character; the adapter (setAsync after the line) does not lose it', async () => {
    const text = 'Hej Jens\nVi holder samtaler hver uge.\nMvh Bo';
    const { el, mb, host } = setup(text, 'text');
    const at = text.indexOf('samtaler');
    await host.readText();
    caretAt(mb, el, at);
    await host.insert({ ...CITE, anchor: { start: at, end: at + 8, text: 'samtaler' } });
    expect(userTextOf(bodyText(el))).toBe(text);
    expect(findInserted(bodyText(el))).toHaveLength(1);
    // The same call a naive adapter would make: one character of the user's text goes.
    caretAt(mb, el, 0);
    await new Promise((res) => (Office.context.mailbox.item as unknown as Office.MessageCompose).body.setSelectedDataAsync('X', { coercionType: 'text' as Office.CoercionType }, res));
    expect(bodyText(el).startsWith('Xej Jens')).toBe(true);
  });

  test('O5: ids come back "x_"-prefixed; the Kildeliste is still found and replaced in place', async () => {
    const { el, host } = setup('<p>Vi holder samtaler.</p>', 'html', { prefixIds: true });
    await host.upsertReferenceList(LIST);
    await host.upsertReferenceList([...LIST, 'STAR (u.å.). Hvad virker?']);
    expect(el.querySelectorAll('[id$="jpe-kildeliste"]')).toHaveLength(1);
    expect(bodyText(el)).toContain('Hvad virker?');
  });

  test('O4: a client rewriting HTML on setAsync (images dropped): the adapter undoes and says so; the logo stays', async () => {
    const { el, host } = setup('<p>Vi holder samtaler.</p><p>Hilsen<br><img src="data:," alt="logo"></p>', 'html', { rewriteHtmlOnSet: true });
    await expect(host.upsertReferenceList(LIST)).rejects.toMatchObject({ code: 'undone' });
    expect(el.querySelectorAll('img')).toHaveLength(1);
    expect(el.querySelector('#jpe-kildeliste')).toBeNull();
  });

  test('O12: plain-text replies of both clients: the Kildeliste goes above the quoted mail', async () => {
    for (const style of ['owa', 'classic'] as const) {
      const { el, host } = setup(`Hej Sara\nVi holder samtaler.\n\n${quotedText(Q, style)}`, 'text', { replyStyle: style });
      await host.upsertReferenceList(LIST);
      const t = bodyText(el);
      expect(t.indexOf(wrapInserted(REFERENCE_LIST_HEADING))).toBeLessThan(t.indexOf('Fra: Sara'));
    }
  });

  test('O6: getAsync(Text) gives \\r\\n in classic Outlook; the adapter reads the same text', async () => {
    const { host } = setup('<p>Et</p><p>To</p>', 'html', { lineBreak: '\r\n' });
    expect(await host.readText()).toBe('Et\nTo');
  });

  test('O9: roaming settings over 32 KB fail with 9057; the adapter keeps its settings under the cap', async () => {
    const { mb, host } = setup('<p>x</p>', 'html');
    const dismissed: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) dismissed[`suggestion-${i}-with-a-long-rule-id`] = 'not-relevant';
    await host.saveSettings({ dismissed });
    expect(JSON.stringify(mb.storedSettings).length).toBeLessThan(ROAMING_LIMIT);
    const rs = Office.context.roamingSettings;
    rs.set('big', 'x'.repeat(ROAMING_LIMIT));
    const r = await new Promise<Office.AsyncResult<void>>((res) => rs.saveAsync(res));
    expect(r.status).toBe('failed');
    expect((r.error as unknown as { code: number }).code).toBe(9057);
  });

  test('recipients: an external address makes the adapter say "not internal"', async () => {
    const { host } = setup('<p>x</p>', 'html', {}, { to: ['Sara <sara@post.example>', 'lb@jobcenter-nordby.dk'] });
    expect(await host.recipientsAreInternal(['jobcenter-nordby.dk'])).toBe(false);
    const internal = setup('<p>x</p>', 'html', {}, { to: ['Lars <lb@jobcenter-nordby.dk>', 'sdp@nordby.dk'] });
    expect(await internal.host.recipientsAreInternal(['jobcenter-nordby.dk', 'nordby.dk'])).toBe(true);
  });
});

describe('Send in the demo: the Smart Alerts handler on the demo mailbox', () => {
  test('a CPR number holds the mail with the number masked; none lets it go', async () => {
    const held = setup('<p>CPR 010190-1234</p>', 'html');
    const out = await runSmartAlerts(held.mb.item as unknown as ComposeItem);
    expect(out.kind).toBe('blocked');
    if (out.kind === 'blocked') {
      expect(out.message).toContain('010190-****');
      expect(out.message).not.toContain('1234');
      expect(out.buttons).toEqual(['Send alligevel', 'Ret mailen']);
    }
    const ok = setup('<p>Ingen numre her.</p>', 'html');
    expect(await runSmartAlerts(ok.mb.item as unknown as ComposeItem)).toEqual({ kind: 'sent' });
    const subj = setup('<p>Intet her.</p>', 'html', {}, { subject: 'Jonas 111111-1118' });
    const s = await runSmartAlerts(subj.mb.item as unknown as ComposeItem);
    expect(s.kind === 'blocked' && s.message.includes('emnet')).toBe(true);
  });
});
