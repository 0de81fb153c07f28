/**
 * Browser entry for the Office stand-ins: bundle this and load it BEFORE the
 * task pane's script (and instead of the real office.js). It reads
 *
 *   window.__JPE_STANDIN__ = { host: 'word', paragraphs: ['...', ...], word?: { wordApi: '1.3', ... } }
 *   window.__JPE_STANDIN__ = { host: 'outlook', body: '<html>...', outlook?: { mode: 'read', bodyType: 'text', ... } }
 *
 * installs the matching stand-in on window (window.Office, window.Word), and
 * exposes its handle as window.__JPE_STANDIN_HANDLE__ so a browser test can
 * inspect the document (handle.paragraphTexts(), handle.body, handle.syncCount, ...).
 *
 * No Node imports here or in the stand-ins.
 */
import { installWordStandin, type StandinParagraphInit, type WordStandin, type WordStandinOptions } from './word-standin';
import { installOutlookStandin, type OutlookStandin, type OutlookStandinOptions } from './outlook-standin';

export interface StandinConfig {
  host: 'word' | 'outlook';
  /** Word: the document's paragraphs. */
  paragraphs?: Array<string | StandinParagraphInit>;
  /** Outlook: the body (HTML unless outlook.bodyType is 'text'); "|CURSOR|" marks the cursor. */
  body?: string;
  word?: Omit<WordStandinOptions, 'paragraphs'>;
  outlook?: OutlookStandinOptions;
}

export type StandinHandle = WordStandin | OutlookStandin;

export function installStandin(win: Record<string, unknown>, cfg: StandinConfig): StandinHandle {
  if (cfg.host === 'word') {
    return installWordStandin(win, { ...(cfg.word ?? {}), paragraphs: cfg.paragraphs ?? [''] });
  }
  if (cfg.host === 'outlook') {
    return installOutlookStandin(win, { ...(cfg.outlook ?? {}), body: cfg.body ?? cfg.outlook?.body });
  }
  throw new Error(`Unknown stand-in host: ${String((cfg as { host?: unknown }).host)}`);
}

const win = (typeof window !== 'undefined' ? window : undefined) as unknown as Record<string, unknown> | undefined;
if (win && win.__JPE_STANDIN__) {
  win.__JPE_STANDIN_HANDLE__ = installStandin(win, win.__JPE_STANDIN__ as StandinConfig);
}
