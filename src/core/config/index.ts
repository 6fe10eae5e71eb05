/**
 * Configuration: the one type (./types.ts), its defaults, validation with precise errors
 * (./parse.ts), the merge order and the step from a config to lint options. Pure: no `node:*`.
 *
 * Merge order, later wins: DEFAULT_CONFIG → the nearest `.povlint.jsonc` / `.povlint.json` (or
 * `--config FILE`) → command-line options (`--rule`, `--locale`, `--max-file-size`).
 */
import type { RuleId } from '../types.js';
import type { ConfigError, CustomTerm, LintOptions, PovlintConfig, RuleOptions, RuleSetting } from './types.js';

export * from './types.js';
export { parseConfig, locateKey, lineColumnAt, MAX_TERMS_PER_RULE, SEVERITY_SETTINGS, type ParsedConfig } from './parse.js';
export { checkPattern, MAX_PATTERN_LENGTH, PATTERN_FLAGS } from './regex.js';
export { checkGlob, matchesIgnore } from './ignore.js';

import { DEFAULT_CLAUSE_PATH } from './resolve.js';

export {
  CONFIG_FILE_NAMES,
  DEFAULT_CLAUSE_PATH,
  ConfigResolver,
  decodeText,
  isIgnored,
  isTooLarge,
  paths,
  stripBom,
  tooLargeReason,
  type ConfigFs,
  type DecodeResult,
  type EntryType,
  type ResolvedConfig,
  type ResolverOptions,
  type SkipKind,
} from './resolve.js';

export const DEFAULT_MAX_FILE_SIZE_KB = 5000;

export const DEFAULT_CONFIG: Readonly<PovlintConfig> = Object.freeze({
  locale: 'auto',
  docType: 'auto',
  rules: {},
  ignore: [],
  clauses: { paths: [DEFAULT_CLAUSE_PATH] },
  maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB,
});

function asOptions(setting: RuleSetting): RuleOptions {
  return typeof setting === 'string' ? { severity: setting } : setting;
}

/**
 * A rule setting over another: a bare severity changes only the severity and keeps the terms;
 * an object replaces the fields it names.
 */
function mergeRule(base: RuleSetting | undefined, over: RuleSetting): RuleSetting {
  if (base === undefined) return over;
  const merged: RuleOptions = { ...asOptions(base), ...asOptions(over) };
  return Object.keys(merged).length === 1 && merged.severity !== undefined ? merged.severity : merged;
}

/** Merges configs; later ones override earlier ones key by key (rules per rule, arrays replaced). */
export function mergeConfigs(...configs: (Readonly<PovlintConfig> | undefined)[]): PovlintConfig {
  const out: PovlintConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.$schema !== undefined) out.$schema = c.$schema;
    if (c.locale !== undefined) out.locale = c.locale;
    if (c.docType !== undefined) out.docType = c.docType;
    if (c.ignore !== undefined) out.ignore = [...c.ignore];
    if (c.clauses !== undefined) out.clauses = { ...out.clauses, ...c.clauses };
    if (c.maxFileSizeKB !== undefined) out.maxFileSizeKB = c.maxFileSizeKB;
    if (c.baseline !== undefined) out.baseline = c.baseline;
    if (c.rules !== undefined) {
      const rules: Partial<Record<RuleId, RuleSetting>> = { ...out.rules };
      for (const [id, setting] of Object.entries(c.rules) as [RuleId, RuleSetting | undefined][]) {
        if (setting !== undefined) rules[id] = mergeRule(rules[id], setting);
      }
      out.rules = rules;
    }
  }
  return out;
}

export interface ToLintOptions {
  /**
   * Whether `{ "pattern": ... }` terms are kept. False for untrusted workspaces: such terms are
   * dropped here and `allowPatterns: false` tells the core to ignore any that remain.
   */
  allowPatterns: boolean;
}

/** The lint options a config stands for (clauses are loaded by the caller and added separately). */
export function toLintOptions(config: Readonly<PovlintConfig>, { allowPatterns }: ToLintOptions): LintOptions {
  const options: LintOptions = { allowPatterns };
  if (config.locale !== undefined) options.locale = config.locale;
  if (config.docType !== undefined) options.docType = config.docType;
  if (config.rules !== undefined) {
    const rules: Partial<Record<RuleId, RuleSetting>> = {};
    for (const [id, setting] of Object.entries(config.rules) as [RuleId, RuleSetting | undefined][]) {
      if (setting === undefined) continue;
      if (typeof setting === 'string' || allowPatterns || !setting.terms) {
        rules[id] = setting;
        continue;
      }
      const terms = setting.terms.filter((t: CustomTerm) => typeof t === 'string');
      rules[id] = { ...setting, terms };
    }
    options.rules = rules;
  }
  return options;
}

/** `file:line:column: key: message` (the key is left out for syntax errors, which have none). */
export function formatConfigError(e: ConfigError): string {
  const where = `${e.file ?? '<config>'}:${e.line}:${e.column}`;
  return e.key ? `${where}: ${e.key}: ${e.message}` : `${where}: ${e.message}`;
}
