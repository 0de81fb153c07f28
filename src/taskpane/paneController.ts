import {
  bundledEvidence,
  citationInsert,
  citedBy,
  currentCitationText,
  markerTag,
  parseMarkerTag,
  referenceListText,
  suggestionWithCitation,
  type EvidenceSet,
  type Register,
  type Span,
  type Suggestion,
} from '../core';
import { HostError, behaviours, type Host, type InsertRequest, type InsertedItem } from '../hosts/host';
import { afterPaint } from './afterPaint';
import { createAnalyzer, type Analyzer } from './analysis/analyzer';
import { copyText } from './clipboard';
import {
  COMMENT_NOT_SUPPORTED,
  EVIDENCE_ERROR,
  actionNotice,
  analysisFailedNotice,
  hostErrorNotice,
  insertAllNotice,
  referenceListNotice,
  type Notice,
} from './notices';
import { initialPaneState, insertAllCandidates, referenceScope, type PaneState } from './paneReducer';
import type { PaneActions } from './paneActions';
import { createPaneStore } from './paneStore';

export type { PaneActions };
import { analyseDocument, readDocument } from './readDocument';
import { parseSettings, serializeSettings, type PaneSettings } from './settings';

/**
 * The pane's effects: Office I/O through the Host, the analysis, and the events they produce for
 * paneReducer. One controller per host; usePane subscribes React to its store.
 */

/** Debounce for re-analysis after document changes. */
export const CHANGE_DEBOUNCE_MS = 600;

export interface PaneController {
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  actions: PaneActions;
  /** Load the settings, analyse, listen for changes. */
  start(): void;
  /** Stop listening; results of runs still under way are dropped. */
  stop(): void;
}

function loadEvidence(): EvidenceSet | null {
  try {
    return bundledEvidence();
  } catch {
    return null;
  }
}

export function createPaneController(host: Host, analyzerFor: (set: EvidenceSet) => Analyzer = createAnalyzer): PaneController {
  const caps = behaviours(host.capabilities());
  const set = loadEvidence();
  const analyzer = set ? analyzerFor(set) : null;

  const store = createPaneStore(initialPaneState(caps, set, set ? [] : [EVIDENCE_ERROR]));
  const dispatch = store.dispatch;
  let running = false;
  let runToken = 0;
  let starts = 0;
  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | null = null;
  // Held outside the state, for the current analysis only.
  /** The document text last read. */
  let text: string | null = null;
  /** The add-in's citations the host reported with the last read (tags and handles only). */
  let inserted: InsertedItem[] = [];
  /** A recipient is outside the internal domains (checked with each read). */
  let externalRecipients = false;
  /** The register the user picked for the current item (reset when another item is selected). */
  let explicitRegister: Register | null = null;
  /** Findings cited by comments added in this session (comments are not part of the text read back). */
  const sessionFindings = new Set<string>();
  /** Suggestion ids commented in this session: "Kommentar" adds one comment per suggestion. */
  const commentedIds = new Set<string>();

  /** The state as the last event left it. */
  const st = (): PaneState => store.getState();
  const notice = (n: Notice) => dispatch({ type: 'notice-shown', notice: n });
  const closeNotice = (key: string) => dispatch({ type: 'notice-closed', key });
  const reanalyse = () => runAnalysis(true);
  const handleError = (e: unknown, retry?: () => void) => {
    const code = e instanceof HostError ? e.code : 'unknown';
    dispatch({ type: 'error-shown', notice: hostErrorNotice(code, { retry, reanalyse, closeNotice }) });
  };

  function runAnalysis(reread: boolean): void {
    const token = ++runToken;
    const current = () => token === runToken && running;
    dispatch({ type: 'analysis-started' });
    const go = async () => {
      if (reread || text === null) {
        externalRecipients = false;
        const domains = st().settings.internalDomains;
        const checkRecipients = caps.sendsByMail && explicitRegister === null;
        let read;
        try {
          read = await readDocument(host, { internalDomains: checkRecipients ? domains : null }, current);
        } catch (e) {
          if (token !== runToken) return;
          text = null;
          dispatch({ type: 'read-failed' });
          handleError(e, reanalyse);
          return;
        }
        if (!read) return;
        ({ text, inserted, externalRecipients } = read);
      }
      const doc = text;
      afterPaint(() => {
        if (!current()) return;
        const registerAuto = explicitRegister === null && externalRecipients;
        const register: Register = explicitRegister ?? (registerAuto ? 'borger' : st().settings.register);
        void analyseDocument(analyzer ?? noAnalyzer, set, doc, inserted, { groupOverrides: st().overrides, register }).then((r) => {
          if (!current()) return;
          sessionFindings.forEach((f) => r.cited.add(f));
          dispatch({
            type: 'analysis-finished',
            result: {
              analysis: r.analysis,
              textLength: doc.length,
              empty: r.empty,
              cited: r.cited,
              cpr: r.cpr,
              stale: r.stale,
              register,
              registerAuto,
              failure: r.failure !== null ? analysisFailedNotice(reanalyse) : undefined,
            },
          });
        });
      });
    };
    void go();
  }

  const changeSettings = (fn: (s: PaneSettings) => PaneSettings) => {
    const next = fn(st().settings);
    dispatch({ type: 'settings-changed', settings: next });
    host.saveSettings(serializeSettings(next)).catch((e) => handleError(e));
  };

  const citeText = (s: Suggestion) => (set ? suggestionWithCitation(set, s, st().settings.citationStyle) : s.text);
  const insertRequest = (s: Suggestion): InsertRequest =>
    set ? citationInsert(set, s, st().settings.citationStyle, st().analysis?.instruments) : { text: s.text, tag: markerTag('cite', s.findings[0], 0) };

  const doInsert = async (s: Suggestion, done: 'inserted' | 'inserted-no-anchor' | 'inserted-not-comment' = 'inserted') => {
    try {
      const added = await host.insert(insertRequest(s));
      dispatch({ type: 'inserted', suggestion: s });
      notice(actionNotice(added ? done : 'already-inserted'));
    } catch (e) {
      handleError(e, () => void doInsert(s, done));
    }
  };

  const select = async (span: Span) => {
    try {
      await host.select(span);
    } catch (e) {
      handleError(e);
    }
  };

  const actions: PaneActions = {
    reanalyze: reanalyse,
    addGroup: (group) => {
      dispatch({ type: 'group-added', group });
      runAnalysis(false);
    },
    removeGroup: (group) => {
      dispatch({ type: 'group-removed', group });
      runAnalysis(false);
    },
    select,
    insert: (s) => doInsert(s),
    comment: async (s) => {
      if (!s.mention) return doInsert(s, 'inserted-no-anchor');
      if (commentedIds.has(s.id)) return notice(actionNotice('comment-exists'));
      try {
        const added = await host.comment({ text: citeText(s), anchor: s.mention });
        // A comment cites the suggestion's works (the Kildeliste covers them) but puts nothing into the text: no "Indsat".
        commentedIds.add(s.id);
        citedBy(s).forEach((f) => sessionFindings.add(f));
        dispatch({ type: 'commented', suggestion: s });
        notice(actionNotice(added === false ? 'comment-exists' : 'commented'));
      } catch (e) {
        if (e instanceof HostError && e.code === 'not-supported') {
          notice(COMMENT_NOT_SUPPORTED);
          await doInsert(s, 'inserted-not-comment');
        } else {
          handleError(e, () => void actions.comment(s));
        }
      }
    },
    copy: async (s) => {
      notice(actionNotice((await copyText(citeText(s))) ? 'copied' : 'copy-failed'));
    },
    dismiss: (s, reason) => changeSettings((st) => ({ ...st, dismissed: { ...st.dismissed, [s.id]: reason } })),
    restore: (id) =>
      changeSettings((st) => {
        const dismissed = { ...st.dismissed };
        delete dismissed[id];
        return { ...st, dismissed };
      }),
    referenceList: async () => {
      if (!set) return;
      const scope = referenceScope(st());
      if (!scope.findings.length) return notice(actionNotice('no-sources'));
      const lines = referenceListText(set, scope.findings).split('\n');
      try {
        await host.upsertReferenceList(lines);
        notice(referenceListNotice(lines.length - 1));
      } catch (e) {
        handleError(e, () => void actions.referenceList());
      }
    },
    setCitationStyle: (citationStyle) => changeSettings((st) => ({ ...st, citationStyle })),
    setRegister: (register) => {
      explicitRegister = register;
      dispatch({ type: 'register-chosen', register });
      changeSettings((st) => ({ ...st, register }));
      runAnalysis(false);
    },
    setInternalDomains: (domains) => {
      changeSettings((st) => ({ ...st, internalDomains: domains }));
      // The default register may change with the domains: read the recipients again.
      runAnalysis(true);
    },
    selectCpr: async (index) => {
      const place = st().cpr[index];
      if (!place || text === null) return;
      await select({ start: place.start, end: place.end, text: text.slice(place.start, place.end) });
    },
    insertAll: async () => {
      if (!set) return;
      const shown = insertAllCandidates(st());
      if (!shown.length) return notice(actionNotice('nothing-to-insert'));
      const reqs = shown.map(insertRequest);
      const findings = new Set(st().citedFindings);
      shown.forEach((s) => s.findings.forEach((f) => findings.add(f)));
      const lines = referenceListText(set, findings).split('\n');
      let results: boolean[] = [];
      try {
        if (host.insertMany) {
          results = await host.insertMany(reqs, lines);
        } else {
          for (const r of reqs) results.push(await host.insert(r));
          await host.upsertReferenceList(lines);
        }
      } catch (e) {
        shown.slice(0, results.length).forEach((s) => dispatch({ type: 'inserted', suggestion: s }));
        // An earlier success notice must not stay up as if this had worked.
        closeNotice('action');
        handleError(e, () => void actions.insertAll());
        return;
      }
      shown.forEach((s) => dispatch({ type: 'inserted', suggestion: s }));
      notice(insertAllNotice(results.filter(Boolean).length));
      if (!caps.hasChangeEvents) runAnalysis(true);
    },
    updateStale: async (c) => {
      const parsed = parseMarkerTag(c.tag);
      const f = set?.findings.find((x) => x.id === c.finding);
      const current = set && currentCitationText(set, c.finding, st().register, st().settings.citationStyle, st().analysis?.suggestions);
      if (!host.updateInserted || c.handle === undefined || !f || !current) return;
      try {
        await host.updateInserted(c.handle, current, markerTag('cite', f.id, f.version, parsed?.instrument));
        notice(actionNotice('stale-updated'));
      } catch (e) {
        handleError(e, () => void actions.updateStale(c));
        return;
      }
      runAnalysis(true);
    },
    removeStale: async (c) => {
      if (!host.removeInserted || c.handle === undefined) return;
      try {
        await host.removeInserted(c.handle);
        notice(actionNotice('stale-removed'));
      } catch (e) {
        handleError(e, () => void actions.removeStale(c));
        return;
      }
      runAnalysis(true);
    },
    closeNotice,
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    actions,
    start: () => {
      running = true;
      store.open();
      const gen = ++starts;
      void (async () => {
        let settings = st().settings;
        try {
          settings = parseSettings(await host.loadSettings());
        } catch {
          // No stored settings: defaults.
        }
        if (!running || gen !== starts) return;
        dispatch({ type: 'settings-changed', settings });
        runAnalysis(true);
      })();
      unsubscribe = host.onChange(() => {
        // Another item was selected: a register picked for the last one does not carry over.
        if (caps.changeIsNewItem) explicitRegister = null;
        if (changeTimer) clearTimeout(changeTimer);
        changeTimer = setTimeout(() => runAnalysis(true), CHANGE_DEBOUNCE_MS);
      });
    },
    stop: () => {
      running = false;
      store.close();
      runToken++;
      if (changeTimer) clearTimeout(changeTimer);
      unsubscribe?.();
      unsubscribe = null;
      analyzer?.dispose();
    },
  };
}

/** Stands in when the evidence set did not load: analyseDocument then returns no analysis. */
const noAnalyzer: Analyzer = {
  analyze: () => Promise.reject(new Error('no evidence set')),
  dispose: () => undefined,
};
