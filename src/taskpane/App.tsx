import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  FluentProvider,
  Input,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  TagGroup,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import {
  INSTRUMENT_LABELS,
  TARGET_GROUP_IDS,
  TARGET_GROUP_LABELS,
  bundledEvidence,
  isTargetGroupId,
  type EvidenceSet,
  type Span,
  type Suggestion,
  type TargetGroupId,
} from '../core';
import type { Host } from '../hosts/host';
import { CprNotice } from './components/CprNotice';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Lookup } from './components/Lookup';
import { StaleCitations } from './components/StaleCitations';
import { SuggestionCard } from './components/SuggestionCard';
import { KIND_HEADINGS, KIND_ORDER, VIEWPOINT_NOTE, insertAllDescription, mentionsText, referenceScopeText } from './labels';
import { parseDomainList } from './settings';
import { LARGE_DOCUMENT_CHARS, usePane, type Notice } from './usePane';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h3: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  tagGroup: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, maxWidth: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  instrument: {
    justifyContent: 'flex-start',
    width: '100%',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    columnGap: tokens.spacingHorizontalS,
  },
  cards: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
    padding: 0,
  },
  footer: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  progress: { position: 'sticky', top: 0, zIndex: 1 },
});

export interface PaneProps {
  host: Host;
}

/** The task pane proper (also embedded by the browser demo). */
export function Pane({ host }: PaneProps): JSX.Element {
  const styles = useStyles();
  const [state, actions] = usePane(host);
  const [showDismissed, setShowDismissed] = React.useState(false);
  const [showLookup, setShowLookup] = React.useState(false);
  /** The "Interne maildomæner" field as typed; parsed and stored when the field is left or Enter is pressed. */
  const [domainsDraft, setDomainsDraft] = React.useState<string | null>(null);
  // After a card disappears (dismissed), keep keyboard focus in the suggestions instead of losing it to <body>.
  const suggestionsHeading = React.useRef<HTMLHeadingElement>(null);
  const set: EvidenceSet | null = React.useMemo(() => {
    try {
      return bundledEvidence();
    } catch {
      return null;
    }
  }, []);

  const { analysis, caps, settings } = state;
  const hasText = !!analysis && !state.empty;

  // Target groups shown: found by the engine, plus the user's additions, minus removals.
  const groupHits = new Map((analysis?.targetGroups ?? []).map((g) => [g.id, g.mentions.length]));
  const groupMentions = new Map((analysis?.targetGroups ?? []).filter((g) => g.mentions[0]).map((g) => [g.id, g.mentions[0] as Span]));
  const shownGroups: TargetGroupId[] = TARGET_GROUP_IDS.filter(
    (g) => (groupHits.has(g) || state.overrides.add.includes(g)) && !state.overrides.remove.includes(g),
  );
  const addableGroups = TARGET_GROUP_IDS.filter((g) => !shownGroups.includes(g));

  const suggestions = analysis?.suggestions ?? [];
  const visible = suggestions.filter((s) => !settings.dismissed[s.id]);
  const dismissed = suggestions.filter((s) => settings.dismissed[s.id]);
  const scope = actions.referenceScope();
  const insertAllCount = caps.canInsert ? actions.insertAllCandidates().length : 0;
  const domainsText = domainsDraft ?? settings.internalDomains.join(', ');
  const domainsInvalid = domainsDraft !== null ? parseDomainList(domainsDraft).invalid : [];
  const commitDomains = () => {
    if (domainsDraft === null) return;
    const { domains, invalid } = parseDomainList(domainsDraft);
    if (!invalid.length) setDomainsDraft(null);
    if (domains.join(',') !== settings.internalDomains.join(',')) actions.setInternalDomains(domains);
  };

  const derived: Notice[] = [];
  if (!caps.canInsert)
    derived.push({
      key: 'read-only-mode',
      intent: 'info',
      title: 'Læsevisning',
      body: 'Mailen er åben til læsning: du kan analysere og kopiere forslag, men ikke indsætte dem. Svar på mailen eller åbn en kladde for at indsætte.',
    });
  if (analysis && state.empty)
    derived.push({
      key: 'empty',
      intent: 'info',
      body: 'Dokumentet er tomt. Skriv eller indsæt jobplanen, og tryk på "Analysér igen".',
      actionLabel: 'Analysér igen',
      onAction: actions.reanalyze,
    });
  else if (analysis && !state.busy && analysis.instruments.length === 0)
    derived.push({
      key: 'none',
      intent: 'info',
      body: 'Der blev ikke fundet nogen indsatser i teksten (fx samtaler, virksomhedspraktik, løntilskud eller mentor).',
    });
  if (state.textLength > LARGE_DOCUMENT_CHARS)
    derived.push({
      key: 'large',
      intent: 'warning',
      body: 'Dokumentet er meget stort (over 2 MB). Det bliver analyseret, men det kan tage et øjeblik.',
    });
  const notices = [...derived, ...state.notices];

  const announcement = state.analysisCount > 0 ? `Analysen er opdateret${state.analysisCount % 2 ? '' : '\u00a0'}` : '';

  const onGroupDismiss = (_e: unknown, data: { value: string }) => {
    if (isTargetGroupId(data.value)) actions.removeGroup(data.value);
  };

  const renderCard = (s: Suggestion) =>
    set && (
      <SuggestionCard
        key={s.id}
        suggestion={s}
        set={set}
        canInsert={caps.canInsert}
        // Word without comment support keeps the button: it explains and inserts the text instead.
        canComment={caps.canInsert && !!s.mention && (caps.canComment || caps.kind === 'word')}
        inserted={state.insertedIds.has(s.id)}
        register={state.analysedRegister}
        dismissedReason={settings.dismissed[s.id]}
        onInsert={() => void actions.insert(s)}
        onComment={() => void actions.comment(s)}
        onCopy={() => void actions.copy(s)}
        onDismiss={(r) => {
          actions.dismiss(s, r);
          setTimeout(() => suggestionsHeading.current?.focus(), 0);
        }}
        onRestore={() => actions.restore(s.id)}
      />
    );

  return (
    <main className={styles.root} aria-busy={state.busy} data-testid="jpe-pane">
      {state.busy && <ProgressBar className={styles.progress} thickness="medium" aria-label="Analyserer dokumentet" />}
      <header className={styles.header} data-testid="pane-ready">
        <h1 className={styles.title}>Jobplan Evidens</h1>
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={actions.reanalyze} disabled={state.busy && state.loading}>
            Analysér igen
          </Button>
          {caps.canInsert && (
            <Button onClick={() => void actions.referenceList()} disabled={!scope.findings.length}>
              Kildeliste
            </Button>
          )}
          {caps.canInsert && hasText && (
            <Button
              onClick={() => void actions.insertAll()}
              disabled={!insertAllCount || state.busy}
              aria-description={insertAllDescription(insertAllCount)}
            >
              Indsæt alle
            </Button>
          )}
        </div>
        {caps.canInsert && hasText && (
          <Caption1 className={styles.muted} data-testid="jpe-kildeliste-scope">
            {scope.fromInserted
              ? `Kildelisten dækker kilderne til de forslag, der er indsat i dokumentet.`
              : referenceScopeText(scope.count)}
          </Caption1>
        )}
      </header>

      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>

      {!state.loading && (
        <CprNotice
          places={state.cpr}
          kind={caps.kind}
          compose={caps.canInsert}
          canSelect={caps.canSelect}
          onSelect={(i) => void actions.selectCpr(i)}
        />
      )}

      {notices.length > 0 && (
        <MessageBarGroup>
          {notices.map((n) => (
            <MessageBar key={n.key} intent={n.intent} layout="multiline" data-notice={n.key}>
              <MessageBarBody>
                {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
                {n.body}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  state.notices.includes(n) ? (
                    <Button appearance="transparent" size="small" aria-label="Luk besked" onClick={() => actions.closeNotice(n.key)}>
                      ✕
                    </Button>
                  ) : undefined
                }
              >
                {n.actionLabel && n.onAction ? (
                  <Button size="small" onClick={n.onAction}>
                    {n.actionLabel}
                  </Button>
                ) : undefined}
              </MessageBarActions>
            </MessageBar>
          ))}
        </MessageBarGroup>
      )}

      {state.loading ? (
        <Spinner size="small" label="Analyserer dokumentet …" />
      ) : (
        hasText && (
          <>
            {set && (
              <StaleCitations
                stale={state.stale}
                set={set}
                canUpdate={caps.canInsert && !!host.updateInserted}
                canRemove={caps.canInsert && !!host.removeInserted}
                onUpdate={(c) => void actions.updateStale(c)}
                onRemove={(c) => void actions.removeStale(c)}
              />
            )}
            <section className={styles.section} aria-labelledby="jpe-h-borger">
              <h2 id="jpe-h-borger" className={styles.h2}>
                Borgeren
              </h2>
              <Caption1 className={styles.muted}>
                Målgrupper fundet i teksten. Fjern eller tilføj en målgruppe for at se forslagene for den.
              </Caption1>
              <div className={styles.tags}>
                {shownGroups.length > 0 ? (
                  <TagGroup onDismiss={onGroupDismiss} aria-label="Borgerens målgrupper" size="small" className={styles.tagGroup}>
                    {shownGroups.map((g) => {
                      const first = groupMentions.get(g);
                      const label = TARGET_GROUP_LABELS[g];
                      return (
                        <InteractionTag key={g} value={g} shape="circular" appearance={first ? 'brand' : 'outline'} data-group={g}>
                          <InteractionTagPrimary
                            hasSecondaryAction
                            onClick={() => first && caps.canSelect && void actions.select(first)}
                            aria-description={first ? 'Vis i dokumentet' : 'Tilføjet af dig'}
                          >
                            {label}
                            {!first ? ' (tilføjet)' : ''}
                          </InteractionTagPrimary>
                          {/* Fluent labels this button by the tag's name plus its own label ("X Fjern X"); its own label says it all. */}
                          <InteractionTagSecondary aria-label={`Fjern ${label}`} aria-labelledby={undefined} />
                        </InteractionTag>
                      );
                    })}
                  </TagGroup>
                ) : (
                  <Caption1>
                    Ingen målgruppe fundet. Forskningen gælder bestemte grupper, så forslagene kommer, når du har tilføjet
                    borgerens målgruppe.
                  </Caption1>
                )}
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <MenuButton size="small" appearance="subtle" disabled={!addableGroups.length}>
                      Tilføj målgruppe
                    </MenuButton>
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList aria-label="Målgrupper">
                      {addableGroups.map((g) => (
                        <MenuItem key={g} onClick={() => actions.addGroup(g)} data-group={g}>
                          {TARGET_GROUP_LABELS[g]}
                          {state.overrides.remove.includes(g) ? ' (fjernet)' : ''}
                        </MenuItem>
                      ))}
                    </MenuList>
                  </MenuPopover>
                </Menu>
              </div>
            </section>

            <section className={styles.section} aria-labelledby="jpe-h-indsatser">
              <h2 id="jpe-h-indsatser" className={styles.h2}>
                Indsatser i teksten
              </h2>
              {analysis.instruments.length ? (
                <ul className={styles.list}>
                  {analysis.instruments.map((hit) => {
                    const first = hit.mentions[0];
                    return (
                      <li key={hit.id}>
                        <Button
                          appearance="subtle"
                          size="small"
                          className={styles.instrument}
                          disabled={!caps.canSelect || !first}
                          onClick={() => first && void actions.select(first)}
                          title={caps.canSelect ? 'Vis i dokumentet' : undefined}
                          data-instrument={hit.id}
                        >
                          <span>{INSTRUMENT_LABELS[hit.id]}</span>
                          <span className={styles.muted}>{mentionsText(hit.mentions.length)}</span>
                          {hit.negated && (
                            <Badge appearance="outline" color="important" size="small">
                              fravalgt
                            </Badge>
                          )}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <Caption1 className={styles.muted}>Ingen indsatser fundet.</Caption1>
              )}
            </section>

            <section className={styles.section} aria-labelledby="jpe-h-forslag">
              <h2 id="jpe-h-forslag" className={styles.h2} ref={suggestionsHeading} tabIndex={-1}>
                Forslag fra forskningen
              </h2>
              {visible.length === 0 && (
                <Caption1 className={styles.muted}>
                  {suggestions.length ? 'Alle forslag er afvist.' : 'Ingen forslag til denne tekst og målgruppe.'}
                </Caption1>
              )}
              {KIND_ORDER.map((kind) => {
                const cards = visible.filter((s) => s.kind === kind);
                if (!cards.length) return null;
                if (kind === 'viewpoint')
                  return (
                    <Accordion key={kind} collapsible data-kind-group={kind} data-suggestion-ids={cards.map((c) => c.id).join(' ')}>
                      <AccordionItem value="viewpoints">
                        <AccordionHeader as="h3" size="small">
                          {KIND_HEADINGS[kind]} ({cards.length})
                        </AccordionHeader>
                        <AccordionPanel>
                          <div className={styles.cards}>
                            <Caption1 className={styles.muted}>{VIEWPOINT_NOTE}</Caption1>
                            {cards.map(renderCard)}
                          </div>
                        </AccordionPanel>
                      </AccordionItem>
                    </Accordion>
                  );
                return (
                  <div key={kind} className={styles.cards} data-kind-group={kind}>
                    <h3 className={styles.h3}>
                      {KIND_HEADINGS[kind]}
                      <Badge appearance="tint" color="informative" size="small" aria-label={`${cards.length} forslag`}>
                        {cards.length}
                      </Badge>
                    </h3>
                    {cards.map(renderCard)}
                  </div>
                );
              })}
              {dismissed.length > 0 && (
                <>
                  <Switch
                    checked={showDismissed}
                    onChange={(_e, d) => setShowDismissed(d.checked)}
                    label={`Vis afviste (${dismissed.length})`}
                  />
                  {showDismissed && <div className={styles.cards}>{dismissed.map(renderCard)}</div>}
                </>
              )}
            </section>
          </>
        )
      )}

      {set && (
        <section className={styles.section} aria-labelledby="jpe-h-opslag">
          <h2 id="jpe-h-opslag" className={styles.h2}>
            <Button
              appearance="subtle"
              aria-expanded={showLookup}
              aria-controls="jpe-lookup-panel"
              onClick={() => setShowLookup((v) => !v)}
              data-testid="jpe-lookup-toggle"
            >
              <span aria-hidden="true">{showLookup ? '▾' : '▸'}</span>&nbsp;Opslag i evidensen
            </Button>
          </h2>
          <div id="jpe-lookup-panel" hidden={!showLookup}>
            {showLookup && (
              <Lookup host={host} set={set} register={state.register} citationStyle={settings.citationStyle} canInsert={caps.canInsert} />
            )}
          </div>
        </section>
      )}

      <section className={styles.section} aria-labelledby="jpe-h-settings">
        <h2 id="jpe-h-settings" className={styles.h2}>
          Indstillinger
        </h2>
        <Field label="Kildehenvisning">
          <RadioGroup
            value={settings.citationStyle}
            onChange={(_e, d) => actions.setCitationStyle(d.value === 'full' ? 'full' : 'short')}
            layout="horizontal"
          >
            <Radio value="short" label="Kort (STAR, 2026)" />
            <Radio value="full" label="Fuld titel" />
          </RadioGroup>
        </Field>
        <Field
          label="Forslagenes sprog"
          hint={
            state.registerAuto
              ? 'Valgt automatisk: mailen har modtagere uden for de interne maildomæner. Vælg selv for at ændre det for denne mail.'
              : undefined
          }
        >
          <RadioGroup
            value={state.register}
            onChange={(_e, d) => actions.setRegister(d.value === 'borger' ? 'borger' : 'fagperson')}
            layout="horizontal"
          >
            <Radio value="fagperson" label="Til fagpersoner" />
            <Radio value="borger" label="Til borgeren" />
          </RadioGroup>
        </Field>
        {caps.kind === 'outlook' && (
          <Field
            label="Interne maildomæner"
            validationState={domainsInvalid.length ? 'warning' : 'none'}
            validationMessage={domainsInvalid.length ? `Ikke et domæne: ${domainsInvalid.join(', ')}` : undefined}
            hint="Adskil med komma, fx aarhus.dk, jobcenter.dk. Har mailen en modtager uden for disse domæner, vises forslagene til borgeren, medmindre du selv vælger andet."
          >
            <Input
              value={domainsText}
              placeholder="aarhus.dk, jobcenter.dk"
              onChange={(_e, d) => setDomainsDraft(d.value)}
              onBlur={commitDomains}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitDomains();
              }}
              data-testid="jpe-internal-domains"
            />
          </Field>
        )}
      </section>

      <footer className={styles.footer}>
        Teksten analyseres kun på denne computer – intet sendes videre. Forslagene bygger på STAR&apos;s vidensnotater og
        erstatter ikke en individuel vurdering.
      </footer>
    </main>
  );
}

export interface AppProps {
  host: Host;
  dark?: boolean;
}

export function App({ host, dark }: AppProps): JSX.Element {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <ErrorBoundary>
        <Pane host={host} />
      </ErrorBoundary>
    </FluentProvider>
  );
}

/** A notice on its own (Office missing, unsupported host), styled like the pane. */
export function StandaloneNotice(props: { title: string; body: string; intent?: 'info' | 'warning' | 'error'; busy?: boolean }): JSX.Element {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh', padding: 12, boxSizing: 'border-box' }}>
      <main>
        <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 12px' }}>Jobplan Evidens</h1>
        {props.busy ? (
          <Spinner size="small" label={props.body} />
        ) : (
          <MessageBar intent={props.intent ?? 'info'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{props.title}</MessageBarTitle>
              {props.body}
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
