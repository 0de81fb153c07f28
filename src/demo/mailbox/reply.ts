import type { ReplyStyle } from './behaviours';

/** The earlier mail a reply quotes (examples/mails/index.json "quoted"). */
export interface QuotedMail {
  from: string;
  sent: string;
  to: string;
  subject: string;
  text: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * How Outlook writes the quoted earlier mail under a reply (office-fidelity O12): Outlook on the web
 * and new Outlook put <div id="appendonsend"> and <div id="divRplyFwdMsg"> before it; classic Outlook
 * (Word as editor) an <a name="_MailOriginal"> and a border-top <div> (office-js#2045).
 */
export function quotedHtml(q: QuotedMail, style: ReplyStyle): string {
  const head = [`<b>Fra:</b> ${esc(q.from)}`, `<b>Sendt:</b> ${esc(q.sent)}`, `<b>Til:</b> ${esc(q.to)}`, `<b>Emne:</b> ${esc(q.subject)}`].join('<br>');
  const paras = q.text
    .split('\n')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
  if (style === 'classic')
    return (
      '<p><a name="_MailOriginal"></a></p>' +
      `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p>${head}</p></div>` +
      paras
    );
  return `<div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><p>${head}</p></div><div>${paras}</div>`;
}

/**
 * A plain-text reply: classic Outlook starts the quoted mail with "-----Oprindelig meddelelse-----";
 * Outlook on the web with the header lines "Fra:" / "Sendt:" (the adapter's plainAppendPosition reads both).
 */
export function quotedText(q: QuotedMail, style: ReplyStyle): string {
  const head = [`Fra: ${q.from}`, `Sendt: ${q.sent}`, `Til: ${q.to}`, `Emne: ${q.subject}`].join('\n');
  return (style === 'classic' ? '-----Oprindelig meddelelse-----\n' : '') + head + '\n\n' + q.text;
}

/** The first line of the quoted part as the body's text shows it (to find it again). */
export function quotedStartLine(q: QuotedMail, style: ReplyStyle, format: 'html' | 'text'): string {
  return style === 'classic' && format === 'text' ? '-----Oprindelig meddelelse-----' : `Fra: ${q.from}`;
}
