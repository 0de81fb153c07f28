/** Helpers shared by the Office.js stand-ins (no Node imports: they also run in the browser). */

/** Compare dotted requirement-set versions (one definition, shared with the demo's mailbox). */
export { cmpVersion } from '../../src/demo/mailbox/requirement-sets';

/** A deep copy through JSON (what Office hands back is never the caller's object). */
export function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
