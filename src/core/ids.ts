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
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export const TARGET_GROUP_IDS = [
  'dagpenge',
  'jobparat',
  'aktivitetsparat',
  'kontanthjaelp',
  'sygemeldt',
  'psykisk-lidelse',
  'ung',
  'langtidsledig',
  'nyledig',
  'ufaglaert',
] as const;
export type TargetGroupId = (typeof TARGET_GROUP_IDS)[number];

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
};

export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroupId, string>> = {
  dagpenge: 'Dagpengemodtager',
  jobparat: 'Jobparat',
  aktivitetsparat: 'Aktivitetsparat',
  kontanthjaelp: 'Kontanthjælpsmodtager',
  sygemeldt: 'Sygemeldt',
  'psykisk-lidelse': 'Psykisk lidelse',
  ung: 'Ung',
  langtidsledig: 'Langtidsledig',
  nyledig: 'Nyledig',
  ufaglaert: 'Ufaglært',
};

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
