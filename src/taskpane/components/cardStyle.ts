import { shorthands, tokens } from '@fluentui/react-components';

/** The look every evidence card shares (suggestion cards and Opslag): one place to change it. */
export const CARD_BASE = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalS,
  padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  backgroundColor: tokens.colorNeutralBackground1,
  ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  borderRadius: tokens.borderRadiusMedium,
} as const;

/** A quoted passage of a source inside a card. */
export const QUOTE_STYLE = {
  margin: 0,
  paddingLeft: tokens.spacingHorizontalM,
  borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  color: tokens.colorNeutralForeground2,
  fontStyle: 'italic',
} as const;
