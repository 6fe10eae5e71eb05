import type { Locale, RuleId, SeveritySetting } from '../types.js';
import type { Clause } from '../clauses/types.js';

export const DOC_TYPES = ['rfp', 'sow', 'contract', 'sla', 'proposal'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** A custom term: literal text, or a regular expression that must pass the safety check. */
export type CustomTerm = string | { pattern: string; reason?: string };

export interface RuleOptions {
  /** Severity of this rule's findings, or `off`. */
  severity?: SeveritySetting;
  /**
   * Extra trigger terms for this rule (literal text; `{ "pattern": ... }` for a regular expression),
   * at most 5000.
   * @maxItems 5000
   */
  terms?: CustomTerm[];
  /** Terms this rule must not flag (literal text, case-insensitive). */
  allow?: string[];
}

export type RuleSetting = SeveritySetting | RuleOptions;

/**
 * The contents of `.povlint.jsonc` / `.povlint.json`.
 * This one type is the source of `schemas/povlint.schema.json` and of the config docs.
 */
export interface PovlintConfig {
  /** JSON Schema reference, ignored by povlint. */
  $schema?: string;
  /** Language of the documents: `en`, `zh`, or `auto` (detected per document). */
  locale?: Locale | 'auto';
  /** Document type used to choose clause suggestions: `rfp`, `sow`, `contract`, `sla`, `proposal`, or `auto`. */
  docType?: DocType | 'auto';
  /** Per-rule settings: a severity, `off`, or an object with severity, extra terms and allowed terms. */
  rules?: Partial<Record<RuleId, RuleSetting>>;
  /** Glob patterns (relative to the config file) of files not to lint. */
  ignore?: string[];
  /** Custom clause libraries. */
  clauses?: {
    /** Folders (relative to the config file) whose `*.md` files are loaded as clauses. Default `.povlint/clauses/`. */
    paths?: string[];
  };
  /**
   * Files larger than this many kilobytes are skipped with a message. Default 5000.
   * @exclusiveMinimum 0
   */
  maxFileSizeKB?: number;
  /**
   * The baseline file (relative to the config file): findings recorded in it are not reported by
   * the CLI, and the editor shows them muted. Create it with `povlint --write-baseline`.
   */
  baseline?: string;
}

/** A precise configuration error: where, which key, what was expected. */
export interface ConfigError {
  file?: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** JSON path of the offending key, e.g. `rules.puffery.severity`. */
  key: string;
  message: string;
}

/** Options of one lint; the CLI and the editor derive them from the config file and settings. */
export interface LintOptions {
  /** `auto` (default): `lang` in front matter, else detected per document (mostly Han script → `zh`). */
  locale?: Locale | 'auto';
  /** `auto` (default): guessed from the document's wording. */
  docType?: DocType | 'auto';
  rules?: Partial<Record<RuleId, RuleSetting>>;
  /** When false, `{ pattern }` terms from the config are ignored (untrusted workspaces). Default true. */
  allowPatterns?: boolean;
  /** Custom clauses merged over the built-in library by id. */
  clauses?: readonly Clause[];
  /**
   * Whether the unit scorer decides which units with candidate claims are flagged (default true);
   * false flags every candidate the rules find (for measuring the scorer and fitting it).
   */
  scorer?: boolean;
  /**
   * When true, the texts of "rewrite as a measurable outcome" fixes and the clause suggestions
   * (`clauses`, `topics`) are left for `resolveFindings`, which makes them for the findings a
   * quick fix or a report asks about (as a language server leaves a code action's edit to
   * `codeAction/resolve`). Diagnostics alone need neither: on a large document they are most of
   * the work after the rules. Default false: every finding comes complete.
   */
  deferDetails?: boolean;
}
