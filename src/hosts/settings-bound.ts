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
