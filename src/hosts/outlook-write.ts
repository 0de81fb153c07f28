import { wrapInserted } from '../core';
import { HostError, type InsertRequest } from './host';
import { planInsertions, type InsertTarget } from './insertion';
import { officeAsync } from './office-errors';
import { citationSpanHtml, cursorInsertHtml, findElementById, htmlFingerprint, normaliseLineBreaks, onlyAddinHtml, plainAppendPosition, tagForHtmlId, userTextOf } from './outlook-html';
import { getBody, type AnyItem } from './outlook-read';
import { makeSnapshot, resolveSpan, type Snapshot } from './text-map';

/** Outlook: every write to the body (citations, update, remove); the reference list is in outlook-kildeliste.ts. */

/**
 * One whole-body write, checked: read back, the user's text (and images) must be unchanged,
 * else the previous body is written back and HostError('undone') is thrown.
 */
export async function setBodyChecked(item: AnyItem, html: boolean, next: string, previous: string): Promise<void> {
  const type = (html ? 'html' : 'text') as Office.CoercionType;
  const fp = (b: string) => (html ? htmlFingerprint(b) : { text: userTextOf(b), images: 0 });
  const before = fp(previous);
  await officeAsync<void>((cb) => item.body.setAsync(next, { coercionType: type }, cb));
  const after = fp(await getBody(item, html ? 'html' : 'text'));
  if (after.text !== before.text || after.images !== before.images) {
    await officeAsync<void>((cb) => item.body.setAsync(previous, { coercionType: type }, cb));
    throw new HostError('undone', 'Outlook ændrede brugerens tekst ved skrivningen; den forrige udgave er skrevet tilbage');
  }
}

/** HTML: setSelectedDataAsync would replace a selection (O1): refuse while the user has text selected. */
export async function guardSelection(item: AnyItem): Promise<void> {
  const get = (item as unknown as { getSelectedDataAsync?: (c: Office.CoercionType, cb: (r: Office.AsyncResult<{ data: string }>) => void) => void })
    .getSelectedDataAsync;
  if (typeof get !== 'function') return; // Mailbox < 1.2: cannot ask
  const sel = await officeAsync<{ data: string }>((cb) => get.call(item, 'text' as Office.CoercionType, cb));
  if (sel && typeof sel.data === 'string' && sel.data.length > 0) {
    throw new HostError('selection', 'Brugeren har markeret tekst, som indsættelsen ville erstatte');
  }
}

/** HTML: every new citation at the cursor in one setSelectedDataAsync, after the selection check. */
export async function insertHtml(item: AnyItem, reqs: InsertRequest[]): Promise<boolean[]> {
  const current = normaliseLineBreaks(await getBody(item, 'text'));
  const seen = new Set<string>();
  const results = reqs.map((r) => {
    const w = wrapInserted(r.text);
    if (current.includes(w) || seen.has(w)) return false;
    seen.add(w);
    return true;
  });
  const html = cursorInsertHtml(reqs.filter((_, i) => results[i]));
  if (!html) return results;
  await guardSelection(item);
  await officeAsync<void>((cb) => item.body.setSelectedDataAsync(html, { coercionType: 'html' as Office.CoercionType }, cb));
  return results;
}

/** Plain text: each citation a line of its own after its mention's line, in one checked setAsync (never setSelectedDataAsync: office-js#3905). */
export async function insertText(item: AnyItem, reqs: InsertRequest[], analysed: readonly Snapshot[]): Promise<boolean[]> {
  const raw = await getBody(item, 'text');
  const text = normaliseLineBreaks(raw);
  const lines = text.split('\n');
  const fresh = makeSnapshot(text, lines);
  const paras = lines.map((t) => ({ text: t, tags: [] as string[] }));
  const tail = plainAppendPosition(text);
  const tailLine = text.slice(0, tail).split('\n').length - 1;
  const targets: InsertTarget[] = reqs.map((r) => {
    if (!r.anchor) return { key: `p${tailLine}`, following: paras.slice(tailLine + 1) };
    const i = resolveSpan(analysed, fresh, r.anchor).paragraph;
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
  await setBodyChecked(item, false, out.join(nl), raw);
  return results;
}

/** Replace (or with `next` null, remove) the citation span with this id: getAsync(Html) + setAsync. */
export async function rewriteCitation(item: AnyItem, isHtmlBody: boolean, handle: string | number, next: { text: string; tag: string } | null): Promise<void> {
  const id = String(handle);
  if (!isHtmlBody) throw new HostError('plain-text', 'I en mail i ren tekst kan et indsat citat ikke ændres');
  if (!tagForHtmlId(id)) throw new HostError('anchor-moved', 'Ukendt indsat citat');
  const html = await getBody(item, 'html');
  const found = findElementById(html, id);
  if (!found) throw new HostError('anchor-moved', 'Citatet findes ikke længere i mailen');
  const fragment = html.slice(found.start, found.end);
  // Typing right after the citation usually continues inside its span (contentEditable): that text is the user's.
  if (!onlyAddinHtml(fragment)) throw new HostError('user-text', 'Citatet indeholder tekst, som brugeren har skrevet');
  // a citation inserted at the cursor starts with its own line break (cursorInsertHtml): the new text keeps it
  const replacement = next ? citationSpanHtml(next.text, next.tag, /^<[^>]*>\s*<br\b[^>]*>/i.test(fragment) ? '<br>' : '') : '';
  const out = html.slice(0, found.start) + replacement + html.slice(found.end);
  await setBodyChecked(item, true, out, html);
}

