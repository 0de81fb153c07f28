/**
 * Offline checks of the two add-in manifests (the Office validation service,
 * `npm run validate`, needs the network).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'child_process';

const ROOT = path.join(__dirname, '..');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DEV = 'https://localhost:3000/';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

type El = Element;

function parse(file: string): Document {
  const xml = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') problems.push(`${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml');
  if (problems.length) throw new Error(`${file} is not well-formed XML:\n${problems.join('\n')}`);
  return doc as unknown as Document;
}

function all(doc: Document | El, local: string): El[] {
  return Array.from((doc as Document).getElementsByTagNameNS('*', local) as unknown as ArrayLike<El>);
}

function one(doc: Document | El, local: string): El {
  const [e] = all(doc, local);
  if (!e) throw new Error(`missing <${local}>`);
  return e;
}

function children(e: El, local: string): El[] {
  return Array.from(e.childNodes as unknown as ArrayLike<Node>).filter(
    (n): n is El => n.nodeType === 1 && (n as El).localName === local,
  );
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every URL-valued attribute or element text in the manifest. */
function urls(doc: Document): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 1) {
      const e = n as El;
      for (const a of Array.from(e.attributes as unknown as ArrayLike<Attr>)) {
        if (/^[a-z]+:\/\//i.test(a.value) && a.namespaceURI === null && !a.name.startsWith('xmlns')) out.push(a.value);
      }
    }
    if (n.nodeType === 3 && /^\s*[a-z]+:\/\//i.test(n.nodeValue ?? '')) out.push((n.nodeValue ?? '').trim());
    for (const c of Array.from(n.childNodes as unknown as ArrayLike<Node>)) walk(c);
  };
  walk(doc.documentElement as unknown as Node);
  return out;
}

const MANIFESTS = [
  { file: 'manifest.xml', type: 'TaskPaneApp', host: 'Document', permissions: 'ReadWriteDocument', set: 'WordApi' },
  { file: 'manifest.outlook.xml', type: 'MailApp', host: 'Mailbox', permissions: 'ReadWriteItem', set: 'Mailbox' },
] as const;

describe.each(MANIFESTS)('$file', (m) => {
  const doc = parse(m.file);
  const root = doc.documentElement as unknown as El;

  test('is an OfficeApp of the right type', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.getAttributeNS(XSI, 'type')).toBe(m.type);
  });

  test('has a GUID id, a 4-part version, Danish default locale', () => {
    expect(one(doc, 'Id').textContent?.trim()).toMatch(GUID);
    expect(one(doc, 'Version').textContent?.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(doc, 'DefaultLocale').textContent?.trim()).toBe('da-DK');
    expect(one(doc, 'DisplayName').getAttribute('DefaultValue')).toBe('Jobplan Evidens');
  });

  test('host, permissions and requirement sets', () => {
    const hosts = children(one(doc, 'Hosts'), 'Host').map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual([m.host]);
    expect(one(doc, 'Permissions').textContent?.trim()).toBe(m.permissions);
    const sets = all(children(root, 'Requirements')[0] as El, 'Set');
    const set = sets.find((s) => s.getAttribute('Name') === m.set);
    expect(set).toBeDefined();
    expect(set!.getAttribute('MinVersion')).toMatch(/^1\.\d+$/);
    if (m.set === 'Mailbox') expect(Number(set!.getAttribute('MinVersion')!.split('.')[1])).toBeGreaterThanOrEqual(5);
  });

  test('every URL is https and on the dev origin; the pane is taskpane.html', () => {
    const list = urls(doc);
    expect(list.length).toBeGreaterThan(3);
    for (const u of list) {
      expect(u.startsWith('https://')).toBe(true);
      expect(u.startsWith(DEV)).toBe(true);
    }
    const sources = all(doc, 'SourceLocation')
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => !!v);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s).toBe(`${DEV}taskpane.html`);
    const resUrls = all(doc, 'Url').filter((e) => e.getAttribute('id') === 'Taskpane.Url');
    expect(resUrls.length).toBeGreaterThan(0);
    for (const u of resUrls) expect(u.getAttribute('DefaultValue')).toBe(`${DEV}taskpane.html`);
  });

  test('every icon exists in assets/ with the pixel size its name and use say', () => {
    const icons = new Map<string, number | null>();
    icons.set(one(doc, 'IconUrl').getAttribute('DefaultValue')!, null);
    const hi = one(doc, 'HighResolutionIconUrl').getAttribute('DefaultValue')!;
    expect(hi).toBe(`${DEV}assets/icon-128.png`);
    icons.set(hi, 128);
    const resImages = new Map<string, string>();
    for (const img of all(doc, 'Image')) {
      const id = img.getAttribute('id');
      const url = img.getAttribute('DefaultValue');
      if (id && url) {
        resImages.set(id, url);
        icons.set(url, icons.get(url) ?? null);
      }
    }
    // <bt:Image size="16" resid="..."> uses must point at an image of that size
    for (const use of all(doc, 'Image').filter((e) => e.getAttribute('resid'))) {
      const url = resImages.get(use.getAttribute('resid')!);
      expect(url).toBeDefined();
      icons.set(url!, Number(use.getAttribute('size')));
    }
    for (const [url, size] of icons) {
      const m2 = /^https:\/\/localhost:3000\/assets\/icon-(\d+)\.png$/.exec(url);
      expect(m2).not.toBeNull();
      const named = Number(m2![1]);
      const file = path.join(ROOT, 'assets', `icon-${named}.png`);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: named, height: named });
      if (size !== null) expect(named).toBe(size);
    }
  });

  test('the package reads it (office-addin-manifest, offline)', () => {
    // In a child process: the package pulls in ESM-only dependencies jest does not transform.
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
      '.then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e.message); process.exit(1); })';
    const out = execFileSync(process.execPath, ['-e', script, path.join(ROOT, m.file)], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as { officeAppType?: string; id?: string; permissions?: string };
    expect(info.officeAppType).toBe(m.type);
    expect(info.id).toMatch(GUID);
    expect(info.permissions).toBe(m.permissions);
  });
});

test('the two manifests have different ids', () => {
  const ids = MANIFESTS.map((m) => one(parse(m.file), 'Id').textContent?.trim().toLowerCase());
  expect(new Set(ids).size).toBe(2);
});

test('Word: a Home-tab button opens the task pane', () => {
  const doc = parse('manifest.xml');
  const tab = one(doc, 'OfficeTab');
  expect(tab.getAttribute('id')).toBe('TabHome');
  const action = one(tab, 'Action');
  expect(action.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
  expect(one(doc, 'VersionOverrides').getAttributeNS(XSI, 'type')).toBe('VersionOverridesV1_0');
});

test('Outlook: message rules for Edit and Read, buttons on both command surfaces', () => {
  const doc = parse('manifest.outlook.xml');
  const rules = all(doc, 'Rule').filter((r) => r.getAttributeNS(XSI, 'type') === 'ItemIs');
  expect(rules.map((r) => `${r.getAttribute('ItemType')}:${r.getAttribute('FormType')}`).sort()).toEqual(['Message:Edit', 'Message:Read']);
  const points = all(doc, 'ExtensionPoint').map((e) => e.getAttributeNS(XSI, 'type'));
  expect(points).toContain('MessageComposeCommandSurface');
  expect(points).toContain('MessageReadCommandSurface');
  for (const form of ['ItemRead', 'ItemEdit']) {
    expect(all(doc, 'Form').some((f) => f.getAttributeNS(XSI, 'type') === form)).toBe(true);
  }
});
