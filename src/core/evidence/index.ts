import raw from './evidence.json';
import { EvidenceSetSchema, type EvidenceSet, type Finding, type Population } from './schema';

export * from './schema';

export class EvidenceSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceSetError';
  }
}

/** Validate an evidence set; throws EvidenceSetError with every issue on one line each. */
export function parseEvidenceSet(data: unknown): EvidenceSet {
  const res = EvidenceSetSchema.safeParse(data);
  if (!res.success) {
    const lines = res.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new EvidenceSetError(`invalid evidence set:\n${lines.join('\n')}`);
  }
  return res.data;
}

/** The population a finding was found in (as the source puts it). */
export function populationOf(set: EvidenceSet, f: Finding): Population | undefined {
  return set.populations.find((p) => p.id === f.population);
}

let cached: EvidenceSet | undefined;

/** The bundled evidence set, validated once at first use. */
export function bundledEvidence(): EvidenceSet {
  if (!cached) cached = parseEvidenceSet(raw);
  return cached;
}
