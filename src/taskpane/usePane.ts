import * as React from 'react';
import {
  MARK_CLOSE,
  MARK_OPEN,
  analyze,
  bundledEvidence,
  findCpr,
  findInserted,
  findStaleCitations,
  inFamily,
  isInstrumentId,
  markerTag,
  maskInserted,
  parseMarkerTag,
  insertedInBulk,
  referenceListText,
  sourceLabel,
  suggestionWithCitation,
  type Analysis,
  type StaleCitation,
  type CitationStyle,
  type EvidenceSet,
  type Register,
  type Span,
  type Suggestion,
  type TargetGroupId,
} from '../core';
import { HostError, type Host, type HostCapabilities, type InsertRequest, type InsertedItem } from '../hosts/host';
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

/** A CPR number found in the analysed text: where it is and its masked form only (never the number itself). */
export interface CprPlace {
  start: number;
  end: number;
  /** "010190-****" */
  masked: string;
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
  /** Outlook: the internal mail domains (already parsed and validated). */
  setInternalDomains(domains: string[]): void;
  /** Select the n-th CPR number in the document. */
  selectCpr(index: number): Promise<void>;
  /** Insert every shown suggestion that has a mention, plus the reference list. */
  insertAll(): Promise<void>;
  /** Suggestions "Indsæt alle" would insert. */
  insertAllCandidates(): Suggestion[];
  /** Replace a stale citation with the current sentence and citation (new version tag). */
  updateStale(c: StaleCitation): Promise<void>;
  /** Remove a stale citation the add-in inserted (only after the user confirmed in the pane). */
  removeStale(c: StaleCitation): Promise<void>;
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

/**
 * Which findings the add-in's marked insertions in `text` cite. An insertion that is exactly the
 * sentence and citation of a shown suggestion (`known`, in either citation style) cites that
 * suggestion's citations and nothing else. Any other insertion (an older register or evidence
 * version) cites a finding when it holds the finding's sentence and its source's label.
 */
export function findingsCitedInText(set: EvidenceSet, text: string, known: readonly Suggestion[] = []): Set<string> {
  const out = new Set<string>();
  const ranges = findInserted(text);
  if (!ranges.length) return out;
  const strip = (c: string) => c.split(MARK_OPEN).join('').split(MARK_CLOSE).join('').trim();
  const exact = new Map<string, string[]>();
  for (const s of known) {
    const ids = s.citations.map((c) => c.finding);
    for (const style of ['short', 'full'] as const) exact.set(suggestionWithCitation(set, s, style), ids);
  }
  const norm = (s: string) => s.replace(/[.\s]+$/, '').trim();
  for (const r of ranges) {
    const chunk = strip(text.slice(r.start, r.end));
    const ids = exact.get(chunk);
    if (ids) {
      ids.forEach((id) => out.add(id));
      continue;
    }
    const labelled = (fid: string) => {
      const f = set.findings.find((x) => x.id === fid);
      const src = f && set.sources.find((x) => x.id === f.source);
      return !!src && (chunk.includes(sourceLabel(set, src, 'short')) || chunk.includes(sourceLabel(set, src, 'full')));
    };
    for (const f of set.findings) {
      const a = norm(f.suggestion);
      const b = norm(f.citizen);
      if (!((a && chunk.includes(a)) || (b && chunk.includes(b))) || !labelled(f.id)) continue;
      out.add(f.id);
      // The suggestion's sentence comes from its rule's first finding: the rule's other findings whose source it names are cited too.
      for (const rule of set.rules) if (rule.findings[0] === f.id) rule.findings.filter(labelled).forEach((x) => out.add(x));
    }
  }
  return out;
}

/** The findings a suggestion's inserted text cites. */
function citedBy(s: Suggestion): string[] {
  return s.citations.length ? s.citations.map((c) => c.finding) : s.findings;
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
    cpr: [],
    stale: [],
    register: DEFAULT_SETTINGS.register,
    analysedRegister: DEFAULT_SETTINGS.register,
    registerAuto: false,
    analysisCount: 0,
    evidenceError: evidence.error,
  }));

  // Document text is held only in memory for the current analysis.
  const textRef = React.useRef<string | null>(null);
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const runToken = React.useRef(0);
  const mounted = React.useRef(true);
  /** Findings cited by comments added in this session (comments are not part of the text read back). */
  const sessionFindings = React.useRef(new Set<string>());
  /** Suggestion ids commented in this session: "Kommentar" adds one comment per suggestion. */
  const commentedIds = React.useRef(new Set<string>());
  /** The add-in's citations the host reported with the last read (tags and handles only). */
  const insertedRef = React.useRef<InsertedItem[]>([]);
  /** The register the user picked for the current item (Outlook: reset when another mail is selected). */
  const explicitRegister = React.useRef<Register | null>(null);
  /** Outlook: a recipient is outside the internal domains (checked with each read). */
  const externalRecipients = React.useRef(false);

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
    (opts: { reread: boolean; overrides?: GroupOverrides }) => {
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
          // The add-in's own citations: Word collected them in the same round trip; only asked when the text has markers.
          let inserted: InsertedItem[] = [];
          if (host.listInserted && text.includes(MARK_OPEN)) {
            try {
              inserted = await host.listInserted();
            } catch {
              inserted = [];
            }
          }
          insertedRef.current = inserted;
          const st = stateRef.current.settings;
          externalRecipients.current = false;
          if (host.recipientsAreInternal && caps.kind === 'outlook' && st.internalDomains.length && explicitRegister.current === null) {
            try {
              externalRecipients.current = !(await host.recipientsAreInternal(st.internalDomains));
            } catch {
              externalRecipients.current = false;
            }
          }
          if (token !== runToken.current) return;
        }
        const doc = text;
        afterPaint(() => {
          if (token !== runToken.current || !mounted.current) return;
          const cur = stateRef.current;
          const overrides = opts.overrides ?? cur.overrides;
          const registerAuto = explicitRegister.current === null && externalRecipients.current;
          const register: Register = explicitRegister.current ?? (registerAuto ? 'borger' : cur.settings.register);
          let analysis: Analysis | null = null;
          let cited = new Set<string>();
          let stale: StaleCitation[] = [];
          let failure: string | null = null;
          if (evidence.set) {
            try {
              analysis = analyze(doc, { groupOverrides: overrides, register }, evidence.set);
              cited = findingsCitedInText(evidence.set, doc, analysis.suggestions);
              stale = findStaleCitations(evidence.set, insertedRef.current, analysis);
            } catch (e) {
              failure = e instanceof Error ? e.message : String(e);
            }
          }
          // The CPR guard runs on the very text that was read for the analysis (no extra round trip).
          const cpr: CprPlace[] = findCpr(doc).map((h) => ({ start: h.start, end: h.end, masked: h.masked }));
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
              analysis: analysis ?? (failure ? s.analysis : { instruments: [], targetGroups: [], signals: [], suggestions: [] }),
              textLength: doc.length,
              empty,
              citedFindings: cited,
              notices,
              cpr,
              stale: failure ? s.stale : stale,
              register,
              analysedRegister: register,
              registerAuto,
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
      // The last action's notice ("Forslaget er indsat …") no longer describes what happened.
      update((s) => ({ ...s, notices: s.notices.filter((n) => n.key !== 'action' || n.intent !== 'success') }));
      switch (code) {
        case 'not-allowed':
          pushNotice({
            key: 'not-allowed',
            intent: 'warning',
            title: 'Office tillod ikke ændringen',
            body: 'Office afviste at ændre dokumentet her, for eksempel i Word på nettet eller i en beskyttet del af dokumentet. Brug "Kopiér", og indsæt selv teksten.',
          });
          break;
        case 'search-dialog-open':
          pushNotice({
            key: 'search-dialog-open',
            intent: 'warning',
            title: 'Søg og erstat er åben',
            body: 'Word kan ikke ændre dokumentet, mens dialogboksen Søg og erstat er åben. Luk den, og prøv igen.',
            actionLabel: 'Prøv igen',
            onAction: () => {
              closeNotice('search-dialog-open');
              (retry ?? (() => runAnalysis({ reread: true })))();
            },
          });
          break;
        case 'user-text':
          pushNotice({
            key: 'user-text',
            intent: 'warning',
            title: 'Din egen tekst står i det indsatte',
            body: 'Du har skrevet i et afsnit, som tilføjelsesprogrammet har indsat. Det er ikke ændret, så din tekst bevares. Ret eller slet det selv i dokumentet.',
          });
          break;
        case 'undone':
          pushNotice({
            key: 'undone',
            intent: 'warning',
            title: 'Ændringen er fortrudt',
            body: 'Outlook ændrede din egen tekst, da mailen blev skrevet om. Tilføjelsesprogrammet har sat den forrige udgave tilbage. Kontrollér mailen, og brug eventuelt "Kopiér" i stedet.',
          });
          break;
        case 'selection':
          pushNotice({
            key: 'selection',
            intent: 'warning',
            title: 'Du har markeret tekst',
            body: 'Outlook ville erstatte den markerede tekst med forslaget. Sæt markøren der, hvor forslaget skal stå, uden at markere tekst, og prøv igen.',
          });
          break;
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
      runAnalysis({ reread: true });
    })();
    const unsubscribe = host.onChange(() => {
      // Outlook: onChange means another mail was selected; a register picked for the last one does not carry over.
      if (caps.kind === 'outlook') explicitRegister.current = null;
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
  }, [host, caps, runAnalysis, update]);

  const citeText = React.useCallback(
    (s: Suggestion) => (evidence.set ? suggestionWithCitation(evidence.set, s, stateRef.current.settings.citationStyle) : s.text),
    [evidence],
  );

  /** The suggestion's text is in the document now: its card says "Indsat", and the Kildeliste covers its citations. */
  const markInserted = React.useCallback(
    (s: Suggestion) => {
      update((st) => {
        const ids = new Set(st.insertedIds);
        ids.add(s.id);
        const cited = new Set(st.citedFindings);
        citedBy(s).forEach((f) => cited.add(f));
        return { ...st, insertedIds: ids, citedFindings: cited };
      });
    },
    [update],
  );

  /** A comment cites the suggestion's works (the Kildeliste covers them) but puts nothing into the text: no "Indsat". */
  const markCommented = React.useCallback(
    (s: Suggestion) => {
      commentedIds.current.add(s.id);
      citedBy(s).forEach((f) => sessionFindings.current.add(f));
      update((st) => {
        const cited = new Set(st.citedFindings);
        citedBy(s).forEach((f) => cited.add(f));
        return { ...st, citedFindings: cited };
      });
    },
    [update],
  );

  const insertRequest = React.useCallback(
    (s: Suggestion): InsertRequest => {
      const first = s.citations[0];
      // The tag names the instrument only when the plan mentions it: an "Overvej" card exists because the plan
      // lacks the instrument, and its citation must not count as stale for a mention that never was there.
      const instruments = stateRef.current.analysis?.instruments ?? [];
      const fam = s.instrument;
      const mentioned =
        !!fam && isInstrumentId(fam) && instruments.some((h) => inFamily(h.id, fam) && h.mentions.some((m) => !m.negated));
      const tag = markerTag('cite', first?.finding ?? s.findings[0], first?.findingVersion ?? 0, mentioned ? fam : undefined);
      const req: InsertRequest = { text: citeText(s), tag };
      if (s.mention) req.anchor = s.mention;
      return req;
    },
    [citeText],
  );

  /** The current sentence and citation for a finding, in the current register and citation style. */
  const currentCitationText = React.useCallback(
    (findingId: string): string | null => {
      const set = evidence.set;
      if (!set) return null;
      const st = stateRef.current;
      const same = st.analysis?.suggestions.find((s) => s.citations[0]?.finding === findingId);
      if (same) return citeText(same);
      const f = set.findings.find((x) => x.id === findingId);
      const src = f && set.sources.find((x) => x.id === f.source);
      if (!f || !src) return null;
      const sentence = (st.register === 'borger' ? f.citizen : f.suggestion).replace(/[.\s]+$/, '');
      return `${sentence} (${sourceLabel(set, src, st.settings.citationStyle)}).`;
    },
    [evidence, citeText],
  );

  const doInsert = React.useCallback(
    async (s: Suggestion, note?: string) => {
      try {
        const added = await host.insert(insertRequest(s));
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
    [host, insertRequest, markInserted, pushNotice, handleError],
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
      if (commentedIds.current.has(s.id)) {
        pushNotice({ key: 'action', intent: 'info', body: 'Kommentaren findes allerede ved teksten.' });
        return;
      }
      try {
        const added = await host.comment({ text: citeText(s), anchor: s.mention });
        markCommented(s);
        pushNotice(
          added === false
            ? { key: 'action', intent: 'info', body: 'Kommentaren findes allerede ved teksten.' }
            : { key: 'action', intent: 'success', body: 'Kommentaren er tilføjet ved teksten.' },
        );
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
      const shown = (st.analysis?.suggestions ?? []).filter((s) => !st.settings.dismissed[s.id] && insertedInBulk(s));
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
      explicitRegister.current = register;
      update((s) => ({ ...s, register, registerAuto: false }));
      changeSettings((st) => ({ ...st, register }));
      runAnalysis({ reread: false });
    },
    setInternalDomains: (domains) => {
      changeSettings((st) => ({ ...st, internalDomains: domains }));
      // The default register may change with the domains: read the recipients again.
      runAnalysis({ reread: true });
    },
    selectCpr: async (index) => {
      const place = stateRef.current.cpr[index];
      const text = textRef.current;
      if (!place || text === null) return;
      try {
        await host.select({ start: place.start, end: place.end, text: text.slice(place.start, place.end) });
      } catch (e) {
        handleError(e);
      }
    },
    insertAllCandidates: () => {
      const st = stateRef.current;
      return (st.analysis?.suggestions ?? []).filter((s) => !st.settings.dismissed[s.id] && !!s.mention && insertedInBulk(s));
    },
    insertAll: async () => {
      if (!evidence.set) return;
      const shown = actions.insertAllCandidates();
      if (!shown.length) {
        pushNotice({ key: 'action', intent: 'info', body: 'Der er ingen forslag med et sted i teksten at indsætte.' });
        return;
      }
      const reqs = shown.map(insertRequest);
      const findings = new Set(stateRef.current.citedFindings);
      shown.forEach((s) => s.findings.forEach((f) => findings.add(f)));
      const lines = referenceListText(evidence.set, findings).split('\n');
      let results: boolean[] = [];
      try {
        if (host.insertMany) {
          results = await host.insertMany(reqs, lines);
        } else {
          for (const r of reqs) results.push(await host.insert(r));
          await host.upsertReferenceList(lines);
        }
      } catch (e) {
        shown.slice(0, results.length).forEach(markInserted);
        // An earlier success notice must not stay up as if this had worked.
        closeNotice('action');
        handleError(e, () => void actions.insertAll());
        return;
      }
      shown.forEach(markInserted);
      const n = results.filter(Boolean).length;
      pushNotice({
        key: 'action',
        intent: 'success',
        body:
          n === 0
            ? 'Forslagene stod allerede i dokumentet. Kildelisten er opdateret.'
            : `${n} forslag er indsat med kildehenvisning, og kildelisten er opdateret.`,
      });
      if (!caps.hasChangeEvents) runAnalysis({ reread: true });
    },
    updateStale: async (c) => {
      const parsed = parseMarkerTag(c.tag);
      const f = evidence.set?.findings.find((x) => x.id === c.finding);
      const text = currentCitationText(c.finding);
      if (!host.updateInserted || c.handle === undefined || !f || !text) return;
      try {
        await host.updateInserted(c.handle, text, markerTag('cite', f.id, f.version, parsed?.instrument));
        pushNotice({ key: 'action', intent: 'success', body: 'Citatet er opdateret med den nyeste formulering og kildehenvisning.' });
      } catch (e) {
        handleError(e, () => void actions.updateStale(c));
        return;
      }
      runAnalysis({ reread: true });
    },
    removeStale: async (c) => {
      if (!host.removeInserted || c.handle === undefined) return;
      try {
        await host.removeInserted(c.handle);
        pushNotice({ key: 'action', intent: 'success', body: 'Det indsatte citat er fjernet. Din egen tekst er ikke ændret.' });
      } catch (e) {
        handleError(e, () => void actions.removeStale(c));
        return;
      }
      runAnalysis({ reread: true });
    },
    closeNotice,
  };

  return [state, actions];
}
