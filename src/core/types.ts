import type { InstrumentId, TargetGroupId } from './ids';
import type { Direction, RuleKind, Strength } from './evidence/schema';

/** A place in the analysed text: UTF-16 offsets, so `input.slice(start, end) === text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Mention extends Span {
  /** The mention stands in a negated clause ("ønsker ikke løntilskud", "mentor er ikke aktuelt"). */
  negated: boolean;
}

export interface InstrumentHit {
  id: InstrumentId;
  /** True when every mention is negated: the plan rules the instrument out. */
  negated: boolean;
  mentions: Mention[];
}

export interface TargetGroupHit {
  id: TargetGroupId;
  /** Only non-negated mentions; a group mentioned only negated ("ikke jobparat") is not listed. */
  mentions: Mention[];
}

/** Something the text voices that a rule answers (see signals/). */
export interface SignalHit {
  id: string;
  mentions: Span[];
}

export interface Citation {
  finding: string;
  /** Finding version, carried into inserted citations so stale ones can be found later. */
  findingVersion: number;
  source: string;
  references: string[];
  /** Short label, e.g. "STAR: Hvad virker for at få ledige tæt på arbejdsmarkedet i job?" */
  label: string;
  quote: string;
}

export type Register = 'fagperson' | 'borger';

export interface Suggestion {
  /** The rule's id, the same as `rule` (used to dismiss a card; one card per rule). */
  id: string;
  rule: string;
  kind: RuleKind;
  instrument: InstrumentId;
  /** The target groups the rule matched on (empty: applies regardless of group). */
  targetGroups: TargetGroupId[];
  /** The sentence in the requested register. */
  text: string;
  findings: string[];
  citations: Citation[];
  direction: Direction;
  strength: Strength;
  /** True when it rests only on an interest organisation's claims. */
  advocacy: boolean;
  /** False for a prompt to the caseworker that is not meant as a sentence in the plan. */
  insertable: boolean;
  /** Where a comment would anchor: the first relevant mention (absent for `consider`, unless a group mention fits). */
  mention?: Span;
}

export interface Analysis {
  instruments: InstrumentHit[];
  targetGroups: TargetGroupHit[];
  /** Signals the text voices (e.g. low expectations of the citizen's job chances). */
  signals: SignalHit[];
  suggestions: Suggestion[];
}

/** Target groups the user added or removed (pane or CLI --group/--not-group); they override what the text says. */
export interface GroupOverrides {
  add: TargetGroupId[];
  remove: TargetGroupId[];
}

export interface AnalyzeOptions {
  /** Target groups the user added or removed in the pane; they override what the text says. */
  groupOverrides?: Partial<GroupOverrides>;
  /** Sentence register; default "fagperson". */
  register?: Register;
}
