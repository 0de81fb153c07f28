import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { CitationStyle, EvidenceSet, Register } from '../../core';
import type { Host } from '../../hosts/host';
import { Lookup } from './Lookup';
import { usePaneStyles } from './paneStyles';

/** "Opslag i evidensen", collapsed until opened. */
export function LookupSection(props: { host: Host; set: EvidenceSet; register: Register; citationStyle: CitationStyle; canInsert: boolean }): JSX.Element {
  const styles = usePaneStyles();
  const [open, setOpen] = React.useState(false);
  return (
    <section className={styles.section} aria-labelledby="jpe-h-opslag">
      <h2 id="jpe-h-opslag" className={styles.h2}>
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls="jpe-lookup-panel"
          onClick={() => setOpen((v) => !v)}
          data-testid="jpe-lookup-toggle"
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>&nbsp;Opslag i evidensen
        </Button>
      </h2>
      <div id="jpe-lookup-panel" hidden={!open}>
        {open && <Lookup {...props} />}
      </div>
    </section>
  );
}
