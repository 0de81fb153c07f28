import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { INSTRUMENT_LABELS, TARGET_GROUP_LABELS, formatReference, populationOf, registerLabel, type EvidenceSet, type Register, type Suggestion } from '../../core';
import { CARD_BASE, QUOTE_STYLE } from './cardStyle';
import { AVERAGE_EFFECT_CAVEAT, DISMISS_REASONS, NOT_INSERTABLE_NOTE, dismissReasonLabel, evidenceBadge, groupsText, type DismissReason } from '../labels';

const useStyles = makeStyles({
  card: {
    ...CARD_BASE,
    boxShadow: tokens.shadow2,
    borderLeftWidth: '4px',
  },
  support: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  caution: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  consider: { borderLeftColor: tokens.colorBrandStroke1 },
  viewpoint: { borderLeftColor: tokens.colorNeutralStroke1 },
  dismissed: { opacity: 0.8, ...shorthands.borderStyle('dashed') },
  sentence: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  source: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  accordionHeader: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { margin: 0, paddingBottom: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  quote: QUOTE_STYLE,
  detailHeading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  caveat: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
  },
});

export interface SuggestionCardProps {
  suggestion: Suggestion;
  set: EvidenceSet;
  canInsert: boolean;
  /** Show "Kommentar" (the suggestion has a mention to anchor at, and the host has comments). */
  canComment: boolean;
  inserted: boolean;
  /** The register the sentence is in ("Til fagpersoner" / "Til borgeren"), shown on the card. */
  register?: Register;
  dismissedReason?: DismissReason;
  onInsert(): void;
  onComment(): void;
  onCopy(): void;
  onDismiss(reason: DismissReason): void;
  onRestore(): void;
}

export function SuggestionCard(props: SuggestionCardProps): JSX.Element {
  const { suggestion: s, set } = props;
  const styles = useStyles();
  const id = React.useId();
  const badge = evidenceBadge(s);
  const sources = Array.from(new Map(s.citations.map((c) => [c.source, c.label])).values());
  const findings = s.findings.map((fid) => set.findings.find((f) => f.id === fid)).filter((f): f is NonNullable<typeof f> => !!f);
  const figures = findings.flatMap((f) => f.figures);
  const refIds = Array.from(new Set(findings.flatMap((f) => f.references)));
  const refs = refIds.map((r) => set.references.find((x) => x.id === r)).filter((r): r is NonNullable<typeof r> => !!r);
  const caveats = Array.from(new Set(findings.flatMap((f) => f.caveats)));
  const populations = Array.from(new Set(findings.map((f) => populationOf(set, f)))).filter((p): p is NonNullable<typeof p> => !!p);
  const exclusions = Array.from(new Set(findings.flatMap((f) => f.exclusions)))
    .map((xid) => set.exclusions.find((x) => x.id === xid))
    .filter((x): x is NonNullable<typeof x> => !!x);
  const sentenceId = `${id}-sentence`;

  return (
    <article
      className={mergeClasses(styles.card, styles[s.kind], props.dismissedReason && styles.dismissed)}
      aria-labelledby={sentenceId}
      data-suggestion-id={s.id}
      data-kind={s.kind}
      data-register={props.register}
      data-testid="suggestion-card"
    >
      <p id={sentenceId} className={styles.sentence}>
        {s.text}
      </p>
      <div className={styles.meta}>
        <Badge appearance="tint" color={badge.color} shape="rounded">
          {badge.text}
        </Badge>
        {props.inserted && (
          <Badge appearance="outline" color="brand" shape="rounded">
            Indsat
          </Badge>
        )}
        <Caption1 className={styles.muted}>{INSTRUMENT_LABELS[s.instrument]}</Caption1>
        {props.register && (
          <Badge appearance="outline" color={props.register === 'borger' ? 'brand' : 'informative'} shape="rounded" size="small" data-testid="jpe-register">
            {registerLabel(props.register)}
          </Badge>
        )}
      </div>
      <Caption1 className={styles.muted}>{groupsText(s.targetGroups, populations[0])}</Caption1>
      <Caption1 className={styles.source}>Kilde: {sources.join('; ') || 'ukendt'}</Caption1>

      <Accordion collapsible>
        <AccordionItem value="details">
          <AccordionHeader size="small" className={styles.accordionHeader}>
            Kilde og detaljer
          </AccordionHeader>
          <AccordionPanel>
            <div className={styles.panel}>
              {s.citations.map((c, i) => (
                <figure key={`${c.finding}-${i}`} style={{ margin: 0 }}>
                  <blockquote className={styles.quote} lang="da">
                    {c.quote}
                  </blockquote>
                  <figcaption>
                    <Caption1 className={styles.muted}>{c.label}</Caption1>
                  </figcaption>
                </figure>
              ))}
              {s.advocacy && (
                <p className={styles.caveat}>
                  Kilden er en interesseorganisation. Påstanden er ikke en neutral forskningsoversigt.
                </p>
              )}
              {populations.length > 0 && (
                <div>
                  <h4 className={styles.detailHeading}>Hvem kilden undersøgte</h4>
                  <ul className={styles.list}>
                    {populations.map((p) => (
                      <li key={p.id}>
                        {p.label}: <q lang="da">{p.quote}</q>
                      </li>
                    ))}
                    {exclusions.map((x) => (
                      <li key={x.id}>
                        Gælder ikke uden videre for {x.groups.map((g) => TARGET_GROUP_LABELS[g].toLowerCase()).join(' og ')}:{' '}
                        <q lang="da">{x.quote}</q>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {figures.length > 0 && (
                <div>
                  <h4 className={styles.detailHeading}>Tal</h4>
                  <ul className={styles.list}>
                    {figures.map((f, i) => (
                      <li key={i}>
                        {f.label}: <strong>{f.value}</strong>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {refs.length > 0 && (
                <div>
                  <h4 className={styles.detailHeading}>Undersøgelser</h4>
                  <ul className={styles.list}>
                    {refs.map((r) => (
                      <li key={r.id}>{formatReference(r)}</li>
                    ))}
                  </ul>
                </div>
              )}
              {caveats.length > 0 && (
                <div>
                  <h4 className={styles.detailHeading}>Forbehold</h4>
                  <ul className={styles.list}>
                    {caveats.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </div>
              )}
              <p className={styles.caveat}>{AVERAGE_EFFECT_CAVEAT}</p>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {props.dismissedReason ? (
        <div className={styles.actions}>
          <Text size={200} className={styles.muted}>
            Afvist: {dismissReasonLabel(props.dismissedReason)}
          </Text>
          <Button size="small" onClick={props.onRestore} aria-describedby={sentenceId}>
            Gendan
          </Button>
        </div>
      ) : (
        <div className={styles.actions} role="group" aria-label="Handlinger for forslaget">
          {!s.insertable && <Text size={200} className={styles.muted}>{NOT_INSERTABLE_NOTE}</Text>}
          {props.canInsert && s.insertable && (
            <>
              <Button size="small" appearance="primary" onClick={props.onInsert} aria-describedby={sentenceId}>
                Indsæt
              </Button>
              {props.canComment && (
                <Button size="small" onClick={props.onComment} aria-describedby={sentenceId}>
                  Kommentar
                </Button>
              )}
            </>
          )}
          <Button size="small" onClick={props.onCopy} aria-describedby={sentenceId}>
            Kopiér
          </Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" aria-describedby={sentenceId}>
                Afvis
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList aria-label="Hvorfor afviser du forslaget?">
                {DISMISS_REASONS.map((r) => (
                  <MenuItem key={r.code} onClick={() => props.onDismiss(r.code)}>
                    {r.label}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      )}
    </article>
  );
}
