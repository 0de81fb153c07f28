import { onMessageSend, type ComposeItem, type SendEvent } from '../../launchevent/cpr-on-send';

/**
 * Send in the demo: the real Smart Alerts handler (src/launchevent/cpr-on-send.ts, onMessageSend) run
 * on the demo's draft, with an event object that acts on event.completed as Microsoft documents it
 * ("Handle OnMessageSend and OnAppointmentSend events in your Outlook add-in with Smart Alerts";
 * "Configure your Outlook add-in for event-based activation"):
 *  - allowEvent: true sends the mail;
 *  - allowEvent: false holds it and shows errorMessage (at most 500 characters; without one Outlook
 *    says "<add-in> is preventing this email from being sent"); the manifest's SendMode is PromptUser,
 *    so the dialog offers Send Anyway ("Send alligevel") and Don't Send ("Ret mailen");
 *  - only the first completed() counts; after 5 seconds Outlook says the add-in is taking longer than
 *    expected, and after about 300 seconds it times out, offering the same two buttons.
 */

export const SMART_ALERT_MAX = 500;
export const SLOW_MS = 5_000;
export const TIMEOUT_MS = 300_000;
export const SEND_ANYWAY = 'Send alligevel';
export const DONT_SEND = 'Ret mailen';
export const ADDIN_NAME = 'Jobplan Evidens';

export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'blocked'; message: string; buttons: string[] }
  | { kind: 'timed-out'; message: string; buttons: string[] };

export function runSmartAlerts(item: ComposeItem, opts: { onSlow?: () => void } = {}): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const buttons = [SEND_ANYWAY, DONT_SEND]; // PromptUser
    const slow = setTimeout(() => !settled && opts.onSlow?.(), SLOW_MS);
    const timeout = setTimeout(() => {
      if (settled) return;
      settled = true;
      resolve({ kind: 'timed-out', message: `${ADDIN_NAME} svarede ikke i tide.`, buttons });
    }, TIMEOUT_MS);
    const event: SendEvent = {
      completed(o) {
        if (settled) return; // later calls are not acted on
        settled = true;
        clearTimeout(slow);
        clearTimeout(timeout);
        if (o.allowEvent) resolve({ kind: 'sent' });
        else
          resolve({
            kind: 'blocked',
            message: (o.errorMessage ?? `${ADDIN_NAME} forhindrer, at mailen bliver sendt.`).slice(0, SMART_ALERT_MAX),
            buttons,
          });
      },
    };
    onMessageSend(event, item, 'text');
  });
}
