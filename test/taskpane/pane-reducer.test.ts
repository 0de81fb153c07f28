import { analyze, bundledEvidence, insertedInBulk, type Suggestion } from '../../src/core';
import { behaviours, type HostErrorCode } from '../../src/hosts/host';
import { EVIDENCE_ERROR, actionNotice, analysisFailedNotice, derivedNotices, hostErrorNotice, LARGE_DOCUMENT_CHARS } from '../../src/taskpane/notices';
import {
  addGroup,
  initialPaneState,
  insertAllCandidates,
  paneReducer,
  referenceScope,
  removeGroup,
  type AnalysisResult,
  type PaneAction,
  type PaneState,
} from '../../src/taskpane/paneReducer';

const set = bundledEvidence();
const caps = behaviours({ kind: 'word', canInsert: true, canComment: true, canSelect: true, hasChangeEvents: true, canPersistSettings: true });
const PLAN =
  'Borgeren er dagpengemodtager og har været ledig i 14 måneder. Vi aftaler virksomhedspraktik hos Netto og ugentlige jobsamtaler.';
const analysis = analyze(PLAN, {}, set);

const run = (s: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, s);
const result = (over: Partial<AnalysisResult> = {}): AnalysisResult => ({
  analysis,
  textLength: PLAN.length,
  empty: false,
  cited: new Set(),
  cpr: [],
  stale: [],
  register: 'fagperson',
  registerAuto: false,
  ...over,
});

describe('paneReducer', () => {
  test('starts loading and busy, with the evidence notice when the set did not load', () => {
    const s = initialPaneState(caps, null, [EVIDENCE_ERROR]);
    expect(s).toMatchObject({ loading: true, busy: true, analysis: null, set: null });
    expect(s.notices.map((n) => n.key)).toEqual(['evidence']);
  });

  test('an analysis finishes: cards, register, count; notices it cures are cleared, others stay', () => {
    let s = initialPaneState(caps, set);
    s = run(
      s,
      { type: 'notice-shown', notice: hostErrorNotice('connection', { reanalyse: () => {}, closeNotice: () => {} }) },
      { type: 'notice-shown', notice: hostErrorNotice('user-text', { reanalyse: () => {}, closeNotice: () => {} }) },
      { type: 'analysis-started' },
      { type: 'analysis-finished', result: result({ register: 'borger', registerAuto: true }) },
    );
    expect(s).toMatchObject({ loading: false, busy: false, analysis, register: 'borger', analysedRegister: 'borger', registerAuto: true, analysisCount: 1 });
    expect(s.notices.map((n) => n.key)).toEqual(['user-text']);
  });

  test('a failed analysis keeps the last cards and stale citations and shows its notice', () => {
    const stale = [{ tag: 't', finding: 'f', reason: 'version' }] as unknown as AnalysisResult['stale'];
    let s = run(initialPaneState(caps, set), { type: 'analysis-finished', result: result({ stale }) });
    s = run(s, { type: 'analysis-finished', result: result({ analysis: null, stale: [], failure: analysisFailedNotice(() => {}) }) });
    expect(s.analysis).toBe(analysis);
    expect(s.stale).toBe(stale);
    expect(s.notices.map((n) => n.key)).toEqual(['analysis']);
    // without a failure, no analysis (no evidence set) means no cards
    expect(run(s, { type: 'analysis-finished', result: result({ analysis: null }) }).analysis?.suggestions).toEqual([]);
  });

  test('a read failure ends loading', () => {
    expect(run(initialPaneState(caps, set), { type: 'read-failed' })).toMatchObject({ loading: false, busy: false });
  });

  test('one notice per key; a host error takes down the last success notice but not an info', () => {
    let s = run(initialPaneState(caps, set), { type: 'notice-shown', notice: actionNotice('inserted') }, { type: 'notice-shown', notice: actionNotice('copied') });
    expect(s.notices.map((n) => n.body)).toEqual([actionNotice('copied').body]);
    s = run(s, { type: 'error-shown', notice: hostErrorNotice('not-allowed', { reanalyse: () => {}, closeNotice: () => {} }) });
    expect(s.notices.map((n) => n.key)).toEqual(['not-allowed']);
    s = run(s, { type: 'notice-shown', notice: actionNotice('already-inserted') }, { type: 'error-shown', notice: hostErrorNotice('too-large', { reanalyse: () => {}, closeNotice: () => {} }) });
    expect(s.notices.map((n) => n.key)).toEqual(['not-allowed', 'action', 'too-large']);
    expect(run(s, { type: 'notice-closed', key: 'action' }).notices.map((n) => n.key)).toEqual(['not-allowed', 'too-large']);
  });

  test('groups: adding a removed group undoes the removal, and the other way round', () => {
    const o = { add: [], remove: [] };
    expect(addGroup(o, 'ung')).toEqual({ add: ['ung'], remove: [] });
    expect(removeGroup(addGroup(o, 'ung'), 'ung')).toEqual({ add: [], remove: [] });
    expect(removeGroup(o, 'ung')).toEqual({ add: [], remove: ['ung'] });
    expect(addGroup(removeGroup(o, 'ung'), 'ung')).toEqual({ add: [], remove: [] });
    expect(run(initialPaneState(caps, set), { type: 'group-added', group: 'ung' }, { type: 'group-added', group: 'ung' }).overrides).toEqual({ add: ['ung'], remove: [] });
  });

  test('inserting marks the card and cites its findings; commenting cites without marking', () => {
    const s0 = run(initialPaneState(caps, set), { type: 'analysis-finished', result: result() });
    const card = analysis.suggestions[0] as Suggestion;
    expect(card).toBeDefined();
    const cites = card.citations.map((c) => c.finding);
    const ins = run(s0, { type: 'inserted', suggestion: card });
    expect([...ins.insertedIds]).toEqual([card.id]);
    expect([...ins.citedFindings].sort()).toEqual([...new Set(cites)].sort());
    const com = run(s0, { type: 'commented', suggestion: card });
    expect(com.insertedIds.size).toBe(0);
    expect([...com.citedFindings].sort()).toEqual([...new Set(cites)].sort());
  });

  test('selectors: Indsæt alle takes shown cards with a mention; the Kildeliste scope is the inserted findings once there are any', () => {
    let s = run(initialPaneState(caps, set), { type: 'analysis-finished', result: result() });
    const bulk = insertAllCandidates(s);
    expect(bulk.length).toBeGreaterThan(0);
    expect(bulk.every((c) => !!c.mention && c.kind !== 'viewpoint')).toBe(true);
    const first = bulk[0] as Suggestion;
    s = run(s, { type: 'settings-changed', settings: { ...s.settings, dismissed: { [first.id]: 'other' } } });
    expect(insertAllCandidates(s).map((c) => c.id)).not.toContain(first.id);
    const shown = (s.analysis?.suggestions ?? []).filter((c) => c.id !== first.id && insertedInBulk(c));
    expect(referenceScope(s)).toMatchObject({ fromInserted: false, count: shown.length });
    s = run(s, { type: 'inserted', suggestion: first });
    expect(referenceScope(s)).toMatchObject({ fromInserted: true, count: s.citedFindings.size });
  });

  test('the reducer is pure: the old state is not changed', () => {
    const s = initialPaneState(caps, set);
    const copy = JSON.stringify({ ...s, insertedIds: [...s.insertedIds] });
    run(s, { type: 'group-added', group: 'ung' }, { type: 'notice-shown', notice: actionNotice('copied') }, { type: 'analysis-finished', result: result() });
    expect(JSON.stringify({ ...s, insertedIds: [...s.insertedIds] })).toBe(copy);
  });
});

describe('notice table', () => {
  const codes: HostErrorCode[] = ['not-supported', 'read-only', 'anchor-moved', 'too-large', 'connection', 'not-allowed', 'search-dialog-open', 'user-text', 'selection', 'undone', 'plain-text', 'unknown'];

  test.each(codes)('%s: Danish text, keyed by its code', (code) => {
    const n = hostErrorNotice(code, { reanalyse: () => {}, closeNotice: () => {} });
    expect(n.key).toBe(code);
    expect(n.body).toMatch(/[æøå]|Prøv|igen|Office|Word|Outlook/);
  });

  test('a plain-text mail that cannot take a second Kildeliste is not blamed on an old Office', () => {
    const n = hostErrorNotice('plain-text', { reanalyse: () => {}, closeNotice: () => {} });
    expect(`${n.title} ${n.body}`).toMatch(/ren tekst/);
    expect(`${n.title} ${n.body}`).not.toMatch(/version|gammel|Opdater/);
  });

  test('buttons: retry repeats the action and closes the notice; without a retry, connection analyses again; unknown has no button', () => {
    const calls: string[] = [];
    const h = { reanalyse: () => calls.push('reanalyse'), closeNotice: (k: string) => calls.push(`close ${k}`) };
    hostErrorNotice('connection', { ...h, retry: () => calls.push('retry') }).onAction?.();
    hostErrorNotice('connection', h).onAction?.();
    hostErrorNotice('anchor-moved', h).onAction?.();
    expect(calls).toEqual(['close connection', 'retry', 'close connection', 'reanalyse', 'reanalyse']);
    expect(hostErrorNotice('unknown', h).actionLabel).toBeUndefined();
    expect(hostErrorNotice('unknown', { ...h, retry: () => {} }).actionLabel).toBe('Prøv igen');
    expect(hostErrorNotice('anchor-moved', h).actionLabel).toBe('Analysér igen');
    expect(hostErrorNotice('not-allowed', h).onAction).toBeUndefined();
  });

  test('derived notices: read-only, empty or none, and large', () => {
    const base = { canInsert: true, analysed: true, empty: false, busy: false, instruments: 2, textLength: 10, reanalyse: () => {} };
    expect(derivedNotices(base)).toEqual([]);
    expect(derivedNotices({ ...base, canInsert: false }).map((n) => n.key)).toEqual(['read-only-mode']);
    expect(derivedNotices({ ...base, empty: true, instruments: 0 }).map((n) => n.key)).toEqual(['empty']);
    expect(derivedNotices({ ...base, instruments: 0 }).map((n) => n.key)).toEqual(['none']);
    expect(derivedNotices({ ...base, instruments: 0, busy: true }).map((n) => n.key)).toEqual([]);
    expect(derivedNotices({ ...base, textLength: LARGE_DOCUMENT_CHARS + 1 }).map((n) => n.key)).toEqual(['large']);
  });
});

describe('behaviours', () => {
  test('flags default from the kind, and a host may set them', () => {
    const base = { canInsert: true, canComment: false, canSelect: false, hasChangeEvents: false, canPersistSettings: false };
    expect(behaviours({ kind: 'outlook', ...base })).toMatchObject({ sendsByMail: true, changeIsNewItem: true, commentFallsBackToInsert: false });
    expect(behaviours({ kind: 'word', ...base })).toMatchObject({ sendsByMail: false, changeIsNewItem: false, commentFallsBackToInsert: true });
    expect(behaviours({ kind: 'demo', ...base })).toMatchObject({ sendsByMail: false, changeIsNewItem: false, commentFallsBackToInsert: false });
    expect(behaviours({ kind: 'demo', ...base, sendsByMail: true })).toMatchObject({ sendsByMail: true });
  });
});
