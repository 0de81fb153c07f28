/**
 * Marking the text the add-in itself inserts (suggestions, citations, reference
 * list), so re-analysis ignores it and "Kildeliste" can find it again.
 *
 * In plain text an inserted fragment is wrapped in two invisible characters:
 *   MARK_OPEN + payload + MARK_CLOSE
 * MARK_OPEN is U+2063 INVISIBLE SEPARATOR followed by U+2062 INVISIBLE TIMES,
 * MARK_CLOSE the reverse. Both survive Word, Outlook, .docx and copy/paste as
 * ordinary characters and are invisible in every font. Hosts with richer
 * containers also tag them (Word: a content control with a tag from `markerTag`;
 * Outlook HTML: a span with that tag as its id prefix), but the characters are
 * what the core relies on: they work in every host and in files.
 */

export const MARK_OPEN = '\u2063\u2062';
export const MARK_CLOSE = '\u2062\u2063';

export type MarkerKind = 'cite' | 'kildeliste';

/** Tag of the reference list's container. */
export const KILDELISTE_TAG = 'jpe:kildeliste';
/** Tags of inserted citations start with this. */
export const CITE_TAG_PREFIX = 'jpe:cite:';
const CITE_TAG = /^jpe:cite:([a-z0-9-]+)@(\d+)(?:#([a-z-]+))?$/;

/**
 * Tag of a Word content control / HTML id: "jpe:cite:<finding>@<version>" (optionally
 * "#<instrument>", the instrument whose mention the citation was inserted for) or "jpe:kildeliste".
 */
export function markerTag(kind: MarkerKind, finding?: string, version?: number, instrument?: string): string {
  if (kind === 'kildeliste') return KILDELISTE_TAG;
  return `${CITE_TAG_PREFIX}${finding ?? ''}@${version ?? 0}${instrument ? `#${instrument}` : ''}`;
}

export interface ParsedTag {
  kind: MarkerKind;
  finding?: string;
  version?: number;
  instrument?: string;
}

export function parseMarkerTag(tag: string): ParsedTag | null {
  if (tag === KILDELISTE_TAG) return { kind: 'kildeliste' };
  const m = CITE_TAG.exec(tag);
  if (!m) return null;
  const out: ParsedTag = { kind: 'cite', finding: m[1] as string, version: Number(m[2]) };
  if (m[3]) out.instrument = m[3];
  return out;
}

/**
 * HTML id prefix for a marker tag (Outlook spans), reversible by tagForHtmlId:
 * "jpe:cite:loentilskud-privat@2#samtale" → "jpe-cite-loentilskud-privat_2_samtale"
 * (finding ids and instruments never hold "_"). A unique suffix "_<suffix>" follows.
 */
export function htmlIdForTag(tag: string): string {
  const t = parseMarkerTag(tag);
  if (t?.kind === 'cite') return `jpe-cite-${t.finding}_${t.version}${t.instrument ? `_${t.instrument}` : ''}`;
  return tag.replace(/[^A-Za-z0-9-]+/g, '-');
}

/**
 * The marker tag an inserted span's id stands for (Outlook may prefix ids with "x_"), or null.
 * Also reads the older form "jpe-cite-<finding>-<version>-<suffix>" (without instrument).
 */
export function tagForHtmlId(id: string): string | null {
  const bare = id.replace(/^x_/, '');
  const m = /^jpe-cite-([a-z0-9-]+)_(\d+)(?:_([a-z-]+))?_([a-z0-9]+)$/.exec(bare);
  if (m) return markerTag('cite', m[1], Number(m[2]), m[3]);
  const old = /^jpe-cite-([a-z0-9-]+)-(\d+)-([a-z0-9]+)$/.exec(bare);
  if (old) return markerTag('cite', old[1], Number(old[2]));
  return null;
}

/** Wrap text the add-in inserts. */
export function wrapInserted(text: string): string {
  return MARK_OPEN + text + MARK_CLOSE;
}

export interface MarkedRange {
  start: number;
  /** Exclusive; includes the closing marker. */
  end: number;
}

/** Ranges of inserted text (markers included). An unclosed opener runs to the end of its paragraph. */
export function findInserted(text: string): MarkedRange[] {
  const out: MarkedRange[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf(MARK_OPEN, from);
    if (open < 0) break;
    let close = text.indexOf(MARK_CLOSE, open + MARK_OPEN.length);
    let end: number;
    if (close < 0) {
      const para = text.slice(open).search(/[\r\n\v\x07\f]/);
      end = para < 0 ? text.length : open + para;
    } else {
      end = close + MARK_CLOSE.length;
    }
    out.push({ start: open, end });
    from = end;
  }
  return out;
}

/**
 * Replace inserted text by spaces of the same length, keeping paragraph
 * characters, so offsets into the result are offsets into the input.
 */
export function maskInserted(text: string): string {
  if (text.indexOf(MARK_OPEN) < 0) return text;
  const ranges = findInserted(text);
  let out = '';
  let last = 0;
  for (const r of ranges) {
    out += text.slice(last, r.start);
    out += text.slice(r.start, r.end).replace(/[^\r\n\v\x07\f]/g, ' ');
    last = r.end;
  }
  return out + text.slice(last);
}
