import { MARK_CLOSE, MARK_OPEN, findInserted, htmlIdForTag, tagForHtmlId, wrapInserted } from '../core';

// The tag ↔ HTML-id codec lives with the tag format in core/markers.ts.
export { htmlIdForTag, tagForHtmlId } from '../core';

/**
 * Outlook: the pure side (no Office.js). Locating the add-in's elements in a body's HTML, where
 * to append, and what the user's own text of a body is, so a write can be checked against it.
 */

export const KILDELISTE_ID = 'jpe-kildeliste';

export function normaliseLineBreaks(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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

export function citationSpanHtml(text: string, tag: string, leadingHtml = ''): string {
  return `<span id="${htmlIdForTag(tag)}_${uniqueSuffix()}">${leadingHtml}${escapeHtml(wrapInserted(text))}</span>`;
}

/**
 * What goes in at the cursor for these citations: each on a line of its own. The cursor usually sits
 * right after the adviser's full stop, where "…aftalte.De fleste…" would read as one run-on line, so the
 * first span starts with a line break of its own (inside the span: removing the citation removes it too,
 * and the adviser's line stays exactly as typed).
 */
export function cursorInsertHtml(citations: readonly { text: string; tag: string }[]): string {
  return citations.map((c, i) => citationSpanHtml(c.text, c.tag, i === 0 ? '<br>' : '')).join('<br>');
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
  // OWA / new Outlook mark the quoted part with these ids; classic Outlook (Word editor) puts
  // <a name="_MailOriginal"> before it (office-js#2045; office-fidelity O12).
  const quoted =
    /<div\b[^>]*\bid\s*=\s*["']?(?:x_)?(?:appendonsend|divRplyFwdMsg)\b/i.exec(html) ??
    /<(?:p|div)\b[^>]*>\s*(?:<(?:span|b|font|o:p)\b[^>]*>\s*)*<a\b[^>]*\bname\s*=\s*["']?_MailOriginal\b/i.exec(html) ??
    /<a\b[^>]*\bname\s*=\s*["']?_MailOriginal\b/i.exec(html);
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


/** Text of an HTML fragment as a reader sees it (tags dropped, entities decoded, blocks as line breaks). */
export function htmlText(html: string): string {
  let s = html.replace(/<head\b[\s\S]*?<\/head>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return named[e.toLowerCase()] ?? m;
  });
}

/** A text without the add-in's marked insertions (and without line-break differences): the user's own text. */
export function userTextOf(text: string): string {
  let out = '';
  let last = 0;
  for (const r of findInserted(text)) {
    out += text.slice(last, r.start);
    last = r.end;
  }
  return normaliseLineBreaks(out + text.slice(last)).replace(/\n+/g, '\n').trim();
}

/** What a write must leave alone in an HTML body: the user's text and their images. */
export function htmlFingerprint(html: string): { text: string; images: number } {
  return { text: userTextOf(htmlText(html)), images: (html.match(/<img\b/gi) ?? []).length };
}

/** True when the element's text is exactly the add-in's marked text (each block one wrapped line), nothing the user typed. */
export function onlyAddinHtml(fragment: string): boolean {
  const lines = htmlText(fragment)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 && lines.every((l) => l.startsWith(MARK_OPEN) && l.endsWith(MARK_CLOSE) && l.indexOf(MARK_CLOSE) === l.length - MARK_CLOSE.length);
}

/**
 * Plain text: where a reply quotes the earlier mail ("-----Original Message-----", "-----Oprindelig
 * meddelelse-----", or an "Fra:"/"From:" header followed by "Sendt:"/"Sent:"), else the end.
 */
export function plainAppendPosition(text: string): number {
  const m = /^-{2,}\s*(Original Message|Oprindelig meddelelse)\s*-{2,}\s*$|^(Fra|From):[^\n]*\n(Sendt|Sent):/im.exec(text);
  if (!m) return text.length;
  let at = m.index;
  // A separator line right above the header ("________" in Outlook on the web, "-----" elsewhere) belongs to the quote.
  const sep = /(?:^|\n)[ \t]*(?:_{5,}|-{5,})[ \t]*\n\s*$/.exec(text.slice(0, at));
  if (sep) at = sep.index;
  while (at > 0 && /\s/.test(text[at - 1] as string)) at--;
  return at;
}
