import * as fs from 'fs';
import * as path from 'path';
import { cfbBytes, ensureBuilt, eml, expectSpansMatch, makeDocx, para, parseJsonOutput, runBin, runMain, table, tempDir, type RunResult } from './helpers';

/*
 * Bad and awkward input: every row gives exactly one line on stderr (or none
 * for valid input), the right exit code, never a stack trace, never a hang.
 * `via: 'bin'` rows spawn the built CLI end to end; the others call main()
 * in-process with the test fixture evidence set, so they do not depend on the
 * bundled evidence.json. Valid rows (stderr null) need a working engine.
 */

let dir: string;

const CRLF_TEXT = 'Jobplan\r\nJens er aktivitetsparat.\rVi aftaler privat løntilskud\vog mentor.\x07Celle\x07\r\nSlut\n';
const ONE_MB_LINE = 'Borgeren har aftalt privat løntilskud og en mentor. '.repeat(20_000).slice(0, 1_000_000);

beforeAll(async () => {
  dir = tempDir();
  const w = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(dir, name), data);
  fs.mkdirSync(path.join(dir, 'adir'));
  fs.mkdirSync(path.join(dir, 'folder.txt'));
  w('plan.pdf', '%PDF-1.4\n');
  w('plan', 'no extension');
  w('empty.txt', '');
  w('blank.md', '  \n\n\t\r\n');
  w('empty.docx', '');
  w('pdf.docx', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(200, 7)]));
  w('corrupt.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage that is not a zip archive at all'.repeat(10))]));
  w('nodoc.docx', await makeDocx('', { omitDocument: true }));
  w('cfb.docx', cfbBytes(false));
  w('encrypted.docx', cfbBytes(true));
  w('tables.docx', await makeDocx(table([['Indsats', 'Status'], ['Privat løntilskud', 'Aftalt']]) + table([['Mentor', 'Nej']])));
  w('valid.docx', await makeDocx(para('Jens er aktivitetsparat.') + para('Vi aftaler privat løntilskud.')));
  w('latin1.txt', Buffer.from('Borgeren ønsker løntilskud', 'latin1'));
  w('latin1.md', Buffer.from('# Plan\n\nPrivat løntilskud på værksted', 'latin1'));
  w('binary.txt', Buffer.from([0x48, 0x65, 0x6a, 0x00, 0x01, 0x02, 0xff, 0x00]));
  w('png.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  w('nobody.eml', eml('Content-Type: text/plain; charset=utf-8', ''));
  w(
    'attachment-only.eml',
    eml(
      'Content-Type: multipart/mixed; boundary="XX"',
      '--XX\r\nContent-Type: application/pdf; name="plan.pdf"\r\nContent-Disposition: attachment; filename="plan.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XX--\r\n',
    ),
  );
  w('notmail.eml', 'Just a note, not an e-mail.\n\nPrivat løntilskud.\n');
  w('crlf.txt', CRLF_TEXT);
  w('oneline.txt', ONE_MB_LINE);
  w('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Privat løntilskud\r\n', 'utf16le')]));
  // A sparse file just over the 200 MB limit: refused before it is read.
  const fd = fs.openSync(path.join(dir, 'huge.txt'), 'w');
  fs.ftruncateSync(fd, 200 * 1024 * 1024 + 1);
  fs.closeSync(fd);
  w('name\nwith newline.docx', '');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Row {
  name: string;
  argv: string[];
  stdin?: Buffer | string;
  via?: 'main' | 'bin';
  code: number;
  /** The single stderr line must match; null: stderr must be empty. */
  stderr: RegExp | null;
}

const P = '^jobplan-evidens: ';
const re = (s: string) => new RegExp(P + s);

const rows: Row[] = [
  // Files that cannot be read
  { name: 'missing file', argv: ['analyze', 'missing.txt'], via: 'bin', code: 2, stderr: re("cannot read 'missing\\.txt': no such file$") },
  { name: 'missing file (in-process)', argv: ['analyze', 'missing.docx'], code: 2, stderr: re("cannot read 'missing\\.docx': no such file$") },
  { name: 'missing directory in path', argv: ['analyze', 'nope/plan.txt'], code: 2, stderr: re("cannot read 'nope/plan\\.txt': no such file") },
  { name: 'a directory', argv: ['analyze', 'adir'], code: 2, stderr: re("cannot read 'adir': is a directory") },
  { name: 'a directory named .txt', argv: ['analyze', 'folder.txt'], code: 2, stderr: re("cannot read 'folder\\.txt': is a directory") },
  {
    name: 'unsupported extension',
    argv: ['analyze', 'plan.pdf'],
    code: 2,
    stderr: re("cannot read 'plan\\.pdf': unsupported file type '\\.pdf'; supported: \\.txt, .*\\.md, .*\\.docx, \\.eml"),
  },
  { name: 'no extension', argv: ['analyze', 'plan'], code: 2, stderr: re("cannot read 'plan': unsupported file type \\(no extension\\); supported:") },
  { name: 'over 200 MB', argv: ['analyze', 'huge.txt'], via: 'bin', code: 2, stderr: re("cannot read 'huge\\.txt': too large: over the 200 MB limit \\(209715201 bytes\\)$") },
  // .docx
  { name: '0-byte .docx', argv: ['analyze', 'empty.docx'], code: 2, stderr: re("cannot read 'empty\\.docx': not a valid \\.docx \\(empty file\\)$") },
  { name: 'PDF renamed .docx', argv: ['analyze', 'pdf.docx'], via: 'bin', code: 2, stderr: re("cannot read 'pdf\\.docx': not a valid \\.docx \\(it is a PDF file\\)$") },
  { name: 'corrupt zip .docx', argv: ['analyze', 'corrupt.docx'], code: 2, stderr: re("cannot read 'corrupt\\.docx': not a valid \\.docx \\(corrupt zip\\)$") },
  { name: 'zip without word/document.xml', argv: ['analyze', 'nodoc.docx'], code: 2, stderr: re("cannot read 'nodoc\\.docx': not a valid \\.docx \\(no word/document\\.xml in the zip\\)$") },
  { name: 'CFB header renamed .docx', argv: ['analyze', 'cfb.docx'], code: 2, stderr: re("cannot read 'cfb\\.docx': .*password-protected \\(encrypted\\)") },
  { name: 'password-protected .docx', argv: ['analyze', 'encrypted.docx'], via: 'bin', code: 2, stderr: re("cannot read 'encrypted\\.docx': the \\.docx is password-protected \\(encrypted\\)") },
  { name: 'file name with a newline', argv: ['analyze', 'name\nwith newline.docx'], code: 2, stderr: re("cannot read 'name\\\\x0awith newline\\.docx': not a valid \\.docx") },
  // Text that is not UTF-8 text
  { name: 'invalid UTF-8 .txt', argv: ['analyze', 'latin1.txt'], code: 2, stderr: re("cannot read 'latin1\\.txt': not valid UTF-8 text \\(invalid byte at offset 9\\); save it as UTF-8$") },
  { name: 'invalid UTF-8 .md', argv: ['analyze', 'latin1.md'], code: 2, stderr: re("cannot read 'latin1\\.md': not valid UTF-8 text") },
  { name: 'binary .txt (NUL bytes)', argv: ['analyze', 'binary.txt'], code: 2, stderr: re("cannot read 'binary\\.txt': is a binary file \\(contains NUL bytes\\), not text$") },
  { name: 'PNG renamed .md', argv: ['analyze', 'png.md'], code: 2, stderr: re("cannot read 'png\\.md': is a binary file") },
  // .eml
  { name: '.eml without a text body', argv: ['analyze', 'nobody.eml'], code: 2, stderr: re("cannot read 'nobody\\.eml': the e-mail has no text body$") },
  { name: '.eml with only an attachment', argv: ['analyze', 'attachment-only.eml'], code: 2, stderr: re("cannot read 'attachment-only\\.eml': the e-mail has no text body \\(only 1 attachment; save the attachment and analyse that\\)$") },
  { name: '.eml that is not an e-mail', argv: ['analyze', 'notmail.eml'], code: 2, stderr: re("cannot read 'notmail\\.eml': not an e-mail message") },
  // stdin
  { name: 'binary stdin', argv: ['analyze', '-'], stdin: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe]), via: 'bin', code: 2, stderr: re('cannot read stdin: is a binary file') },
  { name: 'invalid UTF-8 on stdin', argv: ['analyze', '-'], stdin: Buffer.from('l\xf8ntilskud', 'latin1'), code: 2, stderr: re('cannot read stdin: not valid UTF-8 text') },
  { name: 'PDF on stdin', argv: ['analyze', '-'], stdin: Buffer.from('%PDF-1.4\n'), code: 2, stderr: re('cannot read stdin: is a binary file \\(a PDF\\), not text$') },
  // Usage errors
  { name: 'no command', argv: [], via: 'bin', code: 2, stderr: re('missing command') },
  { name: 'unknown command', argv: ['analyse', 'x.txt'], code: 2, stderr: re("unknown command 'analyse'") },
  { name: 'unknown option', argv: ['analyze', 'x.txt', '--colour'], via: 'bin', code: 2, stderr: re("unknown option '--colour' for analyze \\(see jobplan-evidens --help\\)$") },
  { name: 'bad --format', argv: ['analyze', 'empty.txt', '--format', 'html'], code: 2, stderr: re("invalid value 'html' for --format \\(expected json\\|text\\|markdown\\)") },
  { name: 'bad --group id', argv: ['analyze', 'empty.txt', '--group', '+pensionist'], code: 2, stderr: re("unknown target group 'pensionist'") },
  { name: 'analyze without FILE', argv: ['analyze'], code: 2, stderr: re('analyze needs a FILE') },
  // Valid, if awkward, input: exit 0, nothing on stderr
  { name: 'empty .txt', argv: ['analyze', 'empty.txt', '--format', 'json'], code: 0, stderr: null },
  { name: 'whitespace-only .md', argv: ['analyze', 'blank.md', '--format', 'json'], code: 0, stderr: null },
  { name: 'empty stdin', argv: ['analyze', '-', '--format', 'json'], stdin: '', code: 0, stderr: null },
  { name: 'CRLF, \\r, \\v and \\x07 separators', argv: ['analyze', 'crlf.txt', '--format', 'json'], code: 0, stderr: null },
  { name: '1 MB single line', argv: ['analyze', 'oneline.txt', '--format', 'json'], code: 0, stderr: null },
  { name: '.docx of only tables', argv: ['analyze', 'tables.docx', '--format', 'json'], code: 0, stderr: null },
  { name: 'valid .docx', argv: ['analyze', 'valid.docx', '--format', 'markdown'], code: 0, stderr: null },
  { name: 'UTF-16 with BOM', argv: ['analyze', 'utf16.txt', '--format', 'json'], code: 0, stderr: null },
];

describe('bad input', () => {
  beforeAll(() => {
    if (rows.some((r) => r.via === 'bin')) ensureBuilt();
  }, 120_000);

  test.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const started = Date.now();
    const res: RunResult = row.via === 'bin' ? runBin(row.argv, { cwd: dir, stdin: row.stdin }) : await runMain(row.argv, { cwd: dir, stdin: row.stdin });
    expect(res.stderr).not.toMatch(/^\s+at /m); // no stack frames
    if (row.stderr === null) {
      expect(res.stderr).toBe('');
    } else {
      expect(res.stderr.endsWith('\n')).toBe(true);
      const lines = res.stderr.slice(0, -1).split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(row.stderr);
      expect(res.stdout).toBe('');
    }
    expect(res.code).toBe(row.code);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

test('stdin over 200 MB is refused while reading (one line, exit 2)', async () => {
  const { main } = await import('../../src/cli/main');
  const mb = Buffer.alloc(1024 * 1024, 0x61);
  async function* huge() {
    for (let i = 0; i < 201; i++) yield mb;
  }
  let out = '';
  let err = '';
  const code = await main(['analyze', '-'], {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: huge(),
  });
  expect(code).toBe(2);
  expect(err).toBe('jobplan-evidens: cannot read stdin: too large: over the 200 MB limit\n');
  expect(out).toBe('');
});

describe('large and awkward valid input', () => {
  test('empty file: no findings', async () => {
    const r = await runMain(['analyze', 'empty.txt', '--format', 'json'], { cwd: dir });
    const j = parseJsonOutput(r.stdout);
    expect(j).toMatchObject({ instruments: [], targetGroups: [], suggestions: [] });
  });

  test('CRLF + \\r\\v\\x07: offsets refer to the text as read (ENGINE-DEPENDENT: instruments found)', async () => {
    const r = await runMain(['analyze', 'crlf.txt', '--format', 'json'], { cwd: dir });
    const j = parseJsonOutput(r.stdout);
    expectSpansMatch(CRLF_TEXT, j);
    const ids = j.instruments.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['privat-loentilskud', 'mentor']));
    expect(j.targetGroups.map((g) => g.id)).toContain('aktivitetsparat');
  });

  test('1 MB single line (ENGINE-DEPENDENT: mentions to the end)', async () => {
    const r = await runMain(['analyze', 'oneline.txt', '--format', 'json'], { cwd: dir });
    const j = parseJsonOutput(r.stdout);
    expectSpansMatch(ONE_MB_LINE, j);
    const last = Math.max(...j.instruments.flatMap((i) => i.mentions.map((m) => m.start)));
    expect(last).toBeGreaterThan(990_000);
  });

  test('.docx of only tables: cell text is analysed (ENGINE-DEPENDENT)', async () => {
    const r = await runMain(['analyze', 'tables.docx', '--format', 'json'], { cwd: dir });
    const j = parseJsonOutput(r.stdout);
    expect(j.instruments.map((i) => i.id)).toEqual(expect.arrayContaining(['privat-loentilskud', 'mentor']));
  });

  test('50 MB .txt (ENGINE-DEPENDENT: a mention at the very end has the right offset)', async () => {
    const file = path.join(dir, 'big.txt');
    const filler = 'Vejret var fint i dag, og kaffen på kontoret var varm.\n';
    const tail = 'Til sidst aftaler vi privat løntilskud.\n';
    const fd = fs.openSync(file, 'w');
    const block = filler.repeat(20_000); // ~1.1 MB
    let size = 0;
    while (size < 50 * 1024 * 1024) {
      fs.writeSync(fd, block);
      size += Buffer.byteLength(block);
    }
    fs.writeSync(fd, tail);
    fs.closeSync(fd);
    const text = fs.readFileSync(file, 'utf8');
    const r = await runMain(['analyze', 'big.txt', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = parseJsonOutput(r.stdout);
    expectSpansMatch(text, j);
    const pl = j.instruments.find((i) => i.id === 'privat-loentilskud');
    expect(pl?.mentions.map((m) => m.start)).toContain(text.lastIndexOf('privat løntilskud'));
    fs.rmSync(file);
  }, 120_000);
});
