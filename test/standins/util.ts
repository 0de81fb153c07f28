/** Helpers shared by the Office.js stand-ins (no Node imports: they also run in the browser). */

/** Compare dotted requirement-set versions ("1.10" > "1.9"). */
export function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** A deep copy through JSON (what Office hands back is never the caller's object). */
export function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
