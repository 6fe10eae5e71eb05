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
  /** Text the clause suggester classifies (the unit's text). */
  claim?: string;
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
  check: (ctx: UnitRuleContext) => void;
}

export function defineRule(rule: UnitRule): UnitRule {
  return rule;
}
