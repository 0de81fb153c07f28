/* eslint-disable @typescript-eslint/no-explicit-any */
import { clone, cmpVersion } from './util';
/**
 * An in-memory stand-in for the Outlook (Mailbox) Office.js API, written for
 * this project: one mail item with a text or HTML body and a cursor, in
 * compose or read mode, roaming settings, recipients and the ItemChanged event.
 * Every async call is counted (per method too) and can be made to fail.
 *
 * No Node imports: the same file is bundled into a browser page by
 * test/standins/browser-entry.ts.
 *
 * The cursor is an offset into the body string (HTML source in HTML mode). In
 * the initial body, the token "|CURSOR|" marks it (and is removed); otherwise
 * it sits before </body> (HTML) or at the end (text).
 */

export interface OutlookStandinOptions {
  mode?: 'compose' | 'read';
  bodyType?: 'html' | 'text';
  body?: string;
  /** Line breaks getAsync(Text) hands over: '\r\n' as Outlook desktop (default), '\n' as Outlook on the web. */
  lineBreak?: '\n' | '\r\n';
  to?: string[];
  cc?: string[];
  bcc?: string[];
  /** Highest Mailbox requirement set; default "1.8". */
  mailbox?: string;
  roamingSettings?: Record<string, unknown>;
  /** Mimic Outlook prefixing element ids with "x_" when it hands HTML back. */
  prefixIds?: boolean;
  /**
   * The cursor never reached the body (or the body lost focus): setSelectedDataAsync inserts at
   * the top of the body (Body.setSelectedDataAsync reference; outlook/insert-data-in-the-body.md).
   */
  neverFocused?: boolean;
  /**
   * Outlook on the web and new Outlook: in a plain-text body, setSelectedDataAsync also deletes the
   * character after the cursor (office-js#3905, open). Default: on for the web's line breaks ('\n').
   */
  eatsNextChar?: boolean;
  /**
   * What the client does to HTML given to setAsync: getAsync(Html) → setAsync(Html) "won't necessarily be
   * the exact same value" (Body.getAsync reference; office-js#6944, #5482). Default: stored verbatim.
   */
  rewriteHtmlOnSet?: (html: string) => string;
}

/** Marks a selection in the initial body: "|SEL|selected text|/SEL|" (setSelectedDataAsync replaces it). */
export const SEL_START = '|SEL|';
export const SEL_END = '|/SEL|';
/** Roaming settings: 32 KB for all of an add-in's settings (limits-for-activation-and-javascript-api-for-outlook-add-ins.md). */
export const ROAMING_LIMIT = 32 * 1024;

export const CURSOR_TOKEN = '|CURSOR|';


const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** A rough HTML → text conversion, as Outlook's getAsync(Text) does. */
export function htmlToText(html: string, lineBreak: string): string {
  let s = html.replace(/<head\b[\s\S]*?<\/head>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  s = s.replace(/\n+$/, '');
  return lineBreak === '\n' ? s : s.replace(/\n/g, lineBreak);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

interface Failure {
  method: string | null;
  name: string;
  code: number;
  message: string;
}

export class OutlookStandin {
  mode: 'compose' | 'read';
  bodyType: 'html' | 'text';
  body: string;
  cursor: number;
  /** End of the user's selection (== cursor when nothing is selected). */
  selectionEnd: number;
  neverFocused: boolean;
  eatsNextChar: boolean;
  rewriteHtmlOnSet: (html: string) => string;
  lineBreak: '\n' | '\r\n';
  to: string[];
  cc: string[];
  bcc: string[];
  mailboxVersion: string;
  prefixIds: boolean;
  /** Every async call. */
  asyncCalls = 0;
  callsByMethod: Record<string, number> = {};
  savedSettings: Record<string, unknown>;
  workingSettings: Record<string, unknown>;
  itemChangedHandlers: Array<(args: unknown) => void> = [];
  private failures: Failure[] = [];
  /** The current item object (replaced by switchItem). */
  item: any;

  constructor(opts: OutlookStandinOptions) {
    this.mode = opts.mode ?? 'compose';
    this.bodyType = opts.bodyType ?? 'html';
    let body = opts.body ?? (this.bodyType === 'html' ? '<html><body><div></div></body></html>' : '');
    const c = body.indexOf(CURSOR_TOKEN);
    if (c >= 0) body = body.slice(0, c) + body.slice(c + CURSOR_TOKEN.length);
    const ss = body.indexOf(SEL_START);
    let selEnd = -1;
    if (ss >= 0) {
      body = body.slice(0, ss) + body.slice(ss + SEL_START.length);
      selEnd = body.indexOf(SEL_END);
      body = body.slice(0, selEnd) + body.slice(selEnd + SEL_END.length);
    }
    this.body = body;
    this.cursor = ss >= 0 ? ss : c >= 0 ? c : this.defaultCursor();
    this.selectionEnd = ss >= 0 ? selEnd : this.cursor;
    this.lineBreak = opts.lineBreak ?? '\r\n';
    this.neverFocused = !!opts.neverFocused;
    this.eatsNextChar = opts.eatsNextChar ?? this.lineBreak === '\n';
    this.rewriteHtmlOnSet = opts.rewriteHtmlOnSet ?? ((h) => h);
    this.to = opts.to ?? [];
    this.cc = opts.cc ?? [];
    this.bcc = opts.bcc ?? [];
    this.mailboxVersion = opts.mailbox ?? '1.8';
    this.prefixIds = !!opts.prefixIds;
    this.savedSettings = clone(opts.roamingSettings ?? {});
    this.workingSettings = clone(this.savedSettings);
  }

  defaultCursor(): number {
    if (this.bodyType === 'html') {
      const i = this.body.search(/<\/body\s*>/i);
      return i >= 0 ? i : this.body.length;
    }
    return this.body.length;
  }

  /** The body as getAsync(Text) hands it over. */
  text(): string {
    if (this.bodyType === 'html') return htmlToText(this.body, this.lineBreak);
    return this.body.replace(/\r\n|\n/g, this.lineBreak);
  }

  /** The user types `text` at offset `at` of the body source (the cursor moves along as in an editor). */
  typeAt(at: number, text: string): void {
    this.body = this.body.slice(0, at) + text + this.body.slice(at);
    if (this.cursor >= at) this.cursor += text.length;
    if (this.selectionEnd >= at) this.selectionEnd += text.length;
  }

  /** The next async call (of this method, or any) fails. */
  failNext(method: string | null = null, name = 'GenericResponseError', code = 9020, message = 'Outlook svarede ikke'): void {
    this.failures.push({ method, name, code, message });
  }

  isSetSupported(name: string, version?: string): boolean {
    if (name.toLowerCase() !== 'mailbox') return false;
    return version === undefined || cmpVersion(version, this.mailboxVersion) <= 0;
  }

  /** Simulate the user selecting another mail (pinned pane): fires ItemChanged. */
  switchItem(opts: Partial<Pick<OutlookStandinOptions, 'mode' | 'bodyType' | 'body'>>): void {
    if (opts.mode) this.mode = opts.mode;
    if (opts.bodyType) this.bodyType = opts.bodyType;
    if (opts.body !== undefined) {
      this.body = opts.body;
      this.cursor = this.defaultCursor();
      this.selectionEnd = this.cursor;
    }
    this.item = makeItem(this);
    for (const h of this.itemChangedHandlers) h({ type: 'olkItemSelectedChanged' });
  }

  /** Run an async Office call: counts it, maybe fails it, answers on a later microtask. */
  call<T>(method: string, cb: ((r: any) => void) | undefined, work: () => T, asyncContext?: unknown): void {
    this.asyncCalls++;
    this.callsByMethod[method] = (this.callsByMethod[method] ?? 0) + 1;
    const fi = this.failures.findIndex((f) => f.method === null || f.method === method);
    let result: any;
    if (fi >= 0) {
      const [f] = this.failures.splice(fi, 1);
      result = { status: 'failed', error: { name: f!.name, code: f!.code, message: f!.message }, value: undefined, asyncContext };
    } else {
      try {
        result = { status: 'succeeded', value: work(), error: undefined, asyncContext };
      } catch (e) {
        const err = e as { name?: string; code?: number; message?: string };
        result = { status: 'failed', error: { name: err.name ?? 'Error', code: err.code ?? 5001, message: err.message ?? String(e) }, value: undefined, asyncContext };
      }
    }
    void Promise.resolve().then(() => cb?.(result));
  }
}

function officeError(name: string, code: number, message: string): Error {
  const e = new Error(message) as Error & { code: number };
  e.name = name;
  e.code = code;
  return e;
}

/** Split the Common API's (data?, options?, callback?) argument forms. */
function args(a: unknown, b: unknown): { options: Record<string, any>; cb: ((r: any) => void) | undefined } {
  if (typeof a === 'function') return { options: {}, cb: a as (r: any) => void };
  return { options: (a as Record<string, any>) ?? {}, cb: b as ((r: any) => void) | undefined };
}

function recipients(s: OutlookStandin, field: 'to' | 'cc' | 'bcc') {
  const details = () => s[field].map((a) => ({ emailAddress: a, displayName: a.split('@')[0], recipientType: 'other' }));
  if (s.mode === 'read') return field === 'bcc' ? undefined : details();
  return {
    getAsync(a?: unknown, b?: unknown) {
      const { cb, options } = args(a, b);
      s.call(`${field}.getAsync`, cb, details, options.asyncContext);
    },
    setAsync(list: string[], a?: unknown, b?: unknown) {
      const { cb, options } = args(a, b);
      s.call(`${field}.setAsync`, cb, () => {
        s[field] = list.slice();
      }, options.asyncContext);
    },
  };
}

function makeItem(s: OutlookStandin): any {
  const getAsync = (coercion: string, a?: unknown, b?: unknown) => {
    const { cb, options } = args(a, b);
    s.call('body.getAsync', cb, () => {
      if (coercion === 'html') {
        if (s.bodyType !== 'html') return escapeText(s.body);
        return s.prefixIds ? s.body.replace(/\bid=(["'])(?!x_)/gi, 'id=$1x_') : s.body;
      }
      if (coercion === 'text') return s.text();
      throw officeError('InvalidCoercion', 1000, `coercion ${coercion}`);
    }, options.asyncContext);
  };
  const body: Record<string, unknown> = { getAsync };
  if (s.mode === 'compose') {
    body.getTypeAsync = (a?: unknown, b?: unknown) => {
      const { cb, options } = args(a, b);
      s.call('body.getTypeAsync', cb, () => s.bodyType, options.asyncContext);
    };
    body.setSelectedDataAsync = (data: string, a?: unknown, b?: unknown) => {
      const { cb, options } = args(a, b);
      s.call('body.setSelectedDataAsync', cb, () => {
        const coercion = options.coercionType ?? 'text';
        let ins: string;
        if (coercion === 'html') {
          if (s.bodyType !== 'html') throw officeError('InvalidDataFormat', 2006, 'HTML cannot go into a text body');
          ins = data;
        } else ins = s.bodyType === 'html' ? escapeText(data) : data.replace(/\r\n?/g, '\n');
        if (s.neverFocused) {
          // Never focused: at the top of the body.
          const open = /<body\b[^>]*>/i.exec(s.body);
          s.cursor = s.selectionEnd = s.bodyType === 'html' && open ? open.index + open[0].length : 0;
        }
        // A selection is replaced by the data (Body.setSelectedDataAsync reference).
        let tail = s.body.slice(s.selectionEnd);
        // office-js#3905: Outlook on the web / new Outlook, plain text: the next character goes too.
        if (s.bodyType === 'text' && coercion !== 'html' && s.eatsNextChar) tail = tail.slice(1);
        s.body = s.body.slice(0, s.cursor) + ins + tail;
        s.cursor += ins.length;
        s.selectionEnd = s.cursor;
      }, options.asyncContext);
    };
    body.setAsync = (data: string, a?: unknown, b?: unknown) => {
      const { cb, options } = args(a, b);
      s.call('body.setAsync', cb, () => {
        const coercion = options.coercionType ?? 'text';
        if (coercion === 'html' && s.bodyType !== 'html') throw officeError('InvalidDataFormat', 2006, 'HTML cannot go into a text body');
        // The client keeps its own line breaks: the stand-in stores text with \n.
        s.body = coercion === 'html' ? s.rewriteHtmlOnSet(data) : s.bodyType === 'text' ? data.replace(/\r\n?/g, '\n') : escapeText(data);
        // Where the cursor goes after the body is replaced is not documented; a real editor's cursor is
        // never inside a tag or the old text's offsets, so the stand-in puts it at the end of the body
        // (inference, to be checked on a device).
        s.cursor = s.defaultCursor();
        s.selectionEnd = s.cursor;
      }, options.asyncContext);
    };
    body.prependAsync = (data: string, a?: unknown, b?: unknown) => {
      const { cb, options } = args(a, b);
      s.call('body.prependAsync', cb, () => {
        s.body = data + s.body;
      }, options.asyncContext);
    };
  }
  /** Mailbox 1.2, compose: the selected text (Item.getSelectedDataAsync reference). */
  const getSelectedDataAsync = (coercion: string, a?: unknown, b?: unknown) => {
    const { cb, options } = args(a, b);
    s.call('getSelectedDataAsync', cb, () => {
      const raw = s.body.slice(s.cursor, s.selectionEnd);
      const data = coercion === 'html' || s.bodyType === 'text' ? raw : htmlToText(raw, s.lineBreak);
      return { data, sourceProperty: 'body', startPosition: s.cursor, endPosition: s.selectionEnd };
    }, options.asyncContext);
  };
  return {
    ...(s.mode === 'compose' && cmpVersion('1.2', s.mailboxVersion) <= 0 ? { getSelectedDataAsync } : {}),
    itemType: 'message',
    itemId: s.mode === 'read' ? 'AAMk-standin' : undefined,
    subject: s.mode === 'read' ? 'Jobplan' : { getAsync: (a?: unknown, b?: unknown) => s.call('subject.getAsync', args(a, b).cb, () => 'Jobplan') },
    body,
    to: recipients(s, 'to'),
    cc: recipients(s, 'cc'),
    bcc: recipients(s, 'bcc'),
  };
}

/**
 * Install an Outlook stand-in on `globalObj` (globalThis in jest, window in
 * a browser page): sets globalObj.Office. Returns the handle tests use.
 */
export function installOutlookStandin(globalObj: Record<string, any>, opts: OutlookStandinOptions = {}): OutlookStandin {
  const s = new OutlookStandin(opts);
  s.item = makeItem(s);
  const roamingSettings = {
    get(name: string): unknown {
      return name in s.workingSettings ? clone(s.workingSettings[name]) : undefined;
    },
    set(name: string, value: unknown): void {
      s.workingSettings[name] = clone(value);
    },
    remove(name: string): void {
      delete s.workingSettings[name];
    },
    saveAsync(cb?: (r: unknown) => void): void {
      s.call('roamingSettings.saveAsync', cb, () => {
        // 32 KB for all roaming settings; error 9057 (javascript-api-for-office-error-codes.md; office-js#258).
        if (JSON.stringify(s.workingSettings).length > ROAMING_LIMIT) {
          throw officeError('Size Limit Exceeded', 9057, 'The size of the data exceeds the roaming settings limit.');
        }
        s.savedSettings = clone(s.workingSettings);
      });
    },
  };
  const mailbox = {
    get item() {
      return s.item;
    },
    userProfile: { emailAddress: 'sagsbehandler@kommune.dk', displayName: 'Sagsbehandler' },
    diagnostics: { hostName: 'Outlook', hostVersion: '16.0' },
    addHandlerAsync(type: string, handler: (args: unknown) => void, a?: unknown, b?: unknown) {
      const { cb } = args(a, b);
      s.call('mailbox.addHandlerAsync', cb, () => {
        if (type === 'olkItemSelectedChanged') s.itemChangedHandlers.push(handler);
      });
    },
    removeHandlerAsync(type: string, a?: unknown, b?: unknown) {
      const { cb, options } = args(a, b);
      s.call('mailbox.removeHandlerAsync', cb, () => {
        if (type === 'olkItemSelectedChanged') {
          s.itemChangedHandlers = options.handler ? s.itemChangedHandlers.filter((h) => h !== options.handler) : [];
        }
      });
    },
  };
  globalObj.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: 'olkItemSelectedChanged', RecipientsChanged: 'olkRecipientsChanged' },
    HostType: { Outlook: 'Outlook' },
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' } },
    context: {
      host: 'Outlook',
      platform: 'PC',
      displayLanguage: 'da-DK',
      requirements: { isSetSupported: (name: string, version?: string) => s.isSetSupported(name, version) },
      mailbox,
      roamingSettings,
    },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Outlook', platform: 'PC' };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  return s;
}
