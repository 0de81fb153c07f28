import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { runTask, type BatchContext, type BatchTask, type Outcome } from './batch-tasks';

/**
 * Run a batch on a pool of worker threads: `jobs` workers (default: os.availableParallelism()),
 * one task each at a time, results stored by input index (so the output order is the input
 * order, whatever finishes first). `interrupted()` stops dispatching; the tasks in flight finish
 * (each writes its output via a temporary file, so nothing is half-written); `abort()` also
 * terminates the workers at once.
 */

/** Files a worker should get before another one pays off: each loads and compiles the engine (~0.5 s of CPU). */
export const FILES_PER_WORKER = 32;

/**
 * The pool size without --jobs: os.availableParallelism(), but no more workers than there are
 * FILES_PER_WORKER files for (a folder of 3 plans gets 1 worker, not one per core).
 */
export function defaultJobs(files = Infinity): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
  return Math.max(1, Math.min(cores, Math.ceil(files / FILES_PER_WORKER)));
}

/** The compiled worker (lib/cli/batch-worker.js); null when running from the TypeScript sources. */
export function workerScript(): string | null {
  const p = path.join(__dirname, 'batch-worker.js');
  return existsSync(p) ? p : null;
}

export interface PoolControl {
  /** Stop dispatching; the tasks in flight finish. */
  stop(): void;
  /** Stop now: terminate the workers (their tasks get no outcome). */
  abort(): void;
}

export interface PoolResult {
  /** undefined: not run (stopped before it was dispatched, or aborted while running). */
  outcomes: Array<Outcome | undefined>;
  stopped: boolean;
}

export interface PoolOptions {
  jobs: number;
  ctx: BatchContext;
  /** After each finished task. */
  onDone?: (done: number, total: number) => void;
  /** Receives the controls once the pool runs. */
  control?: (c: PoolControl) => void;
  /** Test hook: the worker script (null: in-process). Default: workerScript(). */
  script?: string | null;
}

export async function runPool(tasks: readonly BatchTask[], opts: PoolOptions): Promise<PoolResult> {
  const script = opts.script === undefined ? workerScript() : opts.script;
  return script ? runInWorkers(tasks, script, opts) : runInProcess(tasks, opts);
}

async function runInProcess(tasks: readonly BatchTask[], opts: PoolOptions): Promise<PoolResult> {
  const outcomes: Array<Outcome | undefined> = new Array(tasks.length).fill(undefined);
  let stopped = false;
  opts.control?.({ stop: () => void (stopped = true), abort: () => void (stopped = true) });
  let done = 0;
  for (let i = 0; i < tasks.length && !stopped; i++) {
    outcomes[i] = await runTask(tasks[i] as BatchTask, opts.ctx);
    opts.onDone?.(++done, tasks.length);
  }
  return { outcomes, stopped };
}

function runInWorkers(tasks: readonly BatchTask[], script: string, opts: PoolOptions): Promise<PoolResult> {
  return new Promise((resolve) => {
    const total = tasks.length;
    const outcomes: Array<Outcome | undefined> = new Array(total).fill(undefined);
    const size = Math.max(1, Math.min(opts.jobs, total));
    const workers = new Set<Worker>();
    let next = 0;
    let done = 0;
    let stopped = false;
    let finished = false;

    const finish = () => {
      if (finished) return;
      finished = true;
      const ending = [...workers].map((w) => w.terminate().catch(() => 0));
      workers.clear();
      // resolved once every thread is gone: nothing writes after the caller cleans up
      void Promise.all(ending).then(() => resolve({ outcomes, stopped }));
    };
    const maybeFinish = () => {
      if (workers.size === 0 || (done === total && !stopped) || (stopped && [...busy.values()].every((b) => b === null))) finish();
    };
    const busy = new Map<Worker, number | null>();

    const dispatch = (w: Worker) => {
      if (stopped || next >= total) {
        busy.set(w, null);
        maybeFinish();
        return;
      }
      const i = next++;
      busy.set(w, i);
      w.postMessage({ i, task: tasks[i] });
    };

    const start = () => {
      const w = new Worker(script, { workerData: opts.ctx });
      workers.add(w);
      w.on('message', (msg: { i: number; outcome: Outcome }) => {
        outcomes[msg.i] = msg.outcome;
        done++;
        opts.onDone?.(done, total);
        dispatch(w);
      });
      // A worker that crashes (or exits) while it runs a task: that task fails with a message, a new worker takes over.
      const lost = (why: string) => {
        if (!workers.has(w)) return;
        const i = busy.get(w);
        workers.delete(w);
        busy.delete(w);
        if (finished) return;
        if (typeof i === 'number') {
          outcomes[i] = { ok: false, error: `internal error: the worker stopped (${why})` };
          done++;
          opts.onDone?.(done, total);
        }
        if (!stopped && next < total) start();
        else maybeFinish();
      };
      w.on('error', (e) => lost(String(e instanceof Error ? e.message : e).split('\n')[0] ?? 'error'));
      w.on('exit', (code) => lost(`exit code ${code}`));
      dispatch(w);
    };

    opts.control?.({
      stop: () => {
        stopped = true;
        maybeFinish();
      },
      abort: () => {
        stopped = true;
        finish();
      },
    });
    for (let k = 0; k < size; k++) start();
  });
}
