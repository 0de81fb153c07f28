import { Button, Caption1 } from '@fluentui/react-components';
import { insertAllDescription, referenceScopeText } from '../labels';
import type { PaneActions } from '../paneActions';
import { insertAllCandidates, referenceScope, type PaneState } from '../paneReducer';
import { usePaneStyles } from './paneStyles';

/** The title and the document-wide buttons: analyse again; where the host can insert, Kildeliste and Indsæt alle. */
export function Toolbar({ state, actions }: { state: PaneState; actions: PaneActions }): JSX.Element {
  const styles = usePaneStyles();
  const { caps } = state;
  const hasText = !!state.analysis && !state.empty;
  const scope = referenceScope(state);
  const insertAllCount = caps.canInsert ? insertAllCandidates(state).length : 0;
  return (
    <header className={styles.header} data-testid="pane-ready">
      <h1 className={styles.title}>Jobplan Evidens</h1>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={actions.reanalyze} disabled={state.busy && state.loading}>
          Analysér igen
        </Button>
        {caps.canInsert && (
          <Button onClick={() => void actions.referenceList()} disabled={!scope.findings.length}>
            Kildeliste
          </Button>
        )}
        {caps.canInsert && hasText && (
          <Button
            onClick={() => void actions.insertAll()}
            disabled={!insertAllCount || state.busy}
            aria-description={insertAllDescription(insertAllCount)}
          >
            Indsæt alle
          </Button>
        )}
      </div>
      {caps.canInsert && hasText && (
        <Caption1 className={styles.muted} data-testid="jpe-kildeliste-scope">
          {scope.fromInserted ? `Kildelisten dækker kilderne til de forslag, der er indsat i dokumentet.` : referenceScopeText(scope.count)}
        </Caption1>
      )}
    </header>
  );
}
