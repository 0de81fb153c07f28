import { MARK_CLOSE, MARK_OPEN, markerTag, CITE_TAG_PREFIX, type Span } from '../core';
import { HostError, type CommentRequest, type Host, type HostCapabilities, type InsertRequest, type InsertedItem } from './host';
import { planInsertions, type HostParagraph, type InsertTarget } from './insertion';
import { makeSnapshot, resolveSpan, type Snapshot } from './text-map';

/**
 * The browser demo's host: an in-page editable "document" made of paragraphs.
 *
 * - The document is a contenteditable element whose block children are the
 *   paragraphs; readText() joins their text with "\r", the paragraph mark Word's body.text
 *   hands over (one character, Chr(13): Word's Range.InsertAfter reference on learn.microsoft.com,
 *   "the paragraph mark is one character"; ../shared/notes/text-facts.md), so the engine reads the demo as it reads Word and re-analyses it paragraph by
 *   paragraph (core/incremental.ts cuts at a lone \r); stray text nodes count as paragraphs of
 *   their own; a <br> inside a paragraph reads as a space.
 * - Inserted suggestions are paragraphs of their own, non-editable, holding a
 *   span with data-jpe-tag whose text is MARK_OPEN + text + MARK_CLOSE.
 * - Where they go is decided by the same logic as in Word (insertion.ts, text-map.ts):
 *   a mention is found again in the current document even after earlier insertions moved
 *   it, every anchor is checked before anything is written, and what already stands after
 *   the mention's paragraph is not inserted twice.
 * - Comments are margin notes in a separate notes element.
 * - The reference list is one tagged block at the end, replaced in place; each line is marker-wrapped, as in Word.
 * - Settings live in memory only (never localStorage: privacy).
 */
export interface DemoHost extends Host {
  /** Replace the whole document with plain text (one paragraph per line) and clear the notes. */
  setText(text: string): void;
  /** Remove listeners and highlights. */
  dispose(): void;
}

export interface DemoHostOptions {
  /** Where comments go; created after the editor when absent. */
  notesElement?: HTMLElement;
}

const INSERTED_CLASS = 'jpe-inserted';
const KILDELISTE_CLASS = 'jpe-kildeliste';
const HIGHLIGHT_NAME = 'jpe-mention';

interface Segment {
  /** A text node, or null for a virtual character (a <br> read as a space). */
  node: Text | null;
  /** Offset of the node's first character in the document string. */
  start: number;
  length: number;
}

interface Layout {
  text: string;
  blocks: { node: Node; start: number; end: number }[];
  segments: Segment[];
}

function isBlock(el: Element): boolean {
  return /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|SECTION|ARTICLE|TABLE)$/.test(el.tagName);
}

export function createDemoHost(editor: HTMLElement, options: DemoHostOptions = {}): DemoHost {
  const doc = editor.ownerDocument;
  let notes = options.notesElement;
  if (!notes) {
    notes = doc.createElement('aside');
    notes.className = 'jpe-notes';
    notes.setAttribute('aria-label', 'Kommentarer');
    editor.insertAdjacentElement('afterend', notes);
  }
  const notesEl = notes;
  if (!editor.isContentEditable) editor.setAttribute('contenteditable', 'true');
  try {
    doc.execCommand('defaultParagraphSeparator', false, 'p');
  } catch {
    // Older engines: Enter makes <div>s, which read the same.
  }

  const listeners = new Set<() => void>();
  let settings: Record<string, unknown> = {};
  let commentCount = 0;
  /** Handles of inserted citations (data-jpe-id). */
  let insertedCount = 0;
  /** Last caret position inside the editor (for inserting "at the cursor"). */
  let lastCaretBlock: Node | null = null;
  /** What the last analyses read (newest first): spans index into their text. */
  let analysed: Snapshot[] = [];

  const fire = () => listeners.forEach((l) => l());
  const onInput = () => fire();
  const onSelectionChange = () => {
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount) return;
    const n = sel.getRangeAt(0).endContainer;
    if (!editor.contains(n) || n === editor) return;
    lastCaretBlock = topBlock(n);
  };
  editor.addEventListener('input', onInput);
  doc.addEventListener('selectionchange', onSelectionChange);

  /** The paragraph-level node that contains n (a child of the editor, or a paragraph of the reference list). */
  function topBlock(n: Node): Node | null {
    let cur: Node | null = n;
    while (cur && cur.parentNode && cur.parentNode !== editor) {
      const parent: Node = cur.parentNode;
      if (parent instanceof HTMLElement && parent.classList.contains(KILDELISTE_CLASS)) return cur;
      cur = parent;
    }
    return cur && cur.parentNode === editor ? cur : null;
  }

  function blockNodes(): Node[] {
    const out: Node[] = [];
    for (const child of Array.from(editor.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        if ((child.textContent ?? '').trim() !== '') out.push(child);
      } else if (child instanceof HTMLElement) {
        if (child.classList.contains(KILDELISTE_CLASS)) out.push(...Array.from(child.children));
        else if (isBlock(child) || child.textContent) out.push(child);
      }
    }
    return out;
  }

  function layout(): Layout {
    const blocks: Layout['blocks'] = [];
    const segments: Segment[] = [];
    let text = '';
    for (const b of blockNodes()) {
      if (blocks.length) text += '\r';
      const start = text.length;
      const walk = (n: Node) => {
        if (n.nodeType === Node.TEXT_NODE) {
          const t = (n as Text).data;
          segments.push({ node: n as Text, start: text.length, length: t.length });
          text += t;
        } else if (n instanceof HTMLElement && n.tagName === 'BR') {
          // A trailing <br> is only the placeholder of an empty paragraph.
          if (n.nextSibling) {
            segments.push({ node: null, start: text.length, length: 1 });
            text += ' ';
          }
        } else {
          n.childNodes.forEach(walk);
        }
      };
      walk(b);
      blocks.push({ node: b, start, end: text.length });
    }
    return { text, blocks, segments };
  }

  function snapshotOf(l: Layout): Snapshot {
    return makeSnapshot(
      l.text,
      l.blocks.map((b) => l.text.slice(b.start, b.end)),
    );
  }

  function tagsOf(n: Node): string[] {
    return n instanceof HTMLElement && n.dataset['jpeTag'] ? [n.dataset['jpeTag']] : [];
  }

  /** The user's block the span is in now (found again after earlier insertions moved it). */
  function resolveBlock(l: Layout, span: Span): number {
    return resolveSpan(analysed, snapshotOf(l), span).paragraph;
  }

  /** The span in the current layout: found again (as in Word) when the add-in's insertions moved it. */
  function currentSpan(l: Layout, span: Span): Span {
    if (span.start >= 0 && span.end <= l.text.length && l.text.slice(span.start, span.end) === span.text) return span;
    const loc = resolveSpan(analysed, snapshotOf(l), span);
    const b = l.blocks[loc.paragraph] as Layout['blocks'][number];
    return { start: b.start + loc.start, end: b.start + loc.end, text: span.text };
  }

  function domRange(l: Layout, span: Span): Range {
    const r = doc.createRange();
    const pos = (off: number, preferEnd: boolean): [Node, number] => {
      for (const s of l.segments) {
        if (!s.node) continue;
        const inside = preferEnd ? off > s.start && off <= s.start + s.length : off >= s.start && off < s.start + s.length;
        if (inside) return [s.node, off - s.start];
      }
      const last = l.segments.filter((s) => s.node).pop();
      return last?.node ? [last.node, last.length] : [editor, 0];
    };
    const [sn, so] = pos(span.start, false);
    const [en, eo] = pos(span.end, true);
    r.setStart(sn, so);
    r.setEnd(en, eo);
    return r;
  }

  function blockAt(l: Layout, offset: number): Node | null {
    for (const b of l.blocks) if (offset >= b.start && offset <= b.end) return b.node;
    return null;
  }

  function kildelisteBlock(): HTMLElement | null {
    return editor.querySelector(`:scope > .${KILDELISTE_CLASS}`);
  }

  function insertedParagraph(text: string, tag: string): HTMLElement {
    const p = doc.createElement('p');
    p.className = INSERTED_CLASS;
    p.contentEditable = 'false';
    p.dataset['jpeTag'] = tag;
    insertedCount += 1;
    p.dataset['jpeId'] = `c${insertedCount}`;
    const span = doc.createElement('span');
    span.dataset['jpeTag'] = tag;
    span.textContent = MARK_OPEN + text + MARK_CLOSE;
    p.appendChild(span);
    return p;
  }

  /** The inserted citation paragraph with this handle (only the add-in's own, tagged "jpe:cite:…"). */
  function citationParagraph(handle: string | number): HTMLElement {
    const id = String(handle);
    for (const el of Array.from(editor.querySelectorAll<HTMLElement>(`:scope > .${INSERTED_CLASS}`))) {
      if (el.dataset['jpeId'] === id && (el.dataset['jpeTag'] ?? '').startsWith(CITE_TAG_PREFIX)) return el;
    }
    throw new HostError('anchor-moved', 'Citatet findes ikke længere i dokumentet');
  }

  function clearHighlight(): void {
    const css = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS;
    css?.highlights?.delete(HIGHLIGHT_NAME);
    editor.querySelectorAll('.jpe-selected').forEach((e) => e.classList.remove('jpe-selected'));
  }

  /** Write the one reference list (each line marker-wrapped, as in Word) and keep it last. */
  function writeList(lines: string[]): void {
    const list = kildelisteBlock() ?? doc.createElement('div');
    list.className = KILDELISTE_CLASS;
    list.contentEditable = 'false';
    list.dataset['jpeTag'] = markerTag('kildeliste');
    list.replaceChildren();
    lines.forEach((line, i) => {
      const p = doc.createElement('p');
      if (i === 0) p.className = 'jpe-kildeliste-heading';
      p.textContent = MARK_OPEN + line + MARK_CLOSE;
      list.appendChild(p);
    });
    editor.appendChild(list);
  }

  const caps: HostCapabilities = {
    kind: 'demo',
    canInsert: true,
    canComment: true,
    canSelect: true,
    hasChangeEvents: true,
    canPersistSettings: false,
  };

  const host: DemoHost = {
    capabilities: () => ({ ...caps }),

    async readText() {
      const l = layout();
      analysed = [snapshotOf(l), ...analysed].slice(0, 3);
      return l.text;
    },

    async select(given) {
      const l = layout();
      const span = currentSpan(l, given);
      clearHighlight();
      const range = domRange(l, span);
      const css = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS;
      const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
      if (css?.highlights && HighlightCtor) css.highlights.set(HIGHLIGHT_NAME, new HighlightCtor(range));
      const sel = doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      const block = blockAt(l, span.start);
      if (block instanceof HTMLElement) {
        block.classList.add('jpe-selected');
        block.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      } else {
        range.startContainer.parentElement?.scrollIntoView?.({ block: 'center' });
      }
    },

    async insert(req: InsertRequest) {
      const [ok] = await host.insertMany!([req]);
      return ok ?? false;
    },

    /** Every anchor is resolved before anything is written; then one change event. */
    async insertMany(reqs: InsertRequest[], referenceList?: string[]) {
      const l = layout();
      const snap = snapshotOf(l);
      const paras: HostParagraph[] = l.blocks.map((b, i) => ({ text: snap.paragraphs[i] as string, tags: tagsOf(b.node) }));
      const list = kildelisteBlock();
      const caret = lastCaretBlock && editor.contains(lastCaretBlock) && !(list && list.contains(lastCaretBlock)) ? lastCaretBlock : null;
      const caretIdx = caret ? l.blocks.findIndex((b) => b.node === caret) : -1;
      const targets: InsertTarget[] = reqs.map((r) => {
        if (r.anchor) {
          const i = resolveBlock(l, r.anchor);
          return { key: `p${i}`, following: paras.slice(i + 1) };
        }
        return caretIdx >= 0 ? { key: `p${caretIdx}`, following: paras.slice(caretIdx + 1) } : { key: 'end', following: [] };
      });
      const plan = planInsertions(reqs, targets);
      for (const g of plan.groups) {
        let after: Node | null = g.key === 'end' ? null : (l.blocks[Number(g.key.slice(1)) + g.skip]?.node ?? null);
        // Never inside the reference list: before it instead.
        if (after && list && list.contains(after)) after = null;
        for (const n of g.items) {
          const req = reqs[n] as InsertRequest;
          const p = insertedParagraph(req.text, req.tag);
          if (after && after.parentNode === editor) editor.insertBefore(p, after.nextSibling);
          else if (list) editor.insertBefore(p, list);
          else editor.appendChild(p);
          after = p;
          p.classList.add('jpe-new');
          setTimeout(() => p.classList.remove('jpe-new'), 1600);
        }
      }
      if (referenceList) writeList(referenceList);
      if (plan.groups.length || referenceList) fire();
      return plan.results;
    },

    async comment(given: CommentRequest) {
      const l = layout();
      const req: CommentRequest = { ...given, anchor: currentSpan(l, given.anchor) };
      // The same comment at the same words is not added twice.
      for (const note of Array.from(notesEl.querySelectorAll<HTMLElement>('.jpe-note'))) {
        const body = note.querySelector('.jpe-note-body')?.textContent;
        const quote = note.querySelector('.jpe-note-anchor')?.textContent;
        if (body === req.text && quote === `»${req.anchor.text}«`) return false;
      }
      commentCount += 1;
      const n = commentCount;
      const range = domRange(l, req.anchor);
      if (range.startContainer === range.endContainer && range.startContainer.nodeType === Node.TEXT_NODE) {
        const mark = doc.createElement('span');
        mark.className = 'jpe-comment-anchor';
        mark.dataset['comment'] = String(n);
        try {
          range.surroundContents(mark);
        } catch {
          // Crosses element boundaries: the note still names the text.
        }
      }
      const note = doc.createElement('div');
      note.className = 'jpe-note';
      note.dataset['comment'] = String(n);
      note.setAttribute('role', 'note');
      const head = doc.createElement('div');
      head.className = 'jpe-note-head';
      head.textContent = `Kommentar ${n} · Jobplan Evidens`;
      const quote = doc.createElement('div');
      quote.className = 'jpe-note-anchor';
      quote.textContent = `»${req.anchor.text}«`;
      const body = doc.createElement('div');
      body.className = 'jpe-note-body';
      body.textContent = req.text;
      note.append(head, quote, body);
      notesEl.appendChild(note);
      fire();
      return true;
    },

    async upsertReferenceList(lines: string[]) {
      writeList(lines);
      fire();
    },

    async listInserted(): Promise<InsertedItem[]> {
      const out: InsertedItem[] = [];
      for (const el of Array.from(editor.querySelectorAll<HTMLElement>(`:scope > .${INSERTED_CLASS}`))) {
        const tag = el.dataset['jpeTag'] ?? '';
        const handle = el.dataset['jpeId'];
        if (tag.startsWith(CITE_TAG_PREFIX) && handle) out.push({ tag, handle });
      }
      return out;
    },

    async updateInserted(handle, text, tag) {
      const p = citationParagraph(handle);
      p.dataset['jpeTag'] = tag;
      const span = doc.createElement('span');
      span.dataset['jpeTag'] = tag;
      span.textContent = MARK_OPEN + text + MARK_CLOSE;
      p.replaceChildren(span);
      p.classList.add('jpe-new');
      setTimeout(() => p.classList.remove('jpe-new'), 1600);
      fire();
    },

    async removeInserted(handle) {
      citationParagraph(handle).remove();
      fire();
    },

    async loadSettings() {
      return JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
    },

    async saveSettings(next) {
      settings = JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    setText(text: string) {
      clearHighlight();
      editor.replaceChildren();
      for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
        const p = doc.createElement('p');
        if (line) p.textContent = line;
        else p.appendChild(doc.createElement('br'));
        editor.appendChild(p);
      }
      notesEl.replaceChildren();
      commentCount = 0;
      lastCaretBlock = null;
      analysed = [];
    },

    dispose() {
      editor.removeEventListener('input', onInput);
      doc.removeEventListener('selectionchange', onSelectionChange);
      listeners.clear();
      clearHighlight();
    },
  };
  return host;
}
