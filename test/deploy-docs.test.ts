/**
 * docs/deploy.md describes the shipped nginx configuration: every header the configuration sends is in
 * the document's table with the same value, the CSP is the pane's own, and the lines the document tells
 * an administrator to change are marked in the file. (The configuration itself runs in
 * test/browser/nginx.test.ts.)
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const conf = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx', 'jobplan-evidens.conf'), 'utf8');
const doc = fs.readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');

const headers = [...conf.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]+)"\s+always;/gm)].map((m) => [m[1]!, m[2]!] as const);

test('the configuration sends the six security headers, each with "always"', () => {
  expect(headers.map(([h]) => h).sort()).toEqual(
    ['Cache-Control', 'Content-Security-Policy', 'Permissions-Policy', 'Referrer-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options'].sort(),
  );
  expect(conf.match(/^\s*add_header/gm)!.length).toBe(headers.length);
});

test.each(headers)('docs/deploy.md lists %s with the value the configuration sends', (name, value) => {
  const row = doc.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
  expect(row).toBeDefined();
  expect(row!).toContain(`\`${value}\``);
});

test("the CSP header is the task pane's <meta> policy", () => {
  const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1];
  expect(headers.find(([h]) => h === 'Content-Security-Policy')![1]).toBe(meta);
});

test('the three lines to change are marked, as the document says', () => {
  expect(doc).toMatch(/the three lines marked CHANGE/);
  const marked = conf.split('\n').filter((l) => /#\s*CHANGE/.test(l));
  expect(marked.map((l) => l.trim().split(/\s+/)[0])).toEqual(['server_name', 'ssl_certificate', 'ssl_certificate_key']);
});
