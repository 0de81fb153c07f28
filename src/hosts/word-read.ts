import { CITE_TAG_PREFIX, type Span } from '../core';
import { HostError, type InsertedItem } from './host';
import { isSearchTooLong, toHostError } from './office-errors';
import { makeSnapshot, resolveSpan, type Snapshot } from './text-map';
import { planRange, type SearchWindow } from './word-search';

/**
 * Word: reading the document and locating a mention (every Office.js read the adapter makes).
 * Everything here queues work on a request context; the caller decides when to sync, and
 * nothing syncs inside a loop.
 */

export { KILDELISTE_TAG, CITE_TAG_PREFIX } from '../core';
/** Word refuses search strings longer than 255 characters (Body.search reference). */
const SEARCH_MAX = 255;
/** After a SearchStringInvalidOrTooLong rejection, retry with strings this short. */
const SEARCH_RETRY_MAX = 40;

export function wordApi(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('WordApi', version);
  } catch {
    return false;
  }
}

export function needWordApi13(): void {
  if (!wordApi('1.3')) throw new HostError('not-supported', 'Denne version af Word understøtter ikke indsættelse (WordApi 1.3 mangler)');
}

export function hasSelectionEvents(): boolean {
  return typeof Office !== 'undefined' && typeof Office.context?.document?.addHandlerAsync === 'function';
}

/** One round trip; a rejection becomes a HostError (a too-long search is passed on for the retry). */
export async function sync(context: Word.RequestContext, movedMeans: 'anchor-moved' | 'unknown' = 'unknown'): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (isSearchTooLong(e)) throw e;
    throw toHostError(e, true, movedMeans);
  }
}

export function run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Word === 'undefined' || typeof Word.run !== 'function') {
    return Promise.reject(new HostError('not-supported', 'Word API er ikke tilgængelig'));
  }
  return Word.run(batch).catch((e: unknown) => {
    throw toHostError(e, false);
  });
}

/**
 * Queue a read of the text and the paragraphs; the caller syncs, then calls finish().
 * With WordApi 1.4 the text is `body.getReviewedText('Current')`: with tracked changes, Word on
 * the web (and desktop with inline markup) puts deleted text into body.text (office-js#2314,
 * #5286); the reviewed text leaves it out, so the caseworker's deletions are not analysed.
 */
export function queueRead(context: Word.RequestContext) {
  const body = context.document.body;
  const reviewed = wordApi('1.4') && typeof body.getReviewedText === 'function' ? body.getReviewedText('Current') : null;
  if (!reviewed) body.load('text');
  const paragraphs = body.paragraphs;
  paragraphs.load('items/text');
  return {
    paragraphs,
    finish(): Snapshot {
      return makeSnapshot(reviewed ? reviewed.value : body.text, paragraphs.items.map((p) => p.text));
    },
  };
}

export function citationsOf(ccs: Word.ContentControlCollection): InsertedItem[] {
  return ccs.items.filter((cc) => typeof cc.tag === 'string' && cc.tag.startsWith(CITE_TAG_PREFIX)).map((cc) => ({ tag: cc.tag, handle: cc.id }));
}

/**
 * Read, find the mention's range in the fresh read, act on it: 2 round trips (3 after a
 * too-long search). `before` may queue more reads for the first round trip; `act` gets
 * what they returned.
 */
export async function withMentionRange<R>(
  analysed: readonly Snapshot[],
  span: Span,
  act: (range: Word.Range, extra: R | undefined) => void,
  before?: (context: Word.RequestContext) => () => R,
): Promise<R | undefined> {
  return run(async (context) => {
    const read = queueRead(context);
    const extraRead = before?.(context);
    await sync(context);
    const snap = read.finish();
    const extra = extraRead?.();
    const loc = resolveSpan(analysed, snap, span);
    const para = read.paragraphs.items[loc.paragraph] as Word.Paragraph;
    const text = snap.paragraphs[loc.paragraph] as string;
    const queue = (maxLen: number) => {
      const plan = planRange(text, loc.start, loc.end, maxLen);
      if (!plan) {
        // Nothing searchable (e.g. only symbols): fall back to the paragraph.
        act(para.getRange('Content'), extra);
        return;
      }
      const find = (w: SearchWindow, within: Word.Paragraph | Word.Range) => {
        const r = within.search(w.text, { matchCase: true }).getFirst();
        return w.inner === null ? r : r.search(w.inner, { matchCase: true }).getFirst();
      };
      const head = find(plan.head, para);
      act(plan.tail ? head.expandTo(find(plan.tail, para)) : head, extra);
    };
    queue(SEARCH_MAX);
    try {
      await sync(context, 'anchor-moved');
    } catch (e) {
      if (!isSearchTooLong(e)) throw e;
      queue(SEARCH_RETRY_MAX);
      try {
        await sync(context, 'anchor-moved');
      } catch (e2) {
        throw isSearchTooLong(e2) ? new HostError('unknown', 'Word afviste søgningen efter omtalen') : e2;
      }
    }
    return extra;
  });
}
