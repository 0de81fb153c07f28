import raw from './evidence.json';
import { EvidenceSetSchema, type EvidenceSet } from './schema';

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

let cached: EvidenceSet | undefined;

/** The bundled evidence set, validated once at first use. */
export function bundledEvidence(): EvidenceSet {
  if (!cached) cached = parseEvidenceSet(raw);
  return cached;
}
