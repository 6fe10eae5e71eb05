/**
 * The core's second entry, for the editor's extension host: everything the host needs except the
 * lint engine itself (types, configuration, the clause library, rule metadata). Linting runs in a
 * worker that imports `index.ts`; keeping the engine out of this entry keeps it out of the host's
 * bundle, so activation never compiles the vocabularies.
 */
export * from './types.js';
export type { Session } from './session.js';
export * from './config/index.js';
export * from './clauses/index.js';
/** The scorecard's types and text formats (the scorecard itself is computed in the lint worker). */
export { CRITERION_PARTS } from './scorecard/types.js';
export type { Scorecard, ScorecardClaim, ScorecardSummary, Criterion, CriterionPart, CriterionParts } from './scorecard/types.js';
export * from './scorecard/format.js';
/** The baseline file format and matcher (the keys of findings are computed in the lint worker). */
export * from './baseline/file.js';
