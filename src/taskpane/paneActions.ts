import type { CitationStyle, Register, Span, StaleCitation, Suggestion, TargetGroupId } from '../core';
import type { DismissReason } from './labels';

/** What the pane's sections can ask for; paneController.ts does it. */
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
  /** Replace a stale citation with the current sentence and citation (new version tag). */
  updateStale(c: StaleCitation): Promise<void>;
  /** Remove a stale citation the add-in inserted (only after the user confirmed in the pane). */
  removeStale(c: StaleCitation): Promise<void>;
  closeNotice(key: string): void;
}
