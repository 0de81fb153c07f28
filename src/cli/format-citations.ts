import type { EvidenceSet, Reference, Source } from '../core';

/**
 * The evidence set's sources and the studies they name, for reference managers (Zotero, EndNote,
 * Mendeley): CSL-JSON (`evidence --format csl-json`) and RIS (`evidence --format ris`).
 *
 * Every field comes from the evidence set and nothing is added: no DOI, URL, ISBN or page numbers it
 * does not give, no title where it has none (the note then says the source gives none), no date for an
 * undated document. Authors are split into family and given names only when the set writes them with
 * initials ("Svarer, M., & Rosholm, M."); anything else (organisations, "Jensen & Andersen",
 * "Arendt et al.") stays one literal name, exactly as written.
 */

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'report' | 'article-journal' | 'document';
  title?: string;
  author: CslName[];
  issued?: { 'date-parts': number[][] };
  publisher?: string;
  genre?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  /** Only for the five source documents, which are Danish; a study's language is not in the set. */
  language?: 'da';
  note?: string;
}

const KIND_GENRE: Record<Source['kind'], string> = {
  'star-vidensnotat': 'Vidensnotat',
  'star-viden-om': 'Viden om',
  'star-baggrundsnotat': 'Baggrundsnotat',
  interesseorganisation: 'Politisk forslag fra en interesseorganisation',
};

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "juni 2026" → [2026, 6]; only a date the set states, and only when it agrees with the year. */
function dateParts(date: string | null, year: number | null): number[] | undefined {
  if (year === null) return undefined;
  const m = date ? /^(\p{L}+)\s+(\d{4})$/u.exec(date.trim()) : null;
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
  if (m && month > 0 && Number(m[2]) === year) return [year, month];
  return [year];
}

const INITIAL = /^(?:\p{Lu}\.(?:[-\s]?\p{Lu}\.)*)$/u;

/**
 * "Maibom, J., Rosholm, M., & Svarer, M." or "Cheung, M., J. Egebark, A. Forslund & J. Vikström":
 * family and given names; null when the string is not written that way.
 */
export function splitPersonalNames(authors: string): CslName[] | null {
  if (!/\p{Lu}\.,?\s/u.test(`${authors} `)) return null;
  const parts = authors
    .split(/\s*,\s*(?:&|og)\s+|\s+(?:&|og)\s+|\s*,\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const names: CslName[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    const leading = /^((?:\p{Lu}\.\s*)+)\s*(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*)$/u.exec(p); // "J. Egebark"
    if (leading) {
      names.push({ family: leading[2]!, given: leading[1]!.trim() });
    } else if (/^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*$/u.test(p) && next !== undefined && INITIAL.test(next)) {
      names.push({ family: p, given: next }); // "Svarer, M."
      i++;
    } else {
      return null;
    }
  }
  return names.length ? names : null;
}

function names(authors: string): CslName[] {
  return splitPersonalNames(authors) ?? [{ literal: authors }];
}

/** "The Scandinavian Journal of Economics, 119(3), 541-570" */
const JOURNAL = /^(.+?),\s*(\d+)\((\d+)\),\s*(\d+)\s*[-–]\s*(\d+)$/;

function sourceLabel(s: Source): string {
  return `${s.publisherShort}: ${s.title}${s.date ? ` (${s.date})` : ''}`;
}

export function sourceItem(s: Source): CslItem {
  const notes: string[] = [];
  if (s.year === null) notes.push('Udateret (u.å.).');
  if (s.advocacy) notes.push('Interesseorganisations forslag, ikke en neutral forskningsoversigt.');
  const parts = dateParts(s.date, s.year);
  return {
    id: s.id,
    type: 'report',
    title: s.title,
    author: [{ literal: s.publisher }],
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    publisher: s.publisher,
    genre: KIND_GENRE[s.kind],
    language: 'da',
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
}

export function referenceItem(r: Reference, set: EvidenceSet): CslItem {
  const notes: string[] = [];
  const journal = r.publication ? JOURNAL.exec(r.publication) : null;
  if (r.publication && !journal) notes.push(`${r.publication.replace(/[.\s]+$/, '')}.`);
  if (r.title === null && !/titlen er ikke angivet/i.test(r.publication ?? '')) notes.push('Titlen er ikke angivet i kilden.');
  if (r.year === null) notes.push('Årstal ikke angivet i kilden.');
  const citedIn = r.citedIn.map((id) => set.sources.find((s) => s.id === id)).filter((s): s is Source => !!s);
  if (citedIn.length) notes.push(`Nævnt i: ${citedIn.map(sourceLabel).join('; ')}`.replace(/([^.?!])$/, '$1.'));
  return {
    id: r.id,
    type: journal ? 'article-journal' : 'document',
    ...(r.title !== null ? { title: r.title } : {}),
    author: names(r.authors),
    ...(r.year !== null ? { issued: { 'date-parts': [[r.year]] } } : {}),
    ...(journal
      ? { 'container-title': journal[1]!, volume: journal[2]!, issue: journal[3]!, page: `${journal[4]}-${journal[5]}` }
      : {}),
    note: notes.join(' '),
  };
}

/** Sources first, then the studies, each in the evidence set's order. */
export function cslItems(set: EvidenceSet): CslItem[] {
  return [...set.sources.map(sourceItem), ...set.references.map((r) => referenceItem(r, set))];
}

export function formatCslJson(set: EvidenceSet): string {
  return `${JSON.stringify(cslItems(set), null, 2)}\n`;
}

const RIS_TYPE: Record<CslItem['type'], string> = { report: 'RPRT', 'article-journal': 'JOUR', document: 'GEN' };

function risName(n: CslName): string {
  if (n.literal) return n.literal;
  return n.given ? `${n.family}, ${n.given}` : (n.family ?? '');
}

/** RIS: "TAG  - value" lines, CRLF, each record from TY to ER. */
export function formatRis(set: EvidenceSet): string {
  const lines: string[] = [];
  const tag = (t: string, v: string | number | undefined) => {
    if (v === undefined || v === '') return;
    lines.push(`${t}  - ${String(v).replace(/\s*[\r\n]+\s*/g, ' ')}`);
  };
  for (const item of cslItems(set)) {
    tag('TY', RIS_TYPE[item.type]);
    tag('ID', item.id);
    for (const a of item.author) tag('AU', risName(a));
    const parts = item.issued?.['date-parts'][0];
    if (parts) {
      tag('PY', parts[0]);
      if (parts[1]) tag('DA', `${parts[0]}/${String(parts[1]).padStart(2, '0')}//`);
    }
    tag('TI', item.title);
    tag('T2', item['container-title']);
    tag('VL', item.volume);
    tag('IS', item.issue);
    if (item.page) {
      const [sp, ep] = item.page.split('-');
      tag('SP', sp);
      tag('EP', ep);
    }
    tag('PB', item.publisher);
    tag('M3', item.genre);
    tag('LA', item.language);
    tag('N1', item.note);
    lines.push('ER  - ');
    lines.push('');
  }
  return lines.join('\r\n');
}
