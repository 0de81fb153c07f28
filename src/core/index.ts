export * from './ids';
export * from './types';
export * from './markers';
export * from './citations';
export { analyze } from './engine';
export { bundledEvidence, parseEvidenceSet, EvidenceSetError } from './evidence';
export type { EvidenceSet, Finding, Rule, Source, Reference, Strength, Direction, RuleKind } from './evidence/schema';
