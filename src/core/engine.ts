import type { EvidenceSet } from './evidence/schema';
import { bundledEvidence } from './evidence';
import { bundledLexicon, type Lexicon } from './lexicon';
import { compileLexicon, scan, type ScanResult } from './matcher';
import { maskInserted } from './markers';
import { applyDocumentReading } from './discourse';
import { applyRules } from './rules';
import { detectSignals } from './signals';
import { weeklyHoursNear } from './hours';
import { INSTRUMENT_IDS, TARGET_GROUP_IDS, inFamily, type InstrumentId, type TargetGroupId } from './ids';
import type { Analysis, AnalyzeOptions, InstrumentHit, Mention, SignalHit, TargetGroupHit } from './types';

export interface Detection {
  instruments: InstrumentHit[];
  targetGroups: TargetGroupHit[];
  signals: SignalHit[];
}

/**
 * The matcher's mentions grouped by instrument and target group, after the document-level reading
 * (discourse.ts), which may set `negated` on the mention objects it is given. `masked` is the whole
 * input with the add-in's inserted text masked.
 */
export function hitsFromScan(found: ScanResult, masked: string, lexicon: Lexicon): Pick<Detection, 'instruments' | 'targetGroups'> {
  const inst = new Map<InstrumentId, Mention[]>();
  const grp = new Map<TargetGroupId, Mention[]>();
  const push = <K>(map: Map<K, Mention[]>, id: K, m: Mention) => {
    const list = map.get(id);
    if (!list) map.set(id, [m]);
    else {
      // raw mentions come in text order and never overlap, so a duplicate can only be the last one
      const last = list[list.length - 1] as Mention;
      if (last.start !== m.start || last.end !== m.end) list.push(m);
    }
  };
  for (let i = 0; i < found.mentions.length; i++) {
    const m = found.mentions[i] as Mention;
    for (const id of found.instruments[i] as readonly InstrumentId[]) push(inst, id, m);
    if (!m.negated) for (const id of found.groups[i] as readonly TargetGroupId[]) push(grp, id, m);
  }
  applyDocumentReading(inst, masked, lexicon);
  const instruments: InstrumentHit[] = INSTRUMENT_IDS.filter((id) => inst.has(id)).map((id) => {
    const mentions = inst.get(id) as Mention[];
    return { id, negated: mentions.every((x) => x.negated), mentions };
  });
  const targetGroups: TargetGroupHit[] = TARGET_GROUP_IDS.filter((id) => grp.has(id)).map((id) => ({
    id,
    mentions: grp.get(id) as Mention[],
  }));
  return { instruments, targetGroups };
}

/** Find instruments and target groups; offsets are UTF-16 indices into `text`. */
export function detect(text: string, lexicon: Lexicon = bundledLexicon()): Detection {
  // the add-in's own inserted text is blanked out for every check below (offsets unchanged)
  return detectMasked(text, maskInserted(text), lexicon);
}

function detectMasked(text: string, masked: string, lexicon: Lexicon): Detection {
  const found = scan(compileLexicon(lexicon), masked, text);
  return { ...hitsFromScan(found, masked, lexicon), signals: detectSignals(masked) };
}

/** Weekly hours next to the mentions of each instrument a rule reads hours for (`masked`: see hitsFromScan). */
function hoursFor(set: EvidenceSet, masked: string, instruments: InstrumentHit[]): Map<InstrumentId, number[]> {
  const out = new Map<InstrumentId, number[]>();
  const wanted = set.rules.filter((r) => r.when.weeklyHours).map((r) => r.instrument);
  if (!wanted.length) return out;
  for (const h of instruments) {
    if (!wanted.some((w) => inFamily(h.id, w))) continue;
    const values: number[] = [];
    for (const m of h.mentions) {
      if (m.negated) continue;
      const v = weeklyHoursNear(masked, m);
      if (v !== null) values.push(v);
    }
    if (values.length) out.set(h.id, values);
  }
  return out;
}

/** The analysis of a detection: target-group overrides, weekly hours and the evidence rules. */
export function analysisOf(detection: Detection, masked: string, options: AnalyzeOptions, set: EvidenceSet): Analysis {
  const { instruments, targetGroups, signals } = detection;
  const add = options.groupOverrides?.add ?? [];
  const remove = new Set(options.groupOverrides?.remove ?? []);
  const groups = new Set<TargetGroupId>();
  for (const g of targetGroups) if (!remove.has(g.id)) groups.add(g.id);
  for (const g of add) if (!remove.has(g)) groups.add(g);
  const weeklyHours = hoursFor(set, masked, instruments);
  const suggestions = applyRules(
    set,
    { instruments, groups: [...groups], groupHits: targetGroups, signals, weeklyHours },
    options.register ?? 'fagperson',
  );
  return { instruments, targetGroups, signals, suggestions };
}

/** Analyse a plain-text document: instruments, target groups and evidence-based suggestions. */
export function analyze(text: string, options: AnalyzeOptions = {}, set: EvidenceSet = bundledEvidence()): Analysis {
  if (typeof text !== 'string') throw new TypeError('analyze() needs a string');
  const masked = maskInserted(text);
  return analysisOf(detectMasked(text, masked, bundledLexicon()), masked, options, set);
}
