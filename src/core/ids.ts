/**
 * The fixed ids every host, the CLI's JSON and the evidence set use.
 * Labels are Danish because they are shown to users; the ids never change.
 */

export const INSTRUMENT_IDS = [
  'samtale',
  'raadighedssamtale',
  'digital-samtale',
  'jobforslag',
  'jobsoegning',
  'loentilskud',
  'privat-loentilskud',
  'offentligt-loentilskud',
  'virksomhedspraktik',
  'virksomhedsrettet',
  'loentimer',
  'ips',
  'mentor',
  'uddannelse',
  'oevrig-vejledning',
  'behandling',
  'sanktion',
  'jobpraemie',
  'nyttejob',
  'fleksjob',
  'ressourceforloeb',
  'fast-kontaktperson',
  'forventninger',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export const TARGET_GROUP_IDS = [
  'dagpenge',
  'jobparat',
  'aktivitetsparat',
  'kontanthjaelp',
  'sygemeldt',
  'psykisk-lidelse',
  'alvorlig-psykisk-lidelse',
  'ung',
  'langtidsledig',
  'nyledig',
  'ufaglaert',
] as const;
export type TargetGroupId = (typeof TARGET_GROUP_IDS)[number];

/**
 * Ids a card can be about that the text voices through a signal (see signals/), not as an instrument
 * the lexicon finds: "forventninger" (low expectations of the citizen's job chances).
 */
export const SIGNAL_TOPIC_IDS: readonly InstrumentId[] = ['forventninger'];

export const INSTRUMENT_LABELS: Readonly<Record<InstrumentId, string>> = {
  samtale: 'Samtaler',
  raadighedssamtale: 'Rådighedssamtaler',
  'digital-samtale': 'Digitale samtaler (telefon/video)',
  jobforslag: 'Konkrete jobforslag',
  jobsoegning: 'Jobsøgning',
  loentilskud: 'Løntilskud',
  'privat-loentilskud': 'Privat løntilskud',
  'offentligt-loentilskud': 'Offentligt løntilskud',
  virksomhedspraktik: 'Virksomhedspraktik',
  virksomhedsrettet: 'Virksomhedsrettet indsats',
  loentimer: 'Løntimer',
  ips: 'IPS',
  mentor: 'Mentor',
  uddannelse: 'Uddannelse og opkvalificering',
  'oevrig-vejledning': 'Øvrig vejledning og opkvalificering',
  behandling: 'Behandling og helbredsindsats',
  sanktion: 'Sanktioner',
  jobpraemie: 'Jobpræmie',
  nyttejob: 'Nyttejob',
  fleksjob: 'Fleksjob',
  ressourceforloeb: 'Ressource- og jobafklaringsforløb',
  'fast-kontaktperson': 'Fast kontaktperson',
  forventninger: 'Forventninger til borgerens jobchancer',
};

export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroupId, string>> = {
  dagpenge: 'Dagpengemodtager',
  jobparat: 'Jobparat',
  aktivitetsparat: 'Aktivitetsparat',
  kontanthjaelp: 'Kontanthjælpsmodtager',
  sygemeldt: 'Sygemeldt',
  'psykisk-lidelse': 'Psykisk lidelse',
  'alvorlig-psykisk-lidelse': 'Alvorlig psykisk lidelse',
  ung: 'Ung',
  langtidsledig: 'Langtidsledig',
  nyledig: 'Nyledig',
  ufaglaert: 'Ufaglært',
};

/**
 * Each target group describes the citizen along one axis. A finding's population names groups;
 * on every axis it names, the citizen must be in one of them and in no other group of that axis
 * (see `inPopulation` in rules.ts). Axes with one group act as a required trait.
 * - visitation: how far from the labour market (jobparat, aktivitetsparat, sygemeldt);
 * - ydelse: the benefit (a-dagpenge or kontanthjælp and the like);
 * - ledighed: how long unemployed;
 * - the rest are traits of their own.
 */
export const TARGET_GROUP_AXIS: Readonly<Record<TargetGroupId, string>> = {
  dagpenge: 'ydelse',
  kontanthjaelp: 'ydelse',
  jobparat: 'visitation',
  aktivitetsparat: 'visitation',
  sygemeldt: 'visitation',
  'psykisk-lidelse': 'psykisk-lidelse',
  'alvorlig-psykisk-lidelse': 'alvorlig-psykisk-lidelse',
  ung: 'ung',
  nyledig: 'ledighed',
  langtidsledig: 'ledighed',
  ufaglaert: 'ufaglaert',
};

/**
 * What follows from the groups a text names, before populations are checked:
 * - a dagpengemodtager with no visitation group named is jobparat (insured unemployed people must be
 *   available for work; a sick member gets sygedagpenge and is named sygemeldt instead);
 * - a severe mental illness is a mental illness.
 */
export function impliedGroups(groups: Iterable<TargetGroupId>): Set<TargetGroupId> {
  const out = new Set(groups);
  if (out.has('dagpenge') && ![...out].some((g) => TARGET_GROUP_AXIS[g] === 'visitation')) out.add('jobparat');
  if (out.has('alvorlig-psykisk-lidelse')) out.add('psykisk-lidelse');
  return out;
}

/**
 * Instrument families: a rule about a parent also applies to its children
 * (a rule on `samtale` covers a `raadighedssamtale`; one on `virksomhedsrettet`
 * covers praktik, løntilskud, løntimer and IPS).
 */
export const INSTRUMENT_PARENT: Readonly<Partial<Record<InstrumentId, InstrumentId>>> = {
  raadighedssamtale: 'samtale',
  'digital-samtale': 'samtale',
  'privat-loentilskud': 'loentilskud',
  'offentligt-loentilskud': 'loentilskud',
  loentilskud: 'virksomhedsrettet',
  virksomhedspraktik: 'virksomhedsrettet',
  loentimer: 'virksomhedsrettet',
  ips: 'virksomhedsrettet',
};

/** True when `id` is `family` or descends from it. */
export function inFamily(id: InstrumentId, family: InstrumentId): boolean {
  let cur: InstrumentId | undefined = id;
  while (cur !== undefined) {
    if (cur === family) return true;
    cur = INSTRUMENT_PARENT[cur];
  }
  return false;
}

export function isInstrumentId(x: string): x is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(x);
}
export function isTargetGroupId(x: string): x is TargetGroupId {
  return (TARGET_GROUP_IDS as readonly string[]).includes(x);
}
