import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Host } from '../hosts/host';
import { CprNotice } from './components/CprNotice';
import { ErrorBoundary } from './components/ErrorBoundary';
import { InstrumentList } from './components/InstrumentList';
import { LookupSection } from './components/LookupSection';
import { NoticeList } from './components/NoticeList';
import { SettingsSection } from './components/SettingsSection';
import { StaleCitations } from './components/StaleCitations';
import { SuggestionList } from './components/SuggestionList';
import { TargetGroups } from './components/TargetGroups';
import { Toolbar } from './components/Toolbar';
import { usePaneStyles } from './components/paneStyles';
import { usePane } from './usePane';

export interface PaneProps {
  host: Host;
}

/**
 * The task pane proper (also embedded by the browser demo): it only composes the sections. What a
 * section offers follows the host's capabilities (state.caps), never which host it is.
 */
export function Pane({ host }: PaneProps): JSX.Element {
  const styles = usePaneStyles();
  const [state, actions] = usePane(host);
  const { analysis, caps, set } = state;
  const announcement = state.analysisCount > 0 ? `Analysen er opdateret${state.analysisCount % 2 ? '' : '\u00a0'}` : '';

  return (
    <main className={styles.root} aria-busy={state.busy} data-testid="jpe-pane">
      {state.busy && <ProgressBar className={styles.progress} thickness="medium" aria-label="Analyserer dokumentet" />}
      <Toolbar state={state} actions={actions} />

      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>

      {!state.loading && (
        <CprNotice
          places={state.cpr}
          sendsByMail={caps.sendsByMail}
          compose={caps.canInsert}
          canSelect={caps.canSelect}
          onSelect={(i) => void actions.selectCpr(i)}
        />
      )}

      <NoticeList state={state} actions={actions} />

      {state.loading ? (
        <Spinner size="small" label="Analyserer dokumentet …" />
      ) : (
        analysis &&
        !state.empty && (
          <>
            {set && (
              <StaleCitations
                stale={state.stale}
                set={set}
                canUpdate={caps.canInsert && !!host.updateInserted}
                canRemove={caps.canInsert && !!host.removeInserted}
                onUpdate={(c) => void actions.updateStale(c)}
                onRemove={(c) => void actions.removeStale(c)}
              />
            )}
            <TargetGroups state={state} actions={actions} />
            <InstrumentList instruments={analysis.instruments} canSelect={caps.canSelect} onSelect={actions.select} />
            <SuggestionList state={state} actions={actions} set={set} />
          </>
        )
      )}

      {set && <LookupSection host={host} set={set} register={state.register} citationStyle={state.settings.citationStyle} canInsert={caps.canInsert} />}

      <SettingsSection state={state} actions={actions} />

      <footer className={styles.footer}>
        Teksten analyseres kun på denne computer – intet sendes videre. Forslagene bygger på STAR&apos;s vidensnotater og
        erstatter ikke en individuel vurdering.
      </footer>
    </main>
  );
}

export interface AppProps {
  host: Host;
  dark?: boolean;
}

export function App({ host, dark }: AppProps): JSX.Element {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <ErrorBoundary>
        <Pane host={host} />
      </ErrorBoundary>
    </FluentProvider>
  );
}

/** A notice on its own (Office missing, unsupported host), styled like the pane. */
export function StandaloneNotice(props: { title: string; body: string; intent?: 'info' | 'warning' | 'error'; busy?: boolean }): JSX.Element {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh', padding: 12, boxSizing: 'border-box' }}>
      <main>
        <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 12px' }}>Jobplan Evidens</h1>
        {props.busy ? (
          <Spinner size="small" label={props.body} />
        ) : (
          <MessageBar intent={props.intent ?? 'info'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{props.title}</MessageBarTitle>
              {props.body}
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
