/**
 * Compare dotted requirement-set versions ("1.10" > "1.9"), as `isSetSupported(name, version)`
 * does: the demo's mailbox answers with it, and so do the jest stand-ins (test/standins/util.ts).
 */
export function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
