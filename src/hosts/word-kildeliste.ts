import { MARK_CLOSE, MARK_OPEN, wrapInserted } from '../core';
import { HostError } from './host';
import { KILDELISTE_TAG } from './word-read';

/**
 * Word: the one reference list ("Kildeliste") at the end of the document, a content control
 * tagged KILDELISTE_TAG whose every paragraph is one marker-wrapped line.
 *
 * Text the caseworker types inside the list's content control (at the end of a line, or a new
 * paragraph made with Enter there; office-fidelity W12) is their own text: the list is then
 * not replaced (replacing would delete it) and the caller is told so (HostError 'user-text').
 */

export const KILDELISTE_TITLE = 'Jobplan Evidens: Kildeliste';

/** True when every paragraph of a control's text is one marker-wrapped line (nothing the user typed). */
export function onlyAddinText(ccText: string): boolean {
  return ccText
    .split(/\r\n|\r|\n/)
    .every((line) => line === '' || (line.startsWith(MARK_OPEN) && line.endsWith(MARK_CLOSE) && line.indexOf(MARK_CLOSE) === line.length - MARK_CLOSE.length));
}

export interface ListRead {
  lists: Word.ContentControlCollection;
  /** The body's last paragraph and the control around it: a list a half-failed write left untagged. */
  last: Word.Paragraph;
  lastCc: Word.ContentControl;
}

/** Queue a read of the tagged lists (tag and text) and of the last paragraph; the caller syncs. */
export function queueListRead(body: Word.Body): ListRead {
  const lists = body.contentControls.getByTag(KILDELISTE_TAG);
  lists.load('items/tag,items/text');
  const last = body.paragraphs.getLast();
  last.load('text');
  const lastCc = last.parentContentControlOrNullObject;
  lastCc.load('tag');
  return { lists, last, lastCc };
}

/** Before anything is written: refuse when a list holds text the user typed. */
export function checkLists({ lists }: ListRead): void {
  if (lists.items.some((cc) => !onlyAddinText(cc.text))) {
    throw new HostError('user-text', 'Kildelisten indeholder tekst, som brugeren har skrevet');
  }
}

/**
 * Replace the tagged list's content in place, or append a new tagged list at the end (queued only).
 * A failed context.sync() keeps what ran before the failing statement (office-js#6760): a list
 * heading may then stand at the end without its tagged control. It is taken over, not repeated.
 */
export function writeReferenceList(body: Word.Body, read: ListRead, lines: string[]): void {
  const { lists, last, lastCc } = read;
  const [first, ...extra] = lists.items;
  // At most one list: extra copies (e.g. pasted twice) are removed.
  for (const cc of extra) cc.delete(false);
  const wrapped = lines.map(wrapInserted);
  if (first) {
    if (wrapped.length === 0) {
      first.delete(false);
      return;
    }
    first.insertText(wrapped[0] as string, 'Replace');
    for (const l of wrapped.slice(1)) first.insertParagraph(l, 'End');
    return;
  }
  if (wrapped.length === 0) return;
  if (last.text === wrapped[0] && (lastCc.isNullObject || !lastCc.tag)) {
    const cc = lastCc.isNullObject ? last.insertContentControl() : lastCc;
    cc.tag = KILDELISTE_TAG;
    cc.title = KILDELISTE_TITLE;
    for (const l of wrapped.slice(1)) cc.insertParagraph(l, 'End');
    return;
  }
  const p = body.insertParagraph(wrapped[0] as string, 'End');
  p.styleBuiltIn = 'Normal';
  const cc = p.insertContentControl();
  cc.tag = KILDELISTE_TAG;
  cc.title = KILDELISTE_TITLE;
  for (const l of wrapped.slice(1)) cc.insertParagraph(l, 'End');
}
