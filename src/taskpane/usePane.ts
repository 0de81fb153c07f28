import * as React from 'react';
import {
  analyze,
  bundledEvidence,
  findInserted,
  markerTag,
  maskInserted,
  referenceListText,
  suggestionWithCitation,
  type Analysis,
  type CitationStyle,
  type EvidenceSet,
  type Register,
  type Span,
  type Suggestion,
  type TargetGroupId,
} from '../core';
import { HostError, type Host, type HostCapabilities } from '../hosts/host';
import { copyText } from './clipboard';
import type { DismissReason } from './labels';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings, type PaneSettings } from './settings';

/** Documents above this size are analysed, with a notice that it may take a moment. */
export const LARGE_DOCUMENT_CHARS = 2 * 1024 * 1024;
/** Debounce for re-analysis after document changes. */
export const CHANGE_DEBOUNCE_MS = 600;

export type NoticeIntent = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  /** One notice per key: a new one with the same key replaces the old. */
  key: string;
  intent: NoticeIntent;
  title?: string;
  body: string;
  actionLabel?: string;
  onAction?: () => void;
}

export interface GroupOverrides {
  add: TargetGroupId[];
  remove: TargetGroupId[];
}

export interface PaneState {
  caps: HostCapabilities;
  /** True until the first analysis has finished. */
  loading: boolean;
  busy: boolean;
  analysis: Analysis | null;
  /** Length of the analysed text (for the large-document notice); the text itself stays in a ref. */
  textLength: number;
  /** The text without the add-in's own insertions is empty. */
  empty: boolean;
  overrides: GroupOverrides;
  settings: PaneSettings;
  /** Suggestion ids inserted (or commented) in this session. */
  insertedIds: ReadonlySet<string>;
  /** Findings cited by add-in text in the document (this session or earlier). */
  citedFindings: ReadonlySet<string>;
  notices: Notice[];
  /** Changes on each finished analysis, for the live region. */
  analysisCount: number;
  evidenceError: string | null;
}

export interface PaneActions {
  reanalyze(): void;
  addGroup(g: TargetGroupId): void;
  removeGroup(g: TargetGroupId): void;
  select(span: Span): Promise<void>;
  insert(s: Suggestion): Promise<void>;
  comment(s: Suggestion): Promise<void>;
  copy(s: Suggestion): Promise<void>;
  dismiss(s: Suggestion, reason: DismissReason): void;
  restore(id: string): void;
  referenceList(): Promise<void>;
  setCitationStyle(style: CitationStyle): void;
  setRegister(register: Register): void;
  closeNotice(key: string): void;
  /** Findings the reference list would cover right now, and whether they are the inserted ones. */
  referenceScope(): { findings: string[]; fromInserted: boolean; count: number };
}

function safeEvidence(): { set: EvidenceSet | null; error: string | null } {
  try {
    return { set: bundledEvidence(), error: null };
  } catch (e) {
    return { set: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Which findings the add-in's marked insertions in `text` cite (by their sentences). */
export function findingsCitedInText(set: EvidenceSet, text: string): Set<string> {
  const out = new Set<string>();
  const ranges = findInserted(text);
  if (!ranges.length) return out;
  const chunks = ranges.map((r) => text.slice(r.start, r.end));
  const norm = (s: string) => s.replace(/[.\s]+$/, '').trim();
  for (const f of set.findings) {
    const a = norm(f.suggestion);
    const b = norm(f.citizen);
    if (chunks.some((c) => (a && c.includes(a)) || (b && c.includes(b)))) {
      out.add(f.id);
      // The suggestion's sentence comes from its rule's first finding: the rule's other findings are cited too.
      for (const r of set.rules) if (r.findings[0] === f.id) r.findings.forEach((x) => out.add(x));
    }
  }
  return out;
}

/** Wait until the browser has painted (so a spinner shows before a long synchronous analysis). */
function afterPaint(fn: () => void): void {
  // rAF does not fire while the pane is hidden: a timer makes sure the analysis still runs.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 120);
}

export function usePane(host: Host): [PaneState, PaneActions] {
  const caps = React.useMemo(() => host.capabilities(), [host]);
  const evidence = React.useMemo(safeEvidence, []);

  const [state, setState] = React.useState<PaneState>(() => ({
    caps,
    loading: true,
    busy: true,
    analysis: null,
    textLength: 0,
    empty: false,
    overrides: { add: [], remove: [] },
    settings: DEFAULT_SETTINGS,
    insertedIds: new Set(),
    citedFindings: new Set(),
    notices: evidence.error
      ? [
          {
            key: 'evidence',
            intent: 'error',
            title: 'Evidensgrundlaget kunne ikke indlæses',
            body: 'Tilføjelsesprogrammets indbyggede vidensgrundlag er ugyldigt, så der kan ikke vises forslag.',
          },
        ]
      : [],
    analysisCount: 0,
    evidenceError: evidence.error,
  }));

  // Document text is held only in memory for the current analysis.
  const textRef = React.useRef<string | null>(null);
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const runToken = React.useRef(0);
  const mounted = React.useRef(true);
  const sessionFindings = React.useRef(new Set<string>());

  const update = React.useCallback((fn: (s: PaneState) => PaneState) => {
    if (mounted.current) setState(fn);
  }, []);

  const pushNotice = React.useCallback(
    (n: Notice) => update((s) => ({ ...s, notices: [...s.notices.filter((x) => x.key !== n.key), n] })),
    [update],
  );
  const closeNotice = React.useCallback(
    (key: string) => update((s) => ({ ...s, notices: s.notices.filter((x) => x.key !== key) })),
    [update],
  );

  const runAnalysis = React.useCallback(
    (opts: { reread: boolean; overrides?: GroupOverrides; register?: Register }) => {
      const token = ++runToken.current;
      update((s) => ({ ...s, busy: true }));
      const go = async () => {
        let text = textRef.current;
        if (opts.reread || text === null) {
          try {
            text = await host.readText();
          } catch (e) {
            if (token !== runToken.current) return;
            textRef.current = null;
            update((s) => ({ ...s, busy: false, loading: false }));
            handleErrorRef.current(e, () => runAnalysis({ reread: true }));
            return;
          }
          if (token !== runToken.current) return;
          textRef.current = text;
        }
        const doc = text;
        afterPaint(() => {
          if (token !== runToken.current || !mounted.current) return;
          const cur = stateRef.current;
          const overrides = opts.overrides ?? cur.overrides;
          const register = opts.register ?? cur.settings.register;
          let analysis: Analysis | null = null;
          let cited = new Set<string>();
          let failure: string | null = null;
          if (evidence.set) {
            try {
              analysis = analyze(doc, { groupOverrides: overrides, register }, evidence.set);
              cited = findingsCitedInText(evidence.set, doc);
            } catch (e) {
              failure = e instanceof Error ? e.message : String(e);
            }
          }
          sessionFindings.current.forEach((f) => cited.add(f));
          const empty = maskInserted(doc).trim() === '';
          update((s) => {
            let notices = s.notices.filter((n) => !['empty', 'none', 'large', 'anchor-moved', 'analysis', 'connection'].includes(n.key));
            if (failure)
              notices = [
                ...notices,
                {
                  key: 'analysis',
                  intent: 'error',
                  title: 'Analysen mislykkedes',
                  body: 'Dokumentet kunne ikke analyseres. Prøv igen, eller kontakt support, hvis fejlen bliver ved.',
                  actionLabel: 'Prøv igen',
                  onAction: () => runAnalysis({ reread: true }),
                },
              ];
            return {
              ...s,
              busy: false,
              loading: false,
              analysis: analysis ?? (failure ? s.analysis : { instruments: [], targetGroups: [], suggestions: [] }),
              textLength: doc.length,
              empty,
              citedFindings: cited,
              notices,
              analysisCount: s.analysisCount + 1,
            };
          });
        });
      };
      void go();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [host, update, evidence],
  );

  const handleError = React.useCallback(
    (e: unknown, retry?: () => void) => {
      const code = e instanceof HostError ? e.code : 'unknown';
      switch (code) {
        case 'not-supported':
          pushNotice({
            key: 'not-supported',
            intent: 'warning',
            title: 'Funktionen findes ikke i denne version af Office',
            body: 'Din version af Office er for gammel til denne handling. Opdater Office, eller brug "Kopiér" og indsæt selv.',
          });
          break;
        case 'read-only':
          pushNotice({
            key: 'read-only',
            intent: 'info',
            title: 'Læsevisning',
            body: 'Dokumentet kan ikke ændres her. Du kan analysere og kopiere forslag, men ikke indsætte dem.',
          });
          break;
        case 'anchor-moved':
          pushNotice({
            key: 'anchor-moved',
            intent: 'warning',
            body: 'Teksten er ændret siden analysen – analysér igen.',
            actionLabel: 'Analysér igen',
            onAction: () => runAnalysis({ reread: true }),
          });
          break;
        case 'too-large':
          pushNotice({
            key: 'too-large',
            intent: 'error',
            title: 'Dokumentet er for stort',
            body: 'Office kan ikke give hele teksten videre til tilføjelsesprogrammet. Del dokumentet op, eller analysér en kortere version.',
          });
          break;
        case 'connection':
          pushNotice({
            key: 'connection',
            intent: 'error',
            body: 'Forbindelsen til Office blev afbrudt. Prøv igen.',
            actionLabel: 'Prøv igen',
            onAction: () => {
              closeNotice('connection');
              (retry ?? (() => runAnalysis({ reread: true })))();
            },
          });
          break;
        default:
          pushNotice({
            key: 'unknown',
            intent: 'error',
            title: 'Der opstod en fejl',
            body: 'Handlingen kunne ikke gennemføres. Prøv igen.',
            actionLabel: retry ? 'Prøv igen' : undefined,
            onAction: retry
              ? () => {
                  closeNotice('unknown');
                  retry();
                }
              : undefined,
          });
      }
    },
    [pushNotice, closeNotice, runAnalysis],
  );
  const handleErrorRef = React.useRef(handleError);
  handleErrorRef.current = handleError;

  const saveSettings = React.useCallback(
    (next: PaneSettings) => {
      host.saveSettings(serializeSettings(next)).catch((e) => handleErrorRef.current(e));
    },
    [host],
  );

  const changeSettings = React.useCallback(
    (fn: (s: PaneSettings) => PaneSettings): PaneSettings => {
      const next = fn(stateRef.current.settings);
      stateRef.current = { ...stateRef.current, settings: next };
      update((s) => ({ ...s, settings: next }));
      saveSettings(next);
      return next;
    },
    [update, saveSettings],
  );

  // Mount: load settings, analyse, subscribe to changes.
  React.useEffect(() => {
    mounted.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    (async () => {
      let settings = DEFAULT_SETTINGS;
      try {
        settings = parseSettings(await host.loadSettings());
      } catch {
        // No stored settings: defaults.
      }
      if (cancelled) return;
      stateRef.current = { ...stateRef.current, settings };
      update((s) => ({ ...s, settings }));
      runAnalysis({ reread: true, register: settings.register });
    })();
    const unsubscribe = host.onChange(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => runAnalysis({ reread: true }), CHANGE_DEBOUNCE_MS);
    });
    return () => {
      cancelled = true;
      mounted.current = false;
      runToken.current++;
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [host, runAnalysis, update]);

  const citeText = React.useCallback(
    (s: Suggestion) => (evidence.set ? suggestionWithCitation(evidence.set, s, stateRef.current.settings.citationStyle) : s.text),
    [evidence],
  );

  const markInserted = React.useCallback(
    (s: Suggestion) => {
      s.findings.forEach((f) => sessionFindings.current.add(f));
      update((st) => {
        const ids = new Set(st.insertedIds);
        ids.add(s.id);
        const cited = new Set(st.citedFindings);
        s.findings.forEach((f) => cited.add(f));
        return { ...st, insertedIds: ids, citedFindings: cited };
      });
    },
    [update],
  );

  const doInsert = React.useCallback(
    async (s: Suggestion, note?: string) => {
      const first = s.citations[0];
      const tag = markerTag('cite', first?.finding ?? s.findings[0], first?.findingVersion ?? 0);
      try {
        const added = await host.insert({ text: citeText(s), tag, anchor: s.mention });
        markInserted(s);
        pushNotice(
          added
            ? { key: 'action', intent: 'success', body: note ?? 'Forslaget er indsat i dokumentet med kildehenvisning.' }
            : { key: 'action', intent: 'info', body: 'Forslaget står allerede i dokumentet.' },
        );
      } catch (e) {
        handleError(e, () => void doInsert(s, note));
      }
    },
    [host, citeText, markInserted, pushNotice, handleError],
  );

  const actions: PaneActions = {
    reanalyze: () => runAnalysis({ reread: true }),
    addGroup: (g) => {
      const o = stateRef.current.overrides;
      const next: GroupOverrides = o.remove.includes(g)
        ? { add: o.add, remove: o.remove.filter((x) => x !== g) }
        : { add: o.add.includes(g) ? o.add : [...o.add, g], remove: o.remove };
      stateRef.current = { ...stateRef.current, overrides: next };
      update((s) => ({ ...s, overrides: next }));
      runAnalysis({ reread: false, overrides: next });
    },
    removeGroup: (g) => {
      const o = stateRef.current.overrides;
      const next: GroupOverrides = o.add.includes(g)
        ? { add: o.add.filter((x) => x !== g), remove: o.remove }
        : { add: o.add, remove: o.remove.includes(g) ? o.remove : [...o.remove, g] };
      stateRef.current = { ...stateRef.current, overrides: next };
      update((s) => ({ ...s, overrides: next }));
      runAnalysis({ reread: false, overrides: next });
    },
    select: async (span) => {
      try {
        await host.select(span);
      } catch (e) {
        handleError(e);
      }
    },
    insert: (s) => doInsert(s),
    comment: async (s) => {
      if (!s.mention) {
        await doInsert(s, 'Forslaget har intet sted i teksten at knytte en kommentar til – det er indsat i teksten i stedet.');
        return;
      }
      try {
        await host.comment({ text: citeText(s), anchor: s.mention });
        markInserted(s);
        pushNotice({ key: 'action', intent: 'success', body: 'Kommentaren er tilføjet ved teksten.' });
      } catch (e) {
        if (e instanceof HostError && e.code === 'not-supported') {
          pushNotice({
            key: 'not-supported',
            intent: 'warning',
            title: 'Kommentarer kræver en nyere version af Office',
            body: 'Forslaget er indsat i teksten i stedet.',
          });
          await doInsert(s, 'Forslaget er indsat i teksten i stedet for som kommentar.');
        } else {
          handleError(e, () => void actions.comment(s));
        }
      }
    },
    copy: async (s) => {
      const ok = await copyText(citeText(s));
      pushNotice(
        ok
          ? { key: 'action', intent: 'success', body: 'Forslaget og kildehenvisningen er kopieret.' }
          : { key: 'action', intent: 'warning', body: 'Kunne ikke kopiere. Markér teksten i kortet og kopiér med Ctrl+C.' },
      );
    },
    dismiss: (s, reason) => {
      changeSettings((st) => ({ ...st, dismissed: { ...st.dismissed, [s.id]: reason } }));
    },
    restore: (id) => {
      changeSettings((st) => {
        const dismissed = { ...st.dismissed };
        delete dismissed[id];
        return { ...st, dismissed };
      });
    },
    referenceScope: () => {
      const st = stateRef.current;
      if (st.citedFindings.size) return { findings: [...st.citedFindings], fromInserted: true, count: st.citedFindings.size };
      const shown = (st.analysis?.suggestions ?? []).filter((s) => !st.settings.dismissed[s.id]);
      const f = new Set<string>();
      shown.forEach((s) => s.findings.forEach((x) => f.add(x)));
      return { findings: [...f], fromInserted: false, count: shown.length };
    },
    referenceList: async () => {
      if (!evidence.set) return;
      const scope = actions.referenceScope();
      if (!scope.findings.length) {
        pushNotice({ key: 'action', intent: 'info', body: 'Der er ingen kilder at sætte i en kildeliste endnu.' });
        return;
      }
      const lines = referenceListText(evidence.set, scope.findings).split('\n');
      try {
        await host.upsertReferenceList(lines);
        pushNotice({
          key: 'action',
          intent: 'success',
          body: `Kildelisten sidst i dokumentet er opdateret (${lines.length - 1} ${lines.length - 1 === 1 ? 'kilde' : 'kilder'}).`,
        });
      } catch (e) {
        handleError(e, () => void actions.referenceList());
      }
    },
    setCitationStyle: (citationStyle) => {
      changeSettings((st) => ({ ...st, citationStyle }));
    },
    setRegister: (register) => {
      changeSettings((st) => ({ ...st, register }));
      runAnalysis({ reread: false, register });
    },
    closeNotice,
  };

  return [state, actions];
}
