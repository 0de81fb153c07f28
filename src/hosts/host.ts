import type { Span } from '../core';

/**
 * What the task pane needs from a host (Word, Outlook, the browser demo).
 * Each adapter converts its host's text and ranges to and from the core's
 * plain string and UTF-16 spans in one place, and batches its Office.js calls.
 */

export type HostKind = 'word' | 'outlook' | 'demo';

export interface HostCapabilities {
  kind: HostKind;
  /** False in Outlook read mode: analysis and copy only. */
  canInsert: boolean;
  /** Word with WordApi 1.4. */
  canComment: boolean;
  /** Can select a mention in the document. */
  canSelect: boolean;
  /** Fires onChange when the document changes (Word paragraph events, demo input). */
  hasChangeEvents: boolean;
  /** Whether settings (dismissals) persist with the document (asserted by the host tests; the pane does not branch on it). */
  canPersistSettings: boolean;
  /**
   * The item goes out by e-mail: the CPR guard warns while it is a draft, and the pane offers the
   * internal mail domains and picks the register from the recipients. Default: kind 'outlook'.
   */
  sendsByMail?: boolean;
  /** onChange means another item was selected, so choices made for the last item reset. Default: kind 'outlook'. */
  changeIsNewItem?: boolean;
  /** Without comment support, "Kommentar" stays and inserts the text instead, saying why. Default: kind 'word'. */
  commentFallsBackToInsert?: boolean;
}

/** The capabilities with every behaviour flag decided: a host's own, else its kind's default. */
export function behaviours(c: HostCapabilities): Required<HostCapabilities> {
  return {
    ...c,
    sendsByMail: c.sendsByMail ?? c.kind === 'outlook',
    changeIsNewItem: c.changeIsNewItem ?? c.kind === 'outlook',
    commentFallsBackToInsert: c.commentFallsBackToInsert ?? c.kind === 'word',
  };
}

/** A piece of text to insert after the paragraph of an anchor span (or at the cursor when absent). */
export interface InsertRequest {
  /** Visible text (the sentence plus citation), without markers: the adapter adds them. */
  text: string;
  /** Marker tag, see core/markers.ts markerTag(). */
  tag: string;
  anchor?: Span;
}

export interface CommentRequest {
  text: string;
  anchor: Span;
}

export type HostErrorCode =
  | 'not-supported' // the API is too old / missing in this host
  | 'read-only' // Outlook read mode
  | 'anchor-moved' // the mention is no longer where the analysis found it
  | 'too-large' // the body exceeds what the host can hand over
  | 'connection' // Office did not answer (context.sync rejected)
  | 'not-allowed' // Office refused the edit here (NotAllowed: Word on the web, a protected part of the document)
  | 'search-dialog-open' // Word's Find and Replace dialog is open (SearchDialogIsOpen)
  | 'user-text' // the add-in's container now holds text the user typed: it is left alone
  | 'plain-text' // Outlook plain-text mail: what the add-in inserted earlier cannot be changed in place
  | 'selection' // Outlook: the user has text selected, which an insert would replace
  | 'undone' // a whole-body write changed the user's text; the previous body was written back
  | 'unknown';

/** Errors hosts throw carry a code; the pane shows a Danish notice for each code. */
export class HostError extends Error {
  constructor(
    public readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** A citation the add-in inserted earlier, as the host finds it in the document. */
export interface InsertedItem {
  /** Its marker tag (markerTag('cite', finding, version, instrument)). */
  tag: string;
  /** Host handle for updateInserted / removeInserted (Word: content-control id; Outlook: span id; demo: element id). */
  handle: string | number;
}

export interface Host {
  capabilities(): HostCapabilities;
  /** The document or draft as one plain string (inserted text still carries its markers). */
  readText(): Promise<string>;
  /** Select / scroll to a mention. */
  select(span: Span): Promise<void>;
  /** Insert a suggestion with its citation; never changes the user's own text. Returns false if an identical one is already there. */
  insert(req: InsertRequest): Promise<boolean>;
  /**
   * Word: a comment anchored at the mention. Resolves false (and adds nothing) when the same comment
   * is already there. Throws HostError('not-supported') where unsupported.
   */
  comment(req: CommentRequest): Promise<boolean | void>;
  /** Insert or update (in place) the one reference list at the end of the document. */
  upsertReferenceList(lines: string[]): Promise<void>;
  /** Settings stored with the document (dismissed suggestion ids, citation style): ids only, never text. */
  loadSettings(): Promise<Record<string, unknown>>;
  saveSettings(settings: Record<string, unknown>): Promise<void>;
  /** Subscribe to document changes; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /**
   * Optional batch (Word): insert every request and, when `referenceList` is given, create or update
   * the reference list, in 2 round trips in total. All anchors are checked before anything is written
   * (HostError 'anchor-moved' → nothing inserted). Result per request as for insert().
   */
  insertMany?(reqs: InsertRequest[], referenceList?: string[]): Promise<boolean[]>;
  /** Optional (Outlook): whether every To/Cc/Bcc recipient has an address in one of these domains (or a subdomain). */
  recipientsAreInternal?(domains: string[]): Promise<boolean>;
  /**
   * Optional: the citations the add-in inserted ("jpe:cite:…" tags), as of the last readText()
   * where the host can collect them in the same round trip (Word), else read now (Outlook HTML).
   */
  listInserted?(): Promise<InsertedItem[]>;
  /** Optional: replace the text of one inserted citation in place (markers kept) and give it a new tag. Never touches the user's text. */
  updateInserted?(handle: string | number, text: string, tag: string): Promise<void>;
  /** Optional: delete one inserted citation (only the add-in's container, never the user's text). */
  removeInserted?(handle: string | number): Promise<void>;
}
