/** jsdom lacks matchMedia, which Fluent UI's motion utilities query: a quiet stand-in for the pane tests. */
export function installMatchMedia(): void {
  if (typeof (window as { matchMedia?: unknown }).matchMedia === 'function') return;
  window.matchMedia = ((q: string) => ({
    matches: false,
    media: q,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
