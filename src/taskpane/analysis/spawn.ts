/**
 * Starts the analysis worker. webpack 5 sees `new Worker(new URL(…, import.meta.url))` and emits the
 * worker as a chunk of its own, loaded from the same origin as the pane (CSP: script-src 'self').
 * Only loaded where `Worker` exists (never under jest, whose CommonJS build cannot hold import.meta).
 */
export function spawnAnalysisWorker(): Worker {
  // @ts-expect-error import.meta: the repo's tsconfig emits CommonJS for node/jest; webpack builds this file as an ES module.
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { name: 'jpe-analysis' });
}
