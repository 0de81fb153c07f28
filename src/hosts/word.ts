import { wrapInserted, type Span } from '../core';
import type { CommentRequest, Host, HostCapabilities, InsertRequest, InsertedItem } from './host';
import { HostError } from './host';
import { officeAsync } from './office-errors';
import { boundSettings, sanitizeSettings, SETTINGS_KEY } from './office-settings';
import type { Snapshot } from './text-map';
import { citationsOf, hasSelectionEvents, needWordApi13, queueRead, run, sync, withMentionRange, wordApi } from './word-read';
import { comment, insertMany, withCitationControl } from './word-write';

export { KILDELISTE_TAG, CITE_TAG_PREFIX } from './word-read';
export { alignParagraphs, locateSpan, isIgnorable, isInsertedParagraph, type ParagraphMap, type LocalSpan } from './text-map';
export { planRange, searchWindow, type SearchWindow } from './word-search';

/**
 * The Word adapter. Its concerns live one per file:
 *   text-map.ts        pure: body.text <-> paragraphs, spans, finding a mention again (shared with the demo)
 *   insertion.ts       pure: which citations go in, after which paragraph, in which order (shared with the demo)
 *   word-search.ts     pure: Word search strings for a mention
 *   word-read.ts       Office.js reads: the text, the paragraphs, locating a mention's range
 *   word-write.ts      Office.js writes: citations, comments, update / remove
 *   word-kildeliste.ts the reference list
 *
 * Round trips (context.sync) per operation:
 *   readText                      1  (reviewed text + every paragraph's text + the content controls' tags/ids, one batch)
 *   listInserted                  0  (the add-in's citations seen by the last readText; 1 before any read)
 *   updateInserted / removeInserted 2 (read the control's tag and text to make sure it is ours alone; write)
 *   select / comment              2  (read to find the mention's paragraph, then search + act)
 *   insert                        2  (read: anchor check + duplicate check; write)
 *   insertMany(reqs, list)        2  (one read, one write for every citation and the reference list)
 *   upsertReferenceList           2  (read: find the tagged list; write)
 * Nothing ever syncs inside a loop. A "search string too long" rejection costs
 * one extra round trip with shorter search strings.
 */
export class WordHost implements Host {
  /** Snapshots the last analyses (readText) saw, newest first; spans index into their bodyText. */
  private analysed: Snapshot[] = [];
  /** The add-in's citations (content controls tagged "jpe:cite:…") the last readText saw; null before any read. */
  private insertedSeen: InsertedItem[] | null = null;

  capabilities(): HostCapabilities {
    const settings = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
    return {
      kind: 'word',
      canInsert: wordApi('1.3'),
      canComment: wordApi('1.4'),
      canSelect: wordApi('1.3'),
      hasChangeEvents: wordApi('1.6') || hasSelectionEvents(),
      canPersistSettings: !!settings,
      commentFallsBackToInsert: true,
    };
  }

  /** One round trip: the text, every paragraph's text, and the tags of the content controls (for listInserted). */
  async readText(): Promise<string> {
    return run(async (context) => {
      const read = queueRead(context);
      const ccs = context.document.body.contentControls;
      ccs.load('items/tag,items/id');
      await sync(context);
      const snap = read.finish();
      this.analysed = [snap, ...this.analysed].slice(0, 3);
      this.insertedSeen = citationsOf(ccs);
      return snap.bodyText;
    });
  }

  /** The citations the last readText saw (no round trip); one sync when nothing was read yet. */
  async listInserted(): Promise<InsertedItem[]> {
    if (!this.insertedSeen) {
      this.insertedSeen = await run(async (context) => {
        const ccs = context.document.body.contentControls;
        ccs.load('items/tag,items/id');
        await sync(context);
        return citationsOf(ccs);
      });
    }
    return this.insertedSeen.map((x) => ({ ...x }));
  }

  /** Replace the citation's text in place (inside its content control, with markers) and retag it: 2 syncs. */
  async updateInserted(handle: string | number, text: string, tag: string): Promise<void> {
    await withCitationControl(handle, (cc) => {
      cc.insertText(wrapInserted(text), 'Replace');
      cc.tag = tag;
    });
    this.insertedSeen = this.insertedSeen?.map((x) => (String(x.handle) === String(handle) ? { ...x, tag } : x)) ?? null;
  }

  /** Delete the citation's content control with its content (only the add-in's paragraph): 2 syncs. */
  async removeInserted(handle: string | number): Promise<void> {
    await withCitationControl(handle, (cc) => cc.delete(false));
    this.insertedSeen = this.insertedSeen?.filter((x) => String(x.handle) !== String(handle)) ?? null;
  }

  async select(span: Span): Promise<void> {
    needWordApi13();
    await withMentionRange(this.analysed, span, (r) => r.select());
  }

  async comment(req: CommentRequest): Promise<boolean> {
    return comment(this.analysed, req);
  }

  async insert(req: InsertRequest): Promise<boolean> {
    const [ok] = await this.insertMany([req]);
    return ok ?? false;
  }

  async upsertReferenceList(lines: string[]): Promise<void> {
    await this.insertMany([], lines);
  }

  /**
   * Insert every request and (optionally) create or update the reference list,
   * in two round trips: one read, one write. Either every anchor is found or
   * nothing is written (HostError 'anchor-moved'). Returns, per request,
   * whether it was inserted (false: the same tag already follows that paragraph).
   */
  async insertMany(reqs: InsertRequest[], referenceList?: string[]): Promise<boolean[]> {
    return insertMany(this.analysed, reqs, referenceList);
  }

  async loadSettings(): Promise<Record<string, unknown>> {
    const s = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
    if (!s) return {};
    const v: unknown = s.get(SETTINGS_KEY);
    return sanitizeSettings(v);
  }

  async saveSettings(settings: Record<string, unknown>): Promise<void> {
    const s = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
    if (!s) throw new HostError('not-supported', 'Dokumentet kan ikke gemme indstillinger');
    s.set(SETTINGS_KEY, boundSettings(sanitizeSettings(settings)));
    await officeAsync<void>((cb) => s.saveAsync(cb));
  }

  onChange(listener: () => void): () => void {
    let disposed = false;
    let dispose: (() => void) | null = null;
    const fire = () => {
      if (!disposed) listener();
    };
    const selectionFallback = () => {
      if (!hasSelectionEvents()) return;
      const doc = Office.context.document;
      doc.addHandlerAsync(Office.EventType.DocumentSelectionChanged, fire);
      dispose = () => doc.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler: fire });
      if (disposed) dispose();
    };
    if (wordApi('1.6')) {
      run(async (context) => {
        const d = context.document;
        const h = async () => fire();
        const regs = [d.onParagraphChanged.add(h), d.onParagraphAdded.add(h), d.onParagraphDeleted.add(h)];
        await sync(context);
        dispose = () => {
          for (const r of regs) r.remove();
          void (regs[0] as OfficeExtension.EventHandlerResult<unknown>).context.sync().catch(() => undefined);
        };
        if (disposed) dispose();
      }).catch(selectionFallback);
    } else {
      selectionFallback();
    }
    return () => {
      if (disposed) return;
      disposed = true;
      dispose?.();
    };
  }
}

export function createWordHost(): WordHost {
  return new WordHost();
}
