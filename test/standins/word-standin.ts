/* eslint-disable @typescript-eslint/no-explicit-any */
import { clone, cmpVersion } from './util';
/**
 * An in-memory stand-in for Word's Office.js API (the subset the add-in uses),
 * written for this project. It follows Office.js's proxy model: method calls and
 * property writes are queued, and happen on `context.sync()`; reading a
 * property that was not loaded and synced throws PropertyNotLoaded.
 *
 * It counts round trips (syncs), can reject syncs, can refuse long search
 * strings, can pretend to be an old Word (isSetSupported false), and can
 * edit the document between two syncs.
 *
 * No Node imports: the same file is bundled into a browser page by
 * test/standins/browser-entry.ts.
 *
 * Model of the text:
 *  - each paragraph has a raw text (what body.text shows for it; may contain
 *    \v, \x07, NBSP, soft hyphens, and \x05 for comments already present);
 *  - paragraph.text / range.text / search see the raw text minus the
 *    characters in `paragraphTextOmits` (default "\x05");
 *  - body.text is the paragraphs' raw texts joined with "\r" (Word's paragraph mark, one
 *    character: Range.InsertAfter reference, learn.microsoft.com/office/vba/api/word.range.insertafter),
 *    with a \x05 added where a comment inserted through the API ends (office-js#2114, #2258).
 */

export interface StandinParagraphInit {
  text: string;
  /** Paragraphs with the same ccId (and adjacent) share one content control. */
  ccId?: string;
  ccTag?: string;
  style?: string;
}

export interface WordStandinOptions {
  paragraphs: Array<string | StandinParagraphInit>;
  /** Highest WordApi version supported; default "1.6". "1.1" makes everything newer unsupported. */
  wordApi?: string;
  /** Longest accepted search string; default 255 (Word's limit). */
  searchLimit?: number;
  /** Characters body.text has but paragraph.text has not; default "\x05". */
  paragraphTextOmits?: string;
  /** Initial selection (paragraph index, api offsets); default: end of the first paragraph. */
  selection?: { paragraph: number; start?: number; end?: number };
  /** Initial document settings (already saved). */
  settings?: Record<string, unknown>;
  /** Omit Office.context.document.addHandlerAsync (very old hosts). */
  noSelectionEvents?: boolean;
}

interface PM {
  id: number;
  text: string;
  /**
   * Tracked deletions: raw-text ranges the user deleted with Track Changes on. Word on the web
   * (Simple Markup) and desktop with inline markup still show them in body.text and
   * paragraph.text (office-js#2314, #5286, #1267); Body.getReviewedText('Current') (WordApi 1.4)
   * leaves them out.
   */
  deleted?: Array<[number, number]>;
  cc: CM | null;
  style: string;
}
interface CM {
  id: number;
  tag: string;
  title: string;
  appearance: string;
}
interface CommentM {
  id: number;
  p: PM;
  start: number;
  end: number;
  text: string;
}
interface RangeM {
  a: PM;
  ao: number;
  b: PM;
  bo: number;
}

export class StandinError extends Error {
  override name = 'RichApi.Error';
  constructor(
    public code: string,
    message: string,
    public debugInfo: Record<string, unknown> = {},
  ) {
    super(message);
  }
}


export class WordStandin {
  paras: PM[] = [];
  comments: CommentM[] = [];
  selection: RangeM;
  /** Number of context.sync() calls. */
  syncCount = 0;
  /** Number of Word.run calls. */
  runCount = 0;
  /** Operations queued but never synced when a Word.run ended (a bug in the caller). */
  unsyncedOps = 0;
  /** Number of queued operations executed. */
  opCount = 0;
  wordApi: string;
  searchLimit: number;
  omits: string;
  /** Called at the start of every sync with its number (1-based), before anything runs. */
  beforeSync: ((n: number) => void) | null = null;
  private failures: StandinError[] = [];
  private nextId = 1;
  /** Saved settings (what saveAsync persisted) and the working copy. */
  savedSettings: Record<string, unknown>;
  workingSettings: Record<string, unknown>;
  saveAsyncCount = 0;
  paragraphHandlers: Array<{ kind: 'changed' | 'added' | 'deleted'; handler: (args: any) => unknown }> = [];
  selectionHandlers: Array<() => void> = [];
  partialFailures: Array<{ ops: number; error: StandinError }> = [];
  noSelectionEvents: boolean;

  constructor(opts: WordStandinOptions) {
    this.wordApi = opts.wordApi ?? '1.6';
    this.searchLimit = opts.searchLimit ?? 255;
    this.omits = opts.paragraphTextOmits ?? '\x05';
    this.noSelectionEvents = !!opts.noSelectionEvents;
    const ccs = new Map<string, CM>();
    for (const init of opts.paragraphs) {
      const pi: StandinParagraphInit = typeof init === 'string' ? { text: init } : init;
      let cc: CM | null = null;
      if (pi.ccId !== undefined || pi.ccTag !== undefined) {
        const key = pi.ccId ?? `auto${this.nextId}`;
        cc = ccs.get(key) ?? { id: this.nextId++, tag: pi.ccTag ?? '', title: '', appearance: 'BoundingBox' };
        ccs.set(key, cc);
      }
      this.paras.push({ id: this.nextId++, text: pi.text, cc, style: pi.style ?? 'Normal' });
    }
    if (this.paras.length === 0) this.paras.push({ id: this.nextId++, text: '', cc: null, style: 'Normal' });
    const sp = this.paras[opts.selection?.paragraph ?? 0] as PM;
    const len = this.api(sp).length;
    this.selection = { a: sp, ao: opts.selection?.start ?? len, b: sp, bo: opts.selection?.end ?? opts.selection?.start ?? len };
    this.savedSettings = clone(opts.settings ?? {});
    this.workingSettings = clone(this.savedSettings);
  }

  // ----- inspection helpers for tests

  /** What paragraph.text shows. */
  api(p: PM): string {
    if (!this.omits) return p.text;
    let out = '';
    for (const ch of p.text) if (!this.omits.includes(ch)) out += ch;
    return out;
  }

  /** Raw texts of all paragraphs (as in body.text, without API-inserted comment marks). */
  paragraphTexts(): string[] {
    return this.paras.map((p) => p.text);
  }

  /** Paragraph texts with the tag of the content control each sits in. */
  paragraphs(): Array<{ text: string; tag: string | null; style: string }> {
    return this.paras.map((p) => ({ text: p.text, tag: p.cc ? p.cc.tag : null, style: p.style }));
  }

  /** Raw texts of paragraphs outside any content control this add-in tags ("jpe:..."). */
  userParagraphTexts(): string[] {
    return this.paras.filter((p) => !(p.cc && p.cc.tag.startsWith('jpe:'))).map((p) => p.text);
  }

  bodyText(): string {
    return this.paras.map((p) => this.bodyTextOf(p)).join('\r');
  }

  contentControls(): Array<{ tag: string; title: string; text: string }> {
    return this.ccList().map((c) => ({ tag: c.tag, title: c.title, text: this.ccText(c) }));
  }

  commentList(): Array<{ text: string; paragraph: number; quoted: string }> {
    return this.comments.map((c) => ({
      text: c.text,
      paragraph: this.paras.indexOf(c.p),
      quoted: this.api(c.p).slice(c.start, c.end),
    }));
  }

  selectedText(): string {
    return this.rangeText(this.selection);
  }

  // ----- fault injection and simulated user edits

  /** The next sync rejects with this code (GeneralException by default) before anything runs. Call repeatedly for more. */
  failNextSync(code = 'GeneralException', message = 'Der opstod en intern fejl.'): void {
    this.failures.push(new StandinError(code, message));
  }

  /**
   * The next sync runs its first `ops` queued operations, then rejects: a failed context.sync()
   * is not a rollback, the statements before the failing one have run (office-js#6760; the
   * failing statement is named in debugInfo.statement). `ops` = Infinity: everything ran and the
   * sync still rejects (Word on the web rejecting after the write succeeded, office-js#6760).
   * Codes to try: GeneralException, NotAllowed (office-js#6746, office-js-docs#1284).
   */
  failAtOp(ops: number, code = 'GeneralException', message = 'Der opstod en intern fejl.'): void {
    this.partialFailures.push({ ops, error: new StandinError(code, message) });
  }

  /** The user deletes raw text [start, end) of paragraph i with Track Changes on: it stays in body.text. */
  trackDeletion(i: number, start: number, end: number): void {
    const p = this.paras[i];
    if (!p) throw new Error(`no paragraph ${i}`);
    (p.deleted ??= []).push([start, end]);
    this.fire('changed', [p]);
  }

  /** body.text without tracked deletions: what getReviewedText('Current') returns. */
  reviewedText(): string {
    return this.paras
      .map((p) => {
        const t = this.bodyTextOf(p);
        if (!p.deleted?.length || t !== p.text) return p.deleted?.length ? stripRanges(p.text, p.deleted) : t;
        return stripRanges(t, p.deleted);
      })
      .join('\r');
  }

  /**
   * The user types inside one of the add-in's content controls (the one whose tag starts with
   * `tagPrefix`, the n-th such): at the end of its last paragraph, or, with `newParagraph`, as a
   * paragraph made with Enter there, which stays inside the control (office-fidelity W12;
   * block-level rich-text controls wrap the paragraphs, office-js#3176).
   */
  typeIntoControl(tagPrefix: string, text: string, opts: { newParagraph?: boolean; nth?: number } = {}): void {
    const cc = this.ccList().filter((c) => c.tag.startsWith(tagPrefix))[opts.nth ?? 0];
    if (!cc) throw new Error(`no content control ${tagPrefix}`);
    const ps = this.ccParas(cc);
    const last = ps[ps.length - 1] as PM;
    if (opts.newParagraph) {
      const p: PM = { id: this.nextId++, text, cc, style: last.style };
      this.paras.splice(this.paras.indexOf(last) + 1, 0, p);
      this.fire('added', [p]);
    } else {
      last.text += text;
      this.fire('changed', [last]);
    }
  }

  /** The user edits paragraph i (fires onParagraphChanged). */
  editParagraph(i: number, text: string): void {
    const p = this.paras[i];
    if (!p) throw new Error(`no paragraph ${i}`);
    p.text = text;
    this.comments = this.comments.filter((c) => c.p !== p || c.end <= this.api(p).length);
    this.fire('changed', [p]);
  }

  /** The user types a new paragraph before index i (fires onParagraphAdded). */
  insertUserParagraph(i: number, text: string): void {
    const p: PM = { id: this.nextId++, text, cc: null, style: 'Normal' };
    this.paras.splice(i, 0, p);
    this.fire('added', [p]);
  }

  deleteParagraph(i: number): void {
    const [p] = this.paras.splice(i, 1);
    if (p) {
      this.comments = this.comments.filter((c) => c.p !== p);
      this.fire('deleted', [p]);
    }
  }

  /** Move the cursor (fires DocumentSelectionChanged). */
  moveCursor(paragraph: number, offset: number): void {
    const p = this.paras[paragraph] as PM;
    this.selection = { a: p, ao: offset, b: p, bo: offset };
    for (const h of this.selectionHandlers) h();
  }

  private fire(kind: 'changed' | 'added' | 'deleted', ps: PM[]): void {
    const args = { type: `Paragraph${kind[0]?.toUpperCase()}${kind.slice(1)}`, source: 'Local', uniqueLocalIds: ps.map((p) => `p-${p.id}`) };
    for (const h of this.paragraphHandlers) if (h.kind === kind) void Promise.resolve().then(() => h.handler(args));
  }

  // ----- internals used by the proxies

  isSetSupported(name: string, version?: string): boolean {
    if (name === 'WordApi') return version === undefined || cmpVersion(version, this.wordApi) <= 0;
    if (name === 'WordApiHiddenDocument' || name === 'WordApiDesktop') return false;
    return false;
  }

  requireApi(version: string, what: string): void {
    if (!this.isSetSupported('WordApi', version)) throw new StandinError('ApiNotFound', `${what} requires WordApi ${version}`);
  }

  newId(): number {
    return this.nextId++;
  }

  takeFailure(): StandinError | undefined {
    return this.failures.shift();
  }

  takePartialFailure(): { ops: number; error: StandinError } | undefined {
    return this.partialFailures.shift();
  }

  ccList(): CM[] {
    const out: CM[] = [];
    for (const p of this.paras) if (p.cc && !out.includes(p.cc)) out.push(p.cc);
    return out;
  }

  ccParas(c: CM): PM[] {
    return this.paras.filter((p) => p.cc === c);
  }

  ccText(c: CM): string {
    return this.ccParas(c)
      .map((p) => this.api(p))
      .join('\r');
  }

  bodyTextOf(p: PM): string {
    const marks = this.comments.filter((c) => c.p === p).map((c) => this.apiToRaw(p, c.end));
    if (!marks.length) return p.text;
    marks.sort((x, y) => y - x);
    let t = p.text;
    for (const m of marks) t = t.slice(0, m) + '\x05' + t.slice(m);
    return t;
  }

  apiToRaw(p: PM, off: number): number {
    let n = 0;
    let i = 0;
    for (; i < p.text.length; i++) {
      if (this.omits.includes(p.text[i] as string)) continue;
      if (n === off) return i;
      n++;
    }
    return i;
  }

  index(p: PM): number {
    const i = this.paras.indexOf(p);
    if (i < 0) throw new StandinError('ItemNotFound', 'The paragraph no longer exists.');
    return i;
  }

  rangeParas(r: RangeM): PM[] {
    const a = this.index(r.a);
    const b = this.index(r.b);
    return this.paras.slice(Math.min(a, b), Math.max(a, b) + 1);
  }

  rangeText(r: RangeM): string {
    const ps = this.rangeParas(r);
    if (ps.length === 1) return this.api(r.a).slice(r.ao, r.bo);
    return ps
      .map((p, i) => {
        const t = this.api(p);
        if (i === 0) return t.slice(r.ao);
        if (i === ps.length - 1) return t.slice(0, r.bo);
        return t;
      })
      .join('\r');
  }

  whole(p: PM): RangeM {
    return { a: p, ao: 0, b: p, bo: this.api(p).length };
  }

  search(r: RangeM, s: string, opts: { matchCase?: boolean } | undefined): RangeM[] {
    if (!s || s.length > this.searchLimit) {
      throw new StandinError('SearchStringInvalidOrTooLong', 'The search string is invalid or longer than 255 characters.');
    }
    const out: RangeM[] = [];
    // paragraph.search does not match strings holding \t or \v (office-js#2331), and "^" starts a Word
    // Find code (^p, ^t, ^? …) even without wildcards (word/search-option-guidance.md): the stand-in
    // finds nothing for either, so an adapter that sends them finds nothing either.
    if (/[\t\v^]/.test(s)) return out;
    for (const p of this.rangeParas(r)) {
      const t = this.api(p);
      const from = p === r.a ? r.ao : 0;
      const to = p === r.b ? r.bo : t.length;
      const hay = opts?.matchCase ? t : t.toLowerCase();
      const needle = opts?.matchCase ? s : s.toLowerCase();
      let i = hay.indexOf(needle, from);
      while (i >= 0 && i + needle.length <= to) {
        out.push({ a: p, ao: i, b: p, bo: i + needle.length });
        i = hay.indexOf(needle, i + needle.length);
      }
    }
    return out;
  }

  /** Insert a new paragraph after (or before) `ref`. */
  addParagraph(ref: PM, text: string, where: 'Before' | 'After', cc: CM | null): PM {
    const i = this.index(ref);
    const parts = text.split(/\r\n|\r|\n/);
    const created = parts.map((t) => ({ id: this.nextId++, text: t, cc, style: ref.style }));
    this.paras.splice(where === 'After' ? i + 1 : i, 0, ...created);
    return created[created.length - 1] as PM;
  }
}

// ---------------------------------------------------------------------------
// Proxies

type Op = () => void;

class Ctx {
  _queue: Op[] = [];
  document: DocumentP;
  trackedObjects = { add() {}, remove() {} };
  constructor(public _s: WordStandin) {
    this.document = new DocumentP(this);
  }
  async sync(): Promise<void> {
    const s = this._s;
    s.syncCount++;
    const ops = this._queue;
    this._queue = [];
    s.beforeSync?.(s.syncCount);
    await Promise.resolve();
    const failure = s.takeFailure();
    if (failure) throw failure;
    const partial = s.takePartialFailure();
    let n = 0;
    for (const op of ops) {
      if (partial && n >= partial.ops) throw partial.error; // what ran before stays done
      s.opCount++;
      n++;
      op(); // the first failing operation rejects the sync; the rest are not executed
    }
    if (partial) throw partial.error;
  }
  load(obj: { load(p?: unknown): unknown }, props?: unknown) {
    obj.load(props);
    return obj;
  }
}

function parseProps(props: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === 'string') return props.split(',').map((x) => x.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => parseProps(p));
  if (typeof props === 'object') {
    const sel = (props as { select?: unknown }).select;
    return parseProps(sel);
  }
  return [];
}

abstract class Obj<T> {
  _t: T | undefined;
  _loaded = new Map<string, unknown>();
  constructor(public context: Ctx) {}
  protected get s(): WordStandin {
    return this.context._s;
  }
  protected q(op: Op): void {
    this.context._queue.push(op);
  }
  protected t(): T {
    if (this._t === undefined) throw new StandinError('InvalidObjectPath', 'The object was never resolved.');
    return this._t;
  }
  protected v(name: string): any {
    if (!this._loaded.has(name)) {
      throw new StandinError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._loaded.get(name);
  }
  load(props?: unknown): this {
    const names = parseProps(props);
    this.q(() => this._fill(names));
    return this;
  }
  abstract _fill(names: string[]): void;
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

class DocumentP extends Obj<true> {
  body: BodyP;
  onParagraphChanged: EventHandlersP;
  onParagraphAdded: EventHandlersP;
  onParagraphDeleted: EventHandlersP;
  constructor(ctx: Ctx) {
    super(ctx);
    this._t = true;
    this.body = new BodyP(ctx);
    this.onParagraphChanged = new EventHandlersP(ctx, 'changed');
    this.onParagraphAdded = new EventHandlersP(ctx, 'added');
    this.onParagraphDeleted = new EventHandlersP(ctx, 'deleted');
  }
  _fill(): void {}
  getSelection(): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      r._t = { ...this.s.selection };
    });
    return r;
  }
}

class EventHandlersP {
  constructor(
    private ctx: Ctx,
    private kind: 'changed' | 'added' | 'deleted',
  ) {}
  add(handler: (args: any) => unknown) {
    const s = this.ctx._s;
    const entry = { kind: this.kind, handler };
    this.ctx._queue.push(() => {
      s.requireApi('1.6', 'Paragraph events');
      s.paragraphHandlers.push(entry);
    });
    const ctx = this.ctx;
    return {
      context: ctx,
      remove() {
        ctx._queue.push(() => {
          s.paragraphHandlers = s.paragraphHandlers.filter((h) => h !== entry);
        });
      },
    };
  }
}

class BodyP extends Obj<true> {
  private _paragraphs: ParagraphCollectionP | undefined;
  private _ccs: ContentControlCollectionP | undefined;
  constructor(ctx: Ctx) {
    super(ctx);
    this._t = true;
  }
  get text(): string {
    return this.v('text');
  }
  _fill(names: string[]): void {
    if (!names.length || names.includes('text')) this._loaded.set('text', this.s.bodyText());
  }
  get paragraphs(): ParagraphCollectionP {
    if (!this._paragraphs) {
      const c = new ParagraphCollectionP(this.context, () => this.s.paras.slice());
      this._paragraphs = c;
    }
    return this._paragraphs;
  }
  get contentControls(): ContentControlCollectionP {
    if (!this._ccs) this._ccs = new ContentControlCollectionP(this.context, () => this.s.ccList());
    return this._ccs;
  }
  insertParagraph(text: string, where: string): ParagraphP {
    const p = new ParagraphP(this.context);
    this.q(() => {
      const s = this.s;
      if (where === 'End') p._t = s.addParagraph(s.paras[s.paras.length - 1] as PM, text, 'After', null);
      else if (where === 'Start') p._t = s.addParagraph(s.paras[0] as PM, text, 'Before', null);
      else throw new StandinError('InvalidArgument', `Body.insertParagraph: ${where}`);
      p._t.style = 'Normal';
    });
    return p;
  }
  getRange(where = 'Whole'): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      const s = this.s;
      const first = s.paras[0] as PM;
      const last = s.paras[s.paras.length - 1] as PM;
      const end = s.api(last).length;
      if (where === 'Start') r._t = { a: first, ao: 0, b: first, bo: 0 };
      else if (where === 'End') r._t = { a: last, ao: end, b: last, bo: end };
      else r._t = { a: first, ao: 0, b: last, bo: end };
    });
    return r;
  }
  search(text: string, opts?: { matchCase?: boolean }): RangeCollectionP {
    return this.getRange('Whole').search(text, opts);
  }
  /** WordApi 1.4 (Body.getReviewedText reference): 'Current' leaves tracked deletions out. */
  getReviewedText(version: 'Current' | 'Original' = 'Current'): { value: string } {
    const res: { value: string; _v?: string } = {
      get value(): string {
        if (this._v === undefined) throw new StandinError('PropertyNotLoaded', 'The value of the result object has not been loaded yet.');
        return this._v;
      },
    };
    this.q(() => {
      this.s.requireApi('1.4', 'getReviewedText');
      res._v = version === 'Current' ? this.s.reviewedText() : this.s.bodyText();
    });
    return res;
  }
  /** WordApi 1.4 (Body.getComments reference): the comments with their content. */
  getComments(): CommentCollectionP {
    return new CommentCollectionP(this.context, () => {
      this.s.requireApi('1.4', 'getComments');
      return this.s.comments.slice();
    });
  }
}

class CommentCollectionP extends Obj<CommentM[]> {
  constructor(
    ctx: Ctx,
    private resolve: () => CommentM[],
  ) {
    super(ctx);
  }
  get items(): Array<{ content: string; id: string }> {
    return this.v('items');
  }
  _fill(): void {
    this._t = this.resolve();
    this._loaded.set(
      'items',
      this._t.map((c) => ({ content: c.text, id: String(c.id) })),
    );
  }
}

class ParagraphP extends Obj<PM> {
  get text(): string {
    return this.v('text');
  }
  get style(): string {
    return this.v('style');
  }
  set style(v: string) {
    this.q(() => {
      this.t().style = v;
    });
  }
  set styleBuiltIn(v: string) {
    this.q(() => {
      this.s.requireApi('1.3', 'styleBuiltIn');
      this.t().style = v;
    });
  }
  get isNullObject(): boolean {
    return this.v('isNullObject');
  }
  _fill(names: string[]): void {
    this._loaded.set('isNullObject', this._t === null);
    if (this._t === null) return;
    const p = this.t();
    if (!names.length || names.includes('text')) this._loaded.set('text', this.s.api(p));
    if (!names.length || names.includes('style')) this._loaded.set('style', p.style);
  }
  insertParagraph(text: string, where: 'Before' | 'After'): ParagraphP {
    const np = new ParagraphP(this.context);
    this.q(() => {
      const p = this.t();
      this.s.index(p);
      // A new paragraph next to one inside a content control stays inside it,
      // except after the control's last paragraph / before its first.
      let cc: CM | null = null;
      if (p.cc) {
        const cps = this.s.ccParas(p.cc);
        if ((where === 'After' && cps[cps.length - 1] !== p) || (where === 'Before' && cps[0] !== p)) cc = p.cc;
      }
      np._t = this.s.addParagraph(p, text, where, cc);
    });
    return np;
  }
  insertContentControl(): ContentControlP {
    const cc = new ContentControlP(this.context);
    this.q(() => {
      const p = this.t();
      const m: CM = { id: this.s.newId(), tag: '', title: '', appearance: 'BoundingBox' };
      if (p.cc) throw new StandinError('GeneralException', 'The stand-in does not nest content controls.');
      p.cc = m;
      cc._t = m;
    });
    return cc;
  }
  getRange(where = 'Whole'): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      this.s.requireApi('1.3', 'Paragraph.getRange');
      const p = this.t();
      const len = this.s.api(p).length;
      if (where === 'Start') r._t = { a: p, ao: 0, b: p, bo: 0 };
      else if (where === 'End') r._t = { a: p, ao: len, b: p, bo: len };
      else r._t = { a: p, ao: 0, b: p, bo: len };
    });
    return r;
  }
  search(text: string, opts?: { matchCase?: boolean }): RangeCollectionP {
    return new RangeCollectionP(this.context, () => this.s.search(this.s.whole(this.t()), text, opts));
  }
  select(): void {
    this.q(() => {
      this.s.selection = this.s.whole(this.t());
    });
  }
  getNextOrNullObject(): ParagraphP {
    const n = new ParagraphP(this.context);
    this.q(() => {
      this.s.requireApi('1.3', 'getNextOrNullObject');
      const i = this.s.index(this.t());
      n._t = (this.s.paras[i + 1] ?? null) as PM;
    });
    return n;
  }
  get parentContentControlOrNullObject(): ContentControlP {
    const c = new ContentControlP(this.context);
    this.q(() => {
      this.s.requireApi('1.3', 'parentContentControlOrNullObject');
      c._t = (this.t().cc ?? null) as CM;
    });
    return c;
  }
}

class ParagraphCollectionP extends Obj<PM[]> {
  constructor(
    ctx: Ctx,
    private resolveAll: () => PM[],
  ) {
    super(ctx);
  }
  get items(): ParagraphP[] {
    return this.v('items');
  }
  _fill(names: string[]): void {
    const ps = this.resolveAll();
    this._t = ps;
    const sub = names.map((n) => n.replace(/^items\//, ''));
    this._loaded.set(
      'items',
      ps.map((p) => {
        const pp = new ParagraphP(this.context);
        pp._t = p;
        pp._fill(sub);
        return pp;
      }),
    );
  }
  private pick(which: 'first' | 'last', orNull: boolean): ParagraphP {
    const p = new ParagraphP(this.context);
    this.q(() => {
      const ps = this.resolveAll();
      const x = which === 'first' ? ps[0] : ps[ps.length - 1];
      if (!x && !orNull) throw new StandinError('ItemNotFound', 'The collection is empty.');
      p._t = (x ?? null) as PM;
    });
    return p;
  }
  getFirst(): ParagraphP {
    return this.pick('first', false);
  }
  getLast(): ParagraphP {
    return this.pick('last', false);
  }
  getFirstOrNullObject(): ParagraphP {
    return this.pick('first', true);
  }
  getLastOrNullObject(): ParagraphP {
    return this.pick('last', true);
  }
}

class RangeP extends Obj<RangeM> {
  get text(): string {
    return this.v('text');
  }
  get isNullObject(): boolean {
    return this.v('isNullObject');
  }
  _fill(names: string[]): void {
    this._loaded.set('isNullObject', this._t === null);
    if (this._t === null) return;
    if (!names.length || names.includes('text')) this._loaded.set('text', this.s.rangeText(this.t()));
  }
  select(): void {
    this.q(() => {
      this.s.selection = { ...this.t() };
    });
  }
  insertComment(text: string): { load(): unknown } {
    this.q(() => {
      this.s.requireApi('1.4', 'insertComment');
      const r = this.t();
      if (r.a !== r.b) throw new StandinError('GeneralException', 'The stand-in only comments within a paragraph.');
      this.s.comments.push({ id: this.s.newId(), p: r.a, start: r.ao, end: r.bo, text });
    });
    return { load: () => undefined };
  }
  search(text: string, opts?: { matchCase?: boolean }): RangeCollectionP {
    return new RangeCollectionP(this.context, () => this.s.search(this.t(), text, opts));
  }
  expandTo(other: RangeP): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      this.s.requireApi('1.3', 'Range.expandTo');
      const x = this.t();
      const y = other.t();
      const s = this.s;
      const before = (p: PM, o: number, q: PM, qo: number) => s.index(p) < s.index(q) || (p === q && o <= qo);
      const start = before(x.a, x.ao, y.a, y.ao) ? { p: x.a, o: x.ao } : { p: y.a, o: y.ao };
      const end = before(x.b, x.bo, y.b, y.bo) ? { p: y.b, o: y.bo } : { p: x.b, o: x.bo };
      r._t = { a: start.p, ao: start.o, b: end.p, bo: end.o };
    });
    return r;
  }
  get paragraphs(): ParagraphCollectionP {
    return new ParagraphCollectionP(this.context, () => this.s.rangeParas(this.t()));
  }
}

class RangeCollectionP extends Obj<RangeM[]> {
  constructor(
    ctx: Ctx,
    private find: () => RangeM[],
  ) {
    super(ctx);
  }
  private found(): RangeM[] {
    if (this._t === undefined) this._t = this.find();
    return this._t;
  }
  get items(): RangeP[] {
    return this.v('items');
  }
  _fill(names: string[]): void {
    const sub = names.map((n) => n.replace(/^items\//, ''));
    this._loaded.set(
      'items',
      this.found().map((m) => {
        const r = new RangeP(this.context);
        r._t = m;
        r._fill(sub);
        return r;
      }),
    );
  }
  getFirst(): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      const f = this.found()[0];
      if (!f) throw new StandinError('ItemNotFound', 'The requested resource does not exist.');
      r._t = f;
    });
    return r;
  }
  getFirstOrNullObject(): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      r._t = (this.found()[0] ?? null) as RangeM;
    });
    return r;
  }
}

class ContentControlP extends Obj<CM> {
  get tag(): string {
    return this.v('tag');
  }
  set tag(v: string) {
    this.q(() => {
      this.t().tag = v;
    });
  }
  get title(): string {
    return this.v('title');
  }
  set title(v: string) {
    this.q(() => {
      this.t().title = v;
    });
  }
  set appearance(v: string) {
    this.q(() => {
      this.t().appearance = v;
    });
  }
  get text(): string {
    return this.v('text');
  }
  get id(): number {
    return this.v('id');
  }
  get isNullObject(): boolean {
    return this.v('isNullObject');
  }
  _fill(names: string[]): void {
    this._loaded.set('isNullObject', this._t === null);
    if (this._t === null) return;
    const c = this.t();
    const all = !names.length;
    if (all || names.includes('tag')) this._loaded.set('tag', c.tag);
    if (all || names.includes('title')) this._loaded.set('title', c.title);
    if (all || names.includes('text')) this._loaded.set('text', this.s.ccText(c));
    if (all || names.includes('id')) this._loaded.set('id', c.id);
  }
  private alive(): PM[] {
    const ps = this.s.ccParas(this.t());
    if (!ps.length) throw new StandinError('ItemNotFound', 'The content control no longer exists.');
    return ps;
  }
  insertText(text: string, where: string): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      const ps = this.alive();
      const first = ps[0] as PM;
      const last = ps[ps.length - 1] as PM;
      if (where === 'Replace') {
        for (const p of ps.slice(1)) this.s.paras.splice(this.s.paras.indexOf(p), 1);
        this.s.comments = this.s.comments.filter((c) => !ps.includes(c.p));
        const lines = text.split(/\r\n|\r|\n/);
        first.text = lines[0] as string;
        let prev = first;
        for (const l of lines.slice(1)) prev = this.s.addParagraph(prev, l, 'After', this.t());
        r._t = { a: first, ao: 0, b: prev, bo: this.s.api(prev).length };
      } else if (where === 'End') {
        last.text += text;
        r._t = this.s.whole(last);
      } else if (where === 'Start') {
        first.text = text + first.text;
        r._t = this.s.whole(first);
      } else throw new StandinError('InvalidArgument', `ContentControl.insertText: ${where}`);
    });
    return r;
  }
  insertParagraph(text: string, where: string): ParagraphP {
    const p = new ParagraphP(this.context);
    this.q(() => {
      const ps = this.alive();
      const c = this.t();
      if (where === 'End') p._t = this.s.addParagraph(ps[ps.length - 1] as PM, text, 'After', c);
      else if (where === 'Start') p._t = this.s.addParagraph(ps[0] as PM, text, 'Before', c);
      else if (where === 'After') p._t = this.s.addParagraph(ps[ps.length - 1] as PM, text, 'After', null);
      else if (where === 'Before') p._t = this.s.addParagraph(ps[0] as PM, text, 'Before', null);
      else throw new StandinError('InvalidArgument', `ContentControl.insertParagraph: ${where}`);
    });
    return p;
  }
  clear(): void {
    this.q(() => {
      const ps = this.alive();
      for (const p of ps.slice(1)) this.s.paras.splice(this.s.paras.indexOf(p), 1);
      (ps[0] as PM).text = '';
    });
  }
  delete(keepContent: boolean): void {
    this.q(() => {
      const ps = this.alive();
      if (keepContent) for (const p of ps) p.cc = null;
      else {
        for (const p of ps) this.s.paras.splice(this.s.paras.indexOf(p), 1);
        this.s.comments = this.s.comments.filter((c) => !ps.includes(c.p));
        if (!this.s.paras.length) this.s.paras.push({ id: this.s.newId(), text: '', cc: null, style: 'Normal' });
      }
    });
  }
  get paragraphs(): ParagraphCollectionP {
    return new ParagraphCollectionP(this.context, () => this.s.ccParas(this.t()));
  }
  getRange(where = 'Whole'): RangeP {
    const r = new RangeP(this.context);
    this.q(() => {
      const ps = this.alive();
      const first = ps[0] as PM;
      const last = ps[ps.length - 1] as PM;
      const end = this.s.api(last).length;
      if (where === 'Start') r._t = { a: first, ao: 0, b: first, bo: 0 };
      else if (where === 'End') r._t = { a: last, ao: end, b: last, bo: end };
      else r._t = { a: first, ao: 0, b: last, bo: end };
    });
    return r;
  }
  select(): void {
    this.q(() => {
      this.s.selection = { ...(this.getRangeM()) };
    });
  }
  private getRangeM(): RangeM {
    const ps = this.alive();
    const last = ps[ps.length - 1] as PM;
    return { a: ps[0] as PM, ao: 0, b: last, bo: this.s.api(last).length };
  }
}

class ContentControlCollectionP extends Obj<CM[]> {
  constructor(
    ctx: Ctx,
    private resolveAll: () => CM[],
  ) {
    super(ctx);
  }
  get items(): ContentControlP[] {
    return this.v('items');
  }
  _fill(names: string[]): void {
    const cs = this.resolveAll();
    this._t = cs;
    const sub = names.map((n) => n.replace(/^items\//, ''));
    this._loaded.set(
      'items',
      cs.map((c) => {
        const p = new ContentControlP(this.context);
        p._t = c;
        p._fill(sub);
        return p;
      }),
    );
  }
  /** Throws ItemNotFound on sync when no control has this id (as Word does). */
  getById(id: number): ContentControlP {
    const p = new ContentControlP(this.context);
    this.q(() => {
      const c = this.s.ccList().find((x) => x.id === id);
      if (!c) throw new StandinError('ItemNotFound', 'The requested resource does not exist.');
      p._t = c;
    });
    return p;
  }
  getByIdOrNullObject(id: number): ContentControlP {
    const p = new ContentControlP(this.context);
    this.q(() => {
      p._t = (this.s.ccList().find((x) => x.id === id) ?? null) as CM;
    });
    return p;
  }
  getByTag(tag: string): ContentControlCollectionP {
    return new ContentControlCollectionP(this.context, () => this.resolveAll().filter((c) => c.tag === tag));
  }
  getFirst(): ContentControlP {
    const p = new ContentControlP(this.context);
    this.q(() => {
      const c = this.resolveAll()[0];
      if (!c) throw new StandinError('ItemNotFound', 'The collection is empty.');
      p._t = c;
    });
    return p;
  }
  getFirstOrNullObject(): ContentControlP {
    const p = new ContentControlP(this.context);
    this.q(() => {
      p._t = (this.resolveAll()[0] ?? null) as CM;
    });
    return p;
  }
}

// ---------------------------------------------------------------------------
// Globals

function asyncResult<T>(value: T, error?: { name: string; message: string; code: number }) {
  return error
    ? { status: 'failed', value: undefined, error, asyncContext: undefined, diagnostics: undefined }
    : { status: 'succeeded', value, error: undefined, asyncContext: undefined, diagnostics: undefined };
}

/** Office enums shared by both stand-ins. */
export function officeEnums(): Record<string, unknown> {
  return {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html', Ooxml: 'ooxml' },
    EventType: { DocumentSelectionChanged: 'documentSelectionChanged', ItemChanged: 'olkItemSelectedChanged' },
    HostType: { Word: 'Word', Outlook: 'Outlook' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  };
}

/**
 * Install a Word stand-in on `globalObj` (globalThis in jest, window in a
 * browser page): sets globalObj.Office and globalObj.Word. Returns the handle
 * tests use to inspect the document and inject faults.
 */
export function installWordStandin(
  globalObj: Record<string, any>,
  initial: Array<string | StandinParagraphInit> | WordStandinOptions,
): WordStandin {
  const opts: WordStandinOptions = Array.isArray(initial) ? { paragraphs: initial } : initial;
  const s = new WordStandin(opts);
  const settings = {
    get(name: string): unknown {
      return name in s.workingSettings ? clone(s.workingSettings[name]) : null;
    },
    set(name: string, value: unknown): void {
      s.workingSettings[name] = clone(value);
    },
    remove(name: string): void {
      delete s.workingSettings[name];
    },
    saveAsync(a?: unknown, b?: unknown): void {
      const cb = (typeof a === 'function' ? a : b) as ((r: unknown) => void) | undefined;
      s.saveAsyncCount++;
      s.savedSettings = clone(s.workingSettings);
      void Promise.resolve().then(() => cb?.(asyncResult(undefined)));
    },
    refreshAsync(cb?: (r: unknown) => void): void {
      s.workingSettings = clone(s.savedSettings);
      void Promise.resolve().then(() => cb?.(asyncResult(settings)));
    },
  };
  const document: Record<string, unknown> = { settings, mode: 'readWrite', url: 'standin.docx' };
  if (!opts.noSelectionEvents) {
    document.addHandlerAsync = (type: string, handler: () => void, a?: unknown, b?: unknown) => {
      const cb = (typeof a === 'function' ? a : b) as ((r: unknown) => void) | undefined;
      if (type === 'documentSelectionChanged') s.selectionHandlers.push(handler);
      void Promise.resolve().then(() => cb?.(asyncResult(undefined)));
    };
    document.removeHandlerAsync = (type: string, o?: { handler?: () => void }, cb?: (r: unknown) => void) => {
      if (type === 'documentSelectionChanged') s.selectionHandlers = s.selectionHandlers.filter((h) => o?.handler && h !== o.handler);
      void Promise.resolve().then(() => cb?.(asyncResult(undefined)));
    };
  }
  globalObj.Office = {
    ...officeEnums(),
    context: {
      host: 'Word',
      platform: 'PC',
      displayLanguage: 'da-DK',
      requirements: { isSetSupported: (name: string, version?: string) => s.isSetSupported(name, version) },
      document,
    },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Word', platform: 'PC' };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  globalObj.Word = {
    InsertLocation: { before: 'Before', after: 'After', start: 'Start', end: 'End', replace: 'Replace' },
    run(a: unknown, b?: unknown) {
      const batch = (typeof a === 'function' ? a : b) as (ctx: Ctx) => Promise<unknown>;
      s.runCount++;
      const ctx = new Ctx(s);
      return (async () => {
        try {
          return await batch(ctx);
        } finally {
          s.unsyncedOps += ctx._queue.length;
        }
      })();
    },
    RequestContext: Ctx,
  };
  return s;
}

function stripRanges(t: string, ranges: Array<[number, number]>): string {
  let out = '';
  for (let i = 0; i < t.length; i++) if (!ranges.some(([a, b]) => i >= a && i < b)) out += t[i];
  return out;
}
