import type { Span } from '../core/types';
import { MARK_OPEN, wrapInserted } from '../core/markers';
import { REFERENCE_LIST_HEADING } from '../core/citations';
import {
  HostError,
  type CommentRequest,
  type Host,
  type HostCapabilities,
  type InsertRequest,
  type InsertedItem,
} from './host';
import { officeAsync, sanitizeSettings, SETTINGS_KEY } from './office-errors';

/**
 * The Outlook adapter (a draft in compose mode; read mode analyses only).
 *
 * Async calls per operation (compose):
 *   readText              2 the first time (getTypeAsync + getAsync(Text)), then 1 (the type is cached per item)
 *   insert               ≤3 (getTypeAsync once per item, getAsync(Text) duplicate check, setSelectedDataAsync)
 *   upsertReferenceList  ≤3 (getTypeAsync once per item, getAsync, setAsync)
 *   listInserted          HTML: 1 (getAsync(Html)); text: 0 (plain text has no place for a tag: none)
 *   updateInserted / removeInserted  HTML: 2 (getAsync(Html), setAsync); text: not-supported
 * Read mode: readText is 1 call (getAsync(Text)); everything that writes says 'read-only'.
 *
 * Text: Outlook desktop hands over \r\n line breaks where Outlook on the web
 * hands over \n (office-js#2540). readText normalises every \r\n and lone \r to
 * \n, so offsets are the same whichever client produced the text.
 */

export const KILDELISTE_ID = 'jpe-kildeliste';

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

export function normaliseLineBreaks(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * HTML id prefix for a marker tag, reversible by tagForHtmlId:
 * "jpe:cite:loentilskud-privat@2#samtale" → "jpe-cite-loentilskud-privat_2_samtale"
 * (finding ids and instruments never hold "_"). A unique suffix "_<suffix>" follows.
 */
export function htmlIdForTag(tag: string): string {
  const m = /^jpe:cite:([a-z0-9-]+)@(\d+)(?:#([a-z-]+))?$/.exec(tag);
  if (m) return `jpe-cite-${m[1]}_${m[2]}${m[3] ? `_${m[3]}` : ''}`;
  return tag.replace(/[^A-Za-z0-9-]+/g, '-');
}

/**
 * The marker tag an inserted span's id stands for (Outlook may prefix ids with "x_"), or null.
 * Also reads the older form "jpe-cite-<finding>-<version>-<suffix>" (without instrument).
 */
export function tagForHtmlId(id: string): string | null {
  const bare = id.replace(/^x_/, '');
  const m = /^jpe-cite-([a-z0-9-]+)_(\d+)(?:_([a-z-]+))?_([a-z0-9]+)$/.exec(bare);
  if (m) return `jpe:cite:${m[1]}@${m[2]}${m[3] ? `#${m[3]}` : ''}`;
  const old = /^jpe-cite-([a-z0-9-]+)-(\d+)-([a-z0-9]+)$/.exec(bare);
  if (old) return `jpe:cite:${old[1]}@${old[2]}`;
  return null;
}

/** The ids (without Outlook's "x_") of the citation spans in an HTML body, in document order. */
export function citationIdsInHtml(html: string): string[] {
  const out: string[] = [];
  const re = /<span\b[^>]*?\bid\s*=\s*(["']?)((?:x_)?jpe-cite-[A-Za-z0-9_-]+)\1(?=[\s/>])/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const id = (m[2] as string).replace(/^x_/, '');
    if (tagForHtmlId(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

function citationSpanHtml(text: string, tag: string): string {
  return `<span id="${htmlIdForTag(tag)}_${uniqueSuffix()}">${escapeHtml(wrapInserted(text))}</span>`;
}

let idCounter = 0;
function uniqueSuffix(): string {
  idCounter = (idCounter + 1) % 1e6;
  return `${Date.now().toString(36)}${idCounter.toString(36)}`;
}

/** Where the element with this id (possibly prefixed "x_" by Outlook) starts and ends in `html`; null if absent. */
export function findElementById(html: string, id: string): { start: number; end: number } | null {
  const esc = id.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  const open = new RegExp(`<([A-Za-z][A-Za-z0-9]*)\\b[^>]*?\\bid\\s*=\\s*(["']?)(?:x_)?${esc}\\2(?=[\\s/>])[^>]*>`, 'i');
  const m = open.exec(html);
  if (!m) return null;
  const name = (m[1] as string).toLowerCase();
  const tagRe = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tagRe.lastIndex = m.index + m[0].length;
  let depth = 1;
  for (let t = tagRe.exec(html); t; t = tagRe.exec(html)) {
    if (t[1]) depth--;
    else if (!t[0].endsWith('/>')) depth++;
    if (depth === 0) return { start: m.index, end: t.index + t[0].length };
  }
  // Unclosed: up to the end of the body.
  const bodyEnd = html.search(/<\/body\s*>/i);
  return { start: m.index, end: bodyEnd >= 0 ? bodyEnd : html.length };
}

/** Where to append in an HTML body: before the quoted thread of a reply, or before </body>. */
export function appendPosition(html: string): number {
  const quoted = /<div\b[^>]*\bid\s*=\s*["']?(?:x_)?(?:appendonsend|divRplyFwdMsg)\b/i.exec(html);
  if (quoted) return quoted.index;
  const end = html.search(/<\/body\s*>/i);
  return end >= 0 ? end : html.length;
}

export function referenceListHtml(lines: string[]): string {
  const ps = lines.map((l, i) => {
    const t = escapeHtml(wrapInserted(l));
    return i === 0 ? `<p><b>${t}</b></p>` : `<p>${t}</p>`;
  });
  return `<div id="${KILDELISTE_ID}">${ps.join('')}</div>`;
}

export class OutlookHost implements Host {
  private typeCache: { item: unknown; type: Office.CoercionType } | null = null;

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
    return normaliseLineBreaks(raw ?? '');
  }

  async select(_span: Span): Promise<void> {
    throw new HostError('not-supported', 'Outlook kan ikke markere tekst i mailen');
  }

  async comment(_req: CommentRequest): Promise<boolean> {
    throw new HostError('not-supported', 'Outlook har ikke kommentarer');
  }

  /** At the cursor. Returns false when the very same marked text is already in the draft. */
  async insert(req: InsertRequest): Promise<boolean> {
    const item = this.writable();
    const type = await this.bodyType(item);
    const current = normaliseLineBreaks(await officeAsync<string>((cb) => item.body.getAsync('text' as Office.CoercionType, cb)));
    const wrapped = wrapInserted(req.text);
    if (current.includes(wrapped)) return false;
    if (OutlookHost.isHtml(type)) {
      const html = citationSpanHtml(req.text, req.tag);
      await officeAsync<void>((cb) => item.body.setSelectedDataAsync(html, { coercionType: 'html' as Office.CoercionType }, cb));
    } else {
      await officeAsync<void>((cb) => item.body.setSelectedDataAsync(wrapped, { coercionType: 'text' as Office.CoercionType }, cb));
    }
    return true;
  }

  async upsertReferenceList(lines: string[]): Promise<void> {
    const item = this.writable();
    const type = await this.bodyType(item);
    if (OutlookHost.isHtml(type)) {
      const html = await officeAsync<string>((cb) => item.body.getAsync('html' as Office.CoercionType, cb));
      const found = findElementById(html, KILDELISTE_ID);
      const list = lines.length ? referenceListHtml(lines) : '';
      let next: string;
      if (found) next = html.slice(0, found.start) + list + html.slice(found.end);
      else {
        if (!lines.length) return;
        const at = appendPosition(html);
        next = html.slice(0, at) + list + html.slice(at);
      }
      await officeAsync<void>((cb) => item.body.setAsync(next, { coercionType: 'html' as Office.CoercionType }, cb));
      return;
    }
    // Plain text: a list already there cannot be replaced safely in place.
    const raw = await officeAsync<string>((cb) => item.body.getAsync('text' as Office.CoercionType, cb));
    const first = lines[0];
    if (raw.includes(MARK_OPEN + REFERENCE_LIST_HEADING) || (first !== undefined && raw.includes(wrapInserted(first)))) {
      throw new HostError('not-supported', 'Kildelisten findes allerede; i en mail i ren tekst kan den ikke opdateres');
    }
    if (!lines.length) return;
    const nl = raw.includes('\r\n') ? '\r\n' : '\n';
    const sep = raw.length === 0 ? '' : raw.endsWith('\n') ? nl : nl + nl;
    const next = raw + sep + lines.map(wrapInserted).join(nl);
    await officeAsync<void>((cb) => item.body.setAsync(next, { coercionType: 'text' as Office.CoercionType }, cb));
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
    const html = await officeAsync<string>((cb) => item.body.getAsync('html' as Office.CoercionType, cb));
    const found = findElementById(html, id);
    if (!found) throw new HostError('anchor-moved', 'Citatet findes ikke længere i mailen');
    const replacement = next ? citationSpanHtml(next.text, next.tag) : '';
    const out = html.slice(0, found.start) + replacement + html.slice(found.end);
    await officeAsync<void>((cb) => item.body.setAsync(out, { coercionType: 'html' as Office.CoercionType }, cb));
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
    rs.set(SETTINGS_KEY, sanitizeSettings(settings));
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
