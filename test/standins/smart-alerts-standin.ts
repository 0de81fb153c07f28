/**
 * A stand-in for Outlook's Smart Alerts (OnMessageSend) that behaves as Microsoft documents it:
 * - Microsoft Learn, "Handle OnMessageSend and OnAppointmentSend events in your Outlook add-in with
 *   Smart Alerts": allowEvent true sends the item; allowEvent false shows a dialog with errorMessage
 *   (default "<Add-in name> is preventing this email from being sent."), which "must be 500 characters
 *   or less"; the send mode decides the buttons — prompt user: Send Anyway and Don't Send; soft block
 *   and block: Don't Send only; after more than five seconds the user is told the add-in is taking
 *   longer than expected, and after five minutes it times out (prompt user: Send Anyway or Don't Send).
 * - "Configure your Outlook add-in for event-based activation": the handler must call event.completed;
 *   "code included after the event.completed statement isn't guaranteed to run"; about 300 seconds at most;
 *   in classic Outlook on Windows Office.onReady is not run.
 * The clock is virtual: each read of the item takes `latencyMs` of it (jest fake timers advance it).
 */
export type SendMode = 'promptUser' | 'softBlock' | 'block';

export interface Dialog {
  message: string;
  buttons: string[];
}

export interface SendOutcome {
  kind: 'sent' | 'blocked' | 'timed-out';
  dialog?: Dialog;
  /** The "taking longer than expected" notice appeared (handler ran over five seconds). */
  slowNotice: boolean;
  /** Virtual milliseconds from Send to event.completed. */
  elapsedMs: number;
}

export interface SmartAlertsOptions {
  subject: string;
  body: string;
  sendMode?: SendMode;
  latencyMs?: number;
  /** Make a read fail as Office reports it (status "failed"). */
  failRead?: 'subject' | 'body';
  addinName?: string;
}

export const MAX_MESSAGE = 500;
export const SLOW_MS = 5_000;
export const TIMEOUT_MS = 300_000;

export function smartAlertsStandin(o: SmartAlertsOptions) {
  const mode = o.sendMode ?? 'promptUser';
  const latency = o.latencyMs ?? 20;
  const started = Date.now();
  const completions: unknown[] = [];
  let outcome: SendOutcome | undefined;
  const reads: string[] = [];
  const buttons = (m: SendMode) => (m === 'promptUser' ? ['Send Anyway', "Don't Send"] : ["Don't Send"]);
  const timer = setTimeout(() => {
    if (!outcome) outcome = { kind: 'timed-out', dialog: { message: 'timed out', buttons: buttons(mode) }, slowNotice: true, elapsedMs: TIMEOUT_MS };
  }, TIMEOUT_MS);

  const result = (r: 'subject' | 'body', value: string) =>
    o.failRead === r
      ? { status: 'failed', value: undefined as unknown as string, error: { name: 'GenericResponseError', message: 'read failed' } }
      : { status: 'succeeded', value };

  const item = {
    subject: {
      getAsync(cb: (r: { status: string; value: string }) => void) {
        reads.push('subject');
        setTimeout(() => cb(result('subject', o.subject)), latency);
      },
    },
    body: {
      getAsync(coercion: string, cb: (r: { status: string; value: string }) => void) {
        reads.push(`body:${coercion}`);
        setTimeout(() => cb(result('body', o.body)), latency);
      },
    },
  };

  const event = {
    completed(options: { allowEvent: boolean; errorMessage?: string }) {
      completions.push(options);
      if (outcome) return; // later calls are not acted on
      const elapsedMs = Date.now() - started;
      if (options.errorMessage !== undefined && options.errorMessage.length > MAX_MESSAGE)
        throw new Error(`Smart Alerts message over ${MAX_MESSAGE} characters (${options.errorMessage.length})`);
      clearTimeout(timer);
      outcome = options.allowEvent
        ? { kind: 'sent', slowNotice: elapsedMs > SLOW_MS, elapsedMs }
        : {
            kind: 'blocked',
            dialog: { message: options.errorMessage ?? `${o.addinName ?? 'Jobplan Evidens'} is preventing this email from being sent.`, buttons: buttons(mode) },
            slowNotice: elapsedMs > SLOW_MS,
            elapsedMs,
          };
    },
  };

  return { item, event, reads, completions, outcome: () => outcome };
}
