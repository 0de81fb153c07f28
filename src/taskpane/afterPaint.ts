/** Wait until the browser has painted (so a spinner shows before a long synchronous analysis). */
export function afterPaint(fn: () => void): void {
  // rAF does not fire while the pane is hidden: a timer makes sure the analysis still runs.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 120);
}
