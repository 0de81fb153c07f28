import * as React from 'react';
import { createRoot } from 'react-dom/client';
import {
  Caption1,
  Dropdown,
  Field,
  FluentProvider,
  Option,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { createDemoHost, type DemoHost } from '../hosts/demo';
import { Pane } from '../taskpane/App';
import { ErrorBoundary } from '../taskpane/components/ErrorBoundary';
import { exampleLabel, loadExamples, type Example } from './examples';
import { loadMailExamples } from './mail-examples';
import { MailPicker, OutlookDemo } from './outlook-demo';

const useStyles = makeStyles({
  app: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    height: '100vh',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleBlock: { flex: '1 1 320px', minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  picker: { flex: '0 1 380px', minWidth: 0, maxWidth: '100%' },
  main: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 380px',
    minHeight: 0,
    // A narrow window (a phone, or 340 px to try the pane's width): the pane below the document, full width.
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)', gridAutoRows: 'auto', overflowY: 'auto' },
  },
  docArea: {
    overflow: 'auto',
    padding: tokens.spacingHorizontalXL,
    minWidth: 0,
    '@media (max-width: 760px)': { maxHeight: '60vh', padding: tokens.spacingHorizontalS },
  },
  pageRow: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalL, justifyContent: 'center' },
  paneCol: {
    overflow: 'auto',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 760px)': { overflow: 'visible', borderLeft: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  },
});

/** A benchmark or test may set this before the page loads: the demo then opens with that text as its document. */
function injectedText(): string | null {
  const t = (window as unknown as { __JPE_DEMO_TEXT__?: unknown }).__JPE_DEMO_TEXT__;
  return typeof t === 'string' ? t : null;
}

type Mode = 'word' | 'outlook';

/** ?mode=outlook opens the Outlook mode, ?mail=<file> an example mail (for links and tests). */
function initialMode(): { mode: Mode; mail: string | null } {
  const q = new URLSearchParams(window.location.search);
  return { mode: q.get('mode') === 'outlook' ? 'outlook' : 'word', mail: q.get('mail') };
}

function App(): JSX.Element {
  const styles = useStyles();
  const first = React.useMemo(initialMode, []);
  const [mode, setMode] = React.useState<Mode>(first.mode);
  const mails = React.useMemo(loadMailExamples, []);
  const [mailFile, setMailFile] = React.useState<string | undefined>(first.mail ?? mails[0]?.file);
  const mail = mails.find((m) => m.file === mailFile) ?? mails[0];
  const tabs = (
    <TabList selectedValue={mode} onTabSelect={(_e, d) => setMode(d.value === 'outlook' ? 'outlook' : 'word')} aria-label="Vis demoen som">
      <Tab value="word">Word-dokument</Tab>
      <Tab value="outlook">Outlook-mail</Tab>
    </TabList>
  );
  if (mode === 'word') return <WordDemo tabs={tabs} />;
  return (
    <div className={styles.app}>
      <DemoHeader
        tabs={tabs}
        intro={
          <>
            Til undervisning: vælg en eksempelmail, sæt markøren i mailen, og brug ruden til højre – den samme som i Outlook, på den
            samme Outlook-kode. &quot;Send&quot; kører CPR-tjekket fra Outlook. Alt foregår i browseren – intet sendes videre.
          </>
        }
        picker={<MailPicker examples={mails} current={mail} onPick={(f) => f && setMailFile(f)} />}
      />
      <OutlookDemo example={mail} />
    </div>
  );
}

/** The demo's title, a line for the trainer, the Word/Outlook switch and the example picker (both modes). */
function DemoHeader(props: { tabs: React.ReactNode; intro: React.ReactNode; picker: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.top}>
      <div className={styles.titleBlock}>
        <h1 className={styles.title}>Jobplan Evidens – demo</h1>
        <p className={styles.intro}>{props.intro}</p>
        {props.tabs}
      </div>
      <div className={styles.picker}>{props.picker}</div>
    </header>
  );
}

function WordDemo(props: { tabs: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  const examples = React.useMemo(loadExamples, []);
  const editorRef = React.useRef<HTMLDivElement>(null);
  const notesRef = React.useRef<HTMLElement>(null);
  const [host, setHost] = React.useState<DemoHost | null>(null);
  const injected = React.useMemo(injectedText, []);
  const [current, setCurrent] = React.useState<Example | undefined>(injected === null ? examples[0] : undefined);
  const [paneKey, setPaneKey] = React.useState(0);

  React.useLayoutEffect(() => {
    if (!editorRef.current || !notesRef.current) return;
    const h = createDemoHost(editorRef.current, { notesElement: notesRef.current });
    h.setText(injected ?? examples[0]?.text ?? '');
    setHost(h);
    return () => h.dispose();
  }, [examples, injected]);

  const pick = (file: string | undefined) => {
    const ex = examples.find((e) => e.file === file);
    if (!ex || !host) return;
    host.setText(ex.text);
    setCurrent(ex);
    setPaneKey((k) => k + 1);
  };

  return (
    <div className={styles.app}>
      <DemoHeader
        tabs={props.tabs}
        intro={
          <>
            Til undervisning: vælg en eksempelplan, eller skriv selv i dokumentet til venstre. Ruden til højre er den samme som
            i Word og Outlook. Alt foregår i browseren – intet sendes videre.
          </>
        }
        picker={
          <Field label="Eksempel" hint={current?.description}>
            <Dropdown
              value={current ? exampleLabel(current) : ''}
              selectedOptions={current ? [current.file] : []}
              onOptionSelect={(_e, d) => pick(d.optionValue)}
              placeholder={examples.length ? 'Vælg en eksempelplan' : 'Ingen eksempler'}
              // Fluent's default screen-reader label of the (hidden) clear button is English.
              clearButton={{ 'aria-label': 'Ryd valget' }}
              disabled={!examples.length}
            >
              {examples.map((ex) => {
                const label = exampleLabel(ex);
                return (
                  <Option key={ex.file} value={ex.file} text={label}>
                    {label}
                  </Option>
                );
              })}
            </Dropdown>
          </Field>
        }
      />
      <div className={styles.main}>
        {/* Focusable so keyboard users can scroll the document area. */}
        <div className={styles.docArea} tabIndex={0} role="region" aria-label="Dokumentet">
          <div className={styles.pageRow}>
            <div
              ref={editorRef}
              className="jpe-page"
              contentEditable
              suppressContentEditableWarning
              role="textbox"
              aria-multiline="true"
              aria-label="Dokument (kan redigeres)"
              spellCheck={false}
              lang="da"
              data-testid="jpe-document"
            />
            <aside ref={notesRef} className="jpe-notes" aria-label="Kommentarer" data-testid="jpe-notes" />
          </div>
        </div>
        <div className={styles.paneCol} role="complementary" aria-label="Jobplan Evidens-ruden">
          {host && (
            <ErrorBoundary>
              <Pane key={paneKey} host={host} />
            </ErrorBoundary>
          )}
        </div>
      </div>
    </div>
  );
}

function main(): void {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

main();
