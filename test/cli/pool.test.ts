import * as fs from 'fs';
import * as path from 'path';
import { runPool, type PoolControl } from '../../src/cli/pool';
import type { BatchContext, BatchTask } from '../../src/cli/batch-tasks';
import { tempDir } from './helpers';

/** The worker pool with stand-in workers (plain .js files): order, a crashing worker, stop. */

const ctx: BatchContext = { register: 'fagperson', style: 'short', groups: { add: [], remove: [] }, force: false, cwd: '/' };
const tasks = (n: number): BatchTask[] => Array.from({ length: n }, (_, i) => ({ op: 'analyze', file: `f${i}.txt` }));

function worker(body: string): string {
  const file = path.join(tempDir(), 'worker.js');
  fs.writeFileSync(
    file,
    `const { parentPort } = require('worker_threads');
parentPort.on('message', ({ i, task }) => {
  const ok = (v) => parentPort.postMessage({ i, outcome: { ok: true, value: { file: task.file, instruments: [], targetGroups: [], cards: { support: [v], caution: [], consider: [], viewpoint: [] } } } });
  ${body}
});`,
  );
  return file;
}

test('results in input order, whatever finishes first', async () => {
  // later tasks finish first
  const script = worker('setTimeout(() => ok(String(i)), (20 - i) * 5);');
  const done: number[] = [];
  const r = await runPool(tasks(20), { jobs: 4, ctx, script, onDone: (d) => done.push(d) });
  expect(r.stopped).toBe(false);
  expect(r.outcomes.map((o) => (o?.ok ? o.value.file : null))).toEqual(tasks(20).map((t) => (t.op === 'analyze' ? t.file : '')));
  expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
});

test('a worker that dies fails its task with a message; a new worker takes the rest', async () => {
  const script = worker("if (task.file === 'f3.txt') process.exit(3); ok('x');");
  const r = await runPool(tasks(8), { jobs: 2, ctx, script });
  expect(r.outcomes[3]).toEqual({ ok: false, error: 'internal error: the worker stopped (exit code 3)' });
  expect(r.outcomes.filter((o) => o?.ok)).toHaveLength(7);
});

test('stop(): nothing new is dispatched, the tasks in flight finish', async () => {
  const script = worker('setTimeout(() => ok(String(i)), 30);');
  let control: PoolControl | undefined;
  let stopped = false;
  const r = await runPool(tasks(50), {
    jobs: 2,
    ctx,
    script,
    control: (c) => (control = c),
    onDone: (d) => {
      if (d === 3 && !stopped) {
        stopped = true;
        control?.stop();
      }
    },
  });
  expect(r.stopped).toBe(true);
  const finished = r.outcomes.filter(Boolean).length;
  expect(finished).toBeGreaterThanOrEqual(3);
  expect(finished).toBeLessThanOrEqual(4); // the one still in flight on the other worker
  expect(r.outcomes.slice(0, 3).every((o) => o?.ok)).toBe(true);
});
