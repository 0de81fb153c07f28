import { bundledEvidence } from '../../core';
import { createAnalysisSession, type AnalysisReply, type AnalysisRequest, type AnalysisSession } from './session';

/**
 * The core's analysis off the pane's thread. It only computes: no network, no storage; the text
 * lives here only while it is analysed (the session may keep what an incremental analyser needs).
 */
/** The worker's global scope (the DOM lib is in scope for the pane; the WebWorker lib would clash with it). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(reply: AnalysisReply): void;
};
let session: AnalysisSession | null = null;

scope.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const { id, text, options } = e.data;
  let reply: AnalysisReply;
  try {
    session ??= createAnalysisSession(bundledEvidence());
    reply = { id, analysis: session.update(text, options) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
