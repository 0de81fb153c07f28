import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, Switch } from '@fluentui/react-components';
import type { EvidenceSet, Suggestion } from '../../core';
import { KIND_HEADINGS, KIND_ORDER, VIEWPOINT_NOTE } from '../labels';
import type { PaneActions } from '../paneActions';
import type { PaneState } from '../paneReducer';
import { SuggestionCard } from './SuggestionCard';
import { usePaneStyles } from './paneStyles';

/** "Forslag fra forskningen": the cards by kind (viewpoints collapsed), and the dismissed ones behind a switch. */
export function SuggestionList({ state, actions, set }: { state: PaneState; actions: PaneActions; set: EvidenceSet | null }): JSX.Element {
  const styles = usePaneStyles();
  const [showDismissed, setShowDismissed] = React.useState(false);
  // After a card disappears (dismissed), keep keyboard focus in the suggestions instead of losing it to <body>.
  const heading = React.useRef<HTMLHeadingElement>(null);
  const { caps, settings } = state;
  const suggestions = state.analysis?.suggestions ?? [];
  const visible = suggestions.filter((s) => !settings.dismissed[s.id]);
  const dismissed = suggestions.filter((s) => settings.dismissed[s.id]);

  const renderCard = (s: Suggestion) =>
    set && (
      <SuggestionCard
        key={s.id}
        suggestion={s}
        set={set}
        canInsert={caps.canInsert}
        // A host that cannot comment may keep the button: it explains and inserts the text instead.
        canComment={caps.canInsert && !!s.mention && (caps.canComment || caps.commentFallsBackToInsert)}
        inserted={state.insertedIds.has(s.id)}
        register={state.analysedRegister}
        dismissedReason={settings.dismissed[s.id]}
        onInsert={() => void actions.insert(s)}
        onComment={() => void actions.comment(s)}
        onCopy={() => void actions.copy(s)}
        onDismiss={(r) => {
          actions.dismiss(s, r);
          setTimeout(() => heading.current?.focus(), 0);
        }}
        onRestore={() => actions.restore(s.id)}
      />
    );

  return (
    <section className={styles.section} aria-labelledby="jpe-h-forslag">
      <h2 id="jpe-h-forslag" className={styles.h2} ref={heading} tabIndex={-1}>
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
          <Switch checked={showDismissed} onChange={(_e, d) => setShowDismissed(d.checked)} label={`Vis afviste (${dismissed.length})`} />
          {showDismissed && <div className={styles.cards}>{dismissed.map(renderCard)}</div>}
        </>
      )}
    </section>
  );
}
