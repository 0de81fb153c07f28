import type { Analysis, AnalyzeOptions, EvidenceSet } from '../../core';
import { createAnalysisSession, type AnalysisReply, type AnalysisRequest, type AnalysisSession } from './session';

/** Runs the core's analysis for the pane; where it runs is the implementation's business. */
export interface Analyzer {
  analyze(text: string, options: AnalyzeOptions): Promise<Analysis>;
  dispose(): void;
}

/**
 * Texts from this length on (about 8 pages of a plan) are analysed in the worker. Below it the
 * analysis takes a few milliseconds (under 10 ms at 10 000 characters, ≈ 25 ms at 30 000 on the
 * project's 2-core machine), less than the worker's start (its chunk, and parsing the evidence set
 * once) plus copying the text and the result between threads; above it, an office PC slower than
 * that machine would hold the pane for more than a frame or two (a 100-page plan: 16–100 ms here).
 */
export const WORKER_THRESHOLD_CHARS = 20_000;

/** On the pane's thread (jsdom, no Worker, or the worker failed). */
export function createInThreadAnalyzer(set: EvidenceSet): Analyzer {
  let session: AnalysisSession | null = null;
  return {
    analyze: async (text, options) => {
      session ??= createAnalysisSession(set);
      return session.update(text, options);
    },
    dispose: () => {
      session = null;
    },
  };
}

/** What the worker analyser needs of a Worker (a test can hand in a stand-in). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/**
 * In a Web Worker, started on first use. When the worker cannot start, fails to load or breaks,
 * every open and later request goes to `fallback`: a result is never lost.
 */
export function createWorkerAnalyzer(spawn: () => WorkerLike | Promise<WorkerLike>, fallback: Analyzer): Analyzer {
  let worker: Promise<WorkerLike | null> | null = null;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, { text: string; options: AnalyzeOptions; resolve: (a: Analysis) => void; reject: (e: unknown) => void }>();

  const giveUp = () => {
    if (broken) return;
    broken = true;
    void worker?.then((w) => w?.terminate());
    const open = [...pending.values()];
    pending.clear();
    for (const p of open) fallback.analyze(p.text, p.options).then(p.resolve, p.reject);
  };

  const start = (): Promise<WorkerLike | null> =>
    (worker ??= Promise.resolve()
      .then(spawn)
      .then((w) => {
        w.addEventListener('message', (e: MessageEvent<AnalysisReply>) => {
          const p = pending.get(e.data.id);
          if (!p) return;
          pending.delete(e.data.id);
          if ('analysis' in e.data) p.resolve(e.data.analysis);
          // The core threw in the worker: it would throw here too, so the error is the answer.
          else p.reject(new Error(e.data.error));
        });
        w.addEventListener('error', (e: Event) => {
          e.preventDefault?.();
          giveUp();
        });
        w.addEventListener('messageerror', giveUp);
        return w;
      })
      .catch(() => {
        giveUp();
        return null;
      }));

  return {
    analyze: (text, options) => {
      if (broken) return fallback.analyze(text, options);
      return new Promise<Analysis>((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { text, options, resolve, reject });
        void start().then((w) => {
          if (!w || broken || !pending.has(id)) return;
          const req: AnalysisRequest = { id, text, options };
          try {
            w.postMessage(req);
          } catch {
            giveUp();
          }
        });
      });
    },
    dispose: () => {
      void worker?.then((w) => w?.terminate());
      worker = null;
      pending.clear();
      fallback.dispose();
    },
  };
}

/**
 * The pane's analyser: short texts in this thread, long ones in the worker when the environment
 * has Web Workers; the worker falls back to this thread if it cannot run.
 */
export function createAnalyzer(set: EvidenceSet, threshold = WORKER_THRESHOLD_CHARS): Analyzer {
  const local = createInThreadAnalyzer(set);
  if (typeof Worker === 'undefined') return local;
  const remote = createWorkerAnalyzer(async () => (await import(/* webpackMode: "eager" */ './spawn')).spawnAnalysisWorker(), local);
  return {
    analyze: (text, options) => (text.length >= threshold ? remote : local).analyze(text, options),
    dispose: () => remote.dispose(),
  };
}
