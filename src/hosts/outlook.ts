import type { Span } from '../core';
import { citationIdsInHtml, normaliseLineBreaks, tagForHtmlId } from './outlook-html';
import { makeSnapshot, type Snapshot } from './text-map';
import { boundSettings, sanitizeSettings, SETTINGS_KEY } from './office-settings';
import { currentItem, isCompose, isHtml, mailbox, type AnyItem } from './outlook-read';
import { insertHtml, insertText, rewriteCitation } from './outlook-write';
import { upsertReferenceList } from './outlook-kildeliste';
import {
  HostError,
  type CommentRequest,
  type Host,
  type HostCapabilities,
  type InsertRequest,
  type InsertedItem,
} from './host';
import { officeAsync } from './office-errors';

export {
  KILDELISTE_ID,
  appendPosition,
  citationIdsInHtml,
  escapeHtml,
  findElementById,
  htmlIdForTag,
  normaliseLineBreaks,
  plainAppendPosition,
  referenceListHtml,
  tagForHtmlId,
} from './outlook-html';

/**
 * The Outlook adapter (a draft in compose mode; read mode analyses only).
 *
 * Files, one concern each: outlook-html.ts (pure: locating the add-in's elements, the user's text
 * of a body), outlook-read.ts (the item, reading the body), outlook-write.ts (citations, update,
 * remove, the checked whole-body write), outlook-kildeliste.ts (the reference list), and this
 * file (the host object: settings, recipients, events).
 *
 * Safe under Outlook's documented behaviour (../shared/reviews/office-fidelity.md):
 *  - setSelectedDataAsync replaces a selection (O1): HTML inserts first ask getSelectedDataAsync
 *    (Mailbox 1.2) and refuse with HostError('selection') when the user has text selected.
 *  - In a plain-text body, Outlook on the web and new Outlook delete the character after the cursor
 *    (office-js#3905, O2): plain-text drafts never use setSelectedDataAsync. The citation goes in as a
 *    line of its own after the mention's line, with one setAsync of the text (plain text round-trips).
 *  - Every whole-body setAsync (plain text; the HTML Kildeliste, update, remove: O4) is checked: the
 *    body is read back and the user's text (and, in HTML, the number of images) must be as before;
 *    otherwise the previous body is written back and HostError('undone') says so.
 *  - update / remove / Kildeliste act only on an element that holds nothing but the add-in's marked
 *    text; if the user typed inside it: HostError('user-text') (O12-like W12 for spans and divs).
 *  - The Kildeliste goes before the quoted earlier mail, also in classic Outlook replies
 *    (_MailOriginal) and plain-text replies (O12).
 *  - Roaming settings stay under Outlook's 32 KB (O9): see office-settings.ts.
 *
 * Async calls per operation (compose):
 *   readText              2 the first time (getTypeAsync + getAsync(Text)), then 1 (the type is cached per item)
 *   insert / insertMany   HTML: ≤4 (type, getAsync(Text) duplicate check, getSelectedDataAsync, setSelectedDataAsync)
 *                         text: 3 (getAsync, setAsync, getAsync to check)
 *   upsertReferenceList  ≤4 (type, getAsync, setAsync, getAsync to check)
 *   listInserted          HTML: 1 (getAsync(Html)); text: 0 (plain text has no place for a tag: none)
 *   updateInserted / removeInserted  HTML: 2 (getAsync(Html), setAsync); text: plain-text
 * Read mode: readText is 1 call (getAsync(Text)); everything that writes says 'read-only'.
 *
 * Text: Outlook desktop hands over \r\n line breaks where Outlook on the web
 * hands over \n (office-js#2540). readText normalises every \r\n and lone \r to
 * \n, so offsets are the same whichever client produced the text.
 */


export class OutlookHost implements Host {
  private typeCache: { item: unknown; type: Office.CoercionType } | null = null;
  /** What the last analyses read (newest first), one paragraph per line: spans index into their text. */
  private analysed: Snapshot[] = [];

  capabilities(): HostCapabilities {
    let item: AnyItem | null | undefined;
    try {
      item = mailbox()?.item as AnyItem | null | undefined;
    } catch {
      item = null;
    }
    return {
      kind: 'outlook',
      canInsert: isCompose(item),
      canComment: false,
      canSelect: false,
      hasChangeEvents: false,
      canPersistSettings: typeof Office !== 'undefined' && !!Office.context?.roamingSettings,
      sendsByMail: true,
      changeIsNewItem: true,
    };
  }

  private async bodyType(item: AnyItem): Promise<Office.CoercionType> {
    if (this.typeCache && this.typeCache.item === item) return this.typeCache.type;
    const type = await officeAsync<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
    this.typeCache = { item, type };
    return type;
  }

  private writable(): AnyItem {
    const item = currentItem();
    if (!isCompose(item)) throw new HostError('read-only', 'Mailen er åbnet til læsning: der kan ikke indsættes');
    return item;
  }

  async readText(): Promise<string> {
    const item = currentItem();
    if (isCompose(item)) await this.bodyType(item);
    const raw = await officeAsync<string>((cb) => item.body.getAsync('text' as Office.CoercionType, cb));
    const text = normaliseLineBreaks(raw ?? '');
    this.analysed = [makeSnapshot(text, text.split('\n')), ...this.analysed].slice(0, 3);
    return text;
  }

  async select(_span: Span): Promise<void> {
    throw new HostError('not-supported', 'Outlook kan ikke markere tekst i mailen');
  }

  async comment(_req: CommentRequest): Promise<boolean> {
    throw new HostError('not-supported', 'Outlook har ikke kommentarer');
  }

  async insert(req: InsertRequest): Promise<boolean> {
    const [ok] = await this.insertMany([req]);
    return ok ?? false;
  }

  /**
   * HTML: every new citation at the cursor in one setSelectedDataAsync (after the selection check).
   * Plain text: each after its mention's line, all in one checked setAsync. Then the list, if given.
   */
  async insertMany(reqs: InsertRequest[], referenceList?: string[]): Promise<boolean[]> {
    const item = this.writable();
    const type = await this.bodyType(item);
    let results: boolean[] = [];
    if (reqs.length) {
      results = isHtml(type) ? await insertHtml(item, reqs) : await insertText(item, reqs, this.analysed);
    }
    if (referenceList) await this.upsertReferenceList(referenceList);
    return results;
  }

  async upsertReferenceList(lines: string[]): Promise<void> {
    const item = this.writable();
    await upsertReferenceList(item, isHtml(await this.bodyType(item)), lines);
  }

  /** HTML drafts: the citation spans (id → tag), 1 call. Plain text has no tags: none. */
  async listInserted(): Promise<InsertedItem[]> {
    const item = currentItem();
    if (!isCompose(item)) return [];
    const type = await this.bodyType(item);
    if (!isHtml(type)) return [];
    const html = await officeAsync<string>((cb) => item.body.getAsync('html' as Office.CoercionType, cb));
    return citationIdsInHtml(html ?? '').map((id) => ({ tag: tagForHtmlId(id) as string, handle: id }));
  }

  private async rewriteCitation(handle: string | number, next: { text: string; tag: string } | null): Promise<void> {
    const item = this.writable();
    await rewriteCitation(item, isHtml(await this.bodyType(item)), handle, next);
  }

  async updateInserted(handle: string | number, text: string, tag: string): Promise<void> {
    await this.rewriteCitation(handle, { text, tag });
  }

  async removeInserted(handle: string | number): Promise<void> {
    await this.rewriteCitation(handle, null);
  }

  async loadSettings(): Promise<Record<string, unknown>> {
    const rs = typeof Office !== 'undefined' ? Office.context?.roamingSettings : undefined;
    if (!rs) return {};
    return sanitizeSettings(rs.get(SETTINGS_KEY));
  }

  async saveSettings(settings: Record<string, unknown>): Promise<void> {
    const rs = typeof Office !== 'undefined' ? Office.context?.roamingSettings : undefined;
    if (!rs) throw new HostError('not-supported', 'Outlook kan ikke gemme indstillinger');
    // Roaming settings are per mailbox and capped at 32 KB (O9): keep them well under.
    rs.set(SETTINGS_KEY, boundSettings(sanitizeSettings(settings)));
    await officeAsync<void>((cb) => rs.saveAsync(cb));
  }

  /** Outlook has no body-changed event; a pinned pane hears when another mail is selected (Mailbox 1.5). */
  onChange(listener: () => void): () => void {
    const mb = mailbox();
    if (!mb || typeof mb.addHandlerAsync !== 'function') return () => undefined;
    let active = true;
    const handler = () => {
      this.typeCache = null;
      if (active) listener();
    };
    mb.addHandlerAsync(Office.EventType.ItemChanged, handler);
    return () => {
      if (!active) return;
      active = false;
      mb.removeHandlerAsync(Office.EventType.ItemChanged, { handler } as Office.AsyncContextOptions);
    };
  }

  /**
   * Whether every To/Cc/Bcc recipient has an address in one of `domains`
   * (or a subdomain). True when there are no recipients yet.
   */
  async recipientsAreInternal(domains: string[]): Promise<boolean> {
    const item = currentItem();
    const wanted = domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
    const fields = ['to', 'cc', 'bcc'] as const;
    const lists = await Promise.all(
      fields.map((f) => {
        const v = (item as unknown as Record<string, unknown>)[f];
        if (Array.isArray(v)) return Promise.resolve(v as Office.EmailAddressDetails[]);
        if (v && typeof (v as Office.Recipients).getAsync === 'function') {
          return officeAsync<Office.EmailAddressDetails[]>((cb) => (v as Office.Recipients).getAsync(cb));
        }
        return Promise.resolve([] as Office.EmailAddressDetails[]);
      }),
    );
    for (const r of lists.flat()) {
      const addr = (r.emailAddress ?? '').toLowerCase();
      const at = addr.lastIndexOf('@');
      const domain = at >= 0 ? addr.slice(at + 1) : '';
      if (!domain || !wanted.some((d) => domain === d || domain.endsWith('.' + d))) return false;
    }
    return true;
  }
}

export function createOutlookHost(): OutlookHost {
  return new OutlookHost();
}
