import { installOutlookStandin, type OutlookStandin, type OutlookStandinOptions } from '../standins/outlook-standin';
import { citationIdsInHtml, createOutlookHost, findElementById, htmlIdForTag, tagForHtmlId, KILDELISTE_ID } from '../../src/hosts/outlook';
import { HostError } from '../../src/hosts/host';
import { MARK_CLOSE, MARK_OPEN, findInserted, markerTag, maskInserted, wrapInserted } from '../../src/core/markers';

const g = globalThis as unknown as Record<string, unknown>;

function setup(opts: OutlookStandinOptions): { s: OutlookStandin; host: ReturnType<typeof createOutlookHost> } {
  const s = installOutlookStandin(g, opts);
  return { s, host: createOutlookHost() };
}

afterEach(() => {
  delete g.Office;
});

const HTML_DRAFT =
  '<html><head><style>p{margin:0}</style></head><body>' +
  '<p>Hej Jens,</p><p>Vi aftaler løntilskud hos en privat arbejdsgiver.|CURSOR|</p><p>Venlig hilsen<br>Sagsbehandler</p>' +
  '</body></html>';
const TEXT_DRAFT = 'Hej Jens,\n\nVi aftaler løntilskud.|CURSOR|\n\nVenlig hilsen\nSagsbehandler';
const CITE = { text: 'Løntilskud hos private virksomheder har de største effekter (STAR, 2026).', tag: markerTag('cite', 'loentilskud-privat', 2) };
const LIST_1 = ['Kildeliste', 'STAR (2026). Hvad virker?', 'Hansen, A. (2019). Løntilskud & beskæftigelse.'];
const LIST_2 = ['Kildeliste', 'STAR (2026). Hvad virker?'];

/** The user's own HTML outside our elements. */
function userHtml(html: string): string {
  return html
    .replace(/<span id="(x_)?jpe-[^"]*">[\s\S]*?<\/span>/g, '')
    .replace(/<div id="(x_)?jpe-kildeliste">[\s\S]*?<\/div>/g, '');
}

describe('Outlook host: reading', () => {
  test('compose: getTypeAsync + getAsync(Text) once each; \\r\\n normalised to \\n', async () => {
    const { s, host } = setup({ bodyType: 'text', body: TEXT_DRAFT, lineBreak: '\r\n' });
    const text = await host.readText();
    expect(s.callsByMethod).toEqual({ 'body.getTypeAsync': 1, 'body.getAsync': 1 });
    expect(text).toBe(TEXT_DRAFT.replace('|CURSOR|', ''));
    await host.readText();
    expect(s.callsByMethod['body.getTypeAsync']).toBe(1); // cached per item
  });

  test('desktop (\\r\\n) and web (\\n) clients give the same text and offsets', async () => {
    const a = await setup({ body: HTML_DRAFT, lineBreak: '\r\n' }).host.readText();
    const b = await setup({ body: HTML_DRAFT, lineBreak: '\n' }).host.readText();
    expect(a).toBe(b);
    expect(a).not.toContain('\r');
    expect(a.indexOf('løntilskud')).toBe(b.indexOf('løntilskud'));
  });

  test('read mode: 1 call, can analyse, cannot insert', async () => {
    const { s, host } = setup({ mode: 'read', body: HTML_DRAFT });
    expect(host.capabilities()).toMatchObject({ kind: 'outlook', canInsert: false, canComment: false, canSelect: false });
    expect(await host.readText()).toContain('løntilskud');
    expect(s.asyncCalls).toBe(1);
    const before = s.body;
    await expect(host.insert(CITE)).rejects.toMatchObject({ name: 'HostError', code: 'read-only' });
    await expect(host.upsertReferenceList(LIST_1)).rejects.toMatchObject({ code: 'read-only' });
    expect(s.body).toBe(before);
  });

  test('a failed async call becomes HostError(connection)', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    s.failNext('body.getAsync');
    const err = await host.readText().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('connection');
  });
});

describe('Outlook host: inserting', () => {
  test('HTML body: a span with a jpe- id and the markers inside goes in at the cursor', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    const before = userHtml(s.body);
    expect(await host.insert(CITE)).toBe(true);
    // getSelectedDataAsync first: setSelectedDataAsync would replace a selection (office-fidelity O1).
    expect(s.callsByMethod).toEqual({ 'body.getTypeAsync': 1, 'body.getAsync': 1, getSelectedDataAsync: 1, 'body.setSelectedDataAsync': 1 });
    expect(s.body).toMatch(/<span id="jpe-cite-loentilskud-privat_2_[a-z0-9]+"><br>\u2063\u2062Løntilskud hos private/);
    expect(s.body.indexOf('<span id="jpe-cite')).toBe(s.body.indexOf('arbejdsgiver.') + 'arbejdsgiver.'.length);
    expect(userHtml(s.body)).toBe(before);
    const text = await host.readText();
    expect(text).toContain(MARK_OPEN + CITE.text + MARK_CLOSE);
    expect(maskInserted(text)).not.toContain('STAR');
    expect(text).toMatch(new RegExp('arbejdsgiver\\.\\r?\\n' + MARK_OPEN + 'Løntilskud')); // a line of its own, not glued to the adviser's full stop
  });

  test('text body: plain text with markers goes in as a line of its own after the mention (never setSelectedDataAsync: office-js#3905)', async () => {
    const { s, host } = setup({ bodyType: 'text', body: TEXT_DRAFT });
    const text = await host.readText();
    const i = text.indexOf('løntilskud');
    expect(await host.insert({ ...CITE, anchor: { start: i, end: i + 'løntilskud'.length, text: 'løntilskud' } })).toBe(true);
    expect(s.body).toBe(TEXT_DRAFT.replace('|CURSOR|', '\n' + wrapInserted(CITE.text)));
    expect(s.callsByMethod['body.setSelectedDataAsync']).toBeUndefined();
    expect(findInserted(await host.readText())).toHaveLength(1);
  });

  test('the same citation twice: the second returns false and adds nothing', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    await host.insert(CITE);
    const after = s.body;
    expect(await host.insert(CITE)).toBe(false);
    expect(s.body).toBe(after);
  });

  test('comment and select are not supported', async () => {
    const { host } = setup({ body: HTML_DRAFT });
    await expect(host.comment({ text: 'x', anchor: { start: 0, end: 1, text: 'H' } })).rejects.toMatchObject({ code: 'not-supported' });
    await expect(host.select({ start: 0, end: 1, text: 'H' })).rejects.toMatchObject({ code: 'not-supported' });
  });
});

describe('Outlook host: reference list', () => {
  test('HTML: appended once, then replaced in place; nothing else changes', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    const original = s.body;
    await host.upsertReferenceList(LIST_1);
    // The second getAsync reads the body back to check that the user's text is unchanged.
    expect(s.callsByMethod).toEqual({ 'body.getTypeAsync': 1, 'body.getAsync': 2, 'body.setAsync': 1 });
    expect(s.body.match(/id="jpe-kildeliste"/g)).toHaveLength(1);
    expect(s.body).toContain('Løntilskud &amp; beskæftigelse');
    expect(s.body.indexOf('id="jpe-kildeliste"')).toBeLessThan(s.body.indexOf('</body>'));
    expect(userHtml(s.body)).toBe(original);
    await host.upsertReferenceList(LIST_2);
    expect(s.body.match(/id="jpe-kildeliste"/g)).toHaveLength(1);
    expect(s.body).not.toContain('Hansen');
    expect(userHtml(s.body)).toBe(original);
    const text = await host.readText();
    expect(maskInserted(text)).not.toContain('STAR');
  });

  test('HTML: Outlook renaming the id to x_jpe-kildeliste still updates in place', async () => {
    const { s, host } = setup({ body: HTML_DRAFT, prefixIds: true });
    await host.upsertReferenceList(LIST_1);
    await host.upsertReferenceList(LIST_2);
    expect(s.body.match(/jpe-kildeliste/g)).toHaveLength(1);
    expect(s.body).not.toContain('Hansen');
  });

  test('HTML reply: the list goes before the quoted thread', async () => {
    const reply =
      '<html><body><p>Se planen.</p><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><p>Fra: X</p></div><p>Gammel tekst</p></body></html>';
    const { s, host } = setup({ body: reply });
    await host.upsertReferenceList(LIST_2);
    expect(s.body.indexOf('jpe-kildeliste')).toBeLessThan(s.body.indexOf('appendonsend'));
    expect(s.body.indexOf('Se planen.')).toBeLessThan(s.body.indexOf('jpe-kildeliste'));
  });

  test('text: appended once; pressing again says plain-text and appends nothing', async () => {
    const { s, host } = setup({ bodyType: 'text', body: TEXT_DRAFT });
    await host.upsertReferenceList(LIST_1);
    const once = s.body;
    expect(once.startsWith(TEXT_DRAFT.replace('|CURSOR|', ''))).toBe(true);
    expect(once.endsWith(LIST_1.map(wrapInserted).join('\n'))).toBe(true);
    await expect(host.upsertReferenceList(LIST_2)).rejects.toMatchObject({ code: 'plain-text' });
    expect(s.body).toBe(once);
  });

  test('findElementById handles nested elements of the same kind', () => {
    const html = '<div>a<div id="jpe-kildeliste"><div>x</div><div>y</div></div>b</div>';
    const r = findElementById(html, KILDELISTE_ID)!;
    expect(html.slice(r.start, r.end)).toBe('<div id="jpe-kildeliste"><div>x</div><div>y</div></div>');
  });
});

describe('Outlook host: settings, recipients, events', () => {
  test('roaming settings keep ids only', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    await host.saveSettings({ dismissed: ['rule-1', 'Jens har løntilskud'], style: 'full' });
    expect(s.savedSettings).toEqual({ jpe: { dismissed: ['rule-1'], style: 'full' } });
    expect(await host.loadSettings()).toEqual({ dismissed: ['rule-1'], style: 'full' });
  });

  test('roaming settings keep id→code maps and the internal mail domains, not free text', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    await host.saveSettings({
      dismissed: { 'samtaler-jobparat': 'considered', 'Jens har løntilskud': 'other', 'mentor-x': 'Jens vil ikke' },
      internalDomains: ['aarhus.dk', 'jobcenter.dk'],
      register: 'borger',
    });
    const want = { dismissed: { 'samtaler-jobparat': 'considered' }, internalDomains: ['aarhus.dk', 'jobcenter.dk'], register: 'borger' };
    expect(s.savedSettings).toEqual({ jpe: want });
    expect(await host.loadSettings()).toEqual(want);
  });

  test('recipientsAreInternal checks To/Cc/Bcc domains (compose and read)', async () => {
    const internal = setup({ body: HTML_DRAFT, to: ['a@aarhus.dk'], cc: ['b@jobcenter.aarhus.dk'], bcc: [] });
    expect(await internal.host.recipientsAreInternal(['aarhus.dk'])).toBe(true);
    const external = setup({ body: HTML_DRAFT, to: ['a@aarhus.dk'], cc: ['borger@gmail.com'] });
    expect(await external.host.recipientsAreInternal(['aarhus.dk'])).toBe(false);
    const read = setup({ mode: 'read', body: HTML_DRAFT, to: ['a@notaarhus.dk'] });
    expect(await read.host.recipientsAreInternal(['aarhus.dk'])).toBe(false);
  });

  test('ItemChanged reaches onChange and resets the cached body type', async () => {
    const { s, host } = setup({ body: HTML_DRAFT });
    let n = 0;
    const off = host.onChange(() => n++);
    await host.readText();
    s.switchItem({ bodyType: 'text', body: 'Ny mail om mentor' });
    expect(n).toBe(1);
    expect(await host.insert(CITE)).toBe(true);
    expect(s.body).toBe('Ny mail om mentor\n' + wrapInserted(CITE.text));
    off();
    await new Promise((r) => setTimeout(r, 0));
    s.switchItem({ body: 'x' });
    expect(n).toBe(1);
  });
});

describe('Outlook host: inserted citations', () => {
  const TAG = markerTag('cite', 'samtaler-jobforslag', 1, 'samtale');

  test('span ids encode the tag reversibly (also the older form and Outlook\'s x_ prefix)', () => {
    expect(htmlIdForTag(TAG)).toBe('jpe-cite-samtaler-jobforslag_1_samtale');
    expect(tagForHtmlId('jpe-cite-samtaler-jobforslag_1_samtale_m3k9z1')).toBe(TAG);
    expect(tagForHtmlId('x_jpe-cite-loentilskud-privat_2_abc')).toBe(markerTag('cite', 'loentilskud-privat', 2));
    expect(tagForHtmlId('jpe-cite-loentilskud-privat-2-m3k9z1')).toBe(markerTag('cite', 'loentilskud-privat', 2));
    expect(tagForHtmlId('jpe-kildeliste')).toBeNull();
    expect(citationIdsInHtml('<p>x<span id="x_jpe-cite-a_1_b12">y</span><span id=other>z</span></p>')).toEqual(['jpe-cite-a_1_b12']);
  });

  test('HTML: listInserted finds what insert put in (1 call), update replaces it in place, remove deletes only it', async () => {
    const { s, host } = setup({ body: HTML_DRAFT, prefixIds: true });
    const before = userHtml(s.body);
    await host.insert({ text: 'Konkrete jobforslag driver effekten af samtaler (STAR, 2026).', tag: TAG });
    await host.insert(CITE);
    s.callsByMethod = {};
    const list = await host.listInserted();
    expect(s.callsByMethod).toEqual({ 'body.getAsync': 1 });
    expect(list.map((x) => x.tag)).toEqual([TAG, CITE.tag]);

    const next = markerTag('cite', 'samtaler-jobforslag', 2, 'samtale');
    s.callsByMethod = {};
    await host.updateInserted(list[0]!.handle, 'Ny sætning (STAR, 2026).', next);
    expect(s.callsByMethod).toEqual({ 'body.getAsync': 2, 'body.setAsync': 1 });
    expect(s.body).toContain(wrapInserted('Ny sætning (STAR, 2026).'));
    // the updated citation keeps the line of its own it was inserted on
    expect(await host.readText()).toMatch(new RegExp('\\n' + wrapInserted('Ny sætning (STAR, 2026).').replace(/[()]/g, '\\$&')));
    expect(s.body).not.toContain(wrapInserted(CITE.text) + wrapInserted(CITE.text));
    expect(userHtml(s.body)).toBe(before);
    const after = await host.listInserted();
    expect(after.map((x) => x.tag)).toEqual([next, CITE.tag]);

    await host.removeInserted(after[1]!.handle);
    expect(s.body).not.toContain(CITE.text);
    expect(userHtml(s.body)).toBe(before);
    expect((await host.listInserted()).map((x) => x.tag)).toEqual([next]);
    await expect(host.removeInserted(after[1]!.handle)).rejects.toMatchObject({ code: 'anchor-moved' });
    await expect(host.removeInserted('p1')).rejects.toMatchObject({ code: 'anchor-moved' });
  });

  test('text mode: no tags, so nothing listed; update says plain-text (not an old Office)', async () => {
    const { s, host } = setup({ bodyType: 'text', body: TEXT_DRAFT });
    await host.insert({ text: CITE.text, tag: TAG });
    s.callsByMethod = {};
    expect(await host.listInserted()).toEqual([]);
    expect(s.callsByMethod).toEqual({});
    await expect(host.updateInserted('jpe-cite-x_1_a', 'y', TAG)).rejects.toMatchObject({ code: 'plain-text' });
  });

  test('read mode: nothing listed, nothing changed', async () => {
    const { host } = setup({ mode: 'read', body: HTML_DRAFT });
    expect(await host.listInserted()).toEqual([]);
    await expect(host.removeInserted('jpe-cite-x_1_a')).rejects.toMatchObject({ code: 'read-only' });
  });
});
