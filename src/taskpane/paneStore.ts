import { paneReducer, type PaneAction, type PaneState } from './paneReducer';

/**
 * The one place the pane's state lives: it changes only through paneReducer, synchronously, so
 * an action reads the state the last event left (no mirror next to React's copy). React reads it
 * with useSyncExternalStore. After close(), events are dropped (the pane is gone).
 */
export interface PaneStore {
  getState(): PaneState;
  dispatch(action: PaneAction): void;
  subscribe(listener: () => void): () => void;
  open(): void;
  close(): void;
}

export function createPaneStore(initial: PaneState): PaneStore {
  let state = initial;
  let open = false;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (a) => {
      if (!open) return;
      state = paneReducer(state, a);
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    open: () => {
      open = true;
    },
    close: () => {
      open = false;
    },
  };
}
