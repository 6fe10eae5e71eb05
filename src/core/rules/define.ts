/** The shape every rule module follows. */
import type { UnitInfo } from '../analysis.js';
import type { CompiledVocabulary } from '../vocab/matcher.js';
import type { Messages } from '../messages.js';
import type { Fix, Locale, OutcomePart, RuleId, Severity } from '../types.js';

export const DOCS_BASE = 'https://github.com/povlint/povlint/blob/main/docs/rules/';

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  /** The fix kinds the rule offers. */
  fixes: Fix['kind'][];
  /** Whether the rule looks at the whole document rather than one unit at a time. */
  scope: 'unit' | 'document';
}

/** A finding before it is placed in the document: offsets relative to the block's start. */
export interface LocalFinding {
  ruleId: RuleId;
  /** Overrides the configured severity (used for hints such as instructions to offerors). */
  severity?: Severity;
  message: string;
  start: number;
  end: number;
  missing: OutcomePart[];
  fixes: Fix[];
  term?: string;
  /** The kind of the vocabulary entry that fired (`comparative`, `escape` ...), for the unit scorer. */
  kind?: string;
  /** Text the clause suggester classifies (the unit's text). */
  claim?: string;
  /** The language the unit was read in (set by the engine: a mixed block's units differ). */
  locale?: Locale;
}

export interface UnitRuleContext {
  locale: Locale;
  units: readonly UnitInfo[];
  vocab: CompiledVocabulary;
  messages: Messages;
  /** Terms this rule must not flag (lower-case). */
  allowed: ReadonlySet<string>;
  /** Block-local source offset of a unit-text offset. */
  sourceOffset: (info: UnitInfo, p: number, side: 'start' | 'end') => number;
  /** The block's source text. */
  source: string;
  /** Whether a block-local offset lies in code, HTML or a comment (not prose). */
  isCode: (offset: number) => boolean;
  report: (f: Omit<LocalFinding, 'ruleId'>) => void;
}

export interface UnitRule {
  meta: RuleMeta & { scope: 'unit' };
  /**
   * Which block text can hold a finding, for rules whose triggers are not vocabulary terms (the
   * vocabulary rules share one combined pre-test over their terms).
   */
  pretest?: (src: string) => boolean;
  check: (ctx: UnitRuleContext) => void;
}

export function defineRule(rule: UnitRule): UnitRule {
  return rule;
}

/** A document-level finding from `assemble`: offsets in the whole text. */
export interface DocumentFinding {
  message: string;
  start: number;
  end: number;
  term?: string;
  related?: Array<{ start: number; end: number; message: string }>;
  /** The outcome parts the finding names as missing (empty when not given). */
  missing?: OutcomePart[];
  /** Clause ids the rule chose itself, best first (else they are suggested from the claim). */
  clauses?: string[];
}

export interface DocumentRuleContext<F> {
  locale: Locale;
  messages: Messages;
  /** The facts of every block that contributed some, in document order, with the block's start offset. */
  blocks: ReadonlyArray<{ facts: F; base: number; block: number }>;
}

/**
 * A rule that reads the whole document: each block contributes facts (read from the block's raw
 * text, cached with the block), and `assemble` turns the facts of all blocks into findings.
 */
export interface DocumentRule<F = unknown> {
  meta: RuleMeta & { scope: 'document' };
  /** The facts a block contributes (block-local offsets), or undefined when it holds none; runs its own pre-test. */
  facts: (src: string, locale: Locale) => F | undefined;
  assemble: (ctx: DocumentRuleContext<F>) => DocumentFinding[];
}

export function defineDocumentRule<F>(rule: DocumentRule<F>): DocumentRule<F> {
  return rule;
}
