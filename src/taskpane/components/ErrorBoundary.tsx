import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

interface Props {
  children: React.ReactNode;
}
interface State {
  failed: boolean;
  attempt: number;
}

/** Never a blank pane: a render error shows a Danish notice with "Prøv igen" (which remounts the pane). */
export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Local console only (no telemetry); the message never contains document text by design of the pane.
    console.error('Jobplan Evidens: uventet fejl', error instanceof Error ? error.name : '');
  }

  private retry = () => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));

  override render(): React.ReactNode {
    if (this.state.failed) {
      return (
        <div style={{ padding: 12 }}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Der opstod en uventet fejl</MessageBarTitle>
              Jobplan Evidens kunne ikke vise ruden. Dit dokument er ikke ændret.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={this.retry}>Prøv igen</Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      );
    }
    return <React.Fragment key={this.state.attempt}>{this.props.children}</React.Fragment>;
  }
}
