/** Plain-data types shared by the core, the CLI and the editor adapter. */
import type { DocType } from './config/types.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const RULE_IDS = [
  'unmeasured-claim',
  'vague-quantifier',
  'puffery',
  'weak-obligation',
  'unverifiable-absolute',
  'missing-remedy',
  'unresolved-placeholder',
  'incomplete-criterion',
  'sla-consistency',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** The parts of a verifiable outcome. */
export const OUTCOME_PARTS = ['metric', 'target', 'baseline', 'window', 'method'] as const;
export type OutcomePart = (typeof OUTCOME_PARTS)[number];

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the text, in UTF-16 code units. */
  offset: number;
}

/** A text edit as data: replace [start, end) (0-based UTF-16 offsets) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** When true, `text` is in VS Code snippet syntax (tab stops, placeholders). */
  snippet?: boolean;
}

export interface Fix {
  /** Stable kind so adapters can choose a title or icon without parsing strings. */
  kind: 'rewrite-measurable' | 'replace-puffery' | 'replace-term' | 'remove-term' | 'insert-clause';
  title: string;
  edits: TextEdit[];
  /** The clearest fix for this finding. */
  preferred?: boolean;
  /**
   * Set when the lint deferred the fix's text (`LintOptions.deferDetails`): the one edit's text is
   * `before`, then the measurable-outcome template chosen for the finding's claim (its `pending`),
   * then `after`. `resolveFindings` writes it and removes this field.
   */
  pending?: PendingTemplate;
}

/** A rewrite whose template is still to be chosen for the claim of its finding. */
export interface PendingTemplate {
  before: string;
  after: string;
}

/**
 * What a finding's deferred details are made from: its claim (for a claim of a unit rule, the
 * unit's text), read in `locale`, in a document of `docType`.
 */
export interface PendingClauses {
  claim: string;
  locale: Locale;
  docType: DocType;
}

export interface RelatedLocation {
  start: Position;
  end: Position;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  start: Position;
  end: Position;
  /** The outcome parts the claim lacks (empty for rules that are about the word itself). */
  missing: OutcomePart[];
  fixes: Fix[];
  /** Suggested clause ids, best first. */
  clauses: string[];
  /** URL of docs/rules/<id>.md */
  docs: string;
  /** The trigger as written in the source (e.g. `industry-leading`). */
  term?: string;
  /** Topics the claim is about (performance, cost, ...), best first. */
  topics?: string[];
  related?: RelatedLocation[];
  /**
   * Set when the lint deferred the finding's details (`LintOptions.deferDetails`): `clauses` and
   * `topics` are empty, and a fix with `pending` has no text, until `resolveFindings` makes them
   * from this claim and removes the field.
   */
  pending?: PendingClauses;
}
