/**
 * CPR guard: finds Danish CPR numbers (DDMMYY-XXXX or DDMMYYXXXX with a valid
 * date) so the pane can warn before a case note goes out by ordinary e-mail.
 * Phone numbers (8 digits), CVR numbers (8 digits), amounts and account or
 * case numbers are not CPR numbers. The pane never shows a number in full:
 * `masked` hides the last four digits.
 */
export interface CprHit {
  start: number;
  end: number;
  /** "010190-****" */
  masked: string;
}

const CANDIDATE = /(?<![\d.,/-])(\d{2})(\d{2})(\d{2})(?:[-‐‑–]| ?)(\d{4})(?![\d]|[.,]\d)/g;
/** Words right before a number that make it something else than a CPR number. */
const NOT_CPR_BEFORE =
  /(?<![a-zæøå])(?:tlf|telefon|telefonnr|mobil|mobilnr|fax|konto|kontonr|reg|regnr|kr|dkk|cvr|se-nr|p-nr|faktura|fakturanr|sag|sagsnr|sagsnummer|j\.?\s?nr|journalnr|journalnummer|ordre|ordrenr|bilag|ean|gln|iban)\.?:?\s*$/i;
const NOT_CPR_AFTER = /^\s*(?:kr\b|dkk\b|,-|euro|€)/i;

function validDate(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1] as number;
  return dd <= days;
}

export function findCpr(text: string): CprHit[] {
  const out: CprHit[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null) {
    const [whole, d, mo, y] = m as unknown as [string, string, string, string, string];
    if (!validDate(Number(d), Number(mo), Number(y))) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (NOT_CPR_BEFORE.test(before)) continue;
    // "+45 ..." or a phone written in pairs right before
    if (/\+\d{1,3}\s*$/.test(before)) continue;
    if (NOT_CPR_AFTER.test(text.slice(m.index + whole.length, m.index + whole.length + 8))) continue;
    out.push({ start: m.index, end: m.index + whole.length, masked: `${d}${mo}${y}-****` });
  }
  return out;
}
