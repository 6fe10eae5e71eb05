/**
 * Rule metadata for output formats (SARIF rule descriptors, help links).
 *
 * Fallback until the core's rule registry lands: one entry per rule id, descriptions as in the
 * labelling contract. Replace with the registry's `meta` once `src/core/rules/index.ts` exists.
 */
import { RULE_IDS, type RuleId, type Severity } from '../core/types.js';

export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  docs: string;
}

export const DOCS_BASE = 'https://github.com/povlint/povlint/blob/main/docs/rules/';
export const HOMEPAGE = 'https://github.com/povlint/povlint';

const FALLBACK: Record<RuleId, Omit<RuleMeta, 'id' | 'docs'>> = {
  'unmeasured-claim': {
    description: 'An improvement or quality outcome is claimed or required with no measurable criterion.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  'vague-quantifier': {
    description: 'The size of an outcome is given only as a vague amount or a ceiling.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  puffery: {
    description: 'An unverifiable superlative is asserted.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  'weak-obligation': {
    description: 'A duty is softened to an effort or an escape clause.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  'unverifiable-absolute': {
    description: 'An absolute that cannot be tested is promised.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  'missing-remedy': {
    description: 'The document commits to outcomes but never says what happens when they are missed.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  'unresolved-placeholder': {
    description: 'A placeholder is left in the text.',
    defaultSeverity: 'error',
    fixable: false,
  },
};

export function ruleMetas(): RuleMeta[] {
  return RULE_IDS.map((id) => ({ id, ...FALLBACK[id], docs: `${DOCS_BASE}${id}.md` }));
}
