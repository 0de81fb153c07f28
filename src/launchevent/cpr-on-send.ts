import { findCpr, cprSendAlertText } from '../core';

/**
 * CPR guard on Send (Outlook Smart Alerts, OnMessageSend, Mailbox 1.12): runs when the adviser
 * selects Send, whether or not the task pane is open. It reads the subject and the body as plain
 * text, looks for CPR numbers with the core's findCpr, and either lets the mail go or blocks it
 * with a Danish message naming the numbers masked. The manifest's SendMode is PromptUser, so
 * Outlook offers "Send Anyway" and "Don't Send". Nothing is sent anywhere: the text stays in the
 * handler. (Microsoft Learn: "Handle OnMessageSend and OnAppointmentSend events in your Outlook
 * add-in with Smart Alerts"; "Configure your Outlook add-in for event-based activation".)
 */

/** The part of Office.MailboxEvent the handler uses. */
export interface SendEvent {
  completed(options: { allowEvent: boolean; errorMessage?: string }): void;
}

/** The part of the compose item the handler reads. */
export interface ComposeItem {
  subject: { getAsync(callback: (r: AsyncResult<string>) => void): void };
  body: { getAsync(coercion: string, callback: (r: AsyncResult<string>) => void): void };
}

interface AsyncResult<T> {
  status: string;
  value: T;
  error?: { name?: string; message?: string };
}

export const READ_FAILED_TEXT =
  'Jobplan Evidens kunne ikke læse mailen for CPR-numre. Tjek selv, at mailen ikke indeholder CPR-numre, før du sender den.';

/** Decide on the text read: let the mail go, or block it with the masked numbers. */
export function decide(subject: string, body: string): { allowEvent: true } | { allowEvent: false; errorMessage: string } {
  const inSubject = findCpr(subject);
  const inBody = findCpr(body);
  if (!inSubject.length && !inBody.length) return { allowEvent: true };
  const masked = [...new Set([...inSubject, ...inBody].map((h) => h.masked))];
  return { allowEvent: false, errorMessage: cprSendAlertText(masked, { subject: inSubject.length > 0, body: inBody.length > 0 }) };
}

/**
 * The handler: two reads (subject, body), then exactly one event.completed. A failed read blocks
 * with an explanation (with PromptUser the adviser can still send); code after completed is not
 * relied on, as Microsoft documents that it may not run.
 */
export function onMessageSend(event: SendEvent, item: ComposeItem, textCoercion: string): void {
  let done = false;
  const finish = (o: Parameters<SendEvent['completed']>[0]) => {
    if (done) return;
    done = true;
    event.completed(o);
  };
  try {
    item.subject.getAsync((s) => {
      if (s.status !== 'succeeded') return finish({ allowEvent: false, errorMessage: READ_FAILED_TEXT });
      item.body.getAsync(textCoercion, (b) => {
        if (b.status !== 'succeeded') return finish({ allowEvent: false, errorMessage: READ_FAILED_TEXT });
        finish(decide(s.value ?? '', b.value ?? ''));
      });
    });
  } catch {
    finish({ allowEvent: false, errorMessage: READ_FAILED_TEXT });
  }
}
