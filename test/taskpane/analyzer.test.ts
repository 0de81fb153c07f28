import { analyze, bundledEvidence } from '../../src/core';
import { createAnalyzer, createInThreadAnalyzer, createWorkerAnalyzer, type WorkerLike } from '../../src/taskpane/analysis/analyzer';
import { createAnalysisSession, type AnalysisReply, type AnalysisRequest } from '../../src/taskpane/analysis/session';

const set = bundledEvidence();
const PLAN = 'Borgeren er dagpengemodtager og ledig i 14 måneder. Vi aftaler virksomhedspraktik og en mentor.';
const OTHER = 'Borgeren er 23 år og får uddannelseshjælp. Der er ikke brug for mentor.';

/** A worker stand-in: answers on a later task, as a real one does, through a session of its own (structured-cloned data). */
function fakeWorker(opts: { failOnPost?: boolean } = {}) {
  const listeners: Record<string, ((e: never) => void)[]> = {};
  const session = createAnalysisSession(set);
  const w = {
    posted: [] as AnalysisRequest[],
    terminated: false,
    addEventListener: (type: string, fn: (e: never) => void) => (listeners[type] ??= []).push(fn),
    postMessage: (req: AnalysisRequest) => {
      w.posted.push(req);
      setTimeout(() => {
        if (opts.failOnPost) return listeners.error?.forEach((fn) => fn({ preventDefault: () => {} } as never));
        let reply: AnalysisReply;
        try {
          reply = { id: req.id, analysis: structuredClone(session.update(req.text, req.options)) };
        } catch (e) {
          reply = { id: req.id, error: String(e) };
        }
        listeners.message?.forEach((fn) => fn({ data: reply } as never));
      }, 5);
    },
    terminate: () => {
      w.terminated = true;
    },
  };
  return w;
}

describe('Analyzer', () => {
  test('in-thread: the core result', async () => {
    const a = createInThreadAnalyzer(set);
    expect(await a.analyze(PLAN, { register: 'borger' })).toEqual(analyze(PLAN, { register: 'borger' }, set));
  });

  test('worker: the same result as in-thread, each reply to its own request', async () => {
    const w = fakeWorker();
    const a = createWorkerAnalyzer(() => w as unknown as WorkerLike, createInThreadAnalyzer(set));
    const [r1, r2] = await Promise.all([a.analyze(PLAN, {}), a.analyze(OTHER, { register: 'borger' })]);
    expect(w.posted.map((p) => p.text)).toEqual([PLAN, OTHER]);
    expect(r1).toEqual(analyze(PLAN, {}, set));
    expect(r2).toEqual(analyze(OTHER, { register: 'borger' }, set));
    // one worker for every request
    await a.analyze(PLAN, {});
    expect(w.posted).toHaveLength(3);
  });

  test('a worker that cannot start: the fallback answers', async () => {
    const a = createWorkerAnalyzer(() => {
      throw new Error('no worker here');
    }, createInThreadAnalyzer(set));
    expect(await a.analyze(PLAN, {})).toEqual(analyze(PLAN, {}, set));
  });

  test('a worker that fails to load after the request went out: the request is answered by the fallback, and so are later ones', async () => {
    const w = fakeWorker({ failOnPost: true });
    const a = createWorkerAnalyzer(() => w as unknown as WorkerLike, createInThreadAnalyzer(set));
    expect(await a.analyze(PLAN, {})).toEqual(analyze(PLAN, {}, set));
    expect(w.terminated).toBe(true);
    expect(await a.analyze(OTHER, {})).toEqual(analyze(OTHER, {}, set));
    expect(w.posted).toHaveLength(1);
  });

  test('without Worker (jsdom, node) createAnalyzer analyses in this thread', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const a = createAnalyzer(set, 0);
    expect(await a.analyze(PLAN, {})).toEqual(analyze(PLAN, {}, set));
  });
});
