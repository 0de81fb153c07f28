import type { Span } from '../core/types';
import { MARK_OPEN, wrapInserted } from '../core/markers';
import { REFERENCE_LIST_HEADING } from '../core/citations';
import {
  KILDELISTE_ID,
  appendPosition,
  citationIdsInHtml,
  citationSpanHtml,
  findElementById,
  htmlFingerprint,
  normaliseLineBreaks,
  onlyAddinHtml,
  plainAppendPosition,
  referenceListHtml,
  tagForHtmlId,
  userTextOf,
} from './outlook-html';
import { planInsertions, type InsertTarget } from './insertion';
import { makeSnapshot, resolveSpan, type Snapshot } from './text-map';
import { boundSettings } from './settings-bound';
import {
  HostError,
  type CommentRequest,
  type Host,
  type HostCapabilities,
  type InsertRequest,
  type InsertedItem,
} from './host';
import { officeAsync, sanitizeSettings, SETTINGS_KEY } from './office-errors';

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
 * Files: outlook-html.ts (pure: locating the add-in's elements, the user's text of a body),
 * this file (the Office.js calls: reading, writing, the reference list).
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
 *  - Roaming settings stay under Outlook's 32 KB (O9): see settings-bound.ts.
 *
 * Async calls per operation (compose):
 *   readText              2 the first time (getTypeAsync + getAsync(Text)), then 1 (the type is cached per item)
 *   insert / insertMany   HTML: ≤4 (type, getAsync(Text) duplicate check, getSelectedDataAsync, setSelectedDataAsync)
 *                         text: 3 (getAsync, setAsync, getAsync to check)
 *   upsertReferenceList  ≤4 (type, getAsync, setAsync, getAsync to check)
 *   listInserted          HTML: 1 (getAsync(Html)); text: 0 (plain text has no place for a tag: none)
 *   updateInserted / removeInserted  HTML: 2 (getAsync(Html), setAsync); text: not-supported
 * Read mode: readText is 1 call (getAsync(Text)); everything that writes says 'read-only'.
 *
 * Text: Outlook desktop hands over \r\n line breaks where Outlook on the web
 * hands over \n (office-js#2540). readText normalises every \r\n and lone \r to
 * \n, so offsets are the same whichever client produced the text.
 */


type AnyItem = Office.MessageCompose & Office.MessageRead & Office.AppointmentCompose;

function mailbox(): Office.Mailbox | undefined {
  return typeof Office !== 'undefined' ? Office.context?.mailbox : undefined;
}

function currentItem(): AnyItem {
  const item = mailbox()?.item as AnyItem | null | undefined;
  if (!item) throw new HostError('not-supported', 'Ingen mail er åben');
  return item;
}

/** Compose mode: the body can be written. */
function isCompose(item: AnyItem | null | undefined): boolean {
  const b = item?.body as Partial<Office.Body> | undefined;
  return !!b && typeof b.setSelectedDataAsync === 'function' && typeof b.setAsync === 'function';
}

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
    };
  }

  private async bodyType(item: AnyItem): Promise<Office.CoercionType> {
    if (this.typeCache && this.typeCache.item === item) return this.typeCache.type;
    const type = await officeAsync<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
    this.typeCache = { item, type };
    return type;
  }

  private static isHtml(type: Office.CoercionType): boolean {
    return String(type).toLowerCase() === 'html';
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

  private getBody(item: AnyItem, type: 'text' | 'html'): Promise<string> {
    return officeAsync<string>((cb) => item.body.getAsync(type as Office.CoercionType, cb)).then((x) => x ?? '');
  }

  /**
   * One whole-body write, checked: read back, the user's text (and images) must be unchanged,
   * else the previous body is written back and HostError('undone') is thrown.
   */
  private async setBodyChecked(item: AnyItem, html: boolean, next: string, previous: string): Promise<void> {
    const type = (html ? 'html' : 'text') as Office.CoercionType;
    const fp = (b: string) => (html ? htmlFingerprint(b) : { text: userTextOf(b), images: 0 });
    const before = fp(previous);
    await officeAsync<void>((cb) => item.body.setAsync(next, { coercionType: type }, cb));
    const after = fp(await this.getBody(item, html ? 'html' : 'text'));
    if (after.text !== before.text || after.images !== before.images) {
      await officeAsync<void>((cb) => item.body.setAsync(previous, { coercionType: type }, cb));
      throw new HostError('undone', 'Outlook ændrede brugerens tekst ved skrivningen; den forrige udgave er skrevet tilbage');
    }
  }

  /** HTML: setSelectedDataAsync would replace a selection (O1): refuse while the user has text selected. */
  private async guardSelection(item: AnyItem): Promise<void> {
    const get = (item as unknown as { getSelectedDataAsync?: (c: Office.CoercionType, cb: (r: Office.AsyncResult<{ data: string }>) => void) => void })
      .getSelectedDataAsync;
    if (typeof get !== 'function') return; // Mailbox < 1.2: cannot ask
    const sel = await officeAsync<{ data: string }>((cb) => get.call(item, 'text' as Office.CoercionType, cb));
    if (sel && typeof sel.data === 'string' && sel.data.length > 0) {
      throw new HostError('selection', 'Brugeren har markeret tekst, som indsættelsen ville erstatte');
    }
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
      results = OutlookHost.isHtml(type) ? await this.insertHtml(item, reqs) : await this.insertText(item, reqs);
    }
    if (referenceList) await this.upsertReferenceList(referenceList);
    return results;
  }

  private async insertHtml(item: AnyItem, reqs: InsertRequest[]): Promise<boolean[]> {
    const current = normaliseLineBreaks(await this.getBody(item, 'text'));
    const seen = new Set<string>();
    const results = reqs.map((r) => {
      const w = wrapInserted(r.text);
      if (current.includes(w) || seen.has(w)) return false;
      seen.add(w);
      return true;
    });
    const html = reqs
      .filter((_, i) => results[i])
      .map((r) => citationSpanHtml(r.text, r.tag))
      .join('<br>');
    if (!html) return results;
    await this.guardSelection(item);
    await officeAsync<void>((cb) => item.body.setSelectedDataAsync(html, { coercionType: 'html' as Office.CoercionType }, cb));
    return results;
  }

  private async insertText(item: AnyItem, reqs: InsertRequest[]): Promise<boolean[]> {
    const raw = await this.getBody(item, 'text');
    const text = normaliseLineBreaks(raw);
    const lines = text.split('\n');
    const fresh = makeSnapshot(text, lines);
    const paras = lines.map((t) => ({ text: t, tags: [] as string[] }));
    const tail = plainAppendPosition(text);
    const tailLine = text.slice(0, tail).split('\n').length - 1;
    const targets: InsertTarget[] = reqs.map((r) => {
      if (!r.anchor) return { key: `p${tailLine}`, following: paras.slice(tailLine + 1) };
      const i = resolveSpan(this.analysed, fresh, r.anchor).paragraph;
      return { key: `p${i}`, following: paras.slice(i + 1) };
    });
    // Inserted anywhere already (plain text keeps no tags): not again.
    const plan = planInsertions(
      reqs.map((r) => (text.includes(wrapInserted(r.text)) ? { ...r, tag: '' } : r)),
      targets,
    );
    const results = plan.results.map((ok, i) => ok && !text.includes(wrapInserted((reqs[i] as InsertRequest).text)));
    const after = new Map<number, string[]>();
    for (const g of plan.groups) {
      const at = Number(g.key.slice(1)) + g.skip;
      const add = g.items.filter((n) => results[n]).map((n) => wrapInserted((reqs[n] as InsertRequest).text));
      if (add.length) after.set(at, [...(after.get(at) ?? []), ...add]);
    }
    if (!after.size) return results;
    const out: string[] = [];
    lines.forEach((l, i) => {
      out.push(l);
      out.push(...(after.get(i) ?? []));
    });
    const nl = raw.includes('\r\n') ? '\r\n' : '\n';
    await this.setBodyChecked(item, false, out.join(nl), raw);
    return results;
  }

  async upsertReferenceList(lines: string[]): Promise<void> {
    const item = this.writable();
    const type = await this.bodyType(item);
    if (OutlookHost.isHtml(type)) {
      const html = await this.getBody(item, 'html');
      const found = findElementById(html, KILDELISTE_ID);
      if (found && !onlyAddinHtml(html.slice(found.start, found.end))) {
        throw new HostError('user-text', 'Kildelisten indeholder tekst, som brugeren har skrevet');
      }
      const list = lines.length ? referenceListHtml(lines) : '';
      let next: string;
      if (found) next = html.slice(0, found.start) + list + html.slice(found.end);
      else {
        if (!lines.length) return;
        const at = appendPosition(html);
        next = html.slice(0, at) + list + html.slice(at);
      }
      await this.setBodyChecked(item, true, next, html);
      return;
    }
    // Plain text: a list already there cannot be replaced safely in place.
    const raw = await this.getBody(item, 'text');
    const first = lines[0];
    if (raw.includes(MARK_OPEN + REFERENCE_LIST_HEADING) || (first !== undefined && raw.includes(wrapInserted(first)))) {
      throw new HostError('not-supported', 'Kildelisten findes allerede; i en mail i ren tekst kan den ikke opdateres');
    }
    if (!lines.length) return;
    const nl = raw.includes('\r\n') ? '\r\n' : '\n';
    const norm = normaliseLineBreaks(raw);
    const at = plainAppendPosition(norm);
    const head = norm.slice(0, at);
    const rest = norm.slice(at);
    const sep = head.length === 0 ? '' : head.endsWith('\n') ? '\n' : '\n\n';
    const next = head + sep + lines.map(wrapInserted).join('\n') + (rest ? '\n\n' + rest.replace(/^\n+/, '') : '');
    await this.setBodyChecked(item, false, nl === '\n' ? next : next.replace(/\n/g, nl), raw);
  }

  /** HTML drafts: the citation spans (id → tag), 1 call. Plain text has no tags: none. */
  async listInserted(): Promise<InsertedItem[]> {
    const item = currentItem();
    if (!isCompose(item)) return [];
    const type = await this.bodyType(item);
    if (!OutlookHost.isHtml(type)) return [];
    const html = await officeAsync<string>((cb) => item.body.getAsync('html' as Office.CoercionType, cb));
    return citationIdsInHtml(html ?? '').map((id) => ({ tag: tagForHtmlId(id) as string, handle: id }));
  }

  /** Replace (or with `next` null, remove) the citation span with this id: getAsync(Html) + setAsync. */
  private async rewriteCitation(handle: string | number, next: { text: string; tag: string } | null): Promise<void> {
    const item = this.writable();
    const type = await this.bodyType(item);
    const id = String(handle);
    if (!OutlookHost.isHtml(type)) throw new HostError('not-supported', 'I en mail i ren tekst kan et indsat citat ikke ændres');
    if (!tagForHtmlId(id)) throw new HostError('anchor-moved', 'Ukendt indsat citat');
    const html = await this.getBody(item, 'html');
    const found = findElementById(html, id);
    if (!found) throw new HostError('anchor-moved', 'Citatet findes ikke længere i mailen');
    // Typing right after the citation usually continues inside its span (contentEditable): that text is the user's.
    if (!onlyAddinHtml(html.slice(found.start, found.end))) throw new HostError('user-text', 'Citatet indeholder tekst, som brugeren har skrevet');
    const replacement = next ? citationSpanHtml(next.text, next.tag) : '';
    const out = html.slice(0, found.start) + replacement + html.slice(found.end);
    await this.setBodyChecked(item, true, out, html);
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
