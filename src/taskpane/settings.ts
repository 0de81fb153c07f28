import type { CitationStyle, Register } from '../core';
import { isDismissReason, type DismissReason } from './labels';

/**
 * What the pane stores with the document via host.saveSettings. Ids and codes
 * only — never any document text (privacy): suggestion ids are rule ids from
 * the bundled evidence set, reasons are fixed codes, domains are lowercase
 * domain names the user typed in the settings.
 */
export interface PaneSettings {
  dismissed: Record<string, DismissReason>;
  citationStyle: CitationStyle;
  /** The register the user chose last ("Forslagenes sprog"). */
  register: Register;
  /** Outlook: the organisation's own mail domains ("Interne maildomæner"); a recipient elsewhere makes "Til borgeren" the default. */
  internalDomains: string[];
}

export const DEFAULT_SETTINGS: PaneSettings = {
  dismissed: {},
  citationStyle: 'short',
  register: 'fagperson',
  internalDomains: [],
};

const ID = /^[a-z0-9][a-z0-9:@._-]{0,120}$/;
/** A lowercase domain name: labels of letters, digits and hyphens, at least one dot. */
const DOMAIN = /^(?=.{3,120}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
export const MAX_DOMAINS = 50;

export function isDomain(x: unknown): x is string {
  return typeof x === 'string' && DOMAIN.test(x);
}

/**
 * "aarhus.dk, @Jobcenter.dk; x" → valid domains, lowercased, without "@", each once.
 * Returns the domains and the pieces that were not domains (for a hint in the pane).
 */
export function parseDomainList(input: string): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const raw of input.split(/[\s,;]+/)) {
    const d = raw.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
    if (!d) continue;
    if (!isDomain(d)) invalid.push(raw.trim());
    else if (!domains.includes(d) && domains.length < MAX_DOMAINS) domains.push(d);
  }
  return { domains, invalid };
}

/** Accept only well-formed ids/codes from whatever the host hands back. */
export function parseSettings(raw: Record<string, unknown> | null | undefined): PaneSettings {
  const out: PaneSettings = { ...DEFAULT_SETTINGS, dismissed: {}, internalDomains: [] };
  if (!raw || typeof raw !== 'object') return out;
  const d = raw['dismissed'];
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
      if (ID.test(k) && isDismissReason(v)) out.dismissed[k] = v;
    }
  }
  // Read-only migration: earlier versions also stored a flat list of "id:reason" strings
  // (the host's settings sanitiser used to drop nested objects). It is no longer written.
  const flat = raw['dismissedList'];
  if (Array.isArray(flat)) {
    for (const x of flat) {
      if (typeof x !== 'string') continue;
      const i = x.lastIndexOf(':');
      const k = x.slice(0, i);
      const v = x.slice(i + 1);
      if (i > 0 && ID.test(k) && isDismissReason(v) && !(k in out.dismissed)) out.dismissed[k] = v;
    }
  }
  if (raw['citationStyle'] === 'short' || raw['citationStyle'] === 'full') out.citationStyle = raw['citationStyle'];
  if (raw['register'] === 'fagperson' || raw['register'] === 'borger') out.register = raw['register'];
  const doms = raw['internalDomains'];
  if (Array.isArray(doms)) out.internalDomains = parseDomainList(doms.filter((x): x is string => typeof x === 'string').join(',')).domains;
  return out;
}

export function serializeSettings(s: PaneSettings): Record<string, unknown> {
  const dismissed: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.dismissed)) if (ID.test(k) && isDismissReason(v)) dismissed[k] = v;
  const internalDomains = s.internalDomains.filter(isDomain).slice(0, MAX_DOMAINS);
  return { dismissed, citationStyle: s.citationStyle, register: s.register, internalDomains };
}
