import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { CprPlace } from '../paneReducer';
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
  /** The item goes out by e-mail (Outlook). */
  sendsByMail: boolean;
  /** The item is a draft that can still go out, vs. read mode. */
  compose: boolean;
  canSelect: boolean;
  onSelect(index: number): void;
}

/**
 * The CPR guard. A mail draft: a clear warning that CPR numbers must not go by ordinary
 * e-mail, with the places listed. Documents, and mail in read mode: a quiet note with the
 * places collapsed. Only masked numbers are ever rendered (text, labels and titles alike).
 */
export function CprNotice({ places, sendsByMail, compose, canSelect, onSelect }: CprNoticeProps): JSX.Element | null {
  const styles = useStyles();
  const warn = sendsByMail && compose;
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
  const what = sendsByMail ? 'Mailen' : 'Dokumentet';
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
