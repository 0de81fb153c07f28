import * as React from 'react';
import { Badge, Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  INSTRUMENT_LABELS,
  TARGET_GROUP_LABELS,
  formatReference,
  formatSource,
  isInstrumentId,
  isTargetGroupId,
  populationOf,
  type CitationStyle,
  type EvidenceSet,
  type Finding,
  type Register,
} from '../../core';
import type { Host } from '../../hosts/host';
import { CARD_BASE, QUOTE_STYLE } from './cardStyle';
import { evidenceBadge, groupsText } from '../labels';
import { findingsCountText, lookupOptions, lookupSentence, useLookup } from '../useLookup';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  filter: { flexGrow: 1, flexBasis: '140px', minWidth: 0, maxWidth: '100%' },
  // A native <select> is as wide as its longest option unless told otherwise: keep it inside a 320 px pane.
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectInner: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  card: {
    ...CARD_BASE,
    overflowWrap: 'anywhere',
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  sentence: { margin: 0 },
  quote: QUOTE_STYLE,
  small: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  figures: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  figureValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  status: { fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface LookupProps {
  host: Host;
  set: EvidenceSet;
  register: Register;
  citationStyle: CitationStyle;
  canInsert: boolean;
}

/** "Opslag": browse the evidence set by instrument and target group, and insert a finding's sentence at the cursor. */
export function Lookup({ host, set, register, citationStyle, canInsert }: LookupProps): JSX.Element {
  const styles = useStyles();
  const [state, actions] = useLookup(host, set, register, citationStyle);
  const options = React.useMemo(() => lookupOptions(set), [set]);
  const count = findingsCountText(state.findings.length);

  return (
    <div className={styles.root} data-testid="jpe-lookup">
      <Caption1>Hele evidenssættet uden et dokument: vælg en indsats og en målgruppe.</Caption1>
      <div className={styles.filters}>
        <Field label="Indsats" className={styles.filter}>
          <Select
            value={state.instrument}
            onChange={(_e, d) => actions.setInstrument(isInstrumentId(d.value) ? d.value : 'alle')}
            data-testid="jpe-lookup-instrument"
            className={styles.select}
            select={{ className: styles.selectInner }}
          >
            <option value="alle">Alle indsatser</option>
            {options.instruments.map((i) => (
              <option key={i} value={i}>
                {INSTRUMENT_LABELS[i]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Målgruppe" className={styles.filter}>
          <Select
            value={state.group}
            onChange={(_e, d) => actions.setGroup(isTargetGroupId(d.value) ? d.value : 'alle')}
            data-testid="jpe-lookup-group"
            className={styles.select}
            select={{ className: styles.selectInner }}
          >
            <option value="alle">Alle målgrupper</option>
            {options.groups.map((g) => (
              <option key={g} value={g}>
                {TARGET_GROUP_LABELS[g]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text role="status" aria-live="polite" aria-atomic="true" data-testid="jpe-lookup-count">
        {count}
        {state.group !== 'alle' && state.findings.length > 0 ? ' (også fund, der ikke er afgrænset til en målgruppe)' : ''}
      </Text>
      <ul className={styles.list} aria-label={`Fund i evidenssættet: ${count}`}>
        {state.findings.map((f) => (
          <li key={f.id}>
            <FindingCard
              finding={f}
              set={set}
              register={register}
              citationStyle={citationStyle}
              canInsert={canInsert}
              status={state.status?.findingId === f.id ? state.status : null}
              onInsert={() => void actions.insert(f)}
              onCopy={() => void actions.copy(f)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FindingCardProps {
  finding: Finding;
  set: EvidenceSet;
  register: Register;
  citationStyle: CitationStyle;
  canInsert: boolean;
  status: { intent: 'success' | 'info' | 'error'; text: string } | null;
  onInsert(): void;
  onCopy(): void;
}

function FindingCard({ finding: f, set, register, citationStyle, canInsert, status, onInsert, onCopy }: FindingCardProps): JSX.Element {
  const styles = useStyles();
  const src = set.sources.find((s) => s.id === f.source);
  const badge = evidenceBadge({ direction: f.direction, strength: f.strength, advocacy: !!src?.advocacy });
  const headingId = `jpe-lookup-${f.id}`;
  const refs = f.references.map((r) => set.references.find((x) => x.id === r)).filter((r): r is NonNullable<typeof r> => !!r);
  return (
    <article className={styles.card} aria-labelledby={headingId} data-finding-id={f.id}>
      <h3 id={headingId} className={styles.h3}>
        {f.headline}
      </h3>
      <div>
        <Badge appearance="tint" color={badge.color} size="medium">
          {badge.text}
        </Badge>
      </div>
      <p className={styles.sentence}>{lookupSentence(set, f, register, citationStyle)}</p>
      <blockquote className={styles.quote} lang="da">
        »{f.quote}«
      </blockquote>
      {f.figures.length > 0 && (
        <dl className={styles.figures} aria-label="Tal">
          {f.figures.map((fig) => (
            <React.Fragment key={fig.label}>
              <dt>{fig.label}</dt>
              <dd className={styles.figureValue}>{fig.value}</dd>
            </React.Fragment>
          ))}
        </dl>
      )}
      <p className={styles.small}>
        {groupsText([], populationOf(set, f))} · Indsats: {f.instruments.map((i) => INSTRUMENT_LABELS[i]).join(', ')}
      </p>
      <p className={styles.small}>Kilde: {src ? formatSource(set, src) : f.source}</p>
      {refs.length > 0 && <p className={styles.small}>Studier: {refs.map(formatReference).join(' ')}</p>}
      <div className={styles.actions}>
        {canInsert && (
          <Button size="small" appearance="primary" onClick={onInsert} aria-describedby={headingId}>
            Indsæt ved markøren
          </Button>
        )}
        <Button size="small" onClick={onCopy} aria-describedby={headingId}>
          Kopiér
        </Button>
      </div>
      <div role="status" aria-live="polite" className={status?.intent === 'error' ? `${styles.status} ${styles.error}` : styles.status}>
        {status?.text ?? ''}
      </div>
    </article>
  );
}
