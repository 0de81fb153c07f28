import { wrapInserted } from '../core';
import { HostError, type CommentRequest, type InsertRequest } from './host';
import { planInsertions, type HostParagraph, type InsertTarget } from './insertion';
import { resolveSpan, type Snapshot } from './text-map';
import { checkLists, onlyAddinText, queueListRead, writeReferenceList } from './word-kildeliste';
import { CITE_TAG_PREFIX, needWordApi13, queueRead, run, sync, withMentionRange, wordApi } from './word-read';

/**
 * Word: every write the adapter makes. Each operation is one read round trip and one write
 * round trip; nothing syncs inside a loop. Writes never touch the user's paragraphs:
 * citations are paragraphs of their own in a tagged content control, and update / remove /
 * the Kildeliste act only on controls that hold nothing but the add-in's marked text.
 *
 * Retries are idempotent: a failed context.sync() does not roll back the statements that ran
 * before the failing one (office-js#6760; office-fidelity W9), so the pane's "Prøv igen" runs
 * the whole operation again, and what is already there (same tag or text after the same
 * paragraph, the same comment text, the tagged list) is not written twice.
 */

export const CC_TITLE = 'Jobplan Evidens';

/** Insert every request and optionally create or update the reference list: 2 round trips. */
export async function insertMany(analysed: readonly Snapshot[], reqs: InsertRequest[], referenceList?: string[]): Promise<boolean[]> {
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
    const lists = referenceList ? queueListRead(body) : null;
    await sync(context);
    const snap = read ? read.finish() : null;

    // Every anchor is resolved and every container checked before anything is written.
    const key = (t: string) => t.replace(/[\r\n]+$/, '');
    const tagsByText = new Map<string, string[]>();
    // A control without a tag is what a half-failed write leaves (created, not yet tagged): no tag of ours.
    for (const cc of read ? ccs.items : []) if (cc.tag) tagsByText.set(key(cc.text), [...(tagsByText.get(key(cc.text)) ?? []), cc.tag]);
    const asHost = (texts: string[]): HostParagraph[] => texts.map((t) => ({ text: t, tags: tagsByText.get(key(t)) ?? [] }));
    const paraTexts = snap ? asHost(snap.paragraphs) : [];
    const cursorTexts = cursorTail ? asHost(cursorTail.items.map((p) => p.text)) : [];
    const targets: InsertTarget[] = reqs.map((r) => {
      if (!r.anchor) return { key: 'cursor', following: cursorTexts.slice(1) };
      const i = resolveSpan(analysed, snap as Snapshot, r.anchor).paragraph;
      return { key: `p${i}`, following: paraTexts.slice(i + 1) };
    });
    if (lists) checkLists(lists);
    const plan = planInsertions(reqs, targets);

    let writes = 0;
    const anchorOf = (k: string, offset: number): Word.Paragraph =>
      k === 'cursor'
        ? ((cursorTail as Word.ParagraphCollection).items[offset] as Word.Paragraph)
        : ((read as ReturnType<typeof queueRead>).paragraphs.items[Number(k.slice(1)) + offset] as Word.Paragraph);
    // A citation paragraph a half-failed earlier write left without its content control gets one now.
    for (const a of plan.adopt) {
      const req = reqs[a.item] as InsertRequest;
      const bare = ccs.items.find((c) => !c.tag && key(c.text) === wrapInserted(req.text));
      const cc = bare ?? anchorOf(a.key, a.offset + 1).insertContentControl();
      cc.tag = req.tag;
      cc.title = CC_TITLE;
      writes++;
    }
    for (const g of plan.groups) {
      let after = anchorOf(g.key, g.skip);
      // Each goes right after the last one: the request order is kept.
      for (const n of g.items) {
        const req = reqs[n] as InsertRequest;
        const p = after.insertParagraph(wrapInserted(req.text), 'After');
        p.styleBuiltIn = 'Normal';
        const cc = p.insertContentControl();
        cc.tag = req.tag;
        cc.title = CC_TITLE;
        after = p;
        writes++;
      }
    }
    if (referenceList && lists) {
      writeReferenceList(body, lists, referenceList);
      writes++;
    }
    if (writes > 0) await sync(context);
    return plan.results;
  });
}

/**
 * A comment at the mention (WordApi 1.4): 2 round trips. Returns false, writing nothing, when a
 * comment with the same text is already in the document (a second click, or a retry after a
 * sync that failed after the comment was written).
 */
export async function comment(analysed: readonly Snapshot[], req: CommentRequest): Promise<boolean> {
  if (!wordApi('1.4')) throw new HostError('not-supported', 'Kommentarer kræver en nyere Word (WordApi 1.4)');
  let added = false;
  await withMentionRange<boolean>(
    analysed,
    req.anchor,
    (r, exists) => {
      if (exists) return;
      r.insertComment(req.text);
      added = true;
    },
    (context) => {
      const comments = context.document.body.getComments();
      comments.load('items/content');
      return () => comments.items.some((c) => c.content === req.text);
    },
  );
  return added;
}

/**
 * The content control with this id, checked to be one of the add-in's citations holding only
 * the add-in's marked text (1 sync), then `act` on it (1 sync). A control that is not a citation:
 * HostError('anchor-moved'); one the user has typed into: HostError('user-text'); nothing written.
 */
export async function withCitationControl(handle: string | number, act: (cc: Word.ContentControl) => void): Promise<void> {
  needWordApi13();
  const id = typeof handle === 'number' ? handle : Number(handle);
  if (!Number.isInteger(id)) throw new HostError('anchor-moved', 'Ukendt indsat citat');
  await run(async (context) => {
    const cc = context.document.body.contentControls.getById(id);
    cc.load('tag,text');
    await sync(context, 'anchor-moved');
    if (!cc.tag.startsWith(CITE_TAG_PREFIX)) throw new HostError('anchor-moved', 'Indholdskontrollen er ikke et indsat citat');
    if (!onlyAddinText(cc.text)) throw new HostError('user-text', 'Citatet indeholder tekst, som brugeren har skrevet');
    act(cc);
    await sync(context, 'anchor-moved');
  });
}
