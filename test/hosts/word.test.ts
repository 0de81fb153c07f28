import { installStandin } from '../standins/browser-entry';
import { installWordStandin, type WordStandin, type WordStandinOptions, type StandinParagraphInit } from '../standins/word-standin';
import { createWordHost, alignParagraphs, locateSpan, planRange, KILDELISTE_TAG } from '../../src/hosts/word';
import { HostError } from '../../src/hosts/host';
import { MARK_CLOSE, MARK_OPEN, findInserted, markerTag, maskInserted, wrapInserted } from '../../src/core/markers';
import type { Span } from '../../src/core/types';

const g = globalThis as unknown as Record<string, unknown>;

const PLAN = [
  'Jobplan for borgeren',
  'Borgeren er ledig og aktivitetsparat.',
  'Vi aftaler løntilskud hos en privat arbejdsgiver i 6 måneder.',
  'Der holdes jobsamtaler hver måned med fokus på konkrete jobforslag.',
  'Borgeren ønsker ikke mentor.',
];

function setup(init: Array<string | StandinParagraphInit> | WordStandinOptions = PLAN): { s: WordStandin; host: ReturnType<typeof createWordHost> } {
  const s = installWordStandin(g, init);
  return { s, host: createWordHost() };
}

afterEach(() => {
  delete g.Office;
  delete g.Word;
});

/** The span of the nth occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, nth = 0): Span {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} #${nth} not in text`);
  }
  return { start: i, end: i + needle.length, text: needle };
}

const CITE_A = { text: 'Løntilskud hos private virksomheder har de største effekter (STAR, 2026).', tag: markerTag('cite', 'loentilskud-privat', 2) };
const CITE_B = { text: 'Konkrete jobforslag driver effekten af samtaler (STAR, 2026).', tag: markerTag('cite', 'samtaler-jobforslag', 1) };
const CITE_C = { text: 'Mentorstøtte kan hjælpe udsatte borgere (STAR, u.å.).', tag: markerTag('cite', 'mentor-udsatte', 1) };
const LIST_1 = ['Kildeliste', 'STAR (2026). Hvad virker for at få ledige i job?', 'Hansen, A. (2019). Løntilskud og beskæftigelse.'];
const LIST_2 = ['Kildeliste', 'STAR (2026). Hvad virker for at få ledige i job?'];

describe('Word host: reading', () => {
  test('analysing is exactly one sync and returns body.text with \\r paragraph marks', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    expect(s.syncCount).toBe(1);
    expect(s.runCount).toBe(1);
    expect(s.unsyncedOps).toBe(0);
    expect(text).toBe(PLAN.join('\r'));
  });

  test('capabilities follow the requirement sets', () => {
    expect(setup().host.capabilities()).toMatchObject({ kind: 'word', canInsert: true, canComment: true, canSelect: true, hasChangeEvents: true, canPersistSettings: true });
    delete g.Office;
    const old = setup({ paragraphs: PLAN, wordApi: '1.3', noSelectionEvents: true }).host.capabilities();
    expect(old).toMatchObject({ canInsert: true, canComment: false, hasChangeEvents: false });
    expect(setup({ paragraphs: PLAN, wordApi: '1.1' }).host.capabilities()).toMatchObject({ canInsert: false, canSelect: false });
  });
});

describe('Word host: span → paragraph mapping with Word control characters', () => {
  const TRICKY = [
    'Plan\u000bmed linjeskift',
    'Celle A: løn\u00adtilskud\u0007',
    'Kommentar her\u0005: jobsamtaler\u00a0hver måned',
    'Tekst med felt \u0013 HYPERLINK x \u0014link\u0015 og mentor',
    'Ikke-brydende\u001ebindestreg og løntilskud',
  ];

  test('alignParagraphs/locateSpan find each mention in its paragraph', () => {
    const body = TRICKY.join('\r');
    const paras = TRICKY.map((t) => t.replace(/\u0005/g, ''));
    const maps = alignParagraphs(body, paras);
    const cases: Array<[string, number, number]> = [
      ['linjeskift', 0, 0],
      ['løn\u00adtilskud', 1, 0],
      ['jobsamtaler\u00a0hver', 2, 0],
      ['mentor', 3, 0],
      ['løntilskud', 4, 0],
    ];
    for (const [needle, para] of cases) {
      const sp = spanOf(body, needle);
      const loc = locateSpan(maps, paras, sp);
      expect(loc).not.toBeNull();
      expect(loc!.paragraph).toBe(para);
      expect((paras[para] as string).slice(loc!.start, loc!.end)).toBe(needle);
    }
  });

  test('alignment survives paragraph texts that lack \\x07 and \\x05 (and body.text that lacks nothing)', () => {
    const body = TRICKY.join('\r');
    const paras = TRICKY.map((t) => t.replace(/[\u0005\u0007]/g, ''));
    const maps = alignParagraphs(body, paras);
    const sp = spanOf(body, 'jobsamtaler');
    expect(locateSpan(maps, paras, sp)).toEqual({ paragraph: 2, start: paras[2]!.indexOf('jobsamtaler'), end: paras[2]!.indexOf('jobsamtaler') + 11 });
  });

  test('select() selects exactly the mention, across soft hyphens, NBSP, \\x05 and \\v', async () => {
    const { s, host } = setup({ paragraphs: TRICKY, paragraphTextOmits: '\u0005' });
    const text = await host.readText();
    for (const needle of ['linjeskift', 'løn\u00adtilskud', 'jobsamtaler\u00a0hver', 'mentor', 'løntilskud']) {
      s.syncCount = 0;
      await host.select(spanOf(text, needle));
      expect(s.selectedText()).toBe(needle);
      expect(s.syncCount).toBe(2);
    }
    expect(s.unsyncedOps).toBe(0);
  });

  test('the second occurrence in a paragraph is selected, not the first', async () => {
    const { s, host } = setup(['Løntilskud nu, og løntilskud igen: løntilskud.']);
    const text = await host.readText();
    const sp = spanOf(text, 'løntilskud', 1);
    await host.select(sp);
    expect(s.selectedText()).toBe('løntilskud');
    expect(s.selection.ao).toBe(sp.start);
  });

  test('planRange never produces a search string above the limit', () => {
    const t = Array.from({ length: 150 }, (_, i) => `ord${i}`).join(' ');
    const plan = planRange(t, 0, t.length, 255)!;
    expect(plan.head.text.length).toBeLessThanOrEqual(255);
    expect(plan.tail!.text.length).toBeLessThanOrEqual(255);
  });

  test('a "search string too long" rejection is retried once with shorter strings', async () => {
    const long = 'virksomhedspraktik og løntilskud hos privat arbejdsgiver';
    const { s, host } = setup({ paragraphs: ['Indsats: ' + long + ' i Aarhus.'], searchLimit: 45 });
    const text = await host.readText();
    s.syncCount = 0;
    await host.select(spanOf(text, long));
    expect(s.selectedText()).toBe(long);
    expect(s.syncCount).toBe(3); // read, rejected search, shorter search
  });

  test('a search Word keeps refusing ends in HostError(unknown), nothing selected', async () => {
    const { s, host } = setup({ paragraphs: PLAN, searchLimit: 3 });
    const text = await host.readText();
    const before = s.selectedText();
    await expect(host.select(spanOf(text, 'løntilskud'))).rejects.toMatchObject({ code: 'unknown' });
    expect(s.selectedText()).toBe(before);
  });
});

describe('Word host: inserting', () => {
  test('one citation: 1 read + 1 write sync, new tagged paragraph after the mention, user text untouched', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    const users = s.userParagraphTexts();
    s.syncCount = 0;
    const ok = await host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') });
    expect(ok).toBe(true);
    expect(s.syncCount).toBe(2);
    expect(s.unsyncedOps).toBe(0);
    const ps = s.paragraphs();
    expect(ps[3]).toEqual({ text: wrapInserted(CITE_A.text), tag: CITE_A.tag, style: 'Normal' });
    expect(ps[2]!.text).toBe(PLAN[2]);
    expect(s.userParagraphTexts()).toEqual(users);
    expect(s.contentControls()).toEqual([{ tag: CITE_A.tag, title: 'Jobplan Evidens', text: wrapInserted(CITE_A.text) }]);
  });

  test('re-reading shows the inserted text inside markers, and maskInserted hides it', async () => {
    const { host } = setup();
    const text = await host.readText();
    await host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') });
    const again = await host.readText();
    expect(again).toContain(MARK_OPEN + CITE_A.text + MARK_CLOSE);
    expect(findInserted(again)).toHaveLength(1);
    const masked = maskInserted(again);
    expect(masked).not.toContain('STAR');
    expect(masked.length).toBe(again.length);
    expect(masked.split('\r').filter((p) => p.trim()).length).toBe(PLAN.length);
  });

  test('the same citation at the same place again returns false and inserts nothing (1 read sync)', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    const anchor = spanOf(text, 'løntilskud');
    await host.insert({ ...CITE_A, anchor });
    const count = s.paragraphs().length;
    s.syncCount = 0;
    expect(await host.insert({ ...CITE_A, anchor })).toBe(false);
    expect(s.syncCount).toBe(1);
    expect(s.paragraphs()).toHaveLength(count);
    // another citation at the same place is fine, and the first is still detected below it
    expect(await host.insert({ ...CITE_B, anchor })).toBe(true);
    expect(await host.insert({ ...CITE_A, anchor })).toBe(false);
  });

  test('spans from an older analysis still work after our own insertions shifted paragraphs', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    await host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') });
    await host.insert({ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') });
    const texts = s.paragraphTexts();
    expect(texts.indexOf(wrapInserted(CITE_B.text))).toBe(texts.indexOf(PLAN[3]!) + 1);
  });

  test('the user typed a paragraph above since the analysis: the mention is found again', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.insertUserParagraph(0, 'Ny indledning');
    expect(await host.insert({ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') })).toBe(true);
    const texts = s.paragraphTexts();
    expect(texts[texts.indexOf(PLAN[3]!) + 1]).toBe(wrapInserted(CITE_B.text));
  });

  test('the mention was edited away since the analysis → anchor-moved, nothing inserted', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.editParagraph(2, 'Vi aftaler virksomhedspraktik i stedet.');
    const before = s.paragraphTexts();
    s.syncCount = 0;
    const err = await host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('anchor-moved');
    expect(s.paragraphTexts()).toEqual(before);
    expect(s.syncCount).toBe(1);
    await expect(host.select(spanOf(text, 'løntilskud'))).rejects.toMatchObject({ code: 'anchor-moved' });
  });

  test('the user typed in the mention\'s paragraph, the mention is still there once: inserted after it', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.editParagraph(2, 'NYT: ' + PLAN[2]);
    expect(await host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') })).toBe(true);
    expect(s.paragraphTexts()[3]).toBe(wrapInserted(CITE_A.text));
    await host.select(spanOf(text, 'løntilskud'));
    expect(s.selectedText()).toBe('løntilskud');
  });

  test('insert all citations + the reference list: 2 syncs in total, request order kept', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    const users = s.userParagraphTexts();
    s.syncCount = 0;
    const anchor = spanOf(text, 'løntilskud');
    const res = await host.insertMany(
      [
        { ...CITE_A, anchor },
        { ...CITE_C, anchor },
        { ...CITE_B, anchor: spanOf(text, 'jobsamtaler') },
      ],
      LIST_1,
    );
    expect(res).toEqual([true, true, true]);
    expect(s.syncCount).toBe(2);
    expect(s.unsyncedOps).toBe(0);
    const texts = s.paragraphTexts();
    const i = texts.indexOf(PLAN[2]!);
    expect(texts.slice(i + 1, i + 3)).toEqual([wrapInserted(CITE_A.text), wrapInserted(CITE_C.text)]);
    expect(texts[texts.indexOf(PLAN[3]!) + 1]).toBe(wrapInserted(CITE_B.text));
    expect(texts.slice(-3)).toEqual(LIST_1.map(wrapInserted));
    expect(s.paragraphs().slice(-3).every((p) => p.tag === KILDELISTE_TAG)).toBe(true);
    expect(s.userParagraphTexts()).toEqual(users);
  });

  test('a request list with a moved anchor writes nothing at all', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.editParagraph(3, 'Samtaler aflyst.');
    const before = s.paragraphTexts();
    await expect(
      host.insertMany([{ ...CITE_A, anchor: spanOf(text, 'løntilskud') }, { ...CITE_B, anchor: spanOf(text, 'jobsamtaler') }], LIST_1),
    ).rejects.toMatchObject({ code: 'anchor-moved' });
    expect(s.paragraphTexts()).toEqual(before);
  });

  test('without an anchor the paragraph goes after the cursor paragraph; twice → false', async () => {
    const { s, host } = setup({ paragraphs: PLAN, selection: { paragraph: 1, start: 5 } });
    const users = s.userParagraphTexts();
    expect(await host.insert(CITE_C)).toBe(true);
    expect(s.paragraphTexts()[2]).toBe(wrapInserted(CITE_C.text));
    s.syncCount = 0;
    expect(await host.insert(CITE_C)).toBe(false);
    expect(s.syncCount).toBe(1);
    expect(s.userParagraphTexts()).toEqual(users);
  });

  test('a sync that rejects becomes HostError(connection) and nothing is inserted', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    s.failNextSync();
    await expect(host.readText()).rejects.toMatchObject({ name: 'HostError', code: 'connection' });
    const before = s.paragraphTexts();
    s.failNextSync();
    await expect(host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') })).rejects.toMatchObject({ code: 'connection' });
    // the write sync fails: still nothing in the document
    s.syncCount = 0;
    s.beforeSync = (n) => {
      if (n === 2) s.failNextSync(); // the write round trip
    };
    await expect(host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') })).rejects.toMatchObject({ code: 'connection' });
    expect(s.paragraphTexts()).toEqual(before);
  });

  test('too old Word: insert, select and the list say not-supported without touching the document', async () => {
    const { s, host } = setup({ paragraphs: PLAN, wordApi: '1.1' });
    const text = await host.readText();
    const sp = spanOf(text, 'løntilskud');
    await expect(host.insert({ ...CITE_A, anchor: sp })).rejects.toMatchObject({ code: 'not-supported' });
    await expect(host.select(sp)).rejects.toMatchObject({ code: 'not-supported' });
    await expect(host.upsertReferenceList(LIST_1)).rejects.toMatchObject({ code: 'not-supported' });
    expect(s.paragraphTexts()).toEqual(PLAN);
  });
});

describe('Word host: the user\'s paragraphs', () => {
  test('stay byte-identical through every operation, including failed ones', async () => {
    const doc = [...PLAN, 'Tabel\u0007', 'Blød\u00adbindestreg og\u00a0NBSP\u000bny linje om mentor'];
    const { s, host } = setup({ paragraphs: doc, selection: { paragraph: 0 } });
    const original = s.userParagraphTexts();
    const text = await host.readText();
    const ops: Array<() => Promise<unknown>> = [
      () => host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') }),
      () => host.insert({ ...CITE_A, anchor: spanOf(text, 'løntilskud') }),
      () => host.insert(CITE_C),
      () => host.insertMany([{ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') }, { ...CITE_C, anchor: spanOf(text, 'mentor', 1) }], LIST_1),
      () => host.upsertReferenceList(LIST_2),
      () => host.comment({ text: 'Kommentar', anchor: spanOf(text, 'aktivitetsparat') }),
      () => host.select(spanOf(text, 'mentor', 1)),
      () => host.insert({ ...CITE_B, anchor: { start: 3, end: 9, text: 'findes' } }).catch(() => undefined),
      () => {
        s.failNextSync();
        return host.insertMany([{ ...CITE_B, anchor: spanOf(text, 'jobsamtaler') }], LIST_1).catch(() => undefined);
      },
      // A sync that fails half-way (office-js#6760), then the retry.
      () => {
        const at = s.syncCount + 2;
        s.beforeSync = (n) => {
          if (n === at) s.failAtOp(3);
        };
        return host.insertMany([{ ...CITE_C, anchor: spanOf(text, 'jobsamtaler') }], LIST_2).catch(() => undefined);
      },
      () => {
        s.beforeSync = null;
        return host.insertMany([{ ...CITE_C, anchor: spanOf(text, 'jobsamtaler') }], LIST_2);
      },
      // NotAllowed / SearchDialogIsOpen on the write (office-js#6746; error-handling doc).
      () => {
        const at = s.syncCount + 2;
        s.beforeSync = (n) => {
          if (n === at) s.failNextSync('NotAllowed');
        };
        return host.comment({ text: 'Anden kommentar', anchor: spanOf(text, 'aktivitetsparat') }).catch(() => undefined);
      },
      // Typing inside a citation's control (W12): update and remove leave it alone.
      async () => {
        s.beforeSync = null;
        s.typeIntoControl('jpe:cite:', ' Min egen tilføjelse.');
        await host.readText();
        for (const it of await host.listInserted()) {
          await host.removeInserted(it.handle).catch(() => undefined);
          await host.updateInserted(it.handle, 'Ny (STAR, 2026).', it.tag).catch(() => undefined);
        }
      },
      () => host.readText(),
    ];
    for (const op of ops) {
      await op();
      // The user's paragraphs (outside the add-in's controls and markers) are byte-identical.
      expect(s.paragraphs().filter((p) => !(p.tag ?? '').startsWith('jpe:') && !p.text.startsWith(MARK_OPEN)).map((p) => p.text)).toEqual(original);
    }
    expect(s.paragraphTexts().join('\r')).toContain('Min egen tilføjelse.');
    expect(s.unsyncedOps).toBe(0);
    expect(s.contentControls().filter((c) => c.tag === KILDELISTE_TAG)).toHaveLength(1);
  });
});

describe('Word host: reference list', () => {
  test('pressing Kildeliste twice leaves ONE list, updated in place; 2 syncs each', async () => {
    const { s, host } = setup();
    const users = s.userParagraphTexts();
    s.syncCount = 0;
    await host.upsertReferenceList(LIST_1);
    expect(s.syncCount).toBe(2);
    s.insertUserParagraph(s.paragraphs().length, 'Tekst skrevet efter listen');
    s.syncCount = 0;
    await host.upsertReferenceList(LIST_2);
    expect(s.syncCount).toBe(2);
    expect(s.contentControls().filter((c) => c.tag === KILDELISTE_TAG)).toEqual([
      { tag: KILDELISTE_TAG, title: 'Jobplan Evidens: Kildeliste', text: LIST_2.map(wrapInserted).join('\r') },
    ]);
    const texts = s.paragraphTexts();
    // updated where it was, before the text the user wrote after it
    expect(texts.slice(-3)).toEqual([...LIST_2.map(wrapInserted), 'Tekst skrevet efter listen']);
    expect(s.userParagraphTexts()).toEqual([...users, 'Tekst skrevet efter listen']);
    expect(s.unsyncedOps).toBe(0);
  });

  test('the list is masked on re-analysis', async () => {
    const { host } = setup();
    await host.upsertReferenceList(LIST_1);
    const text = await host.readText();
    expect(maskInserted(text)).not.toContain('Hansen');
  });
});

describe('Word host: comments', () => {
  test('a comment is anchored at the mention (2 syncs)', async () => {
    const { s, host } = setup();
    const text = await host.readText();
    const users = s.userParagraphTexts();
    s.syncCount = 0;
    await host.comment({ text: 'STAR: størst effekt hos private arbejdsgivere', anchor: spanOf(text, 'privat arbejdsgiver') });
    expect(s.syncCount).toBe(2);
    expect(s.commentList()).toEqual([{ text: 'STAR: størst effekt hos private arbejdsgivere', paragraph: 2, quoted: 'privat arbejdsgiver' }]);
    expect(s.userParagraphTexts()).toEqual(users);
    // body.text now carries a \x05; old spans still resolve through the paragraph
    expect(await host.readText()).toContain('\u0005');
    await host.comment({ text: 'Samtaler', anchor: spanOf(text, 'jobsamtaler') });
    expect(s.commentList()[1]).toMatchObject({ paragraph: 3, quoted: 'jobsamtaler' });
  });

  test('without WordApi 1.4: HostError(not-supported), no round trip', async () => {
    const { s, host } = setup({ paragraphs: PLAN, wordApi: '1.3' });
    const text = await host.readText();
    s.syncCount = 0;
    await expect(host.comment({ text: 'x', anchor: spanOf(text, 'mentor') })).rejects.toMatchObject({ code: 'not-supported' });
    expect(s.syncCount).toBe(0);
    expect(s.commentList()).toEqual([]);
  });
});

describe('Word host: inserted citations (stale-citation support)', () => {
  const OLD = markerTag('cite', 'samtaler-jobforslag', 0, 'samtale');
  const withOld: Array<string | StandinParagraphInit> = [
    ...PLAN,
    { text: wrapInserted('En gammel formulering (STAR, 2025).'), ccTag: OLD, ccId: 'old' },
    { text: wrapInserted('Kildeliste'), ccTag: KILDELISTE_TAG, ccId: 'kl' },
  ];

  test('readText collects the add-in\'s citations in the same single sync; listInserted needs none', async () => {
    const { s, host } = setup(withOld);
    await host.readText();
    expect(s.syncCount).toBe(1);
    const list = await host.listInserted();
    expect(s.syncCount).toBe(1);
    expect(list).toEqual([{ tag: OLD, handle: expect.any(Number) }]);
  });

  test('listInserted before any read: one sync of its own', async () => {
    const { s, host } = setup(withOld);
    expect((await host.listInserted()).map((x) => x.tag)).toEqual([OLD]);
    expect(s.syncCount).toBe(1);
  });

  test('updateInserted replaces the text in place with markers and a new tag (2 syncs), user text untouched', async () => {
    const { s, host } = setup(withOld);
    await host.readText();
    const [item] = await host.listInserted();
    const users = s.userParagraphTexts();
    const next = markerTag('cite', 'samtaler-jobforslag', 1, 'samtale');
    s.syncCount = 0;
    await host.updateInserted(item!.handle, CITE_B.text, next);
    expect(s.syncCount).toBe(2);
    expect(s.unsyncedOps).toBe(0);
    const ccs = s.contentControls();
    expect(ccs.find((c) => c.tag === next)?.text).toBe(wrapInserted(CITE_B.text));
    expect(ccs.some((c) => c.tag === OLD)).toBe(false);
    expect(s.paragraphTexts().indexOf(wrapInserted(CITE_B.text))).toBe(PLAN.length);
    expect(s.userParagraphTexts()).toEqual(users);
    expect((await host.listInserted()).map((x) => x.tag)).toEqual([next]);
  });

  test('removeInserted deletes only that content control; never a control that is not a citation', async () => {
    const { s, host } = setup(withOld);
    await host.readText();
    const [item] = await host.listInserted();
    const users = s.userParagraphTexts();
    await host.removeInserted(item!.handle);
    expect(s.contentControls().map((c) => c.tag)).toEqual([KILDELISTE_TAG]);
    expect(s.userParagraphTexts()).toEqual(users);
    expect(s.paragraphTexts()).toEqual([...PLAN, wrapInserted('Kildeliste')]);
    // Gone now, and the reference list's id is refused.
    await expect(host.removeInserted(item!.handle)).rejects.toMatchObject({ code: 'anchor-moved' });
    const listId = s.ccList().find((c) => c.tag === KILDELISTE_TAG)!.id;
    await expect(host.removeInserted(listId)).rejects.toMatchObject({ code: 'anchor-moved' });
    expect(s.contentControls().map((c) => c.tag)).toEqual([KILDELISTE_TAG]);
  });
});

describe('Word host: settings and change events', () => {
  test('settings keep one level of id → code maps (dismissals), still no free text', async () => {
    const { s, host } = setup();
    await host.saveSettings({
      dismissed: { 'samtaler-jobparat': 'not-relevant', 'mentor-udsatte': 'considered', 'fri tekst': 'other', 'ips-x': 'Borgeren vil ikke' },
      flags: { a: true, n: 2, deep: { x: 'y' } },
      register: 'borger',
    });
    const want = {
      dismissed: { 'samtaler-jobparat': 'not-relevant', 'mentor-udsatte': 'considered' },
      flags: { a: true, n: 2 },
      register: 'borger',
    };
    expect(s.savedSettings).toEqual({ jpe: want });
    expect(await host.loadSettings()).toEqual(want);
  });

  test('settings keep ids only and are saved with the document', async () => {
    const { s, host } = setup();
    await host.saveSettings({ dismissed: ['rule-1', 'rule two with spaces'], style: 'short', note: 'Borgeren har løntilskud', n: 3 });
    expect(s.saveAsyncCount).toBe(1);
    expect(s.savedSettings).toEqual({ jpe: { dismissed: ['rule-1'], style: 'short', n: 3 } });
    expect(await host.loadSettings()).toEqual({ dismissed: ['rule-1'], style: 'short', n: 3 });
  });

  test('WordApi 1.6: paragraph events reach the listener until unsubscribed', async () => {
    const { s, host } = setup();
    const calls: number[] = [];
    const off = host.onChange(() => calls.push(1));
    await new Promise((r) => setTimeout(r, 0));
    s.editParagraph(1, 'Ændret');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.length).toBe(1);
    off();
    await new Promise((r) => setTimeout(r, 0));
    s.editParagraph(1, 'Ændret igen');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.length).toBe(1);
    expect(s.paragraphHandlers).toHaveLength(0);
  });

  test('older Word: selection changes drive onChange', async () => {
    const { s, host } = setup({ paragraphs: PLAN, wordApi: '1.4' });
    let n = 0;
    const off = host.onChange(() => n++);
    s.moveCursor(2, 3);
    expect(n).toBe(1);
    off();
    s.moveCursor(2, 4);
    expect(n).toBe(1);
  });
});

describe('browser entry', () => {
  test('installs the stand-in a config asks for, on the object given', async () => {
    const win: Record<string, unknown> = {};
    const handle = installStandin(win, { host: 'word', paragraphs: ['Mentor og løntilskud'], word: { wordApi: '1.3' } });
    expect(typeof (win.Word as { run?: unknown }).run).toBe('function');
    expect((win.Office as { context: { requirements: { isSetSupported(n: string, v: string): boolean } } }).context.requirements.isSetSupported('WordApi', '1.4')).toBe(false);
    expect((handle as WordStandin).paragraphTexts()).toEqual(['Mentor og løntilskud']);
    const ow: Record<string, unknown> = {};
    installStandin(ow, { host: 'outlook', body: 'Hej', outlook: { bodyType: 'text', mode: 'read' } });
    expect((ow.Office as { context: { mailbox: { item: { itemType: string } } } }).context.mailbox.item.itemType).toBe('message');
    expect(ow.Word).toBeUndefined();
  });
});
