import fc from 'fast-check';
import { installWordStandin, type WordStandin } from '../standins/word-standin';
import { createWordHost, isInsertedParagraph, KILDELISTE_TAG } from '../../src/hosts/word';
import { HostError } from '../../src/hosts/host';
import { toHostError } from '../../src/hosts/office-errors';
import { markerTag } from '../../src/core/markers';
import type { Span } from '../../src/core/types';

/**
 * Word behaviours from Microsoft's documentation and the office-js issue tracker that the
 * adapter must stay safe under (../shared/reviews/office-fidelity.md, rows W4, W6, W9, W12).
 * Each test names its source.
 */

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Word;
});

const PLAN = [
  'Jobplan for borgeren',
  'Borgeren er ledig og aktivitetsparat.',
  'Vi aftaler løntilskud hos en privat arbejdsgiver i 6 måneder.',
  'Der holdes jobsamtaler hver måned med fokus på konkrete jobforslag.',
  'Borgeren ønsker ikke mentor.',
];
const CITE_A = { text: 'Løntilskud hos private virksomheder har de største effekter (STAR, 2026).', tag: markerTag('cite', 'loentilskud-privat', 2) };
const CITE_B = { text: 'Konkrete jobforslag driver effekten af samtaler (STAR, 2026).', tag: markerTag('cite', 'samtaler-jobforslag', 1) };
const LIST = ['Kildeliste', 'STAR (2026). Hvad virker for at få ledige i job?', 'Hansen, A. (2019). Løntilskud og beskæftigelse.'];

function setup(paragraphs: string[] = PLAN): { s: WordStandin; host: ReturnType<typeof createWordHost> } {
  const s = installWordStandin(g, { paragraphs });
  return { s, host: createWordHost() };
}
function spanOf(text: string, needle: string): Span {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  return { start: i, end: i + needle.length, text: needle };
}
/** The user's paragraphs: outside the add-in's controls and not marker-wrapped (the markers are the add-in's, see core/markers.ts). */
const userParas = (s: WordStandin) => s.paragraphs().filter((p) => !(p.tag ?? '').startsWith('jpe:') && !isInsertedParagraph(p.text)).map((p) => p.text);
const citations = (s: WordStandin) => s.contentControls().filter((c) => c.tag.startsWith('jpe:cite:'));
const lists = (s: WordStandin) => s.contentControls().filter((c) => c.tag === KILDELISTE_TAG);

describe('W9: a failed context.sync() is not a rollback (office-js#6760)', () => {
  test('the stand-in runs the statements before the failing one', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.beforeSync = (n) => {
      if (n === 3) s.failAtOp(2); // the write round trip: the paragraph and its content control go in, then it fails
    };
    await expect(host.insertMany([{ ...CITE_A, anchor: spanOf(text, 'løntilskud') }], LIST)).rejects.toBeInstanceOf(HostError);
    expect(s.paragraphTexts().length).toBeGreaterThan(PLAN.length);
  });

  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, Infinity])('insert all + Kildeliste, sync fails after %s statements; the retry leaves each citation once and one full list', async (k) => {
    const { s, host } = setup();
    const text = await host.readText();
    const reqs = [
      { ...CITE_A, anchor: spanOf(text, 'løntilskud') },
      { ...CITE_B, anchor: spanOf(text, 'jobsamtaler') },
    ];
    s.beforeSync = (n) => {
      if (n === 3) s.failAtOp(k);
    };
    await expect(host.insertMany(reqs, LIST)).rejects.toMatchObject({ code: 'connection' });
    s.beforeSync = null;
    // "Prøv igen": the pane runs the same operation again.
    await host.insertMany(reqs, LIST);
    expect(userParas(s)).toEqual(PLAN);
    expect(citations(s).map((c) => c.tag).sort()).toEqual([CITE_A.tag, CITE_B.tag].sort());
    expect(lists(s)).toHaveLength(1);
    expect(lists(s)[0]?.text.split('\r').map((l) => l.replace(/[\u2062\u2063]/g, ''))).toEqual(LIST);
    // The whole document: each citation once, one heading, every line of ours inside a tagged control.
    const plain = s.paragraphs().map((p) => ({ text: p.text.replace(/[\u2062\u2063]/g, ''), tag: p.tag }));
    expect(plain.filter((p) => p.text === CITE_A.text)).toHaveLength(1);
    expect(plain.filter((p) => p.text === CITE_B.text)).toHaveLength(1);
    expect(plain.filter((p) => p.text === 'Kildeliste')).toHaveLength(1);
    expect(s.paragraphs().filter((p) => isInsertedParagraph(p.text) && !(p.tag ?? '').startsWith('jpe:'))).toEqual([]);
  });

  test('a comment whose sync rejected after it was written is not added again on retry', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.beforeSync = (n) => {
      if (n === 3) s.failAtOp(Infinity);
    };
    const req = { text: CITE_A.text, anchor: spanOf(text, 'løntilskud') };
    await expect(host.comment(req)).rejects.toMatchObject({ code: 'connection' });
    s.beforeSync = null;
    expect(await host.comment(req)).toBe(false);
    expect(s.commentList()).toHaveLength(1);
  });
});

describe('W4: NotAllowed and SearchDialogIsOpen are not a lost connection (error-handling doc; office-js#6746, office-js-docs#1284)', () => {
  test.each([
    ['NotAllowed', 'not-allowed'],
    ['SearchDialogIsOpen', 'search-dialog-open'],
    ['GeneralException', 'connection'],
  ])('%s → HostError(%s), nothing written', async (code, expected) => {
    const { s, host } = setup();
    const text = await host.readText();
    s.beforeSync = (n) => {
      if (n === 3) s.failNextSync(code);
    };
    await expect(host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') })).rejects.toMatchObject({ code: expected });
    expect(s.paragraphTexts()).toEqual(PLAN);
    expect(toHostError({ code }, true).code).toBe(expected);
  });
});

describe('W6: tracked deletions stay in body.text (office-js#2314, #5286); the add-in reads getReviewedText("Current")', () => {
  test('text the caseworker deleted with Track Changes on is not analysed', async () => {
    const { s, host } = setup();
    const para = PLAN[2] as string;
    const at = para.indexOf('løntilskud');
    s.trackDeletion(2, at, at + 'løntilskud '.length);
    expect(s.bodyText()).toContain('løntilskud'); // the stand-in, like Word on the web, still shows it
    const text = await host.readText();
    expect(text).not.toContain('løntilskud');
    expect(text).toContain('hos en privat arbejdsgiver');
    // A mention after the deletion is still found and the citation goes after its paragraph.
    await host.insert({ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') });
    expect(s.paragraphs()[4]?.tag).toBe(CITE_B.tag);
    expect(s.userParagraphTexts()).toEqual(PLAN);
  });

  test('older Word (WordApi 1.3) falls back to body.text', async () => {
    const s = installWordStandin(g, { paragraphs: PLAN, wordApi: '1.3' });
    const text = await createWordHost().readText();
    expect(text).toBe(s.bodyText());
  });
});

describe('W12: text the caseworker types inside the add-in\'s content control is theirs (inference; office-js#3176)', () => {
  async function withCitation() {
    const { s, host } = setup();
    const text = await host.readText();
    await host.insertMany([{ ...CITE_A, anchor: spanOf(text, 'løntilskud') }], LIST);
    await host.readText();
    const [item] = await host.listInserted();
    return { s, host, handle: (item as { handle: number }).handle };
  }

  test.each([false, true])('typed at the end of the citation (new paragraph: %s): remove and update refuse, the text stays', async (newParagraph) => {
    const { s, host, handle } = await withCitation();
    s.typeIntoControl('jpe:cite:', ' Aftalt med borgeren.', { newParagraph });
    const before = s.paragraphTexts();
    await expect(host.removeInserted(handle)).rejects.toMatchObject({ code: 'user-text' });
    await expect(host.updateInserted(handle, 'Ny tekst (STAR, 2026).', CITE_A.tag)).rejects.toMatchObject({ code: 'user-text' });
    expect(s.paragraphTexts()).toEqual(before);
    expect(s.paragraphTexts().join('\r')).toContain('Aftalt med borgeren.');
  });

  test('typed inside the Kildeliste: the list is not replaced, nothing else written either', async () => {
    const { s, host } = await withCitation();
    s.typeIntoControl(KILDELISTE_TAG, 'Min egen note under kildelisten.', { newParagraph: true });
    const before = s.paragraphTexts();
    await expect(host.upsertReferenceList(LIST.slice(0, 2))).rejects.toMatchObject({ code: 'user-text' });
    const text = await host.readText();
    await expect(host.insertMany([{ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') }], LIST)).rejects.toMatchObject({ code: 'user-text' });
    expect(s.paragraphTexts()).toEqual(before);
  });

  test('an untouched citation is still removed and updated', async () => {
    const { s, host, handle } = await withCitation();
    await host.updateInserted(handle, 'Ny tekst (STAR, 2026).', CITE_A.tag);
    expect(citations(s)[0]?.text).toContain('Ny tekst');
    await host.removeInserted(handle);
    expect(citations(s)).toHaveLength(0);
    expect(s.userParagraphTexts()).toEqual(PLAN);
  });
});

describe('property: the user\'s text stays byte-identical through any sequence of operations and Word behaviours', () => {
  type Step =
    | { kind: 'insert'; which: number }
    | { kind: 'insertAll' }
    | { kind: 'list' }
    | { kind: 'comment'; which: number }
    | { kind: 'select'; which: number }
    | { kind: 'update' }
    | { kind: 'remove' }
    | { kind: 'failAt'; ops: number; code: string }
    | { kind: 'typeInto'; newParagraph: boolean }
    | { kind: 'trackDelete'; para: number }
    | { kind: 'read' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), which: fc.nat(3) }),
    fc.record({ kind: fc.constant('insertAll' as const) }),
    fc.record({ kind: fc.constant('list' as const) }),
    fc.record({ kind: fc.constant('comment' as const), which: fc.nat(3) }),
    fc.record({ kind: fc.constant('select' as const), which: fc.nat(3) }),
    fc.record({ kind: fc.constant('update' as const) }),
    fc.record({ kind: fc.constant('remove' as const) }),
    fc.record({
      kind: fc.constant('failAt' as const),
      ops: fc.oneof(fc.nat(12), fc.constant(Infinity)),
      code: fc.constantFrom('GeneralException', 'NotAllowed', 'SearchDialogIsOpen'),
    }),
    fc.record({ kind: fc.constant('typeInto' as const), newParagraph: fc.boolean() }),
    fc.record({ kind: fc.constant('trackDelete' as const), para: fc.nat(4) }),
    fc.record({ kind: fc.constant('read' as const) }),
  );
  const NEEDLES = ['løntilskud', 'jobsamtaler', 'mentor', 'aktivitetsparat'];
  const CITES = [CITE_A, CITE_B, { text: 'Mentorstøtte kan hjælpe (STAR, u.å.).', tag: markerTag('cite', 'mentor', 1) }, { text: 'Aktivitetsparate (STAR, u.å.).', tag: markerTag('cite', 'akt', 1) }];

  test('Word', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { s, host } = setup();
        let text = await host.readText();
        /** What the user typed themselves: their paragraphs, plus what they typed into our controls. */
        const typed: string[] = [];
        const userText = () => s.paragraphs().map((p) => p.text);
        const mine = () => userParas(s);
        let expected = mine();
        const req = (i: number) => {
          const n = NEEDLES[i % NEEDLES.length] as string;
          const c = CITES[i % CITES.length] as (typeof CITES)[number];
          return text.includes(n) ? { ...c, anchor: spanOf(text, n) } : c;
        };
        for (const st of steps) {
          const ignore = () => undefined;
          switch (st.kind) {
            case 'insert':
              await host.insert(req(st.which)).catch(ignore);
              break;
            case 'insertAll':
              await host.insertMany([req(0), req(1), req(2)], LIST).catch(ignore);
              break;
            case 'list':
              await host.upsertReferenceList(LIST).catch(ignore);
              break;
            case 'comment': {
              const r = req(st.which);
              if ('anchor' in r) await host.comment({ text: r.text, anchor: r.anchor }).catch(ignore);
              break;
            }
            case 'select': {
              const r = req(st.which);
              if ('anchor' in r) await host.select(r.anchor).catch(ignore);
              break;
            }
            case 'update': {
              await host.readText().catch(ignore);
              const [item] = await host.listInserted().catch(() => []);
              if (item) await host.updateInserted(item.handle, 'Opdateret (STAR, 2026).', item.tag).catch(ignore);
              break;
            }
            case 'remove': {
              await host.readText().catch(ignore);
              const [item] = await host.listInserted().catch(() => []);
              if (item) await host.removeInserted(item.handle).catch(ignore);
              break;
            }
            case 'failAt': {
              const at = s.syncCount + 2; // the next operation's write round trip
              s.beforeSync = (n) => {
                if (n === at) s.failAtOp(st.ops, st.code);
              };
              await host.insertMany([req(1), req(3)], LIST).catch(ignore);
              s.beforeSync = null;
              break;
            }
            case 'typeInto': {
              if (!citations(s).length) break;
              const words = ` Egen tekst ${typed.length}.`;
              s.typeIntoControl('jpe:cite:', words, { newParagraph: st.newParagraph });
              typed.push(words.trim());
              break;
            }
            case 'trackDelete': {
              // A tracked deletion changes what is read, not what is stored: the paragraph text stays.
              const users = s.paragraphs().map((p, i) => ({ p, i })).filter((x) => x.p.tag === null);
              const u = users[st.para % users.length];
              if (u && u.p.text.length > 4) s.trackDeletion(u.i, 0, 3);
              break;
            }
            case 'read':
              text = await host.readText().catch(() => text);
              break;
          }
          // The user's own paragraphs are byte-identical, and what they typed into our controls is still there.
          expected = expected.length ? expected : mine();
          expect(mine()).toEqual(expected);
          const all = userText().join('\r');
          for (const t of typed) expect(all).toContain(t);
          expect(s.unsyncedOps).toBe(0);
          text = await host.readText().catch(() => text);
        }
        expect(lists(s).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: process.env.CI ? 300 : 120 },
    );
  });
});

describe('W2/W3: Word search strings never hold \\t, \\v or ^ (office-js#2331; word/search-option-guidance.md)', () => {
  test.each(['løntilskud', 'Aftale:\tløntilskud', 'privat^arbejdsgiver', 'hos\vprivat'])('select(%j) selects exactly it', async (needle) => {
    const { s, host } = setup(['Plan', 'Aftale:\tløntilskud hos\vprivat^arbejdsgiver i 6 måneder.']);
    const text = await host.readText();
    await host.select(spanOf(text, needle));
    expect(s.selectedText()).toBe(needle);
  });
});
