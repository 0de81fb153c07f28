import {
  Caption1,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  TagGroup,
} from '@fluentui/react-components';
import { TARGET_GROUP_IDS, TARGET_GROUP_LABELS, isTargetGroupId, type Span, type TargetGroupId } from '../../core';
import type { PaneActions } from '../paneActions';
import type { PaneState } from '../paneReducer';
import { usePaneStyles } from './paneStyles';

/** "Borgeren": the target groups found, plus the user's additions, minus removals; a tag selects its first mention where the host can select. */
export function TargetGroups({ state, actions }: { state: PaneState; actions: PaneActions }): JSX.Element {
  const styles = usePaneStyles();
  const groups = state.analysis?.targetGroups ?? [];
  const groupHits = new Map(groups.map((g) => [g.id, g.mentions.length]));
  const groupMentions = new Map(groups.filter((g) => g.mentions[0]).map((g) => [g.id, g.mentions[0] as Span]));
  const shownGroups: TargetGroupId[] = TARGET_GROUP_IDS.filter(
    (g) => (groupHits.has(g) || state.overrides.add.includes(g)) && !state.overrides.remove.includes(g),
  );
  const addableGroups = TARGET_GROUP_IDS.filter((g) => !shownGroups.includes(g));
  const onGroupDismiss = (_e: unknown, data: { value: string }) => {
    if (isTargetGroupId(data.value)) actions.removeGroup(data.value);
  };

  return (
    <section className={styles.section} aria-labelledby="jpe-h-borger">
      <h2 id="jpe-h-borger" className={styles.h2}>
        Borgeren
      </h2>
      <Caption1 className={styles.muted}>Målgrupper fundet i teksten. Fjern eller tilføj en målgruppe for at se forslagene for den.</Caption1>
      <div className={styles.tags}>
        {shownGroups.length > 0 ? (
          <TagGroup onDismiss={onGroupDismiss} aria-label="Borgerens målgrupper" size="small" className={styles.tagGroup}>
            {shownGroups.map((g) => {
              const first = groupMentions.get(g);
              const label = TARGET_GROUP_LABELS[g];
              return (
                <InteractionTag key={g} value={g} shape="circular" appearance={first ? 'brand' : 'outline'} data-group={g}>
                  <InteractionTagPrimary
                    hasSecondaryAction
                    onClick={() => first && state.caps.canSelect && void actions.select(first)}
                    aria-description={first ? 'Vis i dokumentet' : 'Tilføjet af dig'}
                  >
                    {label}
                    {!first ? ' (tilføjet)' : ''}
                  </InteractionTagPrimary>
                  {/* Fluent labels this button by the tag's name plus its own label ("X Fjern X"); its own label says it all. */}
                  <InteractionTagSecondary aria-label={`Fjern ${label}`} aria-labelledby={undefined} />
                </InteractionTag>
              );
            })}
          </TagGroup>
        ) : (
          <Caption1>
            Ingen målgruppe fundet. Forskningen gælder bestemte grupper, så forslagene kommer, når du har tilføjet borgerens målgruppe.
          </Caption1>
        )}
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton size="small" appearance="subtle" disabled={!addableGroups.length}>
              Tilføj målgruppe
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList aria-label="Målgrupper">
              {addableGroups.map((g) => (
                <MenuItem key={g} onClick={() => actions.addGroup(g)} data-group={g}>
                  {TARGET_GROUP_LABELS[g]}
                  {state.overrides.remove.includes(g) ? ' (fjernet)' : ''}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
    </section>
  );
}
