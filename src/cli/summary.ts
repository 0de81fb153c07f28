import { INSTRUMENT_LABELS, TARGET_GROUP_LABELS, KIND_HEADINGS, KIND_ORDER } from '../core';
import type { Outcome } from './batch-tasks';

/**
 * `analyze FOLDER` summaries for a quality review, one row per plan in the folder's order.
 *
 * CSV is for a person in Excel: Danish column labels and Danish instrument and target-group
 * names (the core's labels), the cards' rule ids (stable, they name the evidence rule), UTF-8
 * with a byte-order mark (so Excel reads æ, ø, å), CRLF line ends and RFC 4180 quoting. A plan
 * that could not be read is a row with Status "fejl" and the message.
 *
 * JSON is for programs: English ids throughout.
 */

export interface SummaryFile {
  file: string;
  outcome: Outcome;
}

const LIST_SEP = '; ';

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string[] {
  return [
    'Fil',
    'Status',
    'Indsatser',
    'Målgrupper',
    ...KIND_ORDER.flatMap((k) => [`${KIND_HEADINGS[k]} (antal)`, `${KIND_HEADINGS[k]} (regler)`]),
    'Fejl',
  ];
}

export function formatCsv(files: readonly SummaryFile[]): string {
  const rows: string[][] = [csvHeader()];
  for (const { file, outcome } of files) {
    if (!outcome.ok) {
      rows.push([file, 'fejl', '', '', ...KIND_ORDER.flatMap(() => ['', '']), outcome.error]);
      continue;
    }
    const p = outcome.value;
    rows.push([
      file,
      'ok',
      p.instruments.map((i) => INSTRUMENT_LABELS[i]).join(LIST_SEP),
      p.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join(LIST_SEP),
      ...KIND_ORDER.flatMap((k) => [String(p.cards[k].length), p.cards[k].join(LIST_SEP)]),
      '',
    ]);
  }
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function formatJson(files: readonly SummaryFile[], evidenceVersion: string): string {
  const plans = files.map(({ file, outcome }) =>
    outcome.ok
      ? { file, ok: true as const, instruments: outcome.value.instruments, targetGroups: outcome.value.targetGroups, cards: outcome.value.cards }
      : { file, ok: false as const, error: outcome.error },
  );
  const failed = plans.filter((p) => !p.ok).length;
  return `${JSON.stringify({ evidenceVersion, files: plans.length, failed, plans }, null, 2)}\n`;
}
