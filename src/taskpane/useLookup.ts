import * as React from 'react';
import {
  INSTRUMENT_IDS,
  INSTRUMENT_LABELS,
  TARGET_GROUP_IDS,
  TARGET_GROUP_LABELS,
  inFamily,
  markerTag,
  populationOf,
  sourceLabel,
  type CitationStyle,
  type EvidenceSet,
  type Finding,
  type InstrumentId,
  type Register,
  type TargetGroupId,
  STRENGTHS,
} from '../core';
import { HostError, type Host } from '../hosts/host';
import { copyText } from './clipboard';

/**
 * "Opslag": the whole evidence set without a document, filtered by instrument and target group
 * (as Jobeffekter.dk's users filter), each finding ready to insert at the cursor with its citation.
 */

export type Filter<T extends string> = T | 'alle';

/** Findings about the instrument (or one of its kinds) and found among the target group (or not limited to one); strongest first. */
export function lookupFindings(set: EvidenceSet, instrument: Filter<InstrumentId>, group: Filter<TargetGroupId>): Finding[] {
  const rank = (f: Finding) => STRENGTHS.indexOf(f.strength);
  return set.findings
    .filter((f) => instrument === 'alle' || f.instruments.some((i) => inFamily(i, instrument)))
    .filter((f) => {
      if (group === 'alle') return true;
      const groups = populationOf(set, f)?.groups ?? [];
      return groups.length === 0 || groups.includes(group);
    })
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(b.f) - rank(a.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** The instruments and target groups the evidence set says something about, in label order. */
export function lookupOptions(set: EvidenceSet): { instruments: InstrumentId[]; groups: TargetGroupId[] } {
  const da = (a: string, b: string) => a.localeCompare(b, 'da');
  const instruments = INSTRUMENT_IDS.filter((id) => set.findings.some((f) => f.instruments.some((i) => inFamily(i, id)))).sort((a, b) =>
    da(INSTRUMENT_LABELS[a], INSTRUMENT_LABELS[b]),
  );
  const groups = TARGET_GROUP_IDS.filter((g) => set.findings.some((f) => populationOf(set, f)?.groups.includes(g))).sort((a, b) =>
    da(TARGET_GROUP_LABELS[a], TARGET_GROUP_LABELS[b]),
  );
  return { instruments, groups };
}

/** The finding's sentence in the register, with its citation: what Indsæt puts in the document. */
export function lookupSentence(set: EvidenceSet, f: Finding, register: Register, style: CitationStyle): string {
  const src = set.sources.find((s) => s.id === f.source);
  const sentence = (register === 'borger' ? f.citizen : f.suggestion).replace(/[.\s]+$/, '');
  return src ? `${sentence} (${sourceLabel(set, src, style)}).` : `${sentence}.`;
}

/** "1 fund", "2 fund": Danish "fund" is the same in singular and plural; the count carries the number. */
export function findingsCountText(n: number): string {
  return n === 0 ? 'Ingen fund' : `${n} fund`;
}

export interface LookupStatus {
  findingId: string;
  intent: 'success' | 'info' | 'error';
  text: string;
}

export interface LookupState {
  instrument: Filter<InstrumentId>;
  group: Filter<TargetGroupId>;
  findings: Finding[];
  status: LookupStatus | null;
}

export interface LookupActions {
  setInstrument(v: Filter<InstrumentId>): void;
  setGroup(v: Filter<TargetGroupId>): void;
  insert(f: Finding): Promise<void>;
  copy(f: Finding): Promise<void>;
}

function insertErrorText(e: unknown): string {
  const code = e instanceof HostError ? e.code : 'unknown';
  switch (code) {
    case 'read-only':
      return 'Mailen er åben til læsning, så der kan ikke indsættes. Brug Kopiér.';
    case 'not-supported':
      return 'Denne version af Office kan ikke indsætte her. Brug Kopiér.';
    case 'connection':
      return 'Office svarede ikke. Prøv igen.';
    default:
      return 'Sætningen kunne ikke indsættes. Prøv igen, eller brug Kopiér.';
  }
}

export function useLookup(host: Host, set: EvidenceSet, register: Register, style: CitationStyle): [LookupState, LookupActions] {
  const [instrument, setInstrument] = React.useState<Filter<InstrumentId>>('alle');
  const [group, setGroup] = React.useState<Filter<TargetGroupId>>('alle');
  const [status, setStatus] = React.useState<LookupStatus | null>(null);
  const findings = React.useMemo(() => lookupFindings(set, instrument, group), [set, instrument, group]);

  const insert = async (f: Finding) => {
    try {
      // No anchor: at the cursor. No instrument in the tag: the citation was not put there for a mention,
      // so it is never reported stale because the document does not mention the instrument.
      const added = await host.insert({ text: lookupSentence(set, f, register, style), tag: markerTag('cite', f.id, f.version) });
      setStatus({
        findingId: f.id,
        intent: added ? 'success' : 'info',
        text: added ? 'Sætningen er indsat ved markøren med kildehenvisning.' : 'Sætningen står allerede i dokumentet.',
      });
    } catch (e) {
      setStatus({ findingId: f.id, intent: 'error', text: insertErrorText(e) });
    }
  };

  const copy = async (f: Finding) => {
    const ok = await copyText(lookupSentence(set, f, register, style));
    setStatus({
      findingId: f.id,
      intent: ok ? 'success' : 'error',
      text: ok ? 'Sætningen med kildehenvisning er kopieret.' : 'Kopieringen mislykkedes. Markér teksten og kopiér selv.',
    });
  };

  return [
    { instrument, group, findings, status },
    {
      setInstrument: (v) => {
        setInstrument(v);
        setStatus(null);
      },
      setGroup: (v) => {
        setGroup(v);
        setStatus(null);
      },
      insert,
      copy,
    },
  ];
}
