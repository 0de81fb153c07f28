import { HostError } from './host';
import { officeAsync } from './office-errors';

/** Outlook: the item and reading its body (Common API calls; one place for every read). */

export type AnyItem = Office.MessageCompose & Office.MessageRead & Office.AppointmentCompose;

export function mailbox(): Office.Mailbox | undefined {
  return typeof Office !== 'undefined' ? Office.context?.mailbox : undefined;
}

export function currentItem(): AnyItem {
  const item = mailbox()?.item as AnyItem | null | undefined;
  if (!item) throw new HostError('not-supported', 'Ingen mail er åben');
  return item;
}

/** Compose mode: the body can be written. */
export function isCompose(item: AnyItem | null | undefined): boolean {
  const b = item?.body as Partial<Office.Body> | undefined;
  return !!b && typeof b.setSelectedDataAsync === 'function' && typeof b.setAsync === 'function';
}

export function isHtml(type: Office.CoercionType): boolean {
  return String(type).toLowerCase() === 'html';
}

export function getBody(item: AnyItem, type: 'text' | 'html'): Promise<string> {
  return officeAsync<string>((cb) => item.body.getAsync(type as Office.CoercionType, cb)).then((x) => x ?? '');
}
