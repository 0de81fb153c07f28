import { wrapInserted } from '../core';
import type { InsertRequest } from './host';
import { isInsertedParagraph } from './text-map';

/**
 * The one insertion logic (pure), shared by the Word adapter and the browser demo's host:
 * which requests go in, after which paragraph, and in which order. The host only reads its
 * document into paragraphs and carries out the plan.
 *
 * - A citation goes in as a paragraph of its own after the paragraph of its mention (never into
 *   the user's text, never replacing a selection). Citations inserted earlier for the same paragraph
 *   stay where they are: new ones go after that run of inserted paragraphs, in request order.
 * - A request whose tag or text already stands in that run is not inserted again (result false):
 *   inserting is idempotent, so a retry after a failed round trip cannot duplicate a citation.
 */

/** A paragraph as the host sees it: its text and the tags of the add-in's containers around it. */
export interface HostParagraph {
  text: string;
  tags: readonly string[];
}

/** Where a request's citation goes: after `anchor` (a key the host understands), followed by these paragraphs. */
export interface InsertTarget {
  /** Requests with the same key share the anchor paragraph (e.g. "p12", "cursor"). */
  key: string;
  /** The paragraphs after the anchor paragraph, in document order (at least the run of inserted ones). */
  following: readonly HostParagraph[];
}

export interface InsertionGroup {
  key: string;
  /** Indices into the requests, in request order. */
  items: number[];
  /** How many inserted paragraphs already follow the anchor: insert after the last of them. */
  skip: number;
}

export interface InsertionPlan {
  /** Per request: true when it is to be inserted, false when it is already there. */
  results: boolean[];
  groups: InsertionGroup[];
  /**
   * Requests whose text already stands after the anchor without a tag: a write round trip that
   * failed half-way (office-js#6760) left the paragraph but not its container. The host wraps
   * that paragraph (following[offset]) with the request's tag instead of inserting it again.
   */
  adopt: { key: string; item: number; offset: number }[];
}

/** The run of the add-in's paragraphs right after an anchor. */
function runAfter(following: readonly HostParagraph[]): { tags: Set<string>; texts: Set<string>; untagged: Map<string, number>; length: number } {
  const tags = new Set<string>();
  const texts = new Set<string>();
  const untagged = new Map<string, number>();
  let length = 0;
  for (const p of following) {
    if (!isInsertedParagraph(p.text)) break;
    const t = p.text.replace(/[\r\n]+$/, '');
    texts.add(t);
    if (!p.tags.length && !untagged.has(t)) untagged.set(t, length);
    p.tags.forEach((x) => tags.add(x));
    length++;
  }
  return { tags, texts, untagged, length };
}

export function planInsertions(reqs: readonly InsertRequest[], targets: readonly InsertTarget[]): InsertionPlan {
  const results = reqs.map(() => false);
  const groups = new Map<string, InsertionGroup>();
  const runs = new Map<string, ReturnType<typeof runAfter>>();
  const adopt: InsertionPlan['adopt'] = [];
  reqs.forEach((req, n) => {
    const t = targets[n];
    if (!t) return;
    let run = runs.get(t.key);
    if (!run) {
      run = runAfter(t.following);
      runs.set(t.key, run);
    }
    const wrapped = wrapInserted(req.text);
    const orphan = run.untagged.get(wrapped);
    if (orphan !== undefined && !run.tags.has(req.tag)) {
      adopt.push({ key: t.key, item: n, offset: orphan });
      run.untagged.delete(wrapped);
      run.tags.add(req.tag);
      return;
    }
    if (run.tags.has(req.tag) || run.texts.has(wrapped)) return;
    run.tags.add(req.tag);
    run.texts.add(wrapped);
    let g = groups.get(t.key);
    if (!g) {
      g = { key: t.key, items: [], skip: run.length };
      groups.set(t.key, g);
    }
    g.items.push(n);
    results[n] = true;
  });
  return { results, groups: [...groups.values()], adopt };
}
