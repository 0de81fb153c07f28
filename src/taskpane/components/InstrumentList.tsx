import { Badge, Button, Caption1 } from '@fluentui/react-components';
import { INSTRUMENT_LABELS, type Analysis } from '../../core';
import { mentionsText } from '../labels';
import type { PaneActions } from '../paneActions';
import { usePaneStyles } from './paneStyles';

/** "Indsatser i teksten": each instrument found; a click selects its first mention where the host can select. */
export function InstrumentList(props: { instruments: Analysis['instruments']; canSelect: boolean; onSelect: PaneActions['select'] }): JSX.Element {
  const styles = usePaneStyles();
  const { instruments, canSelect, onSelect } = props;
  return (
    <section className={styles.section} aria-labelledby="jpe-h-indsatser">
      <h2 id="jpe-h-indsatser" className={styles.h2}>
        Indsatser i teksten
      </h2>
      {instruments.length ? (
        <ul className={styles.list}>
          {instruments.map((hit) => {
            const first = hit.mentions[0];
            return (
              <li key={hit.id}>
                <Button
                  appearance="subtle"
                  size="small"
                  className={styles.instrument}
                  disabled={!canSelect || !first}
                  onClick={() => first && void onSelect(first)}
                  title={canSelect ? 'Vis i dokumentet' : undefined}
                  data-instrument={hit.id}
                >
                  <span>{INSTRUMENT_LABELS[hit.id]}</span>
                  <span className={styles.muted}>{mentionsText(hit.mentions.length)}</span>
                  {hit.negated && (
                    <Badge appearance="outline" color="important" size="small">
                      fravalgt
                    </Badge>
                  )}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : (
        <Caption1 className={styles.muted}>Ingen indsatser fundet.</Caption1>
      )}
    </section>
  );
}
