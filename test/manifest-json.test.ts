/**
 * manifest.json, the unified app manifest for Microsoft 365 (Word and Outlook in one file), offline:
 * - against the JSON schema of its manifestVersion as shipped in @microsoft/app-manifest, with ajv
 *   (the schemas are draft-04: ajv-draft-04, plus ajv-formats for "uri");
 * - against the two XML manifests, which stay for older Office: the same ids, permissions,
 *   requirement sets, pages and ribbon icons.
 * Broken copies must fail both.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import { execFileSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..');
const DEV = 'https://localhost:3000/';
const SCHEMAS = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const manifest = (): Json => JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Json;

function schemaFor(m: Json): object {
  const file = path.join(SCHEMAS, `v${m.manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) throw new Error(`no schema for manifestVersion ${String(m.manifestVersion)} in @microsoft/app-manifest`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as object;
}

/** Schema errors as one line each; empty when valid. */
function schemaErrors(m: Json): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schemaFor(m));
  if (validate(m)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

// --- the XML manifests, as the reference -------------------------------------------------------

interface XmlFacts {
  id: string;
  version: string;
  permissions: string;
  sets: Map<string, string>;
  pages: Set<string>;
  ribbonIcons: Map<number, string>;
  /** LaunchEvent elements of the 1.1 copy: type, function, send mode, and the runtime's page and script. */
  launchEvents: { type: string; fn: string; sendMode: string; page: string; script: string; minVersion: string }[];
}

function xmlFacts(file: string): XmlFacts {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(ROOT, file), 'utf8'), 'text/xml');
  const all = (local: string) => Array.from(doc.getElementsByTagNameNS('*', local) as unknown as ArrayLike<Element>);
  const text = (local: string) => all(local)[0]?.textContent?.trim() ?? '';
  const sets = new Map<string, string>();
  for (const s of all('Set')) {
    const min = s.getAttribute('MinVersion') ?? (s.parentNode as Element | null)?.getAttribute('DefaultMinVersion');
    if (s.getAttribute('Name') && min && !sets.has(s.getAttribute('Name')!)) sets.set(s.getAttribute('Name')!, min);
  }
  const pages = new Set<string>();
  for (const e of all('SourceLocation')) if (e.getAttribute('DefaultValue')) pages.add(e.getAttribute('DefaultValue')!);
  for (const e of all('Url')) if (e.getAttribute('id') === 'Taskpane.Url') pages.add(e.getAttribute('DefaultValue')!);
  const images = new Map<string, string>();
  for (const e of all('Image')) if (e.getAttribute('id')) images.set(e.getAttribute('id')!, e.getAttribute('DefaultValue')!);
  const ribbonIcons = new Map<number, string>();
  for (const e of all('Image')) if (e.getAttribute('resid')) ribbonIcons.set(Number(e.getAttribute('size')), images.get(e.getAttribute('resid')!)!);
  const urls = new Map<string, string>();
  for (const e of all('Url')) if (e.getAttribute('id')) urls.set(e.getAttribute('id')!, e.getAttribute('DefaultValue')!);
  const runtime = all('Runtime')[0];
  const script = runtime ? Array.from(runtime.getElementsByTagNameNS('*', 'Override') as unknown as ArrayLike<Element>).find((o) => o.getAttribute('type') === 'javascript') : undefined;
  const launchEvents = all('LaunchEvent').map((e) => {
    // the Mailbox set of the VersionOverrides copy that holds the event
    let v: Node | null = e.parentNode;
    while (v && (v as Element).localName !== 'VersionOverrides') v = v.parentNode;
    const set = v ? (Array.from((v as Element).getElementsByTagNameNS('*', 'Sets') as unknown as ArrayLike<Element>)[0]?.getAttribute('DefaultMinVersion') ?? '') : '';
    return {
      type: e.getAttribute('Type')!,
      fn: e.getAttribute('FunctionName')!,
      sendMode: e.getAttribute('SendMode')!,
      page: urls.get(runtime?.getAttribute('resid') ?? '') ?? '',
      script: urls.get(script?.getAttribute('resid') ?? '') ?? '',
      minVersion: set,
    };
  });
  return { id: text('Id'), version: text('Version'), permissions: text('Permissions'), sets, pages, ribbonIcons, launchEvents };
}

const WORD = xmlFacts('manifest.xml');
const MAIL = xmlFacts('manifest.outlook.xml');

/** XML <Permissions> and the unified manifest's resource-specific permission for it. */
const PERMISSION: Record<string, string> = {
  ReadWriteDocument: 'Document.ReadWrite.User',
  ReadDocument: 'Document.Read.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
  ReadItem: 'MailboxItem.Read.User',
};

/** Everything manifest.json must agree on with the XML manifests and the files; empty when it does. */
function consistency(m: Json): string[] {
  const bad: string[] = [];
  const ext = m.extensions?.[0] as Json | undefined;
  if (!ext) return ['no extensions[0]'];
  if (m.id !== MAIL.id) bad.push(`id ${String(m.id)} is not the Outlook XML manifest's ${MAIL.id}`);
  const hidden = (ext.alternates ?? []).map((a: Json) => a.hide?.customOfficeAddin?.officeAddinId);
  if (!hidden.includes(WORD.id)) bad.push(`the Word XML manifest's id ${WORD.id} is not hidden by alternates`);
  if (`${String(m.version)}.0` !== WORD.version || WORD.version !== MAIL.version) bad.push(`version ${String(m.version)} vs XML ${WORD.version}/${MAIL.version}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  if (m.version !== pkg.version) bad.push(`version ${String(m.version)} is not package.json's ${pkg.version}`);
  if (JSON.stringify([...(ext.requirements?.scopes ?? [])].sort()) !== '["document","mail"]') bad.push('scopes are not document + mail');

  const rsc = new Set((m.authorization?.permissions?.resourceSpecific ?? []).map((p: Json) => `${p.name}:${p.type}`));
  for (const x of [WORD, MAIL]) if (!rsc.has(`${PERMISSION[x.permissions]}:Delegated`)) bad.push(`no permission for XML ${x.permissions}`);
  if (rsc.size !== 2) bad.push(`${rsc.size} permissions, expected 2`);

  // requirement sets per scope, on every runtime and ribbon
  const expected: Record<string, [string, string]> = {
    document: ['WordApi', WORD.sets.get('WordApi')!],
    mail: ['Mailbox', MAIL.sets.get('Mailbox')!],
  };
  const actions = new Map<string, Json>();
  // the event runtime (Smart Alerts) answers to the XML manifest's LaunchEvent, not to the pane
  const eventActions = new Set((ext.autoRunEvents ?? []).flatMap((a: Json) => (a.events ?? []).map((e: Json) => e.actionId)));
  const isEventRuntime = (rt: Json) => (rt.actions ?? []).some((a: Json) => eventActions.has(a.id));
  const EVENT_NAMES: Record<string, string> = { messageSending: 'OnMessageSend' };
  const SEND_MODES: Record<string, string> = { promptUser: 'PromptUser', softBlock: 'SoftBlock', block: 'Block' };
  const eventRuntimes = ((ext.runtimes ?? []) as Json[]).filter(isEventRuntime);
  const eventsSeen: string[] = [];
  for (const group of (ext.autoRunEvents ?? []) as Json[]) {
    for (const e of group.events ?? []) {
      const rt = eventRuntimes.find((r) => (r.actions ?? []).some((a: Json) => a.id === e.actionId && a.type === 'executeFunction'));
      const x = MAIL.launchEvents.find((l) => l.type === EVENT_NAMES[e.type] && l.fn === e.actionId);
      if (!rt) bad.push(`autoRunEvents ${String(e.actionId)}: no executeFunction action in a runtime`);
      if (!x) bad.push(`autoRunEvents ${String(e.type)}/${String(e.actionId)}: no such LaunchEvent in manifest.outlook.xml`);
      if (x && SEND_MODES[e.options?.sendMode] !== x.sendMode) bad.push(`autoRunEvents ${String(e.actionId)}: sendMode ${String(e.options?.sendMode)} vs XML ${x.sendMode}`);
      const caps = [...(group.requirements?.capabilities ?? []), ...(rt?.requirements?.capabilities ?? [])].map((c: Json) => `${c.name}@${c.minVersion}`);
      if (x && caps.some((c) => c !== `Mailbox@${x.minVersion}`)) bad.push(`autoRunEvents ${String(e.actionId)}: ${caps.join(',')} not Mailbox@${x.minVersion}`);
      if (x && rt && (rt.code?.page !== x.page || rt.code?.script !== x.script)) bad.push(`runtime ${String(rt.id)}: page/script differ from the XML LaunchEvent runtime`);
      if (x) eventsSeen.push(`${x.type}:${x.fn}`);
    }
  }
  for (const l of MAIL.launchEvents) if (!eventsSeen.includes(`${l.type}:${l.fn}`)) bad.push(`manifest.outlook.xml's LaunchEvent ${l.type} is not in autoRunEvents`);
  for (const part of [...((ext.runtimes ?? []) as Json[]).filter((r) => !isEventRuntime(r)), ...(ext.ribbons ?? [])] as Json[]) {
    const scopes: string[] = part.requirements?.scopes ?? [];
    if (scopes.length !== 1) bad.push(`${String(part.id ?? part.contexts)}: needs exactly one scope`);
    const want = expected[scopes[0] ?? ''];
    const caps = (part.requirements?.capabilities ?? []).map((c: Json) => `${c.name}@${c.minVersion}`);
    if (want && JSON.stringify(caps) !== JSON.stringify([`${want[0]}@${want[1]}`])) bad.push(`${String(part.id ?? part.contexts)}: ${caps.join(',')} not ${want.join('@')}`);
  }
  for (const rt of ((ext.runtimes ?? []) as Json[]).filter((r) => !isEventRuntime(r))) {
    if (!WORD.pages.has(rt.code?.page) || !MAIL.pages.has(rt.code?.page)) bad.push(`runtime ${String(rt.id)}: page ${String(rt.code?.page)} is not the XML manifests' pane`);
    for (const a of rt.actions ?? []) actions.set(a.id, { ...a, scope: rt.requirements?.scopes?.[0] });
  }
  const contexts = new Set<string>();
  for (const rb of (ext.ribbons ?? []) as Json[]) {
    for (const c of rb.contexts ?? []) contexts.add(`${rb.requirements?.scopes?.[0]}:${c}`);
    for (const tab of rb.tabs ?? [])
      for (const g of tab.groups ?? [])
        for (const icons of [g.icons, ...(g.controls ?? []).map((c: Json) => c.icons)]) {
          const got = new Map<number, string>((icons ?? []).map((i: Json) => [i.size, i.url]));
          const want = rb.requirements?.scopes?.[0] === 'document' ? WORD.ribbonIcons : MAIL.ribbonIcons;
          if (JSON.stringify([...got].sort()) !== JSON.stringify([...want].sort())) bad.push(`${String(g.id)}: icons differ from the XML manifest's`);
        }
    for (const tab of rb.tabs ?? [])
      for (const g of tab.groups ?? [])
        for (const c of g.controls ?? []) {
          const a = actions.get(c.actionId);
          if (!a) bad.push(`control ${String(c.id)}: action ${String(c.actionId)} is in no runtime`);
          else if (a.scope !== rb.requirements?.scopes?.[0]) bad.push(`control ${String(c.id)}: its action runs in another scope`);
        }
  }
  for (const c of ['document:default', 'mail:mailRead', 'mail:mailCompose']) if (!contexts.has(c)) bad.push(`no ribbon for ${c}`);

  // every URL on the dev origin (production builds replace it), every icon file there
  const urls = JSON.stringify(m).match(/https?:\/\/[^"]+/g) ?? [];
  for (const u of urls) if (!u.startsWith(DEV) && !u.startsWith('https://developer.microsoft.com/json-schemas/')) bad.push(`URL not on ${DEV}: ${u}`);
  for (const u of urls.filter((x) => x.startsWith(DEV))) {
    const rel = u.slice(DEV.length);
    if (rel.startsWith('assets/') && !fs.existsSync(path.join(ROOT, rel))) bad.push(`missing ${rel}`);
  }
  return bad;
}

function png(rel: string): PNG {
  return PNG.sync.read(fs.readFileSync(path.join(ROOT, rel)));
}

describe('manifest.json (unified app manifest)', () => {
  test('validates against the schema of its manifestVersion (@microsoft/app-manifest, ajv)', () => {
    const m = manifest();
    expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(schemaErrors(m)).toEqual([]);
  });

  test('agrees with the XML manifests: ids, version, permissions, requirement sets, pane, icons', () => {
    expect(WORD.sets.get('WordApi')).toMatch(/^1\.\d+$/);
    expect(MAIL.sets.get('Mailbox')).toMatch(/^1\.\d+$/);
    expect(consistency(manifest())).toEqual([]);
  });

  test('the app icons: color 192×192, outline 32×32 white on transparent', () => {
    const m = manifest();
    const color = png(m.icons.color);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = png(m.icons.outline);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      opaque++;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(100);
  });

  test("Microsoft's own reader takes it (office-addin-manifest, offline): both hosts, the id, name and version", () => {
    // In a child process: the package pulls in ESM-only dependencies jest does not transform.
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
      '.then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e.message); process.exit(1); })';
    const out = execFileSync(process.execPath, ['-e', script, path.join(ROOT, 'manifest.json')], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as { id?: string; hosts?: string[]; displayName?: string; version?: string };
    const m = manifest();
    expect(info.id).toBe(m.id);
    expect([...(info.hosts ?? [])].sort()).toEqual(['document', 'mail']);
    expect(info.displayName).toBe('Jobplan Evidens');
    expect(info.version).toBe(m.version);
  });

  type Break = [string, (m: Json) => void, 'schema' | 'consistency'];
  const BREAKS: Break[] = [
    ['no id', (m) => delete m.id, 'schema'],
    ['id not a GUID', (m) => (m.id = 'jobplan-evidens'), 'schema'],
    ['unknown scope', (m) => (m.extensions[0].requirements.scopes = ['spreadsheet']), 'schema'],
    ['page not a URL', (m) => (m.extensions[0].runtimes[0].code.page = 'taskpane.html'), 'schema'],
    // the schema's httpsUrl pattern lets http through; the pane must be https
    ['http page', (m) => (m.extensions[0].runtimes[0].code.page = 'http://localhost:3000/taskpane.html'), 'consistency'],
    ['icon size 17', (m) => (m.extensions[0].ribbons[0].tabs[0].groups[0].icons[0].size = 17), 'schema'],
    ['unknown property', (m) => (m.extensions[0].taskpane = true), 'schema'],
    ['label over 64 characters', (m) => (m.extensions[0].ribbons[0].tabs[0].groups[0].label = 'x'.repeat(65)), 'schema'],
    ['no accentColor', (m) => delete m.accentColor, 'schema'],
    ['the Word id instead', (m) => (m.id = WORD.id), 'consistency'],
    ['Word requirement set lowered', (m) => (m.extensions[0].runtimes[0].requirements.capabilities[0].minVersion = '1.1'), 'consistency'],
    ['read-only mail permission', (m) => (m.authorization.permissions.resourceSpecific[1].name = 'MailboxItem.Read.User'), 'consistency'],
    ['CPR guard without its event', (m) => (m.extensions[0].autoRunEvents = []), 'consistency'],
    ['CPR guard with another send mode', (m) => (m.extensions[0].autoRunEvents[0].events[0].options.sendMode = 'block'), 'consistency'],
    ['CPR guard handler renamed', (m) => (m.extensions[0].autoRunEvents[0].events[0].actionId = 'onSend'), 'consistency'],
    ['button without its action', (m) => (m.extensions[0].ribbons[1].tabs[0].groups[0].controls[0].actionId = 'JPE.Nowhere'), 'consistency'],
    ['another page', (m) => (m.extensions[0].runtimes[1].code.page = `${DEV}demo.html`), 'consistency'],
    ['another icon', (m) => (m.extensions[0].ribbons[2].tabs[0].groups[0].icons[2].url = `${DEV}assets/icon-64.png`), 'consistency'],
    ['no compose ribbon', (m) => m.extensions[0].ribbons.pop(), 'consistency'],
  ];

  test.each(BREAKS)('a broken copy fails: %s', (_name, breakIt, check) => {
    const m = manifest();
    breakIt(m);
    const errors = check === 'schema' ? schemaErrors(m) : consistency(m);
    expect(errors.length).toBeGreaterThan(0);
  });
});
