import * as React from 'react';
import type { Host } from '../hosts/host';
import type { PaneActions } from './paneActions';
import { createPaneController } from './paneController';
import type { PaneState } from './paneReducer';

export type { PaneActions } from './paneActions';
export type { CprPlace, GroupOverrides, PaneState } from './paneReducer';
export type { Notice, NoticeIntent } from './notices';

/**
 * The pane's state and actions for React: one controller per host (paneController.ts does the I/O,
 * paneReducer.ts the state), started on mount and stopped on unmount.
 */
export function usePane(host: Host): [PaneState, PaneActions] {
  const controller = React.useMemo(() => createPaneController(host), [host]);
  const state = React.useSyncExternalStore(controller.subscribe, controller.getState);
  React.useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  return [state, controller.actions];
}
