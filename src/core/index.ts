/** povlint's public API: pure, runs in Node, a web worker and tests alike. */
export { lint } from './lint.js';
export { resolveFindings } from './resolve.js';
export { rules, ruleMeta, docsUrl } from './rules/index.js';
export type { RuleMeta } from './rules/index.js';
export * from './types.js';
export type { PovlintConfig, LintOptions, ConfigError, RuleOptions, RuleSetting, CustomTerm, DocType } from './config/types.js';
export { DOC_TYPES } from './config/types.js';
export { explain } from './explain.js';
export type { UnitExplanation } from './explain.js';
export { createSession } from './session.js';
export type { Session } from './session.js';

// What the adapters (src/cli, src/vscode) need beyond linting: they import the core only through
// this file (an ESLint rule enforces it), so the core's layout can change behind it.

/** Configuration: the type, validation with precise errors, merging, the resolver and the skip policy. */
export * from './config/index.js';
/** The proof-of-value clause library. */
export * from './clauses/index.js';
export { LineIndex } from './lines.js';
/** The scorecard: criteria with their parts, unmeasured claims, POV readiness. */
export { scorecard, extractCriteria, summarise, CRITERION_PARTS } from './scorecard/index.js';
export type { Scorecard, ScorecardOptions, ScorecardClaim, ScorecardSummary, Criterion, CriterionPart, CriterionParts } from './scorecard/index.js';
/** The scorecard as Markdown, CSV or JSON (the CLI's output and the editor's copy and export). */
export * from './scorecard/format.js';
/** The baseline: findings recorded on adoption, matched by what they say rather than where. */
export * from './baseline/index.js';
