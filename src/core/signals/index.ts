import { z } from 'zod';
import raw from './signals.json';
import type { SignalHit } from '../types';

/**
 * Signals: things a text voices that are neither an instrument nor a target group but that a rule
 * can answer, e.g. low expectations of the citizen's job chances ("hun kommer nok aldrig i job",
 * "urealistisk at hun kommer i arbejde", "vi har opgivet"). Data, validated here; each pattern is a
 * case-insensitive regular expression searched in the text with the add-in's own inserted text masked.
 */

const pattern = z.string().refine((s) => {
  try {
    new RegExp(s, 'giu');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const SignalSetSchema = z.strictObject({
  version: z.string(),
  signals: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z-]+$/), label: z.string().min(3), patterns: z.array(pattern).min(1) }))
    .min(1),
});
export type SignalSet = z.infer<typeof SignalSetSchema>;

interface Compiled {
  id: string;
  patterns: RegExp[];
}

let compiled: Compiled[] | undefined;
let bundled: SignalSet | undefined;

export function bundledSignals(): SignalSet {
  if (!bundled) bundled = SignalSetSchema.parse(raw);
  return bundled;
}

/** Every signal the (masked) text voices, with the places it voices them, in text order. */
export function detectSignals(masked: string): SignalHit[] {
  compiled ??= bundledSignals().signals.map((s) => ({ id: s.id, patterns: s.patterns.map((p) => new RegExp(p, 'giu')) }));
  const out: SignalHit[] = [];
  for (const s of compiled) {
    const mentions: SignalHit['mentions'] = [];
    for (const re of s.patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(masked); m; m = re.exec(masked)) {
        if (!mentions.some((x) => m!.index < x.end && x.start < m!.index + m![0].length))
          mentions.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    if (mentions.length) out.push({ id: s.id, mentions });
  }
  return out;
}
