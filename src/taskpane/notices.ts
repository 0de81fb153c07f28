import type { HostErrorCode } from '../hosts/host';

/**
 * Every notice the pane shows, from a code to its Danish text, in one table. The words the pane
 * shares with the CLI and the .docx comments (card kinds, strengths, notes) live in core/wording.ts;
 * these are the pane's own.
 */

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

/** Documents above this size are analysed, with a notice that it may take a moment. */
export const LARGE_DOCUMENT_CHARS = 2 * 1024 * 1024;

type Text = Omit<Notice, 'key' | 'actionLabel' | 'onAction'>;

/**
 * What the button on a host error's notice does: "retry" repeats the failed action (no button
 * without one), "retry-or-reanalyse" repeats it or else reads the document again, "reanalyse"
 * reads the document again.
 */
type ErrorButton = 'retry' | 'retry-or-reanalyse' | 'reanalyse';

const HOST_ERRORS: Record<HostErrorCode, Text & { button?: ErrorButton }> = {
  'not-allowed': {
    intent: 'warning',
    title: 'Office tillod ikke ændringen',
    body: 'Office afviste at ændre dokumentet her, for eksempel i Word på nettet eller i en beskyttet del af dokumentet. Brug "Kopiér", og indsæt selv teksten.',
  },
  'search-dialog-open': {
    intent: 'warning',
    title: 'Søg og erstat er åben',
    body: 'Word kan ikke ændre dokumentet, mens dialogboksen Søg og erstat er åben. Luk den, og prøv igen.',
    button: 'retry-or-reanalyse',
  },
  'user-text': {
    intent: 'warning',
    title: 'Din egen tekst står i det indsatte',
    body: 'Du har skrevet i et afsnit, som tilføjelsesprogrammet har indsat. Det er ikke ændret, så din tekst bevares. Ret eller slet det selv i dokumentet.',
  },
  undone: {
    intent: 'warning',
    title: 'Ændringen er fortrudt',
    body: 'Outlook ændrede din egen tekst, da mailen blev skrevet om. Tilføjelsesprogrammet har sat den forrige udgave tilbage. Kontrollér mailen, og brug eventuelt "Kopiér" i stedet.',
  },
  selection: {
    intent: 'warning',
    title: 'Du har markeret tekst',
    body: 'Outlook ville erstatte den markerede tekst med forslaget. Sæt markøren der, hvor forslaget skal stå, uden at markere tekst, og prøv igen.',
  },
  'plain-text': {
    intent: 'info',
    title: 'Mailen er i ren tekst',
    body: 'I en mail i ren tekst kan tilføjelsesprogrammet ikke ændre det, det har indsat før (kildelisten eller et citat). Ret det selv i mailen, eller skift mailen til HTML-format.',
  },
  'not-supported': {
    intent: 'warning',
    title: 'Funktionen findes ikke i denne version af Office',
    body: 'Din version af Office er for gammel til denne handling. Opdater Office, eller brug "Kopiér" og indsæt selv.',
  },
  'read-only': {
    intent: 'info',
    title: 'Læsevisning',
    body: 'Dokumentet kan ikke ændres her. Du kan analysere og kopiere forslag, men ikke indsætte dem.',
  },
  'anchor-moved': { intent: 'warning', body: 'Teksten er ændret siden analysen – analysér igen.', button: 'reanalyse' },
  'too-large': {
    intent: 'error',
    title: 'Dokumentet er for stort',
    body: 'Office kan ikke give hele teksten videre til tilføjelsesprogrammet. Del dokumentet op, eller analysér en kortere version.',
  },
  connection: { intent: 'error', body: 'Forbindelsen til Office blev afbrudt. Prøv igen.', button: 'retry-or-reanalyse' },
  unknown: { intent: 'error', title: 'Der opstod en fejl', body: 'Handlingen kunne ikke gennemføres. Prøv igen.', button: 'retry' },
};

const BUTTON_LABEL: Record<ErrorButton, string> = { retry: 'Prøv igen', 'retry-or-reanalyse': 'Prøv igen', reanalyse: 'Analysér igen' };

export interface ErrorHandlers {
  /** Repeats the action that failed, when there is one. */
  retry?: () => void;
  /** Reads and analyses the document again. */
  reanalyse: () => void;
  closeNotice: (key: string) => void;
}

/** The notice for a host error (its key is the code), with a button that retries or analyses again. */
export function hostErrorNotice(code: HostErrorCode, h: ErrorHandlers): Notice {
  const { button, ...text } = HOST_ERRORS[code];
  const notice: Notice = { key: code, ...text };
  const run =
    button === 'reanalyse'
      ? h.reanalyse
      : button === 'retry-or-reanalyse'
        ? () => {
            h.closeNotice(code);
            (h.retry ?? h.reanalyse)();
          }
        : button === 'retry' && h.retry
          ? () => {
              h.closeNotice(code);
              h.retry?.();
            }
          : undefined;
  if (button && run) {
    notice.actionLabel = BUTTON_LABEL[button];
    notice.onAction = run;
  }
  return notice;
}

/** What an action did: shown under the key "action", so each replaces the last. */
export type ActionNoticeCode =
  | 'inserted'
  | 'inserted-no-anchor'
  | 'inserted-not-comment'
  | 'already-inserted'
  | 'comment-exists'
  | 'commented'
  | 'copied'
  | 'copy-failed'
  | 'no-sources'
  | 'nothing-to-insert'
  | 'stale-updated'
  | 'stale-removed';

const ACTIONS: Record<ActionNoticeCode, Text> = {
  inserted: { intent: 'success', body: 'Forslaget er indsat i dokumentet med kildehenvisning.' },
  'inserted-no-anchor': {
    intent: 'success',
    body: 'Forslaget har intet sted i teksten at knytte en kommentar til – det er indsat i teksten i stedet.',
  },
  'inserted-not-comment': { intent: 'success', body: 'Forslaget er indsat i teksten i stedet for som kommentar.' },
  'already-inserted': { intent: 'info', body: 'Forslaget står allerede i dokumentet.' },
  'comment-exists': { intent: 'info', body: 'Kommentaren findes allerede ved teksten.' },
  commented: { intent: 'success', body: 'Kommentaren er tilføjet ved teksten.' },
  copied: { intent: 'success', body: 'Forslaget og kildehenvisningen er kopieret.' },
  'copy-failed': { intent: 'warning', body: 'Kunne ikke kopiere. Markér teksten i kortet og kopiér med Ctrl+C.' },
  'no-sources': { intent: 'info', body: 'Der er ingen kilder at sætte i en kildeliste endnu.' },
  'nothing-to-insert': { intent: 'info', body: 'Der er ingen forslag med et sted i teksten at indsætte.' },
  'stale-updated': { intent: 'success', body: 'Citatet er opdateret med den nyeste formulering og kildehenvisning.' },
  'stale-removed': { intent: 'success', body: 'Det indsatte citat er fjernet. Din egen tekst er ikke ændret.' },
};

export function actionNotice(code: ActionNoticeCode): Notice {
  return { key: 'action', ...ACTIONS[code] };
}

/** "Kildelisten … er opdateret (3 kilder)." */
export function referenceListNotice(sources: number): Notice {
  return {
    key: 'action',
    intent: 'success',
    body: `Kildelisten sidst i dokumentet er opdateret (${sources} ${sources === 1 ? 'kilde' : 'kilder'}).`,
  };
}

/** After "Indsæt alle": how many were new. */
export function insertAllNotice(added: number): Notice {
  return {
    key: 'action',
    intent: 'success',
    body:
      added === 0
        ? 'Forslagene stod allerede i dokumentet. Kildelisten er opdateret.'
        : `${added} forslag er indsat med kildehenvisning, og kildelisten er opdateret.`,
  };
}

/** Without comment support, "Kommentar" inserts the text instead, and says why. */
export const COMMENT_NOT_SUPPORTED: Notice = {
  key: 'not-supported',
  intent: 'warning',
  title: 'Kommentarer kræver en nyere version af Office',
  body: 'Forslaget er indsat i teksten i stedet.',
};

export const EVIDENCE_ERROR: Notice = {
  key: 'evidence',
  intent: 'error',
  title: 'Evidensgrundlaget kunne ikke indlæses',
  body: 'Tilføjelsesprogrammets indbyggede vidensgrundlag er ugyldigt, så der kan ikke vises forslag.',
};

export function analysisFailedNotice(retry: () => void): Notice {
  return {
    key: 'analysis',
    intent: 'error',
    title: 'Analysen mislykkedes',
    body: 'Dokumentet kunne ikke analyseres. Prøv igen, eller kontakt support, hvis fejlen bliver ved.',
    actionLabel: 'Prøv igen',
    onAction: retry,
  };
}

/** Notices a new analysis replaces: those it derives again, and errors it may have cured. */
export const NOTICES_CLEARED_BY_ANALYSIS: readonly string[] = ['anchor-moved', 'analysis', 'connection'];

/** What the state says about the document, as notices (not closable: they go when the state changes). */
export function derivedNotices(d: {
  canInsert: boolean;
  analysed: boolean;
  empty: boolean;
  busy: boolean;
  instruments: number;
  textLength: number;
  reanalyse: () => void;
}): Notice[] {
  const out: Notice[] = [];
  if (!d.canInsert)
    out.push({
      key: 'read-only-mode',
      intent: 'info',
      title: 'Læsevisning',
      body: 'Mailen er åben til læsning: du kan analysere og kopiere forslag, men ikke indsætte dem. Svar på mailen eller åbn en kladde for at indsætte.',
    });
  if (d.analysed && d.empty)
    out.push({
      key: 'empty',
      intent: 'info',
      body: 'Dokumentet er tomt. Skriv eller indsæt jobplanen, og tryk på "Analysér igen".',
      actionLabel: 'Analysér igen',
      onAction: d.reanalyse,
    });
  else if (d.analysed && !d.busy && d.instruments === 0)
    out.push({
      key: 'none',
      intent: 'info',
      body: 'Der blev ikke fundet nogen indsatser i teksten (fx samtaler, virksomhedspraktik, løntilskud eller mentor).',
    });
  if (d.textLength > LARGE_DOCUMENT_CHARS)
    out.push({
      key: 'large',
      intent: 'warning',
      body: 'Dokumentet er meget stort (over 2 MB). Det bliver analyseret, men det kan tage et øjeblik.',
    });
  return out;
}
