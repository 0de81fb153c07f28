/**
 * The CPR guard on Send against a stand-in of Outlook's Smart Alerts that follows Microsoft's
 * documentation (test/standins/smart-alerts-standin.ts names the pages).
 */
import * as fs from 'fs';
import * as path from 'path';
import { onMessageSend, decide, READ_FAILED_TEXT } from '../../src/launchevent/cpr-on-send';
import { cprSendAlertText, SMART_ALERT_MAX } from '../../src/core/wording';
import { smartAlertsStandin, MAX_MESSAGE, SLOW_MS, TIMEOUT_MS, type SmartAlertsOptions } from '../standins/smart-alerts-standin';

const TEXT = 'text'; // Office.CoercionType.Text

async function send(o: SmartAlertsOptions) {
  const s = smartAlertsStandin(o);
  onMessageSend(s.event, s.item, TEXT);
  await jest.advanceTimersByTimeAsync(TIMEOUT_MS + 1);
  return s;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('CPR guard on Send (Microsoft Learn: "Handle OnMessageSend and OnAppointmentSend events in your Outlook add-in with Smart Alerts"; "Configure your Outlook add-in for event-based activation")', () => {
  test('a mail without CPR numbers is sent, after reading subject and body as text', async () => {
    const s = await send({ subject: 'Din plan', body: 'Hej Anna. Vi ses til samtale den 12.3. Ring på 22 33 44 55.' });
    expect(s.outcome()).toMatchObject({ kind: 'sent', slowNotice: false });
    expect(s.reads).toEqual(['subject', 'body:text']);
    expect(s.completions).toHaveLength(1);
  });

  test('a CPR number in the body blocks with the masked number and Send Anyway / Don\'t Send (prompt user)', async () => {
    const s = await send({ subject: 'Plan', body: 'Borger: Anna Hansen, CPR 010190-1234.\nVi aftaler løntimer.' });
    const o = s.outcome()!;
    expect(o.kind).toBe('blocked');
    expect(o.dialog!.buttons).toEqual(['Send Anyway', "Don't Send"]);
    expect(o.dialog!.message).toContain('010190-****');
    expect(o.dialog!.message).not.toContain('1234');
    expect(o.dialog!.message).toMatch(/i teksten/);
  });

  test('a CPR number in the subject alone is found too', async () => {
    const o = (await send({ subject: 'Anna Hansen 0101901234', body: 'Se vedhæftede plan.' })).outcome()!;
    expect(o.kind).toBe('blocked');
    expect(o.dialog!.message).toMatch(/i emnet: 010190-\*\*\*\*/);
  });

  test('a failed read blocks with an explanation instead of letting the mail go unchecked', async () => {
    for (const failRead of ['subject', 'body'] as const) {
      const o = (await send({ subject: 'x', body: 'y', failRead })).outcome()!;
      expect(o).toMatchObject({ kind: 'blocked', dialog: { message: READ_FAILED_TEXT } });
    }
  });

  test('finishes well inside the five seconds after which Outlook says the add-in is slow', async () => {
    const o = (await send({ subject: 'a', body: 'b '.repeat(200_000), latencyMs: 200 })).outcome()!;
    expect(o.slowNotice).toBe(false);
    expect(o.elapsedMs).toBeLessThan(SLOW_MS);
  });

  test('the stand-in follows the documented limits: over 5 s a slow notice, at 300 s a time-out, soft block without Send Anyway, at most 500 characters (Smart Alerts article: long-running add-ins, send mode options, limitations)', async () => {
    // the stand-in itself must be able to say no, or the tests above prove nothing
    expect((await send({ subject: 'a', body: 'b', latencyMs: 3_000 })).outcome()).toMatchObject({ kind: 'sent', slowNotice: true });
    const never = smartAlertsStandin({ subject: 'a', body: 'b' });
    await jest.advanceTimersByTimeAsync(TIMEOUT_MS + 1);
    expect(never.outcome()).toMatchObject({ kind: 'timed-out' });
    const soft = await send({ subject: 'a', body: 'CPR 010190-1234', sendMode: 'softBlock' });
    expect(soft.outcome()!.dialog!.buttons).toEqual(["Don't Send"]);
    const s = smartAlertsStandin({ subject: 'a', body: 'b' });
    expect(() => s.event.completed({ allowEvent: false, errorMessage: 'x'.repeat(MAX_MESSAGE + 1) })).toThrow(/500/);
  });

  test('many numbers: the message stays within Smart Alerts\' 500 characters and says how many more', () => {
    const body = Array.from({ length: 40 }, (_, i) => `CPR ${String((i % 28) + 1).padStart(2, '0')}0190-${String(1000 + i)}`).join('\n');
    const d = decide('Plan', body);
    expect(d.allowEvent).toBe(false);
    const msg = (d as { errorMessage: string }).errorMessage;
    expect(msg.length).toBeLessThanOrEqual(SMART_ALERT_MAX);
    expect(msg).toMatch(/Mailen indeholder 28 CPR-numre/);
    expect(msg).toMatch(/og \d+ mere/);
    expect(msg).not.toMatch(/-1\d{3}/);
  });

  test('one number and the subject-and-body wording', () => {
    expect(cprSendAlertText(['010190-****'], { subject: true, body: true })).toMatch(/^Mailen indeholder et CPR-nummer i emnet og teksten: 010190-\*\*\*\*\./);
  });

  test('the handler makes no network call and registers the name the manifest uses', () => {
    const src = ['cpr-on-send.ts', 'index.ts'].map((f) => fs.readFileSync(path.join(__dirname, '../../src/launchevent', f), 'utf8')).join('\n');
    expect(src).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket/);
    expect(src).toMatch(/Office\.actions\.associate\(ON_MESSAGE_SEND/);
  });
});

describe('the CPR guard is declared where Outlook looks for it (Smart Alerts walkthrough: LaunchEvent, Runtimes/Override, autoRunEvents)', () => {
  const xml = fs.readFileSync(path.join(__dirname, '../../manifest.outlook.xml'), 'utf8');
  test('manifest.outlook.xml: OnMessageSend → onMessageSendHandler, PromptUser, Mailbox 1.12, both runtimes', () => {
    expect(xml).toMatch(/<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="PromptUser" \/>/);
    expect(xml).toMatch(/<bt:Sets DefaultMinVersion="1\.12">/);
    expect(xml).toMatch(/<Runtime resid="LaunchEvent\.Url">\s*<Override type="javascript" resid="LaunchEventJs\.Url" \/>/);
    expect(xml).toMatch(/<bt:Url id="LaunchEvent\.Url" DefaultValue="https:\/\/localhost:3000\/launchevent\.html" \/>/);
    expect(xml).toMatch(/<bt:Url id="LaunchEventJs\.Url" DefaultValue="https:\/\/localhost:3000\/launchevent\.js" \/>/);
    const src = fs.readFileSync(path.join(__dirname, '../../src/launchevent/index.ts'), 'utf8');
    expect(src).toMatch(/ON_MESSAGE_SEND = 'onMessageSendHandler'/);
  });
  test('the web build has an entry and a page for it', async () => {
    const makeConfig = require('../../webpack.config.js');
    const config = await makeConfig({}, { mode: 'production' });
    expect(config.entry.launchevent).toBe('./src/launchevent/index.ts');
    expect(config.plugins.some((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename === 'launchevent.html')).toBe(true);
  });
});
