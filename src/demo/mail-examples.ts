import type { QuotedMail } from './mailbox/reply';

/** An example mail of the demo's Outlook mode (examples/mails/index.json and its body file). */
export interface MailExample {
  file: string;
  title: string;
  /** Who the mail is to: the citizen, a colleague, an employer. */
  recipient: 'borger' | 'kollega' | 'arbejdsgiver';
  quality: 'god' | 'mangelfuld';
  format: 'html' | 'text';
  /** The register the pane should pick from the recipients (external → "borger"). */
  register: 'borger' | 'fagperson';
  to: string[];
  cc: string[];
  subject: string;
  description: string;
  /** A reply: the earlier mail quoted under it. */
  quoted?: QuotedMail;
  /** The body file's content (HTML fragment or plain text). */
  body: string;
}

/** The organisation's own mail domains in the demo (the pane's "Interne maildomæner"). */
export const DEMO_INTERNAL_DOMAINS = ['jobcenter-nordby.dk', 'nordby.dk'];

function asDefault(mod: unknown): unknown {
  return mod && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
}

export function loadMailExamples(): MailExample[] {
  const ctx = require.context('../../examples/mails', false, /\.(txt|html|json)$/);
  const keys = new Set(ctx.keys());
  const raw = keys.has('./index.json') ? asDefault(ctx('./index.json')) : [];
  const out: MailExample[] = [];
  for (const e of Array.isArray(raw) ? (raw as Omit<MailExample, 'body'>[]) : []) {
    const key = `./${e.file}`;
    if (!keys.has(key)) continue;
    const body = asDefault(ctx(key));
    if (typeof body === 'string') out.push({ ...e, body });
  }
  return out;
}
