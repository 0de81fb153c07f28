import type { Span } from '../core/types';
import { MARK_OPEN, markerTag, wrapInserted } from '../core/markers';
import {
  HostError,
  type CommentRequest,
  type Host,
  type HostCapabilities,
  type InsertRequest,
  type InsertedItem,
} from './host';
import { isSearchTooLong, sanitizeSettings, toHostError, officeAsync, SETTINGS_KEY } from './office-errors';

/**
 * The Word adapter.
 *
 * Round trips (context.sync) per operation:
 *   readText                      1  (body.text + every paragraph's text + the content controls' tags/ids, one batch)
 *   listInserted                  0  (the add-in's citations seen by the last readText; 1 before any read)
 *   updateInserted / removeInserted 2 (read the control's tag to make sure it is ours; write)
 *   select / comment              2  (read to find the mention's paragraph, then search + act)
 *   insert                        2  (read: anchor check + duplicate check; write)
 *   insertMany(reqs, list)        2  (one read, one write for every citation and the reference list)
 *   upsertReferenceList           2  (read: find the tagged list; write)
 * Nothing ever syncs inside a loop. A "search string too long" rejection costs
 * one extra round trip with shorter search strings.
 *
 * Offsets: the core's spans index into `body.text` (with \r paragraph marks,
 * \v, \x07, \x05 for comments, ...). Word's own range positions do not match
 * those offsets, so a span is mapped to its paragraph by aligning body.text
 * with the paragraphs' texts, and then found with a paragraph-local search.
 */

export const KILDELISTE_TAG = markerTag('kildeliste');
/** Tags of the content controls around inserted citations start with this. */
export const CITE_TAG_PREFIX = 'jpe:cite:';
const CC_TITLE = 'Jobplan Evidens';
const KILDELISTE_TITLE = 'Jobplan Evidens: Kildeliste';
/** Word refuses search strings longer than 255 characters. */
const SEARCH_MAX = 255;
/** After a SearchStringInvalidOrTooLong rejection, retry with strings this short. */
const SEARCH_RETRY_MAX = 40;

// ---------------------------------------------------------------------------
// Text mapping (pure; exported for tests)

/** Characters that one of body.text / paragraph.text may have and the other not. */
export function isIgnorable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x20 || c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0xfeff;
}

/** Characters we never put into a Word search string (Word's ^ codes, controls, invisible hyphens). */
function isUnsearchable(ch: string): boolean {
  return isIgnorable(ch) || ch === '^' || ch === '\u00a0' || ch === '\u2011';
}

function stripIgnorable(s: string): string {
  let out = '';
  for (const ch of s) if (!isIgnorable(ch)) out += ch;
  return out;
}

export interface ParagraphMap {
  /** offsets[k] = offset in body.text of the paragraph's character k, or -1 when body.text lacks it. */
  offsets: number[];
  /** First and one-past-last body offset covered by the paragraph (start === end for an empty one). */
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Align body.text with the paragraphs' texts (in document order). Equal
 * characters match; a control / invisible character present on one side only
 * is skipped; anything else re-synchronises on the next few characters.
 */
export function alignParagraphs(body: string, paragraphs: readonly string[]): ParagraphMap[] {
  const out: ParagraphMap[] = [];
  let b = 0;
  for (const t of paragraphs) {
    const offsets = new Array<number>(t.length).fill(-1);
    let k = 0;
    const startB = b;
    while (k < t.length) {
      const tc = t[k] as string;
      if (b < body.length && body[b] === tc) {
        offsets[k] = b;
        b++;
        k++;
      } else if (b < body.length && isIgnorable(body[b] as string)) {
        b++;
      } else if (isIgnorable(tc)) {
        k++;
      } else {
        const probe = t.slice(k, k + 12);
        const j = body.indexOf(probe, b);
        if (j >= 0 && j - b <= 4096) b = j;
        else k++;
      }
    }
    let first = -1;
    let last = -1;
    for (const o of offsets) {
      if (o < 0) continue;
      if (first < 0) first = o;
      last = o;
    }
    out.push(first < 0 ? { offsets, bodyStart: startB, bodyEnd: startB } : { offsets, bodyStart: first, bodyEnd: last + 1 });
  }
  return out;
}

export interface LocalSpan {
  paragraph: number;
  /** Offsets into the paragraph's text. */
  start: number;
  end: number;
}

/** Map a span of body.text to a paragraph and paragraph-local offsets; null if it does not fit. */
export function locateSpan(maps: readonly ParagraphMap[], paragraphs: readonly string[], span: Span): LocalSpan | null {
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i] as ParagraphMap;
    if (!(m.bodyStart <= span.start && span.start < m.bodyEnd)) continue;
    let ls = -1;
    let le = -1;
    m.offsets.forEach((o, k) => {
      if (o >= span.start && o < span.end) {
        if (ls < 0) ls = k;
        le = k + 1;
      }
    });
    if (ls < 0) return null;
    const t = paragraphs[i] as string;
    if (stripIgnorable(t.slice(ls, le)) !== stripIgnorable(span.text)) return null;
    return { paragraph: i, start: ls, end: le };
  }
  return null;
}

/** Offset in `dst` that corresponds to offset `off` in `src`, where both are equal once ignorable characters are removed. */
function remapOffset(src: string, dst: string, off: number): number {
  let n = 0;
  for (let i = 0; i < off && i < src.length; i++) if (!isIgnorable(src[i] as string)) n++;
  let i = 0;
  for (; i < dst.length; i++) {
    if (isIgnorable(dst[i] as string)) continue;
    if (n === 0) break;
    n--;
  }
  return i;
}

/** A paragraph the add-in inserted (its text begins with the open marker). */
export function isInsertedParagraph(t: string): boolean {
  let i = 0;
  while (i < t.length && (isIgnorable(t[i] as string) || t[i] === ' ')) i++;
  return t.startsWith(MARK_OPEN, i);
}

export interface SearchWindow {
  /** String searched for in the paragraph (its first occurrence is the wanted one). */
  text: string;
  /** The piece to select inside that window (its first occurrence in `text` is the wanted one), or null for the whole window. */
  inner: string | null;
}

/**
 * A search string for the piece t[pos, pos+len): a window of searchable
 * characters around it whose first occurrence in the paragraph is at the
 * piece, and in which the piece's first occurrence is the wanted one.
 */
export function searchWindow(t: string, pos: number, len: number, maxLen: number): SearchWindow | null {
  const piece = t.slice(pos, pos + len);
  if (!piece || len > maxLen) return null;
  let runStart = pos;
  while (runStart > 0 && !isUnsearchable(t[runStart - 1] as string)) runStart--;
  let runEnd = pos + len;
  while (runEnd < t.length && !isUnsearchable(t[runEnd] as string)) runEnd++;
  for (let a = pos; a >= Math.max(runStart, pos - maxLen); a--) {
    for (let b = pos + len; b <= Math.min(runEnd, a + maxLen); b++) {
      const w = t.slice(a, b);
      if (t.indexOf(w) !== a) continue;
      if (w.indexOf(piece) !== pos - a) continue;
      return { text: w, inner: a === pos && b === pos + len ? null : piece };
    }
  }
  return null;
}

interface RangePlan {
  head: SearchWindow;
  tail: SearchWindow | null;
}

/** Split the mention at characters Word cannot search for; plan the first and last piece. */
export function planRange(t: string, start: number, end: number, maxLen: number): RangePlan | null {
  const pieces: Array<[number, number]> = [];
  let i = start;
  while (i < end) {
    while (i < end && isUnsearchable(t[i] as string)) i++;
    const s = i;
    while (i < end && !isUnsearchable(t[i] as string)) i++;
    if (i > s) pieces.push([s, i]);
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return null;
  const clip = (p: [number, number], fromEnd: boolean): [number, number] =>
    p[1] - p[0] <= maxLen ? p : fromEnd ? [p[1] - maxLen, p[1]] : [p[0], p[0] + maxLen];
  const h = clip(first, false);
  const head = searchWindow(t, h[0], h[1] - h[0], maxLen);
  if (!head) return null;
  if (pieces.length === 1 && first[1] - first[0] <= maxLen) return { head, tail: null };
  const tl = clip(last, true);
  const tail = searchWindow(t, tl[0], tl[1] - tl[0], maxLen);
  return { head, tail };
}

// ---------------------------------------------------------------------------
// Snapshot of the document taken in one round trip

interface Snapshot {
  bodyText: string;
  paragraphs: string[];
  maps: ParagraphMap[];
  inserted: boolean[];
}

function makeSnapshot(bodyText: string, paragraphs: string[]): Snapshot {
  return {
    bodyText,
    paragraphs,
    maps: alignParagraphs(bodyText, paragraphs),
    inserted: paragraphs.map(isInsertedParagraph),
  };
}

/** Read the full text and the paragraphs: queued only, the caller syncs. */
function queueRead(context: Word.RequestContext) {
  const body = context.document.body;
  body.load('text');
  const paragraphs = body.paragraphs;
  paragraphs.load('items/text');
  return {
    paragraphs,
    finish(): Snapshot {
      return makeSnapshot(body.text, paragraphs.items.map((p) => p.text));
    },
  };
}

function wordApi(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('WordApi', version);
  } catch {
    return false;
  }
}

async function sync(context: Word.RequestContext, movedMeans: 'anchor-moved' | 'unknown' = 'unknown'): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (isSearchTooLong(e)) throw e;
    throw toHostError(e, true, movedMeans);
  }
}

function run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Word === 'undefined' || typeof Word.run !== 'function') {
    return Promise.reject(new HostError('not-supported', 'Word API er ikke tilgængelig'));
  }
  return Word.run(batch).catch((e: unknown) => {
    throw toHostError(e, false);
  });
}

function hasSelectionEvents(): boolean {
  return typeof Office !== 'undefined' && typeof Office.context?.document?.addHandlerAsync === 'function';
}

function needWordApi13(): void {
  if (!wordApi('1.3')) throw new HostError('not-supported', 'Denne version af Word understøtter ikke indsættelse (WordApi 1.3 mangler)');
}

type Target = { kind: 'paragraph'; index: number } | { kind: 'cursor' };

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
    };
  }

  /** One round trip: body.text, every paragraph's text, and the tags of the content controls (for listInserted). */
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

  /**
   * The content control with this id, checked to be one of the add-in's citations
   * (1 sync), then `act` on it (1 sync). Anything else: HostError('anchor-moved'), nothing written.
   */
  private async withCitationControl(handle: string | number, act: (cc: Word.ContentControl) => void): Promise<void> {
    needWordApi13();
    const id = typeof handle === 'number' ? handle : Number(handle);
    if (!Number.isInteger(id)) throw new HostError('anchor-moved', 'Ukendt indsat citat');
    await run(async (context) => {
      const cc = context.document.body.contentControls.getById(id);
      cc.load('tag');
      await sync(context, 'anchor-moved');
      if (!cc.tag.startsWith(CITE_TAG_PREFIX)) throw new HostError('anchor-moved', 'Indholdskontrollen er ikke et indsat citat');
      act(cc);
      await sync(context, 'anchor-moved');
    });
  }

  /** Replace the citation's text in place (inside its content control, with markers) and retag it: 2 syncs. */
  async updateInserted(handle: string | number, text: string, tag: string): Promise<void> {
    await this.withCitationControl(handle, (cc) => {
      cc.insertText(wrapInserted(text), 'Replace');
      cc.tag = tag;
    });
    this.insertedSeen = this.insertedSeen?.map((x) => (String(x.handle) === String(handle) ? { ...x, tag } : x)) ?? null;
  }

  /** Delete the citation's content control with its content (only the add-in's paragraph): 2 syncs. */
  async removeInserted(handle: string | number): Promise<void> {
    await this.withCitationControl(handle, (cc) => cc.delete(false));
    this.insertedSeen = this.insertedSeen?.filter((x) => String(x.handle) !== String(handle)) ?? null;
  }

  /**
   * Find the span in the fresh snapshot. The span indexes into the text the
   * last analysis saw; paragraphs may have shifted since (our own insertions,
   * or the user's edits elsewhere), so the mention's paragraph is found again
   * by its position among the user's paragraphs and its text.
   */
  private resolve(span: Span, fresh: Snapshot): LocalSpan {
    const fits = (s: Snapshot) => s.bodyText.slice(span.start, span.end) === span.text;
    const src = this.analysed.find(fits) ?? (fits(fresh) ? fresh : null);
    if (!src) throw new HostError('anchor-moved', 'Omtalen findes ikke længere i dokumentet');
    const loc = locateSpan(src.maps, src.paragraphs, span);
    if (!loc) throw new HostError('anchor-moved', 'Omtalen kunne ikke findes i et afsnit');
    if (src === fresh) return loc;

    const srcText = src.paragraphs[loc.paragraph] as string;
    let ordinal = 0;
    for (let i = 0; i < loc.paragraph; i++) if (!src.inserted[i]) ordinal++;
    const userIdx: number[] = [];
    fresh.inserted.forEach((ins, i) => {
      if (!ins) userIdx.push(i);
    });
    const sameText = (i: number) => fresh.paragraphs[i] === srcText;
    const similar = (i: number) => stripIgnorable(fresh.paragraphs[i] as string) === stripIgnorable(srcText);
    const at = userIdx[ordinal];
    let found: number | undefined;
    if (at !== undefined && sameText(at)) found = at;
    else {
      let best = Infinity;
      for (let u = 0; u < userIdx.length; u++) {
        const i = userIdx[u] as number;
        if (!sameText(i) && !similar(i)) continue;
        const d = Math.abs(u - ordinal);
        if (d < best) {
          best = d;
          found = i;
        }
      }
    }
    if (found === undefined && at !== undefined) {
      // The paragraph was edited, but the mention is still in it, once: accept it there.
      const t = fresh.paragraphs[at] as string;
      const i = t.indexOf(span.text);
      if (i >= 0 && t.indexOf(span.text, i + 1) < 0) return { paragraph: at, start: i, end: i + span.text.length };
    }
    if (found === undefined) throw new HostError('anchor-moved', 'Afsnittet med omtalen er ændret siden analysen');
    const dst = fresh.paragraphs[found] as string;
    if (dst === srcText) return { paragraph: found, start: loc.start, end: loc.end };
    const start = remapOffset(srcText, dst, loc.start);
    const end = remapOffset(srcText, dst, loc.end);
    if (stripIgnorable(dst.slice(start, end)) !== stripIgnorable(span.text)) {
      throw new HostError('anchor-moved', 'Omtalen findes ikke længere i afsnittet');
    }
    return { paragraph: found, start, end };
  }

  /** Read, find the mention's range, act on it: 2 round trips (3 after a too-long search). */
  private async withMentionRange(span: Span, act: (range: Word.Range) => void): Promise<void> {
    await run(async (context) => {
      const read = queueRead(context);
      await sync(context);
      const snap = read.finish();
      const loc = this.resolve(span, snap);
      const para = read.paragraphs.items[loc.paragraph] as Word.Paragraph;
      const text = snap.paragraphs[loc.paragraph] as string;
      const queue = (maxLen: number) => {
        const plan = planRange(text, loc.start, loc.end, maxLen);
        if (!plan) {
          // Nothing searchable (e.g. only symbols): fall back to the paragraph.
          act(para.getRange('Content'));
          return;
        }
        const find = (w: SearchWindow, within: Word.Paragraph | Word.Range) => {
          const r = within.search(w.text, { matchCase: true }).getFirst();
          return w.inner === null ? r : r.search(w.inner, { matchCase: true }).getFirst();
        };
        const head = find(plan.head, para);
        act(plan.tail ? head.expandTo(find(plan.tail, para)) : head);
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
    });
  }

  async select(span: Span): Promise<void> {
    needWordApi13();
    await this.withMentionRange(span, (r) => r.select());
  }

  async comment(req: CommentRequest): Promise<void> {
    if (!wordApi('1.4')) throw new HostError('not-supported', 'Kommentarer kræver en nyere Word (WordApi 1.4)');
    await this.withMentionRange(req.anchor, (r) => {
      r.insertComment(req.text);
    });
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
    needWordApi13();
    return run(async (context) => {
      const body = context.document.body;
      const read = reqs.length > 0 ? queueRead(context) : null;
      const ccs = body.contentControls;
      if (read) ccs.load('items/tag,items/text');
      let cursorTail: Word.ParagraphCollection | null = null;
      if (reqs.some((r) => !r.anchor)) {
        const cur = context.document.getSelection().paragraphs.getLast();
        cursorTail = cur.getRange('Whole').expandTo(body.getRange('End')).paragraphs;
        cursorTail.load('items/text');
      }
      let lists: Word.ContentControlCollection | null = null;
      if (referenceList) {
        lists = body.contentControls.getByTag(KILDELISTE_TAG);
        lists.load('items/tag');
      }
      await sync(context);
      const snap = read ? read.finish() : makeSnapshot('', []);

      // Resolve every anchor before writing anything.
      const targets: Target[] = reqs.map((r) =>
        r.anchor ? { kind: 'paragraph', index: this.resolve(r.anchor, snap).paragraph } : { kind: 'cursor' },
      );

      const key = (t: string) => t.replace(/[\r\n]+$/, '');
      const tagsByText = new Map<string, Set<string>>();
      for (const cc of read ? ccs.items : []) {
        const set = tagsByText.get(key(cc.text)) ?? new Set<string>();
        set.add(cc.tag);
        tagsByText.set(key(cc.text), set);
      }
      /** Tags and texts of the run of inserted paragraphs right after `texts[at]`. */
      const runAfter = (texts: string[], at: number) => {
        const tags = new Set<string>();
        const seen = new Set<string>();
        for (let i = at + 1; i < texts.length && isInsertedParagraph(texts[i] as string); i++) {
          const t = texts[i] as string;
          seen.add(t);
          for (const tag of tagsByText.get(key(t)) ?? []) tags.add(tag);
        }
        return { tags, seen };
      };
      const cursorTexts = cursorTail ? cursorTail.items.map((p) => p.text) : [];

      const results = reqs.map(() => false);
      const groups = new Map<string, { anchor: Word.Paragraph; items: number[] }>();
      const existing = new Map<string, { tags: Set<string>; seen: Set<string> }>();
      reqs.forEach((req, n) => {
        const t = targets[n] as Target;
        const key = t.kind === 'cursor' ? 'cursor' : `p${t.index}`;
        let ex = existing.get(key);
        if (!ex) {
          ex = t.kind === 'cursor' ? runAfter(cursorTexts, 0) : runAfter(snap.paragraphs, t.index);
          existing.set(key, ex);
        }
        const wrapped = wrapInserted(req.text);
        if (ex.tags.has(req.tag) || ex.seen.has(wrapped)) return; // already there
        ex.tags.add(req.tag);
        ex.seen.add(wrapped);
        let g = groups.get(key);
        if (!g) {
          const anchor =
            t.kind === 'cursor'
              ? ((cursorTail as Word.ParagraphCollection).items[0] as Word.Paragraph)
              : ((read as ReturnType<typeof queueRead>).paragraphs.items[t.index] as Word.Paragraph);
          g = { anchor, items: [] };
          groups.set(key, g);
        }
        g.items.push(n);
        results[n] = true;
      });

      let writes = 0;
      for (const g of groups.values()) {
        // Each goes right after the anchor paragraph: insert in reverse to keep the request order.
        for (let j = g.items.length - 1; j >= 0; j--) {
          const req = reqs[g.items[j] as number] as InsertRequest;
          const p = g.anchor.insertParagraph(wrapInserted(req.text), 'After');
          p.styleBuiltIn = 'Normal';
          const cc = p.insertContentControl();
          cc.tag = req.tag;
          cc.title = CC_TITLE;
          writes++;
        }
      }
      if (referenceList && lists) {
        writeReferenceList(body, lists, referenceList);
        writes++;
      }
      if (writes > 0) await sync(context);
      return results;
    });
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
    s.set(SETTINGS_KEY, sanitizeSettings(settings));
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

function citationsOf(ccs: Word.ContentControlCollection): InsertedItem[] {
  return ccs.items.filter((cc) => typeof cc.tag === 'string' && cc.tag.startsWith(CITE_TAG_PREFIX)).map((cc) => ({ tag: cc.tag, handle: cc.id }));
}

/** Replace the tagged list's content in place, or append a new tagged list at the end (queued only). */
function writeReferenceList(body: Word.Body, lists: Word.ContentControlCollection, lines: string[]): void {
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
  const p = body.insertParagraph(wrapped[0] as string, 'End');
  p.styleBuiltIn = 'Normal';
  const cc = p.insertContentControl();
  cc.tag = KILDELISTE_TAG;
  cc.title = KILDELISTE_TITLE;
  for (const l of wrapped.slice(1)) cc.insertParagraph(l, 'End');
}

export function createWordHost(): WordHost {
  return new WordHost();
}
