/* The demo's Outlook: Office.context.mailbox for one draft on the page, for the real adapter (src/hosts/outlook.ts). */
import { bodyInner, bodyText, pointAtTextOffset, textOffsetOf, type BodyType } from './dom-body';
import { ROAMING_LIMIT, type MailBehaviours } from './behaviours';
import { cmpVersion } from './requirement-sets';

/**
 * A draft in compose mode whose body is a contenteditable element of the page. It implements the
 * Office.context.mailbox.item calls the Outlook adapter and the Smart Alerts handler use — body.getAsync,
 * getTypeAsync, setSelectedDataAsync, setAsync, prependAsync; getSelectedDataAsync (Mailbox 1.2);
 * to/cc/bcc.getAsync; subject.getAsync — and roamingSettings, with Outlook's documented behaviours
 * (behaviours.ts) switchable. Callbacks come asynchronously, with an Office.AsyncResult.
 *
 * The cursor is the page's own: the last DOM Selection inside the body (document 'selectionchange'),
 * kept when focus moves to the pane, as Outlook keeps the draft's cursor. Where Microsoft documents
 * nothing, the choice is marked "inference".
 */

export interface ComposeFields {
  to(): string[];
  cc(): string[];
  bcc(): string[];
  subject(): string;
}

export interface DemoMailboxOptions {
  body: HTMLElement;
  bodyType: BodyType;
  fields: ComposeFields;
  /** Read on every call: switching a behaviour takes effect at once. */
  behaviours: () => MailBehaviours;
  roamingSettings?: Record<string, unknown>;
  /** Told of every async call (method name), e.g. to count them on the page. */
  onCall?: (method: string) => void;
}

interface AsyncResultLike<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name: string; code: number; message: string };
  asyncContext?: unknown;
}
type Callback<T> = (r: AsyncResultLike<T>) => void;

class OfficeError extends Error {
  constructor(
    name: string,
    public readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** The Common API's (options?, callback?) argument forms. */
function split(a: unknown, b: unknown): { options: Record<string, unknown>; cb: Callback<unknown> | undefined } {
  if (typeof a === 'function') return { options: {}, cb: a as Callback<unknown> };
  return { options: (a as Record<string, unknown>) ?? {}, cb: b as Callback<unknown> | undefined };
}

/** "Sara Holm <sara@post.example>" or a bare address → Office.EmailAddressDetails. */
export function parseAddress(s: string): { displayName: string; emailAddress: string; recipientType: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(s);
  const emailAddress = (m ? (m[2] as string) : s).trim();
  const displayName = m && m[1] ? (m[1] as string).replace(/^"|"$/g, '') : emailAddress;
  return { displayName, emailAddress, recipientType: 'other' };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * O4: what a client may do to HTML given to setAsync. Modelled on the reported harm (office-js#6944,
 * #6808: inline images of the signature and the quoted mail lost): every <img> is dropped.
 */
export function rewriteHtml(html: string): string {
  return html.replace(/<img\b[^>]*>/gi, '');
}

export class DemoMailbox {
  readonly body: HTMLElement;
  bodyType: BodyType;
  /** Every async call, in order (method names). */
  readonly calls: string[] = [];
  private saved: Range | null = null;
  /** The last HTML bodies getAsync handed out (O4). */
  private handedOut: string[] = [];
  private savedSettings: Record<string, unknown>;
  private workingSettings: Record<string, unknown>;
  private handlers: Array<(a: unknown) => void> = [];
  private readonly onSelection = () => this.trackSelection();
  readonly item: Record<string, unknown>;
  readonly office: Record<string, unknown>;

  constructor(private readonly opts: DemoMailboxOptions) {
    this.body = opts.body;
    this.bodyType = opts.bodyType;
    this.savedSettings = clone(opts.roamingSettings ?? {});
    this.workingSettings = clone(this.savedSettings);
    document.addEventListener('selectionchange', this.onSelection);
    this.item = this.makeItem();
    this.office = this.makeOffice();
  }

  dispose(): void {
    document.removeEventListener('selectionchange', this.onSelection);
  }

  get behaviours(): MailBehaviours {
    return this.opts.behaviours();
  }

  /** The roaming settings as last saved (what Outlook would keep). */
  get storedSettings(): Record<string, unknown> {
    return clone(this.savedSettings);
  }

  /** The last selection inside the body, or null when the cursor was never there. */
  cursor(): Range | null {
    const r = this.saved;
    return r && this.body.contains(r.startContainer) && this.body.contains(r.endContainer) ? r : null;
  }

  private trackSelection(): void {
    const sel = document.getSelection();
    if (!sel || !sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    if (this.body.contains(r.startContainer) && this.body.contains(r.endContainer)) this.saved = r.cloneRange();
  }

  /** Place the draft's cursor (and the page's selection) at a DOM range. */
  setCursor(r: Range): void {
    this.saved = r.cloneRange();
    const sel = document.getSelection();
    if (sel && document.activeElement === this.body) {
      sel.removeAllRanges();
      sel.addRange(r.cloneRange());
    }
  }

  /** Run one async Office call: counted, answered on a later task with an AsyncResult. */
  private call<T>(method: string, cb: Callback<T> | undefined, work: () => T, asyncContext?: unknown): void {
    this.calls.push(method);
    this.opts.onCall?.(method);
    let result: AsyncResultLike<T>;
    try {
      result = { status: 'succeeded', value: work(), asyncContext };
    } catch (e) {
      const err = e as { name?: string; code?: number; message?: string };
      result = { status: 'failed', value: undefined as T, error: { name: err.name ?? 'Error', code: err.code ?? 5001, message: err.message ?? String(e) }, asyncContext };
    }
    setTimeout(() => cb?.(result), 0);
  }

  /** body.getAsync: Text as the reader sees it with the client's line breaks (O6); Html as a whole document. */
  private readBody(coercion: string): string {
    if (coercion === 'text') {
      const t = bodyText(this.body);
      return this.behaviours.lineBreak === '\n' ? t : t.replace(/\n/g, '\r\n');
    }
    if (coercion === 'html') {
      const inner = this.bodyType === 'html' ? this.body.innerHTML : escapeHtml(bodyText(this.body)).replace(/\n/g, '<br>');
      const html = `<html><head><meta charset="utf-8"></head><body>${inner}</body></html>`;
      // O5: ids handed back with an "x_" prefix.
      const out = this.behaviours.prefixIds ? html.replace(/\bid=(["'])(?!x_)/gi, 'id=$1x_') : html;
      this.handedOut = [out, ...this.handedOut].slice(0, 4);
      return out;
    }
    throw new OfficeError('InvalidCoercion', 1000, `Ukendt format: ${coercion}`);
  }

  /** Nodes for data of a coercion in this body: HTML parsed; text as text (line breaks as <br> in an HTML body). */
  private fragment(range: Range, data: string, coercion: string): DocumentFragment {
    if (coercion === 'html') {
      // O7: HTML into a plain-text body is refused.
      if (this.bodyType !== 'html') throw new OfficeError('InvalidDataFormat', 2006, 'HTML kan ikke indsættes i en mail i ren tekst');
      return range.createContextualFragment(data);
    }
    const text = data.replace(/\r\n?/g, '\n');
    const frag = document.createDocumentFragment();
    if (this.bodyType === 'text') frag.appendChild(document.createTextNode(text));
    else
      text.split('\n').forEach((line, i) => {
        if (i) frag.appendChild(document.createElement('br'));
        if (line) frag.appendChild(document.createTextNode(line));
      });
    return frag;
  }

  /**
   * body.setSelectedDataAsync (Body.setSelectedDataAsync reference; office-fidelity O1, O2):
   * replaces the user's selection; with the cursor never in the body, inserts at the top of the body;
   * in a plain-text body, Outlook on the web also deletes the character after the cursor (office-js#3905).
   */
  private setSelected(data: string, coercion: string): void {
    const b = this.behaviours;
    const cur = this.cursor();
    const range = cur ? cur.cloneRange() : document.createRange();
    if (!cur) range.setStart(this.body, 0); // never focused: the top of the body
    if (!cur) range.collapse(true);
    const frag = this.fragment(range, data, coercion);
    if (b.replacesSelection) range.deleteContents();
    else range.collapse(false);
    if (this.bodyType === 'text' && coercion !== 'html' && b.eatsNextChar) deleteNextChar(this.body, range);
    const last = frag.lastChild;
    range.insertNode(frag);
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
    }
    this.setCursor(range);
  }

  /** body.setAsync: the whole body replaced; the cursor kept at the same place in the text (inference). */
  private setWhole(data: string, coercion: string): void {
    const cur = this.cursor();
    const at = cur ? textOffsetOf(this.body, cur.startContainer, cur.startOffset) : null;
    if (coercion === 'html') {
      if (this.bodyType !== 'html') throw new OfficeError('InvalidDataFormat', 2006, 'HTML kan ikke skrives i en mail i ren tekst');
      const inner = bodyInner(data);
      // O4: HTML the client handed out itself (an undo writing back what getAsync gave) is taken back as it was
      // (inference, as test/standins/outlook-standin.ts models it); other HTML is rewritten.
      const own = this.handedOut.includes(data);
      this.body.innerHTML = this.behaviours.rewriteHtmlOnSet && !own ? rewriteHtml(inner) : inner;
    } else if (this.bodyType === 'text') {
      this.body.textContent = data.replace(/\r\n?/g, '\n');
    } else {
      this.body.innerHTML = '';
      const r = document.createRange();
      r.selectNodeContents(this.body);
      this.body.appendChild(this.fragment(r, data, 'text'));
    }
    if (at !== null) {
      const p = pointAtTextOffset(this.body, at);
      const r = document.createRange();
      r.setStart(p.node, p.offset);
      r.collapse(true);
      this.setCursor(r);
    } else this.saved = null;
  }

  private prepend(data: string, coercion: string): void {
    const r = document.createRange();
    r.setStart(this.body, 0);
    r.collapse(true);
    r.insertNode(this.fragment(r, data, coercion));
  }

  private selectedData(coercion: string): { data: string; sourceProperty: string } {
    const cur = this.cursor();
    if (!cur) return { data: '', sourceProperty: 'body' };
    if (coercion === 'html') {
      const holder = document.createElement('div');
      holder.appendChild(cur.cloneContents());
      return { data: holder.innerHTML, sourceProperty: 'body' };
    }
    return { data: cur.toString(), sourceProperty: 'body' };
  }

  private makeItem(): Record<string, unknown> {
    const coercionOf = (options: Record<string, unknown>) => String(options['coercionType'] ?? 'text').toLowerCase();
    const body = {
      getAsync: (coercion: string, a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call('body.getAsync', cb, () => this.readBody(String(coercion).toLowerCase()), options['asyncContext']);
      },
      getTypeAsync: (a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call('body.getTypeAsync', cb, () => this.bodyType, options['asyncContext']);
      },
      setSelectedDataAsync: (data: string, a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call('body.setSelectedDataAsync', cb, () => this.setSelected(data, coercionOf(options)), options['asyncContext']);
      },
      setAsync: (data: string, a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call('body.setAsync', cb, () => this.setWhole(data, coercionOf(options)), options['asyncContext']);
      },
      prependAsync: (data: string, a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call('body.prependAsync', cb, () => this.prepend(data, coercionOf(options)), options['asyncContext']);
      },
    };
    const recipients = (field: 'to' | 'cc' | 'bcc') => ({
      getAsync: (a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call(`${field}.getAsync`, cb, () => this.opts.fields[field]().map(parseAddress), options['asyncContext']);
      },
    });
    const item: Record<string, unknown> = {
      itemType: 'message',
      body,
      subject: {
        getAsync: (a?: unknown, b?: unknown) => {
          const { cb, options } = split(a, b);
          this.call('subject.getAsync', cb, () => this.opts.fields.subject(), options['asyncContext']);
        },
      },
      to: recipients('to'),
      cc: recipients('cc'),
      bcc: recipients('bcc'),
    };
    // Mailbox 1.2 (Item.getSelectedDataAsync), unless the demo plays an older Outlook. A getter, so the switch acts at once.
    Object.defineProperty(item, 'getSelectedDataAsync', {
      enumerable: true,
      get: () =>
        this.behaviours.mailbox12
          ? (coercion: string, a?: unknown, b?: unknown) => {
              const { cb, options } = split(a, b);
              this.call('getSelectedDataAsync', cb, () => this.selectedData(String(coercion).toLowerCase()), options['asyncContext']);
            }
          : undefined,
    });
    return item;
  }

  private makeOffice(): Record<string, unknown> {
    const roamingSettings = {
      get: (name: string): unknown => (name in this.workingSettings ? clone(this.workingSettings[name]) : undefined),
      set: (name: string, value: unknown): void => {
        this.workingSettings[name] = clone(value);
      },
      remove: (name: string): void => {
        delete this.workingSettings[name];
      },
      saveAsync: (cb?: Callback<void>): void => {
        this.call('roamingSettings.saveAsync', cb, () => {
          // O9: 32 KB for all of an add-in's roaming settings; error 9057 (javascript-api-for-office-error-codes).
          if (this.behaviours.roamingCap && JSON.stringify(this.workingSettings).length > ROAMING_LIMIT) {
            throw new OfficeError('Size Limit Exceeded', 9057, 'The size of the data exceeds the roaming settings limit.');
          }
          this.savedSettings = clone(this.workingSettings);
        });
      },
    };
    const mailbox = {
      item: this.item,
      userProfile: { emailAddress: 'amv@jobcenter-nordby.dk', displayName: 'Anne-Marie Vestergaard' },
      diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'demo' },
      addHandlerAsync: (type: string, handler: (a: unknown) => void, a?: unknown, b?: unknown) => {
        const { cb } = split(a, b);
        this.call('mailbox.addHandlerAsync', cb, () => {
          if (type === 'olkItemSelectedChanged') this.handlers.push(handler);
        });
      },
      removeHandlerAsync: (type: string, a?: unknown, b?: unknown) => {
        const { cb, options } = split(a, b);
        this.call('mailbox.removeHandlerAsync', cb, () => {
          if (type === 'olkItemSelectedChanged') this.handlers = options['handler'] ? this.handlers.filter((h) => h !== options['handler']) : [];
        });
      },
    };
    const version = () => (this.behaviours.mailbox12 ? '1.12' : '1.1');
    return {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      CoercionType: { Text: 'text', Html: 'html' },
      EventType: { ItemChanged: 'olkItemSelectedChanged', RecipientsChanged: 'olkRecipientsChanged' },
      HostType: { Outlook: 'Outlook' },
      MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' } },
      context: {
        host: 'Outlook',
        platform: 'OfficeOnline',
        displayLanguage: 'da-DK',
        requirements: {
          isSetSupported: (name: string, v?: string) => name.toLowerCase() === 'mailbox' && (v === undefined || cmpVersion(v, version()) <= 0),
        },
        mailbox,
        roamingSettings,
      },
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Outlook', platform: 'OfficeOnline' };
        cb?.(info);
        return Promise.resolve(info);
      },
    };
  }
}

/** O2: the character after a collapsed range goes (office-js#3905): the next text character, or a <br>. */
function deleteNextChar(root: HTMLElement, range: Range): void {
  const at = textOffsetOf(root, range.startContainer, range.startOffset);
  let count = 0;
  let done = false;
  const walk = (n: Node): void => {
    if (done) return;
    if (n.nodeType === Node.TEXT_NODE) {
      const t = n as Text;
      if (count + t.data.length > at) {
        t.deleteData(at - count, 1);
        done = true;
      } else count += t.data.length;
      return;
    }
    if (!(n instanceof Element)) return;
    if (n.tagName === 'BR') {
      if (count === at) {
        n.remove();
        done = true;
      } else count += 1;
      return;
    }
    Array.from(n.childNodes).forEach(walk);
    if (!done && n !== root && /^(P|DIV|LI|H[1-6])$/.test(n.tagName)) count += 1;
  };
  walk(root);
}

/** Put the demo's Office on the page: the adapter reads the global Office, as in Outlook. */
export function installOffice(win: Window, mb: DemoMailbox): void {
  (win as unknown as { Office: unknown }).Office = mb.office;
}
