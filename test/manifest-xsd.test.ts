/**
 * The two XML manifests against Microsoft's XML schemas, offline: ../shared/office-xsd/validate.sh
 * runs xmllint (Debian: libxml2-utils) with two schema sets (Microsoft's last published copy, patched
 * in a temporary folder, and a reconstruction that knows SupportsPinning; see SOURCE.md there) and
 * checks that every resid names a resource. Broken copies of the manifests must fail.
 * Without xmllint or ../shared the suite is skipped locally and fails in CI (.ci/run installs xmllint).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..');
const XSD_DIR = path.resolve(process.env.JPE_OFFICE_XSD ?? path.join(ROOT, '..', 'shared', 'office-xsd'));
const VALIDATE = path.join(XSD_DIR, 'validate.sh');

const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
const ready = hasXmllint && fs.existsSync(VALIDATE);
if (!ready && !process.env.CI) {
  // eslint-disable-next-line no-console
  console.warn(
    `manifest-xsd: skipped (${hasXmllint ? '' : 'no xmllint: apt-get install libxml2-utils; '}${fs.existsSync(VALIDATE) ? '' : `no ${VALIDATE}`})`,
  );
}
const maybe = ready || process.env.CI ? describe : describe.skip;

interface Result {
  code: number | null;
  out: string;
}

/**
 * The stored schemas predate event-based activation: they know neither <Runtimes> nor the
 * LaunchEvent extension point (Mailbox 1.10+, the CPR guard on Send). Exactly those two elements are
 * taken out of the VersionOverrides 1.1 copy before validating, and nothing else; the same elements
 * anywhere else stay in and fail.
 */
export function withoutEventElements(xml: string): { xml: string; removed: number } {
  const start = xml.indexOf('<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1"');
  if (start < 0) return { xml, removed: 0 };
  const end = xml.indexOf('</VersionOverrides>', start);
  let removed = 0;
  const inner = xml
    .slice(start, end)
    .replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/g, () => (removed++, ''))
    .replace(/\s*<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/g, () => (removed++, ''));
  return { xml: xml.slice(0, start) + inner + xml.slice(end), removed };
}

function validate(file: string): Result {
  if (!hasXmllint) throw new Error('xmllint is missing: apt-get install libxml2-utils');
  if (!fs.existsSync(VALIDATE)) throw new Error(`${VALIDATE} is missing: ../shared/office-xsd must lie beside the project`);
  const stripped = withoutEventElements(fs.readFileSync(file, 'utf8'));
  if (stripped.removed) {
    fs.mkdirSync(path.join(tmp, 'event'), { recursive: true });
    file = path.join(tmp, 'event', path.basename(file));
    fs.writeFileSync(file, stripped.xml);
  }
  const r = spawnSync('bash', [VALIDATE, file], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpe-xsd-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A copy of `file` with `find` replaced once by `replace`; the find must be there. */
function broken(file: string, name: string, find: string | RegExp, replace: string): string {
  const xml = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const changed = xml.replace(find, replace);
  expect(changed).not.toBe(xml);
  const out = path.join(tmp, `${name}-${file}`);
  fs.writeFileSync(out, changed);
  return out;
}

maybe('XML manifests against the Office XSDs (xmllint, offline)', () => {
  test.each(['manifest.xml', 'manifest.outlook.xml'])('%s validates against both schema sets', (file) => {
    const r = validate(path.join(ROOT, file));
    expect(r.out).toMatch(/== ms /);
    expect(r.out).toMatch(/== stella /);
    expect(r.out).toMatch(/every resid names a resource/);
    expect({ code: r.code, out: r.code === 0 ? '' : r.out }).toEqual({ code: 0, out: '' });
  });

  const NEGATIVE: Array<[string, string, string | RegExp, string, RegExp]> = [
    ['manifest.xml', 'unknown-element', '<ProviderName>', '<Provider>x</Provider><ProviderName>', /Provider/],
    ['manifest.xml', 'wrong-order', /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, '$3$2$1', /Version|Id/],
    ['manifest.xml', 'bad-permission', '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadAll</Permissions>', /Permissions|ReadAll/],
    ['manifest.xml', 'bad-version', '<Version>0.1.0.0</Version>', '<Version>v0.1</Version>', /Version/],
    ['manifest.xml', 'missing-resource', 'resid="Button.Tooltip"', 'resid="Button.Nowhere"', /no resource for: Button\.Nowhere/],
    ['manifest.outlook.xml', 'missing-id', /<Id>[^<]*<\/Id>/, '', /Id|Version/],
    // a Word permission in the mail manifest
    ['manifest.outlook.xml', 'word-permission', '<Permissions>ReadWriteItem</Permissions>', '<Permissions>ReadWriteDocument</Permissions>', /Permissions|ReadWriteDocument/],
    ['manifest.outlook.xml', 'bad-item-type', 'ItemType="Message" FormType="Edit"', 'ItemType="Letter" FormType="Edit"', /ItemType|Letter/],
    // SupportsPinning exists only in VersionOverrides 1.1: in the 1.0 copy it must be refused.
    [
      'manifest.outlook.xml',
      'pinning-in-v1_0',
      /(<Action xsi:type="ShowTaskpane">\s*<SourceLocation resid="Taskpane.Url" \/>)/,
      '$1<SupportsPinning>true</SupportsPinning>',
      /SupportsPinning/,
    ],
    // event-based activation exists only in the 1.1 copy: a LaunchEvent in the 1.0 copy is refused
    [
      'manifest.outlook.xml',
      'launchevent-in-v1_0',
      /(<ExtensionPoint xsi:type="MessageComposeCommandSurface">)/,
      '<ExtensionPoint xsi:type="LaunchEvent"><LaunchEvents><LaunchEvent Type="OnMessageSend" FunctionName="f" SendMode="PromptUser" /></LaunchEvents><SourceLocation resid="Taskpane.Url" /></ExtensionPoint>$1',
      /LaunchEvent/,
    ],
  ];

  test('only the event elements are left out, and only from the 1.1 copy', () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.outlook.xml'), 'utf8');
    const { xml: out, removed } = withoutEventElements(xml);
    expect(removed).toBe(2);
    expect(out).not.toMatch(/<Runtimes>|LaunchEvent"/);
    // everything else is kept byte for byte
    const rest = (x: string) => x.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '').replace(/\s*<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/, '');
    expect(out).toBe(rest(xml));
  });

  test.each(NEGATIVE)('a broken copy of %s (%s) fails', (file, name, find, replace, says) => {
    const copy = broken(file, name, find, replace);
    const r = validate(copy);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(says);
  });
});
