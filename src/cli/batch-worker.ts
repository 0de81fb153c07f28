import { parentPort, workerData } from 'worker_threads';
import { runTask, type BatchContext, type BatchTask } from './batch-tasks';

/** A worker thread of the batch pool (pool.ts): one task at a time, results in the same order of arrival. */

const ctx = workerData as BatchContext;
const port = parentPort;
if (port) {
  port.on('message', (msg: { i: number; task: BatchTask }) => {
    void runTask(msg.task, ctx).then((outcome) => port.postMessage({ i: msg.i, outcome }));
  });
}
