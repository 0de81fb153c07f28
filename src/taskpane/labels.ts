import { DIRECTION_LABELS, STRENGTH_LABELS, TARGET_GROUP_LABELS, type Population, type Suggestion, type TargetGroupId } from '../core';

/** The pane's own Danish wording; the words it shares with the CLI live in core/wording.ts. */
export { AVERAGE_EFFECT_CAVEAT, KIND_HEADINGS, KIND_ORDER, NOT_INSERTABLE_NOTE, VIEWPOINT_NOTE, cprCountText } from '../core';

export type BadgeColor = 'success' | 'danger' | 'warning' | 'informative' | 'subtle';

export interface EvidenceBadgeInfo {
  /** Short text on the badge, e.g. "Stærk evidens · positiv effekt". */
  text: string;
  color: BadgeColor;
}

export function evidenceBadge(s: Pick<Suggestion, 'direction' | 'strength' | 'advocacy'>): EvidenceBadgeInfo {
  if (s.advocacy || s.strength === 'claim') {
    return { text: STRENGTH_LABELS.claim, color: 'subtle' };
  }
  const text = `${STRENGTH_LABELS[s.strength]} · ${DIRECTION_LABELS[s.direction]}`;
  switch (s.direction) {
    case 'positive':
      return { text, color: 'success' };
    case 'negative':
      return { text, color: 'danger' };
    case 'mixed':
      return { text, color: 'warning' };
    default:
      return { text, color: 'informative' };
  }
}

/** Whom the card is for: the groups its rule matched, else the population its first finding was found in. */
export function groupsText(groups: readonly TargetGroupId[], population?: Pick<Population, 'label' | 'groups'>): string {
  if (groups.length) return `Gælder: ${groups.map((g) => TARGET_GROUP_LABELS[g]).join(', ')}`;
  if (population?.groups.length) return `Fundet blandt ${population.label}`;
  return 'Gælder uanset målgruppe';
}

export const DISMISS_REASONS = [
  { code: 'not-relevant', label: 'Ikke relevant for borgeren' },
  { code: 'considered', label: 'Allerede overvejet' },
  { code: 'other', label: 'Andet' },
] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number]['code'];

export function isDismissReason(x: unknown): x is DismissReason {
  return typeof x === 'string' && DISMISS_REASONS.some((r) => r.code === x);
}

export function dismissReasonLabel(code: DismissReason): string {
  return DISMISS_REASONS.find((r) => r.code === code)?.label ?? code;
}

export function mentionsText(n: number): string {
  return n === 1 ? '1 omtale' : `${n} omtaler`;
}

/** The line under the toolbar when nothing is inserted yet: what "Kildeliste" would cover. */
export function referenceScopeText(shown: number): string {
  if (shown === 0) return 'Ingen forslag er vist, så der er ingen kilder til en kildeliste endnu.';
  if (shown === 1) return 'Ingen forslag er indsat endnu – kildelisten dækker derfor det viste forslag.';
  return `Ingen forslag er indsat endnu – kildelisten dækker derfor alle ${shown} viste forslag.`;
}

/** Screen-reader description of "Indsæt alle". */
export function insertAllDescription(n: number): string {
  if (n === 0) return 'Der er ingen viste forslag at indsætte';
  if (n === 1) return 'Indsætter det viste forslag ved dets omtale og opdaterer kildelisten';
  return `Indsætter alle ${n} viste forslag ved deres omtale og opdaterer kildelisten`;
}
