import fc from 'fast-check';
import { installOutlookStandin, ROAMING_LIMIT, type OutlookStandin, type OutlookStandinOptions } from '../standins/outlook-standin';
import { createOutlookHost, appendPosition, plainAppendPosition, KILDELISTE_ID } from '../../src/hosts/outlook';
import { userTextOf, htmlText } from '../../src/hosts/outlook-html';
import { boundSettings, SETTINGS_MAX_CHARS } from '../../src/hosts/office-settings';
import { markerTag, wrapInserted } from '../../src/core/markers';
import type { Span } from '../../src/core/types';

/**
 * Outlook behaviours from Microsoft's documentation and the office-js issue tracker that the
 * adapter must stay safe under (../shared/reviews/office-fidelity.md, rows O1, O2, O4, O9, O12).
 */

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
});
function setup(opts: OutlookStandinOptions): { s: OutlookStandin; host: ReturnType<typeof createOutlookHost> } {
  const s = installOutlookStandin(g, opts);
  return { s, host: createOutlookHost() };
}
function spanOf(text: string, needle: string): Span {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  return { start: i, end: i + needle.length, text: needle };
}
const CITE = { text: 'Løntilskud hos private virksomheder har de største effekter (STAR, 2026).', tag: markerTag('cite', 'loentilskud-privat', 2) };
const CITE_B = { text: 'Konkrete jobforslag driver effekten af samtaler (STAR, 2026).', tag: markerTag('cite', 'samtaler-jobforslag', 1) };
const LIST = ['Kildeliste', 'STAR (2026). Hvad virker?'];
const HTML = '<html><body><p>Hej Jens,</p><p>Vi aftaler |SEL|løntilskud hos en privat|/SEL| arbejdsgiver.</p><p>Venlig hilsen</p></body></html>';
const TEXT = 'Hej Jens,\n\nVi aftaler løntilskud.\nDer holdes jobsamtaler.\n\nVenlig hilsen\nSagsbehandler';
/** The user's text of a body as a reader sees it, without the add-in's marked text. */
const userOf = (s: OutlookStandin) => userTextOf(s.bodyType === 'html' ? htmlText(s.body) : s.body);

describe('O1: setSelectedDataAsync replaces the selected text (Body.setSelectedDataAsync reference)', () => {
  test('the stand-in replaces a selection', async () => {
    const s = installOutlookStandin(g, { body: HTML });
    await new Promise<void>((res) => (s.item.body.setSelectedDataAsync as (d: string, o: unknown, cb: () => void) => void)('X', { coercionType: 'html' }, () => res()));
    expect(s.body).toContain('Vi aftaler X arbejdsgiver.');
  });

  test('with text selected, Indsæt refuses (HostError selection) and the selection stays', async () => {
    const { s, host } = setup({ body: HTML });
    const before = s.body;
    await expect(host.insert(CITE)).rejects.toMatchObject({ code: 'selection' });
    expect(s.body).toBe(before);
  });

  test('never focused: the stand-in inserts at the top; the user\'s text is still all there', async () => {
    const { s, host } = setup({ body: HTML.replace('|SEL|', '').replace('|/SEL|', ''), neverFocused: true });
    const before = userOf(s);
    await host.insert(CITE);
    expect(s.body.indexOf('jpe-cite')).toBeLessThan(s.body.indexOf('Hej Jens'));
    expect(userOf(s)).toBe(before);
  });
});

describe('O2: plain text in Outlook on the web / new Outlook loses the next character (office-js#3905)', () => {
  test('the stand-in eats the next character on setSelectedDataAsync', async () => {
    const s = installOutlookStandin(g, { bodyType: 'text', body: 'abc|CURSOR|def', lineBreak: '\n' });
    await new Promise<void>((res) => (s.item.body.setSelectedDataAsync as (d: string, o: unknown, cb: () => void) => void)('X', { coercionType: 'text' }, () => res()));
    expect(s.body).toBe('abcXef');
  });

  test.each(['\n', '\r\n'] as const)('the adapter inserts without losing a character (line breaks %j)', async (lineBreak) => {
    const { s, host } = setup({ bodyType: 'text', body: TEXT.replace('løntilskud.', 'løntilskud.|CURSOR|'), lineBreak });
    const before = userOf(s);
    const text = await host.readText();
    const res = await host.insertMany(
      [
        { ...CITE, anchor: spanOf(text, 'løntilskud') },
        { ...CITE_B, anchor: spanOf(text, 'jobsamtaler') },
      ],
      LIST,
    );
    expect(res).toEqual([true, true]);
    expect(userOf(s)).toBe(before);
    const lines = s.body.split('\n');
    expect(lines[lines.indexOf('Vi aftaler løntilskud.') + 1]).toBe(wrapInserted(CITE.text));
    expect(lines[lines.indexOf('Der holdes jobsamtaler.') + 1]).toBe(wrapInserted(CITE_B.text));
    // Anchors from the first analysis still work after the first insertion moved the text.
    expect(await host.insert({ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') })).toBe(false);
  });
});

describe('O4: a whole-body setAsync(html) is not a round trip (Body.getAsync/setAsync reference; office-js#6944, #5482)', () => {
  const WITH_IMG = '<html><body><p>Hej Jens, vi aftaler løntilskud.</p><p>Venlig hilsen<img src="cid:logo"></p></body></html>';
  test('when the client drops an image, the Kildeliste write is undone and the pane is told', async () => {
    const { s, host } = setup({ body: WITH_IMG, rewriteHtmlOnSet: (h) => h.replace(/<img[^>]*src="cid:[^"]*"[^>]*>/g, (m) => (h.includes(KILDELISTE_ID) ? '' : m)) });
    await expect(host.upsertReferenceList(LIST)).rejects.toMatchObject({ code: 'undone' });
    expect(s.body).toContain('cid:logo');
    expect(s.body).not.toContain(KILDELISTE_ID);
  });

  test('a client that keeps the user\'s HTML: the list is written once', async () => {
    const { s, host } = setup({ body: WITH_IMG });
    await host.upsertReferenceList(LIST);
    await host.upsertReferenceList(LIST);
    expect(s.body.match(/id="jpe-kildeliste"/g)).toHaveLength(1);
    expect(s.body).toContain('cid:logo');
  });
});

describe('W12 in Outlook: text typed inside the add-in\'s span or list is the user\'s (inference; contentEditable)', () => {
  test('update, remove and the Kildeliste refuse and keep it', async () => {
    const { s, host } = setup({ body: '<html><body><p>Vi aftaler løntilskud.|CURSOR|</p></body></html>' });
    await host.insert(CITE);
    await host.upsertReferenceList(LIST);
    s.body = s.body.replace(/(\u2062\u2063)<\/span>/, '$1 Det har vi talt om.</span>').replace(/<\/div>(?![\s\S]*<\/div>)/, '<p>Min note.</p></div>');
    const before = s.body;
    const [item] = await host.listInserted();
    await expect(host.removeInserted(item!.handle)).rejects.toMatchObject({ code: 'user-text' });
    await expect(host.updateInserted(item!.handle, 'Ny (STAR, 2026).', CITE.tag)).rejects.toMatchObject({ code: 'user-text' });
    await expect(host.upsertReferenceList(LIST)).rejects.toMatchObject({ code: 'user-text' });
    expect(s.body).toBe(before);
  });
});

describe('O12: the Kildeliste goes before the quoted earlier mail (office-js#2045)', () => {
  test('classic Outlook reply markup (_MailOriginal)', async () => {
    const body =
      '<html><body><p>Hej Jens, vi aftaler løntilskud.</p><p>Venlig hilsen</p>' +
      '<p><a name="_MailOriginal"></a></p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>Fra:</b> Jens</p></div><p>Tidligere mail.</p></body></html>';
    const { s, host } = setup({ body });
    await host.upsertReferenceList(LIST);
    expect(s.body.indexOf(KILDELISTE_ID)).toBeLessThan(s.body.indexOf('_MailOriginal'));
    expect(s.body.indexOf(KILDELISTE_ID)).toBeGreaterThan(s.body.indexOf('Venlig hilsen'));
    expect(appendPosition(body)).toBe(body.indexOf('<p><a name="_MailOriginal">'));
  });

  test('plain-text reply ("-----Original Message-----" / "Fra: … Sendt:")', async () => {
    const quoted = 'Hej Jens, vi aftaler løntilskud.\n\nVenlig hilsen\n\n-----Original Message-----\nFra: Jens\nTidligere mail.';
    expect(plainAppendPosition(quoted)).toBe(quoted.indexOf('Venlig hilsen') + 'Venlig hilsen'.length);
    expect(plainAppendPosition('Tak.\n\nFra: Jens\nSendt: 1. dec.\nHej')).toBe(4);
    // a separator line above the header is part of the quote (the Kildeliste goes above it)
    expect(plainAppendPosition('Tak.\n\n________________________________\nFra: Jens\nSendt: 1. dec.\nHej')).toBe(4);
    expect(plainAppendPosition('Tak.\n----------\nFrom: Jens\nSent: 1 Dec\nHej')).toBe(4);
    expect(plainAppendPosition('Tak.\n\n-----Oprindelig meddelelse-----\nFra: Jens\nSendt: 1. dec.')).toBe(4);
    const { s, host } = setup({ bodyType: 'text', body: quoted });
    await host.upsertReferenceList(LIST);
    expect(s.body.indexOf('Kildeliste')).toBeLessThan(s.body.indexOf('-----Original Message-----'));
    expect(userTextOf(s.body)).toBe(userTextOf(quoted));
  });
});

describe('O9: roaming settings stop at 32 KB (limits doc; error 9057, "Size Limit Exceeded")', () => {
  const many = () => {
    const dismissed: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) dismissed[`regel-${i}-${'x'.repeat(60)}`] = 'not-relevant';
    return { dismissed, citationStyle: 'short' };
  };
  test('the stand-in refuses a save over the cap, with the documented code', async () => {
    const s = installOutlookStandin(g, {});
    const rs = (g.Office as { context: { roamingSettings: { set(k: string, v: unknown): void; saveAsync(cb: (r: { status: string; error?: { code: number } }) => void): void } } }).context.roamingSettings;
    rs.set('jpe', many());
    const r = await new Promise<{ status: string; error?: { code: number } }>((res) => rs.saveAsync(res));
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe(9057);
    expect(JSON.stringify(s.savedSettings).length).toBeLessThan(ROAMING_LIMIT);
  });

  test('the adapter keeps its settings under the cap, dropping the oldest dismissals first', async () => {
    const { s, host } = setup({});
    await host.saveSettings(many());
    const saved = s.savedSettings['jpe'] as { dismissed: Record<string, string>; citationStyle: string };
    expect(JSON.stringify(s.savedSettings).length).toBeLessThan(ROAMING_LIMIT);
    expect(saved.citationStyle).toBe('short');
    const keys = Object.keys(saved.dismissed);
    expect(keys[keys.length - 1]).toBe(`regel-999-${'x'.repeat(60)}`);
    expect(keys).not.toContain(`regel-0-${'x'.repeat(60)}`);
    expect(JSON.stringify(boundSettings(many())).length).toBeLessThanOrEqual(SETTINGS_MAX_CHARS);
  });
});

describe('property: the user\'s text stays byte-identical through any sequence of operations and Outlook behaviours', () => {
  const op = fc.constantFrom('insert-a', 'insert-b', 'insert-all', 'list', 'update', 'remove', 'type-into', 'fail', 'read');
  test.each([
    ['HTML, desktop', { body: '<html><body><p>Hej Jens,</p><p>Vi aftaler løntilskud.|CURSOR|</p><p>Der holdes jobsamtaler.</p><p>Venlig hilsen<img src="cid:x"></p></body></html>' }],
    ['HTML, with a selection', { body: HTML }],
    ['text, web (lost character)', { bodyType: 'text' as const, body: TEXT, lineBreak: '\n' as const }],
    ['text, desktop', { bodyType: 'text' as const, body: TEXT, lineBreak: '\r\n' as const }],
  ])('%s', async (_name, opts) => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const { s, host } = setup(opts as OutlookStandinOptions);
        let text = await host.readText();
        const original = userOf(s);
        const typed: string[] = [];
        const a = () => (text.includes('løntilskud') ? { ...CITE, anchor: spanOf(text, 'løntilskud') } : CITE);
        const b = () => (text.includes('jobsamtaler') ? { ...CITE_B, anchor: spanOf(text, 'jobsamtaler') } : CITE_B);
        const ignore = () => undefined;
        for (const o of ops) {
          if (o === 'insert-a') await host.insert(a()).catch(ignore);
          else if (o === 'insert-b') await host.insert(b()).catch(ignore);
          else if (o === 'insert-all') await host.insertMany([a(), b()], LIST).catch(ignore);
          else if (o === 'list') await host.upsertReferenceList(LIST).catch(ignore);
          else if (o === 'update' || o === 'remove') {
            const [it] = await host.listInserted().catch(() => []);
            if (it) await (o === 'update' ? host.updateInserted(it.handle, 'Ny (STAR, 2026).', it.tag) : host.removeInserted(it.handle)).catch(ignore);
          } else if (o === 'type-into') {
            if (s.bodyType === 'html' && /<\/span>/.test(s.body)) {
              const words = ` Egen ${typed.length}.`;
              s.typeAt(s.body.indexOf('</span>'), words);
              typed.push(words.trim());
            }
          } else if (o === 'fail') {
            s.failNext('body.setAsync');
            await host.insertMany([a(), b()], LIST).catch(ignore);
          } else text = await host.readText().catch(() => text);
          const now = userOf(s);
          // What the user typed into our span is theirs too: it is kept, everything else is byte-identical.
          let rest = now;
          for (const t of typed) {
            expect(rest).toContain(t);
            rest = rest.replace(` ${t}`, '').replace(t, '');
          }
          expect(rest.replace(/\s+/g, ' ').trim()).toBe(original.replace(/\s+/g, ' ').trim());
          expect(now.length).toBeGreaterThanOrEqual(original.length);
        }
      }),
      { numRuns: process.env.CI ? 200 : 80 },
    );
  });
});
