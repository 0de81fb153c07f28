/**
 * Settings the Word and Outlook adapters store (document settings / roaming settings): what may be
 * stored (ids only, never text) and how much.
 */

/** The one key under which the add-in keeps its settings (document settings / roaming settings). */
export const SETTINGS_KEY = 'jpe';

const ID_RE = /^[A-Za-z0-9_.:@-]{0,120}$/;

/** At most this many entries in a list or a map. */
const MAX_ENTRIES = 1000;

function scalar(v: unknown): boolean | number | string | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && ID_RE.test(v)) return v;
  return undefined;
}

/**
 * Settings hold ids and flags only, never document text: keep booleans,
 * finite numbers, id-like strings, arrays of id-like strings and one level of
 * maps from id-like keys to booleans / numbers / id-like strings (e.g.
 * `dismissed: { ruleId: 'not-relevant' }`); drop the rest (free text, deeper nesting).
 */
export function sanitizeSettings(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!ID_RE.test(k) || k === '__proto__') continue;
    const sc = scalar(v);
    if (sc !== undefined) out[k] = sc;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string' && ID_RE.test(x)).slice(0, MAX_ENTRIES);
    else if (v && typeof v === 'object') {
      const map: Record<string, boolean | number | string> = {};
      let n = 0;
      for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) {
        if (n >= MAX_ENTRIES) break;
        if (!ID_RE.test(mk) || mk === '__proto__') continue;
        const x = scalar(mv);
        if (x === undefined) continue;
        map[mk] = x;
        n++;
      }
      out[k] = map;
    }
  }
  return out;
}

/**
 * Bounded settings. Outlook keeps all of an add-in's roaming settings in 32 KB per mailbox
 * (outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins.md; error 9057; office-js#258):
 * dismissals accumulate across every mail, so past the cap every save would fail. The settings
 * are kept under SETTINGS_MAX_CHARS (as JSON) by dropping the oldest entries of the largest map or list.
 */

/** Well under Outlook's 32 KB (JSON characters; ids are ASCII). */
export const SETTINGS_MAX_CHARS = 16 * 1024;

export function boundSettings(settings: Record<string, unknown>, max = SETTINGS_MAX_CHARS): Record<string, unknown> {
  const out: Record<string, unknown> = { ...settings };
  for (const [k, v] of Object.entries(out)) {
    if (Array.isArray(v)) out[k] = [...v];
    else if (v && typeof v === 'object') out[k] = { ...(v as Record<string, unknown>) };
  }
  const size = () => JSON.stringify(out).length;
  while (size() > max) {
    let biggest: string | null = null;
    let n = 0;
    for (const [k, v] of Object.entries(out)) {
      const len = Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
      if (len > n) {
        n = len;
        biggest = k;
      }
    }
    if (!biggest) break;
    const v = out[biggest];
    // Insertion order is the order of dismissal: the oldest go first.
    if (Array.isArray(v)) v.shift();
    else delete (v as Record<string, unknown>)[Object.keys(v as Record<string, unknown>)[0] as string];
  }
  return out;
}
