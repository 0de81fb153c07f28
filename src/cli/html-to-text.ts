/**
 * A small HTML → plain text conversion for HTML-only e-mails (Outlook).
 * Paragraphs become "\n\n" (as mammoth does for .docx), <br> a "\n",
 * table rows a line each with cells separated by a tab, so the text of
 * adjacent cells never runs together ("Mentor" + "Ja" ≠ "MentorJa").
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', uuml: 'ü', Uuml: 'Ü',
  eacute: 'é', Eacute: 'É', egrave: 'è', aacute: 'á', oacute: 'ó', iacute: 'í', uacute: 'ú',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„',
  copy: '©', reg: '®', trade: '™', euro: '€', sect: '§', deg: '°', para: '¶', times: '×',
  zwnj: '\u200c', zwj: '\u200d', ensp: ' ', emsp: ' ', thinsp: ' ',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return cp === 0xa0 ? ' ' : String.fromCodePoint(cp);
    }
    const v = NAMED[body];
    return v === undefined ? m : v;
  });
}

const BLOCK =
  'p|div|h[1-6]|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|blockquote|section|article|header|footer|aside|nav|main|pre|address|figure|figcaption|form|fieldset|center|hr';

export function htmlToPlainText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title|template|xml)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*>/g, '');
  // Source whitespace is not significant in HTML.
  s = s.replace(/[ \t\r\n\f]+/g, ' ');
  s = s
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(new RegExp(`</?(?:${BLOCK})\\b[^>]*>`, 'gi'), '\n\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<tr\b[^>]*>/gi, '\n')
    .replace(/<\/tr\s*>/gi, '')
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[a-z/][^>]*>/gi, '');
  s = decodeEntities(s);
  return s
    .replace(/[ \u00a0]*\t[ \t\u00a0]*/g, '\t')
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
