import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { HostKind } from '../../hosts/host';
import type { CprPlace } from '../usePane';
import { cprCountText } from '../labels';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  number: { fontFamily: tokens.fontFamilyMonospace, fontVariantNumeric: 'tabular-nums' },
  toggle: { marginTop: tokens.spacingVerticalXXS, paddingLeft: 0, minWidth: 0 },
});

export interface CprNoticeProps {
  places: readonly CprPlace[];
  kind: HostKind;
  /** Outlook compose (the draft can still go out) vs. everything else. */
  compose: boolean;
  canSelect: boolean;
  onSelect(index: number): void;
}

/**
 * The CPR guard. Outlook compose: a clear warning that CPR numbers must not go by ordinary
 * e-mail, with the places listed. Word, the demo and Outlook read mode: a quiet note with the
 * places collapsed. Only masked numbers are ever rendered (text, labels and titles alike).
 */
export function CprNotice({ places, kind, compose, canSelect, onSelect }: CprNoticeProps): JSX.Element | null {
  const styles = useStyles();
  const warn = kind === 'outlook' && compose;
  const [open, setOpen] = React.useState(warn);
  const listId = React.useId();
  if (!places.length) return null;
  const n = places.length;

  const list = (
    <ul id={listId} className={styles.list} aria-label="CPR-numre i teksten (maskeret)">
      {places.map((p, i) => (
        <li key={`${p.start}-${i}`}>
          {canSelect ? (
            <Button size="small" appearance="outline" onClick={() => onSelect(i)} aria-label={`Vis ${p.masked} i dokumentet`}>
              <span className={styles.number}>{p.masked}</span>
            </Button>
          ) : (
            <span className={styles.number}>{p.masked}</span>
          )}
        </li>
      ))}
    </ul>
  );

  if (warn) {
    return (
      <MessageBar intent="warning" layout="multiline" data-notice="cpr" data-intent="warning" data-testid="jpe-cpr">
        <MessageBarBody>
          <MessageBarTitle>Udkastet indeholder {cprCountText(n)}.</MessageBarTitle>
          CPR-numre må ikke sendes med almindelig e-mail – brug sikker mail (fx Digital Post eller krypteret mail).
          {list}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const what = kind === 'outlook' ? 'Mailen' : 'Dokumentet';
  return (
    <MessageBar intent="info" layout="multiline" data-notice="cpr" data-intent="info" data-testid="jpe-cpr">
      <MessageBarBody>
        {what} indeholder {cprCountText(n)}.
        <div>
          <Button
            size="small"
            appearance="transparent"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Skjul steder' : 'Vis steder'}
          </Button>
        </div>
        {open && list}
      </MessageBarBody>
    </MessageBar>
  );
}
