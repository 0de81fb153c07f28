import { officeAsync, toHostError } from '../../src/hosts/office-errors';
import { sanitizeSettings } from '../../src/hosts/office-settings';

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

describe('toHostError / officeAsync: Office error names get their own codes (office-fidelity W4, W17, O8)', () => {
  test.each([
    ['NotAllowed', 'not-allowed'], // office-js#6746, office-js-docs#1284
    ['SearchDialogIsOpen', 'search-dialog-open'], // error-handling doc, Word table
    ['RequestPayloadSizeLimitExceeded', 'too-large'], // error-handling doc (Word on the web)
    ['ResponsePayloadSizeLimitExceeded', 'too-large'],
    ['GeneralException', 'connection'],
  ])('RichApi %s → %s', (code, expected) => {
    expect(toHostError({ code, message: 'x' }, true).code).toBe(expected);
  });

  test.each([
    [{ name: 'Size Limit Exceeded', code: 9057 }, 'too-large'], // javascript-api-for-office-error-codes.md
    [{ name: 'DataExceedsMaximumSize', code: 9019 }, 'too-large'], // setAsync reference
    [{ name: 'GenericResponseError', code: 9020 }, 'connection'],
  ])('Common API %j → %s', async (error, expected) => {
    await expect(officeAsync((cb) => cb({ status: 'failed', error: { ...error, message: 'x' } } as unknown as Office.AsyncResult<unknown>))).rejects.toMatchObject({
      code: expected,
    });
  });
});
