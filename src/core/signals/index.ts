import { z } from 'zod';
import raw from './signals.json';
import type { SignalHit } from '../types';
import { regexString } from '../lexicon/schema';
import { sentenceAround } from '../text';

/**
 * Signals: things a text voices that are neither an instrument nor a target group but that a rule
 * can answer, e.g. low expectations of the citizen's job chances ("hun kommer nok aldrig i job",
 * "urealistisk at hun kommer i arbejde", "vi har opgivet"). Data, validated here; each pattern is a
 * case-insensitive regular expression, tried only on the sentences that hold one of its hints (lower-case
 * words every match contains), so the whole text is scanned with indexOf, not with the expressions.
 */

export const SignalSetSchema = z.strictObject({
  version: z.string(),
  signals: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z-]+$/),
        label: z.string().min(3),
        patterns: z
          .array(z.strictObject({ hints: z.array(z.string().min(3).regex(/^[^A-ZÆØÅ]+$/, 'hints are lower-case')).min(1), pattern: regexString }))
          .min(1),
      }),
    )
    .min(1),
});
export type SignalSet = z.infer<typeof SignalSetSchema>;

interface Compiled {
  id: string;
  patterns: { hints: string[]; re: RegExp }[];
}

let compiled: Compiled[] | undefined;
let bundled: SignalSet | undefined;

export function bundledSignals(): SignalSet {
  if (!bundled) bundled = SignalSetSchema.parse(raw);
  return bundled;
}

/** Start and end of the sentences that hold one of the hints (merged, in text order). */
function sentencesWith(text: string, lower: string, hints: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const h of hints) {
    for (let at = lower.indexOf(h); at >= 0; at = lower.indexOf(h, at + h.length)) {
      const [s, e] = sentenceAround(text, at);
      out.push([s, Math.max(e, at + h.length)]);
      at = Math.max(at, e - h.length);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Every signal the (masked) text voices, with the places it voices them, in text order. */
export function detectSignals(masked: string): SignalHit[] {
  compiled ??= bundledSignals().signals.map((s) => ({
    id: s.id,
    patterns: s.patterns.map((p) => ({ hints: p.hints, re: new RegExp(p.pattern, 'giu') })),
  }));
  const lowered = masked.toLowerCase();
  // Lower-casing may change the length (e.g. U+0130); then every sentence is a candidate.
  const lower = lowered.length === masked.length ? lowered : null;
  const out: SignalHit[] = [];
  for (const s of compiled) {
    const mentions: SignalHit['mentions'] = [];
    for (const { hints, re } of s.patterns) {
      const ranges = lower ? sentencesWith(masked, lower, hints) : [[0, masked.length] as [number, number]];
      for (const [from, to] of ranges) {
        const part = masked.slice(from, to);
        re.lastIndex = 0;
        for (let m = re.exec(part); m; m = re.exec(part)) {
          const start = from + m.index;
          const end = start + m[0].length;
          if (!mentions.some((x) => start < x.end && x.start < end)) mentions.push({ start, end, text: m[0] });
          if (m[0].length === 0) re.lastIndex++;
        }
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    if (mentions.length) out.push({ id: s.id, mentions });
  }
  return out;
}
