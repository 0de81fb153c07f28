import {
  citedBy,
  insertedInBulk,
  type Analysis,
  type EvidenceSet,
  type GroupOverrides,
  type Register,
  type StaleCitation,
  type Suggestion,
  type TargetGroupId,
} from '../core';
export type { GroupOverrides };
import type { HostCapabilities } from '../hosts/host';
import { NOTICES_CLEARED_BY_ANALYSIS, type Notice } from './notices';
import { DEFAULT_SETTINGS, type PaneSettings } from './settings';

/**
 * The pane's state and every change to it, as data: `paneReducer(state, action)` is pure, so the
 * pane's behaviour can be tested without React or a host. Office I/O lives in paneController.ts.
 */


/** A CPR number found in the analysed text: where it is and its masked form only (never the number itself). */
export interface CprPlace {
  start: number;
  end: number;
  /** "010190-****" */
  masked: string;
}

export interface PaneState {
  /** What the host can do, every behaviour flag decided (hosts/host.ts behaviours()). */
  caps: Required<HostCapabilities>;
  /** The bundled evidence set; null when it did not load (the pane then shows a notice and no cards). */
  set: EvidenceSet | null;
  /** True until the first analysis has finished. */
  loading: boolean;
  busy: boolean;
  analysis: Analysis | null;
  /** Length of the analysed text (for the large-document notice); the text itself stays in the controller. */
  textLength: number;
  /** The text without the add-in's own insertions is empty. */
  empty: boolean;
  overrides: GroupOverrides;
  settings: PaneSettings;
  /** Suggestion ids inserted in this session. */
  insertedIds: ReadonlySet<string>;
  /** Findings cited by add-in text in the document (this session or earlier). */
  citedFindings: ReadonlySet<string>;
  notices: Notice[];
  /** CPR numbers in the analysed text (masked). */
  cpr: CprPlace[];
  /** Citations the add-in inserted earlier that are out of date (core findStaleCitations). */
  stale: StaleCitation[];
  /** The register the cards are in now: the user's choice for this item, else the recipients' default (Outlook), else the setting. */
  register: Register;
  /** The register the shown cards were analysed in (lags `register` while a new analysis runs). */
  analysedRegister: Register;
  /** True when `register` was set to "borger" because a recipient is outside the internal mail domains. */
  registerAuto: boolean;
  /** Changes on each finished analysis, for the live region. */
  analysisCount: number;
}

/** What one finished analysis found (core results for the text that was read). */
export interface AnalysisResult {
  /** Null when the analysis failed: the last cards and stale citations stay. */
  analysis: Analysis | null;
  textLength: number;
  empty: boolean;
  cited: ReadonlySet<string>;
  cpr: CprPlace[];
  stale: StaleCitation[];
  register: Register;
  registerAuto: boolean;
  /** The "Analysen mislykkedes" notice when the analysis failed. */
  failure?: Notice;
}

export type PaneAction =
  | { type: 'analysis-started' }
  | { type: 'read-failed' }
  | { type: 'analysis-finished'; result: AnalysisResult }
  | { type: 'notice-shown'; notice: Notice }
  | { type: 'notice-closed'; key: string }
  /** A host error: the last success notice no longer describes what happened. */
  | { type: 'error-shown'; notice: Notice }
  | { type: 'settings-changed'; settings: PaneSettings }
  | { type: 'group-added'; group: TargetGroupId }
  | { type: 'group-removed'; group: TargetGroupId }
  | { type: 'register-chosen'; register: Register }
  | { type: 'inserted'; suggestion: Suggestion }
  | { type: 'commented'; suggestion: Suggestion };

const EMPTY_ANALYSIS: Analysis = { instruments: [], targetGroups: [], signals: [], suggestions: [] };

export function initialPaneState(caps: Required<HostCapabilities>, set: EvidenceSet | null, notices: Notice[] = []): PaneState {
  return {
    caps,
    set,
    loading: true,
    busy: true,
    analysis: null,
    textLength: 0,
    empty: false,
    overrides: { add: [], remove: [] },
    settings: DEFAULT_SETTINGS,
    insertedIds: new Set(),
    citedFindings: new Set(),
    notices,
    cpr: [],
    stale: [],
    register: DEFAULT_SETTINGS.register,
    analysedRegister: DEFAULT_SETTINGS.register,
    registerAuto: false,
    analysisCount: 0,
  };
}

function withNotice(notices: Notice[], n: Notice): Notice[] {
  return [...notices.filter((x) => x.key !== n.key), n];
}

function withCited(cited: ReadonlySet<string>, s: Suggestion): Set<string> {
  const out = new Set(cited);
  citedBy(s).forEach((f) => out.add(f));
  return out;
}

/** Adding a group the user had removed only undoes the removal; otherwise it is added. */
export function addGroup(o: GroupOverrides, g: TargetGroupId): GroupOverrides {
  return o.remove.includes(g)
    ? { add: o.add, remove: o.remove.filter((x) => x !== g) }
    : { add: o.add.includes(g) ? o.add : [...o.add, g], remove: o.remove };
}

/** Removing a group the user had added only undoes the addition; otherwise it is removed. */
export function removeGroup(o: GroupOverrides, g: TargetGroupId): GroupOverrides {
  return o.add.includes(g)
    ? { add: o.add.filter((x) => x !== g), remove: o.remove }
    : { add: o.add, remove: o.remove.includes(g) ? o.remove : [...o.remove, g] };
}

export function paneReducer(s: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case 'analysis-started':
      return { ...s, busy: true };
    case 'read-failed':
      return { ...s, busy: false, loading: false };
    case 'analysis-finished': {
      const r = a.result;
      const kept = s.notices.filter((n) => !NOTICES_CLEARED_BY_ANALYSIS.includes(n.key));
      return {
        ...s,
        busy: false,
        loading: false,
        analysis: r.analysis ?? (r.failure ? s.analysis : EMPTY_ANALYSIS),
        textLength: r.textLength,
        empty: r.empty,
        citedFindings: r.cited,
        notices: r.failure ? [...kept, r.failure] : kept,
        cpr: r.cpr,
        stale: r.failure ? s.stale : r.stale,
        register: r.register,
        analysedRegister: r.register,
        registerAuto: r.registerAuto,
        analysisCount: s.analysisCount + 1,
      };
    }
    case 'notice-shown':
      return { ...s, notices: withNotice(s.notices, a.notice) };
    case 'notice-closed':
      return { ...s, notices: s.notices.filter((x) => x.key !== a.key) };
    case 'error-shown':
      return { ...s, notices: withNotice(s.notices.filter((n) => n.key !== 'action' || n.intent !== 'success'), a.notice) };
    case 'settings-changed':
      return { ...s, settings: a.settings };
    case 'group-added':
      return { ...s, overrides: addGroup(s.overrides, a.group) };
    case 'group-removed':
      return { ...s, overrides: removeGroup(s.overrides, a.group) };
    case 'register-chosen':
      return { ...s, register: a.register, registerAuto: false };
    case 'inserted': {
      const ids = new Set(s.insertedIds);
      ids.add(a.suggestion.id);
      return { ...s, insertedIds: ids, citedFindings: withCited(s.citedFindings, a.suggestion) };
    }
    case 'commented':
      return { ...s, citedFindings: withCited(s.citedFindings, a.suggestion) };
  }
}

// Selectors: what the pane derives from the state (pure, called on render).

/** The shown suggestions (not dismissed). */
export function visibleSuggestions(s: PaneState): Suggestion[] {
  return (s.analysis?.suggestions ?? []).filter((x) => !s.settings.dismissed[x.id]);
}

/** Suggestions "Indsæt alle" would insert: shown, with a mention, and taken in bulk. */
export function insertAllCandidates(s: PaneState): Suggestion[] {
  return visibleSuggestions(s).filter((x) => !!x.mention && insertedInBulk(x));
}

/** Findings the reference list would cover right now, and whether they are the inserted ones. */
export function referenceScope(s: PaneState): { findings: string[]; fromInserted: boolean; count: number } {
  if (s.citedFindings.size) return { findings: [...s.citedFindings], fromInserted: true, count: s.citedFindings.size };
  const shown = visibleSuggestions(s).filter(insertedInBulk);
  const f = new Set<string>();
  shown.forEach((x) => x.findings.forEach((id) => f.add(id)));
  return { findings: [...f], fromInserted: false, count: shown.length };
}
