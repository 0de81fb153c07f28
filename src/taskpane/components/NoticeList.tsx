import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarGroup, MessageBarTitle } from '@fluentui/react-components';
import { derivedNotices, type Notice } from '../notices';
import type { PaneActions } from '../paneActions';
import type { PaneState } from '../paneReducer';

/** The notices: those the state implies (not closable) first, then those actions and errors left (closable). */
export function NoticeList({ state, actions }: { state: PaneState; actions: PaneActions }): JSX.Element | null {
  const derived = derivedNotices({
    canInsert: state.caps.canInsert,
    analysed: !!state.analysis,
    empty: state.empty,
    busy: state.busy,
    instruments: state.analysis?.instruments.length ?? 0,
    textLength: state.textLength,
    reanalyse: actions.reanalyze,
  });
  const notices: Notice[] = [...derived, ...state.notices];
  if (!notices.length) return null;
  return (
    <MessageBarGroup>
      {notices.map((n) => (
        <MessageBar key={n.key} intent={n.intent} layout="multiline" data-notice={n.key}>
          <MessageBarBody>
            {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
            {n.body}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              state.notices.includes(n) ? (
                <Button appearance="transparent" size="small" aria-label="Luk besked" onClick={() => actions.closeNotice(n.key)}>
                  ✕
                </Button>
              ) : undefined
            }
          >
            {n.actionLabel && n.onAction ? (
              <Button size="small" onClick={n.onAction}>
                {n.actionLabel}
              </Button>
            ) : undefined}
          </MessageBarActions>
        </MessageBar>
      ))}
    </MessageBarGroup>
  );
}
