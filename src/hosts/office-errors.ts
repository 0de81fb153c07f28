import { HostError, type HostErrorCode } from './host';

/**
 * One place that turns what Office.js rejects with into a HostError.
 *
 * Office.js rejects `context.sync()` with an OfficeExtension.Error
 * ({ name: 'RichApi.Error', code, message, debugInfo }); the Common API
 * callbacks hand over an AsyncResult whose `error` has a numeric `code` and a
 * `name`. Anything we cannot classify after a rejected round trip is treated
 * as a lost connection to Office (the pane offers "prøv igen"), anything
 * thrown by our own code as 'unknown'.
 */

/** Codes Word uses when a search string is longer than 255 characters or malformed. */
export const SEARCH_TOO_LONG = 'SearchStringInvalidOrTooLong';

const NOT_SUPPORTED = new Set([
  'ApiNotFound',
  'ApiNotAvailable',
  'NotImplemented',
  'Unsupported',
  'UnsupportedOperation',
  'NotSupported',
  'InvalidOperationInCellEditMode',
]);
const TOO_LARGE = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'DataTooLarge']);
/**
 * Word: Office refuses the edit at this place (NotAllowed: insertComment / insertParagraph in some
 * Word on the web builds, office-js#6746, office-js-docs#1284) or while Find and Replace is open
 * (SearchDialogIsOpen; error-handling doc, Word table). Retrying at once cannot succeed, so they
 * are not a lost connection.
 */
const NOT_ALLOWED = new Set(['NotAllowed', 'AccessDenied']);
const SEARCH_DIALOG = 'SearchDialogIsOpen';
const MOVED = new Set(['ItemNotFound', 'InvalidReference', 'InvalidObjectPath']);
const CONNECTION = new Set([
  'GeneralException',
  'ConnectionFailure',
  'RequestAborted',
  'ServiceNotAvailable',
  'Timeout',
  'ActivityLimitReached',
  'NetworkError',
]);

export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object') {
    const c = (err as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    if (typeof c === 'number') return String(c);
  }
  return undefined;
}

export function isSearchTooLong(err: unknown): boolean {
  return errorCode(err) === SEARCH_TOO_LONG;
}

/**
 * @param err what was thrown or rejected
 * @param fromSync true when it came out of context.sync() / an async Office call
 *   (then an unclassified error means Office did not answer: 'connection')
 * @param movedMeans what an ItemNotFound means at this point (e.g. 'anchor-moved'
 *   when we were looking for the mention); default 'unknown'
 */
export function toHostError(err: unknown, fromSync: boolean, movedMeans: HostErrorCode = 'unknown'): HostError {
  if (err instanceof HostError) return err;
  const code = errorCode(err);
  const msg = err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
  let hc: HostErrorCode;
  if (code && NOT_SUPPORTED.has(code)) hc = 'not-supported';
  else if (code && TOO_LARGE.has(code)) hc = 'too-large';
  else if (code && MOVED.has(code)) hc = movedMeans;
  else if (code && NOT_ALLOWED.has(code)) hc = 'not-allowed';
  else if (code === SEARCH_DIALOG) hc = 'search-dialog-open';
  else if (code === SEARCH_TOO_LONG) hc = 'unknown';
  else if (code && CONNECTION.has(code)) hc = 'connection';
  else if (fromSync) hc = 'connection';
  else hc = 'unknown';
  return new HostError(hc, code ? `${code}: ${msg}` : msg);
}

/** Promise wrapper for the Common API's callback style (Outlook body, settings). */
export function officeAsync<T>(call: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      call((r) => {
        if ((r.status as unknown) === 'succeeded') resolve(r.value);
        else reject(asyncError(r.error));
      });
    } catch (e) {
      reject(toHostError(e, false));
    }
  });
}

function asyncError(e: Office.Error | undefined): HostError {
  if (!e) return new HostError('connection', 'Office svarede ikke');
  const name = e.name ?? '';
  // Common API error codes: 1000-range coercion / data errors, 5000-range generic, 9000-range mailbox.
  if (/NotSupported|APINotSupported|InvalidApiCall/i.test(name)) return new HostError('not-supported', `${name}: ${e.message}`);
  // Common API names carry spaces ("Size Limit Exceeded", 9057) while method docs say DataExceedsMaximumSize:
  // classify by the numeric code as well (javascript-api-for-office-error-codes.md; office-fidelity O8).
  if (/Too ?Large|Size ?Limit|Data ?Exceed|ExceedsMaximumSize/i.test(name) || e.code === 9019 || e.code === 9057) return new HostError('too-large', `${name}: ${e.message}`);
  if (/ReadOnly|AccessDenied|PermissionDenied/i.test(name)) return new HostError('read-only', `${name}: ${e.message}`);
  if (/InvalidDataFormat|InvalidCoercion|InvalidFormat/i.test(name)) return new HostError('unknown', `${name}: ${e.message}`);
  return new HostError('connection', `${name || e.code}: ${e.message}`);
}
