import { planInsertions, type HostParagraph } from '../../src/hosts/insertion';
import { makeSnapshot, resolveSpan } from '../../src/hosts/text-map';
import { markerTag, wrapInserted } from '../../src/core/markers';

/** The one insertion logic Word and the browser demo share, tested without any stand-in. */

const A = { text: 'A (STAR, 2026).', tag: markerTag('cite', 'a', 1) };
const B = { text: 'B (STAR, 2026).', tag: markerTag('cite', 'b', 1) };
const C = { text: 'C (DA, u.å.).', tag: markerTag('cite', 'c', 1) };
const user = (text: string): HostParagraph => ({ text, tags: [] });
const ours = (r: { text: string; tag: string }): HostParagraph => ({ text: wrapInserted(r.text), tags: [r.tag] });

describe('planInsertions', () => {
  test('groups by anchor, keeps request order, goes after citations already there', () => {
    const following = [ours(A), user('Næste afsnit')];
    const plan = planInsertions([B, C, A], [
      { key: 'p1', following },
      { key: 'p1', following },
      { key: 'p1', following },
    ]);
    expect(plan.results).toEqual([true, true, false]);
    expect(plan.groups).toEqual([{ key: 'p1', items: [0, 1], skip: 1 }]);
    expect(plan.adopt).toEqual([]);
  });

  test('the same request twice in one batch goes in once', () => {
    const plan = planInsertions([A, A], [
      { key: 'p0', following: [] },
      { key: 'p0', following: [] },
    ]);
    expect(plan.results).toEqual([true, false]);
  });

  test('the same citation after another paragraph is a different place: inserted', () => {
    const plan = planInsertions([A], [{ key: 'p4', following: [user('x')] }]);
    expect(plan.results).toEqual([true]);
  });

  test('a citation paragraph a half-failed write left without a tag is adopted, not repeated (office-js#6760)', () => {
    const plan = planInsertions([A, B], [
      { key: 'p2', following: [user(wrapInserted(A.text))] },
      { key: 'p2', following: [user(wrapInserted(A.text))] },
    ]);
    expect(plan.results).toEqual([false, true]);
    expect(plan.adopt).toEqual([{ key: 'p2', item: 0, offset: 0 }]);
    expect(plan.groups).toEqual([{ key: 'p2', items: [1], skip: 1 }]);
  });
});

describe('resolveSpan: a mention found again after insertions moved it', () => {
  test('paragraphs inserted above the mention', () => {
    const before = ['Plan', 'Vi aftaler løntilskud.', 'Mentor.'];
    const old = makeSnapshot(before.join('\n'), before);
    const after = ['Plan', wrapInserted(A.text), 'Vi aftaler løntilskud.', wrapInserted(B.text), 'Mentor.'];
    const fresh = makeSnapshot(after.join('\n'), after);
    const i = old.bodyText.indexOf('Mentor');
    expect(resolveSpan([old], fresh, { start: i, end: i + 6, text: 'Mentor' })).toEqual({ paragraph: 4, start: 0, end: 6 });
  });

  test('the mention edited away: anchor-moved', () => {
    const before = ['Plan', 'Mentor.'];
    const old = makeSnapshot(before.join('\n'), before);
    const fresh = makeSnapshot('Plan\nIngen.', ['Plan', 'Ingen.']);
    expect(() => resolveSpan([old], fresh, { start: 5, end: 11, text: 'Mentor' })).toThrow(expect.objectContaining({ code: 'anchor-moved' }));
  });
});
