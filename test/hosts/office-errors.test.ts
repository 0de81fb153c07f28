import { sanitizeSettings } from '../../src/hosts/office-errors';

describe('sanitizeSettings', () => {
  test('keeps booleans, numbers, id-like strings and lists of them; drops free text', () => {
    expect(sanitizeSettings({ a: true, n: 3, inf: Infinity, s: 'short', t: 'Borgeren har løntilskud', l: ['rule-1', 'fri tekst', 4] })).toEqual({
      a: true,
      n: 3,
      s: 'short',
      l: ['rule-1'],
    });
  });

  test('keeps one level of id → code / number / boolean maps (dismissals), nothing deeper', () => {
    const out = sanitizeSettings({
      dismissed: { 'samtaler-jobparat': 'not-relevant', 'mentor-x': 'Jens vil ikke have en mentor', 'a b': 'other', n: 2, ok: false, deep: { x: 1 }, list: ['a'] },
    });
    expect(out).toEqual({ dismissed: { 'samtaler-jobparat': 'not-relevant', n: 2, ok: false } });
  });

  test('no prototype tricks; non-objects give {}', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": "yes"}, "m": {"__proto__": "x", "k": "v"}}') as unknown;
    const out = sanitizeSettings(evil);
    expect(out).toEqual({ m: { k: 'v' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(sanitizeSettings(null)).toEqual({});
    expect(sanitizeSettings(['a'])).toEqual({});
    expect(sanitizeSettings('x')).toEqual({});
  });

  test('maps are capped', () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) big[`id-${i}`] = 'considered';
    expect(Object.keys(sanitizeSettings({ dismissed: big }).dismissed as object)).toHaveLength(1000);
  });
});
