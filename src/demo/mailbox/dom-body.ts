/**
 * The demo mail's body on the page: a contenteditable element. Reading it as Outlook's
 * body.getAsync hands it over, and the caret as text offsets (DOM Selection API).
 */

export type BodyType = 'html' | 'text';

const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|TR|TABLE|BLOCKQUOTE|PRE|HR)$/;

/**
 * The body as getAsync(Text) gives it: text as written, <br> and the end of a block element a line
 * break (the same reading as the adapter's htmlText, so the two agree on what the user's text is).
 * Trailing line breaks are dropped, as Outlook does.
 */
export function bodyText(root: HTMLElement): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      out += (n as Text).data;
      return;
    }
    if (!(n instanceof Element)) return;
    if (n.tagName === 'BR') {
      out += '\n';
      return;
    }
    n.childNodes.forEach(walk);
    if (BLOCK.test(n.tagName)) out += '\n';
  };
  root.childNodes.forEach(walk);
  return out.replace(/\n+$/, '');
}

/** Formatting whitespace between tags (a line break in the source) is not content. */
export function compactHtml(html: string): string {
  return html.replace(/>\s*\n\s*</g, '><').trim();
}

/** The inner part of a whole HTML document (between <body> and </body>), or the string itself. */
export function bodyInner(html: string): string {
  const m = /<body\b[^>]*>([\s\S]*)<\/body\s*>/i.exec(html);
  return m ? (m[1] as string) : html;
}

/** How many characters of bodyText() lie before the DOM point (node, offset). */
export function textOffsetOf(root: HTMLElement, node: Node, offset: number): number {
  let count = 0;
  let done = false;
  const walk = (n: Node): void => {
    if (done) return;
    if (n.nodeType === Node.TEXT_NODE) {
      if (n === node) {
        count += offset;
        done = true;
      } else count += (n as Text).data.length;
      return;
    }
    if (!(n instanceof Element)) return;
    if (n.tagName === 'BR' && n !== node) {
      count += 1;
      return;
    }
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) {
      if (n === node && i === offset) {
        done = true;
        return;
      }
      walk(kids[i] as Node);
      if (done) return;
    }
    if (n === node) {
      done = true;
      return;
    }
    if (n !== root && BLOCK.test(n.tagName)) count += 1;
  };
  walk(root);
  return count;
}

/** A collapsed DOM point at this many characters of bodyText() (the end when past it). */
export function pointAtTextOffset(root: HTMLElement, target: number): { node: Node; offset: number } {
  let count = 0;
  let found: { node: Node; offset: number } | null = null;
  const walk = (n: Node): void => {
    if (found) return;
    if (n.nodeType === Node.TEXT_NODE) {
      const len = (n as Text).data.length;
      if (count + len >= target) {
        found = { node: n, offset: target - count };
        return;
      }
      count += len;
      return;
    }
    if (!(n instanceof Element)) return;
    if (n.tagName === 'BR') {
      if (count === target) {
        const parent = n.parentNode as Node;
        found = { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, n) };
        return;
      }
      count += 1;
      return;
    }
    n.childNodes.forEach(walk);
    if (found) return;
    if (BLOCK.test(n.tagName)) {
      if (count === target) {
        found = { node: n, offset: n.childNodes.length };
        return;
      }
      count += 1;
    }
  };
  root.childNodes.forEach(walk);
  return found ?? { node: root, offset: root.childNodes.length };
}
