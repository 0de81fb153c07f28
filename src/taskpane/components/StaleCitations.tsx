import * as React from 'react';
import { Button, Caption1, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import {
  INSTRUMENT_LABELS,
  STALE_REASON_LABEL,
  isInstrumentId,
  parseMarkerTag,
  type EvidenceSet,
  type StaleCitation,
} from '../../core';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sentence: { margin: 0, fontSize: tokens.fontSizeBase300 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS, alignItems: 'center' },
  confirm: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
});

export interface StaleCitationsProps {
  stale: readonly StaleCitation[];
  set: EvidenceSet;
  canUpdate: boolean;
  canRemove: boolean;
  onUpdate(c: StaleCitation): void;
  onRemove(c: StaleCitation): void;
}

const key = (c: StaleCitation, i: number) => `${String(c.handle ?? '')}|${c.tag}|${i}`;

function shorten(s: string, max = 140): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s+\S*$/, '')} …`;
}

/** "Forældede citater": citations inserted earlier that no longer match the evidence set or the document. Nothing is removed without a click and a confirmation. */
export function StaleCitations({ stale, set, canUpdate, canRemove, onUpdate, onRemove }: StaleCitationsProps): JSX.Element | null {
  const styles = useStyles();
  const [confirming, setConfirming] = React.useState<string | null>(null);
  if (!stale.length) return null;
  return (
    <section aria-labelledby="jpe-h-stale" data-testid="jpe-stale" style={{ display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS }}>
      <h2 id="jpe-h-stale" style={{ margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold }}>
        Forældede citater
      </h2>
      <Caption1 className={styles.muted}>Citater, som tilføjelsen har indsat tidligere, og som ikke længere passer.</Caption1>
      <ul className={styles.list}>
        {stale.map((c, i) => {
          const k = key(c, i);
          const f = set.findings.find((x) => x.id === c.finding);
          const instrument = parseMarkerTag(c.tag)?.instrument;
          const sentenceId = `jpe-stale-${i}`;
          const updatable = canUpdate && !!c.current && c.reasons.includes('changed') && c.handle !== undefined;
          const removable = canRemove && c.handle !== undefined;
          return (
            <li key={k} className={styles.item} data-stale-finding={c.finding} data-stale-reasons={c.reasons.join(" ")}>
              <p id={sentenceId} className={styles.sentence}>
                {f ? shorten(f.suggestion) : `Fundet »${c.finding}«`}
              </p>
              <Caption1 className={styles.muted}>
                {instrument && isInstrumentId(instrument) ? `${INSTRUMENT_LABELS[instrument]} · ` : ''}
                {c.current && c.current.version !== c.insertedVersion
                  ? `indsat som version ${c.insertedVersion}, nu version ${c.current.version}`
                  : `version ${c.insertedVersion}`}
              </Caption1>
              <ul className={styles.reasons}>
                {c.reasons.map((r) => (
                  <li key={r} data-reason={r}>
                    {STALE_REASON_LABEL[r]}
                  </li>
                ))}
              </ul>
              {confirming === k ? (
                <div className={styles.confirm} role="group" aria-label="Bekræft fjernelse">
                  <Text size={200}>Fjern det indsatte citat? Din egen tekst røres ikke.</Text>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={() => {
                        setConfirming(null);
                        onRemove(c);
                      }}
                    >
                      Ja, fjern
                    </Button>
                    <Button size="small" onClick={() => setConfirming(null)}>
                      Annullér
                    </Button>
                  </div>
                </div>
              ) : (
                (updatable || removable) && (
                  <div className={mergeClasses(styles.actions)} role="group" aria-label="Handlinger for citatet">
                    {updatable && (
                      <Button size="small" appearance="primary" onClick={() => onUpdate(c)} aria-describedby={sentenceId}>
                        Opdatér
                      </Button>
                    )}
                    {removable && (
                      <Button size="small" onClick={() => setConfirming(k)} aria-describedby={sentenceId}>
                        Fjern
                      </Button>
                    )}
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
