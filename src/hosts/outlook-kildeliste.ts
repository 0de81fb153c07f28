import { MARK_OPEN, wrapInserted, REFERENCE_LIST_HEADING } from '../core';
import { HostError } from './host';
import { KILDELISTE_ID, appendPosition, findElementById, normaliseLineBreaks, onlyAddinHtml, plainAppendPosition, referenceListHtml } from './outlook-html';
import { getBody, type AnyItem } from './outlook-read';
import { setBodyChecked } from './outlook-write';

/**
 * Outlook: the one reference list. HTML: a <div id="jpe-kildeliste"> before the quoted earlier mail
 * (appendPosition), replaced in place; plain text: appended once before the quoted part.
 * Both with a checked whole-body write (outlook-write.ts setBodyChecked).
 */
export async function upsertReferenceList(item: AnyItem, isHtmlBody: boolean, lines: string[]): Promise<void> {
  if (isHtmlBody) {
    const html = await getBody(item, 'html');
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
    await setBodyChecked(item, true, next, html);
    return;
  }
  // Plain text: a list already there cannot be replaced safely in place.
  const raw = await getBody(item, 'text');
  const first = lines[0];
  if (raw.includes(MARK_OPEN + REFERENCE_LIST_HEADING) || (first !== undefined && raw.includes(wrapInserted(first)))) {
    throw new HostError('plain-text', 'Kildelisten findes allerede; i en mail i ren tekst kan den ikke opdateres');
  }
  if (!lines.length) return;
  const nl = raw.includes('\r\n') ? '\r\n' : '\n';
  const norm = normaliseLineBreaks(raw);
  const at = plainAppendPosition(norm);
  const head = norm.slice(0, at);
  const rest = norm.slice(at);
  const sep = head.length === 0 ? '' : head.endsWith('\n') ? '\n' : '\n\n';
  const next = head + sep + lines.map(wrapInserted).join('\n') + (rest ? '\n\n' + rest.replace(/^\n+/, '') : '');
  await setBodyChecked(item, false, nl === '\n' ? next : next.replace(/\n/g, nl), raw);
}

