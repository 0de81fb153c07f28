import * as React from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { createOutlookHost, type OutlookHost } from '../hosts/outlook';
import type { ComposeItem } from '../launchevent/cpr-on-send';
import { Pane } from '../taskpane/App';
import { ErrorBoundary } from '../taskpane/components/ErrorBoundary';
import { BEHAVIOUR_SWITCHES, CLASSIC_OUTLOOK, WEB_OUTLOOK, type MailBehaviours } from './mailbox/behaviours';
import { compactHtml } from './mailbox/dom-body';
import { DemoMailbox, installOffice } from './mailbox/mailbox';
import { quotedHtml, quotedText } from './mailbox/reply';
import { DONT_SEND, SEND_ANYWAY, runSmartAlerts, type SendOutcome } from './mailbox/smart-alerts';
import { DEMO_INTERNAL_DOMAINS, type MailExample } from './mail-examples';

/**
 * The demo's Outlook mode: a draft (To, Cc, subject, body with a cursor, a quoted earlier mail in a
 * reply) and Send, with the task pane beside it. The pane's host is the real Outlook adapter
 * (createOutlookHost, src/hosts/outlook.ts) on the demo's Office.context.mailbox (./mailbox/), and
 * Send runs the real Smart Alerts handler (src/launchevent/cpr-on-send.ts).
 */

const useStyles = makeStyles({
  main: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 380px',
    minHeight: 0,
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)', gridAutoRows: 'auto', overflowY: 'auto' },
  },
  mailArea: {
    overflow: 'auto',
    padding: tokens.spacingHorizontalXL,
    minWidth: 0,
    '@media (max-width: 760px)': { maxHeight: '70vh', padding: tokens.spacingHorizontalS },
  },
  mail: {
    boxSizing: 'border-box',
    maxWidth: '760px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  sendRow: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  fieldRow: { display: 'grid', gridTemplateColumns: '64px minmax(0, 1fr)', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  behaviours: {
    maxWidth: '760px',
    margin: `${tokens.spacingVerticalL} auto 0`,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h2: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  switchList: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  paneCol: {
    overflow: 'auto',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 760px)': { overflow: 'visible', borderLeft: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  },
});

/** The example mail picker (in the demo's header). */
export function MailPicker(props: { examples: MailExample[]; current: MailExample | undefined; onPick(file: string | undefined): void }): JSX.Element {
  const { examples, current } = props;
  return (
    <Field label="Eksempelmail" hint={current?.description}>
      <Dropdown
        value={current?.title ?? ''}
        selectedOptions={current ? [current.file] : []}
        onOptionSelect={(_e, d) => props.onPick(d.optionValue)}
        placeholder={examples.length ? 'Vælg en eksempelmail' : 'Ingen eksempler'}
        clearButton={{ 'aria-label': 'Ryd valget' }}
        disabled={!examples.length}
      >
        {examples.map((ex) => (
          <Option key={ex.file} value={ex.file} text={ex.title}>
            {ex.title}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

const splitAddresses = (s: string) =>
  s
    .split(/[;,](?![^<]*>)/)
    .map((x) => x.trim())
    .filter(Boolean);

type Client = 'web' | 'classic';

/** The pane re-renders only for its own state, not for every Office call the page counts. */
const MemoPane = React.memo(Pane);

/** The body's initial content for an example: its text and, in a reply, the quoted earlier mail as the client writes it. */
function initialBody(ex: MailExample, b: MailBehaviours): string {
  if (ex.format === 'html') return compactHtml(ex.body) + (ex.quoted ? quotedHtml(ex.quoted, b.replyStyle) : '');
  const text = ex.body.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return ex.quoted ? `${text}\n\n${quotedText(ex.quoted, b.replyStyle)}` : text;
}

export function OutlookDemo(props: { example: MailExample | undefined }): JSX.Element {
  const styles = useStyles();
  const ex = props.example;
  const bodyRef = React.useRef<HTMLDivElement>(null);
  const [client, setClient] = React.useState<Client>('web');
  const [behaviours, setBehaviours] = React.useState<MailBehaviours>(WEB_OUTLOOK);
  const behavioursRef = React.useRef(behaviours);
  behavioursRef.current = behaviours;
  const [to, setTo] = React.useState('');
  const [cc, setCc] = React.useState('');
  const [subject, setSubject] = React.useState('');
  const fields = React.useRef({ to: '', cc: '', subject: '' });
  fields.current = { to, cc, subject };
  const [host, setHost] = React.useState<OutlookHost | null>(null);
  const [mailbox, setMailbox] = React.useState<DemoMailbox | null>(null);
  const [paneKey, setPaneKey] = React.useState(0);
  const [calls, setCalls] = React.useState(0);
  const [sending, setSending] = React.useState<'idle' | 'checking' | 'slow'>('idle');
  const [dialog, setDialog] = React.useState<Extract<SendOutcome, { message: string }> | null>(null);
  const [sent, setSent] = React.useState<{ subject: string; to: string; n: number } | null>(null);
  /** "Start forfra" writes the example's draft again. */
  const [draftNo, setDraftNo] = React.useState(0);

  // A new draft for each example (and each reply style): the body, the mailbox on it, and a fresh pane.
  React.useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el || !ex) return;
    const b = behavioursRef.current;
    if (ex.format === 'html') el.innerHTML = initialBody(ex, b);
    else el.textContent = initialBody(ex, b);
    setTo(ex.to.join('; '));
    setCc(ex.cc.join('; '));
    setSubject(ex.subject);
    fields.current = { to: ex.to.join('; '), cc: ex.cc.join('; '), subject: ex.subject };
    setSent(null);
    setDialog(null);
    setCalls(0);
    const mb = new DemoMailbox({
      body: el,
      bodyType: ex.format,
      fields: {
        to: () => splitAddresses(fields.current.to),
        cc: () => splitAddresses(fields.current.cc),
        bcc: () => [],
        subject: () => fields.current.subject,
      },
      behaviours: () => behavioursRef.current,
      roamingSettings: { jpe: { internalDomains: DEMO_INTERNAL_DOMAINS } },
      onCall: () => setCalls((n) => n + 1),
    });
    installOffice(window, mb);
    (window as unknown as { __JPE_MAILBOX__?: DemoMailbox }).__JPE_MAILBOX__ = mb;
    setMailbox(mb);
    setHost(createOutlookHost());
    setPaneKey((k) => k + 1);
    return () => {
      mb.dispose();
      const w = window as unknown as { Office?: unknown };
      if (w.Office === mb.office) delete w.Office;
    };
  }, [ex, behaviours.replyStyle, draftNo]);

  const pickClient = (c: Client) => {
    setClient(c);
    setBehaviours((cur) => {
      const base = c === 'classic' ? CLASSIC_OUTLOOK : WEB_OUTLOOK;
      // The client sets line breaks, reply style and the plain-text quirk; the other switches stay as the trainer set them.
      return { ...cur, lineBreak: base.lineBreak, replyStyle: base.replyStyle, eatsNextChar: base.eatsNextChar };
    });
  };

  const send = async () => {
    if (!mailbox || sending !== 'idle') return;
    setSent(null);
    setSending('checking');
    const outcome = await runSmartAlerts(mailbox.item as unknown as ComposeItem, { onSlow: () => setSending('slow') });
    setSending('idle');
    if (outcome.kind === 'sent') markSent();
    else setDialog(outcome);
  };
  const markSent = () => {
    setDialog(null);
    setSent((s) => ({ subject: fields.current.subject, to: fields.current.to, n: (s?.n ?? 0) + 1 }));
  };
  const dontSend = () => {
    setDialog(null);
    bodyRef.current?.focus();
  };

  return (
    <div className={styles.main}>
      <div className={styles.mailArea}>
        <section className={styles.mail} aria-label="Mailkladde" data-testid="jpe-mail">
          <div className={styles.sendRow}>
            <Button appearance="primary" onClick={() => void send()} disabled={!ex || sending !== 'idle'} data-testid="jpe-send">
              Send
            </Button>
            <Button onClick={() => setDraftNo((n) => n + 1)} disabled={!ex}>
              Start forfra
            </Button>
            <Caption1>
              {ex ? (ex.format === 'html' ? 'HTML-mail' : 'Mail i ren tekst') : ''}
              {ex?.quoted ? ' · svar med den tidligere mail citeret' : ''}
            </Caption1>
          </div>
          {sending !== 'idle' && (
            <MessageBar intent="info" data-testid="jpe-send-checking">
              <MessageBarBody>
                {sending === 'slow' ? 'Jobplan Evidens bruger længere tid end forventet …' : 'Jobplan Evidens tjekker mailen …'}
              </MessageBarBody>
            </MessageBar>
          )}
          {sent && (
            <MessageBar intent="success" data-testid="jpe-sent">
              <MessageBarBody>
                <MessageBarTitle>Sendt (demo)</MessageBarTitle>
                Mailen “{sent.subject}” er sendt til {sent.to}. I demoen forlader intet browseren.
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.fieldRow}>
            <label htmlFor="jpe-to">Til</label>
            <Input id="jpe-to" value={to} onChange={(_e, d) => setTo(d.value)} aria-label="Til" />
          </div>
          <div className={styles.fieldRow}>
            <label htmlFor="jpe-cc">Cc</label>
            <Input id="jpe-cc" value={cc} onChange={(_e, d) => setCc(d.value)} aria-label="Cc" />
          </div>
          <div className={styles.fieldRow}>
            <label htmlFor="jpe-subject">Emne</label>
            <Input id="jpe-subject" value={subject} onChange={(_e, d) => setSubject(d.value)} aria-label="Emne" />
          </div>
          <div
            ref={bodyRef}
            className={ex?.format === 'text' ? 'jpe-mailbody jpe-mailbody-text' : 'jpe-mailbody'}
            contentEditable={ex?.format === 'text' ? ('plaintext-only' as unknown as boolean) : true}
            suppressContentEditableWarning
            role="textbox"
            aria-multiline="true"
            aria-label="Mailens tekst (kan redigeres)"
            spellCheck={false}
            lang="da"
            data-testid="jpe-mailbody"
            data-format={ex?.format ?? ''}
          />
        </section>

        <section className={styles.behaviours} aria-labelledby="jpe-h-behaviours" data-testid="jpe-behaviours">
          <h2 id="jpe-h-behaviours" className={styles.h2}>
            Outlook-adfærd (til undervisning)
          </h2>
          <Field label="Outlook-klient" hint="Linjeskift, svarformat og tegnfejlen i ren tekst følger klienten.">
            <RadioGroup value={client} onChange={(_e, d) => pickClient(d.value === 'classic' ? 'classic' : 'web')} layout="horizontal">
              <Radio value="web" label="Outlook på nettet / nyt Outlook" />
              <Radio value="classic" label="Klassisk Outlook (Windows)" />
            </RadioGroup>
          </Field>
          <div className={styles.switchList}>
            {BEHAVIOUR_SWITCHES.map((s) => (
              <Switch
                key={s.key}
                checked={behaviours[s.key]}
                onChange={(_e, d) => setBehaviours((cur) => ({ ...cur, [s.key]: d.checked }))}
                label={
                  <span>
                    {s.label} <Caption1>({s.source})</Caption1>
                  </span>
                }
                data-behaviour={s.key}
              />
            ))}
          </div>
          <Caption1 data-testid="jpe-office-calls">Office-kald fra ruden og CPR-tjekket: {calls}</Caption1>
        </section>
      </div>
      <div className={styles.paneCol} role="complementary" aria-label="Jobplan Evidens-ruden">
        {host && (
          <ErrorBoundary>
            <MemoPane key={paneKey} host={host} />
          </ErrorBoundary>
        )}
      </div>

      <Dialog open={!!dialog} modalType="alert" onOpenChange={(_e, d) => !d.open && dontSend()}>
        <DialogSurface data-testid="jpe-smart-alert">
          <DialogBody>
            <DialogTitle>Jobplan Evidens</DialogTitle>
            <DialogContent data-testid="jpe-smart-alert-message">{dialog?.message}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={dontSend}>
                {DONT_SEND}
              </Button>
              {dialog?.buttons.includes(SEND_ANYWAY) && <Button onClick={markSent}>{SEND_ANYWAY}</Button>}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
