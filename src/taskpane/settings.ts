import type { CitationStyle, Register } from '../core';
import { isDismissReason, type DismissReason } from './labels';

/**
 * What the pane stores with the document via host.saveSettings. Ids and codes
 * only — never any document text (privacy): suggestion ids are rule ids from
 * the bundled evidence set, reasons are fixed codes.
 */
export interface PaneSettings {
  dismissed: Record<string, DismissReason>;
  citationStyle: CitationStyle;
  register: Register;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  dismissed: {},
  citationStyle: 'short',
  register: 'fagperson',
};

const ID = /^[a-z0-9][a-z0-9:@._-]{0,120}$/;

/** Accept only well-formed ids/codes from whatever the host hands back. */
export function parseSettings(raw: Record<string, unknown> | null | undefined): PaneSettings {
  const out: PaneSettings = { ...DEFAULT_SETTINGS, dismissed: {} };
  if (!raw || typeof raw !== 'object') return out;
  const d = raw['dismissed'];
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
      if (ID.test(k) && isDismissReason(v)) out.dismissed[k] = v;
    }
  }
  // The same as a flat list of "id:reason" strings (kept by hosts whose settings store takes no nested objects).
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
  return out;
}

export function serializeSettings(s: PaneSettings): Record<string, unknown> {
  const dismissed: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.dismissed)) if (ID.test(k) && isDismissReason(v)) dismissed[k] = v;
  const dismissedList = Object.entries(dismissed).map(([k, v]) => `${k}:${v}`);
  return { dismissed, dismissedList, citationStyle: s.citationStyle, register: s.register };
}
