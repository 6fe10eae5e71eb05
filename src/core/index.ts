/** povlint's public API: pure, runs in Node, a web worker and tests alike. */
export { lint } from './lint.js';
export { rules, ruleMeta, docsUrl } from './rules/index.js';
export type { RuleMeta } from './rules/index.js';
export * from './types.js';
export type { PovlintConfig, LintOptions, ConfigError, RuleOptions, RuleSetting, CustomTerm, DocType } from './config/types.js';
export { DOC_TYPES } from './config/types.js';
export { explain } from './explain.js';
export type { UnitExplanation } from './explain.js';
export { createSession } from './session.js';
export type { Session } from './session.js';
