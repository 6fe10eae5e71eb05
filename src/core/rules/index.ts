/** The explicit, ordered rule registry. */
import type { RuleId } from '../types.js';
import type { DocumentRule, RuleMeta, UnitRule } from './define.js';
import incompleteCriterion from './incomplete-criterion.js';
import missingRemedy from './missing-remedy.js';
import puffery from './puffery.js';
import slaConsistency from './sla-consistency.js';
import unmeasuredClaim from './unmeasured-claim.js';
import unresolvedPlaceholder from './unresolved-placeholder.js';
import unverifiableAbsolute from './unverifiable-absolute.js';
import vagueQuantifier from './vague-quantifier.js';
import weakObligation from './weak-obligation.js';

/** Every rule, in the order of RULE_IDS. */
export const rules: ReadonlyArray<UnitRule | DocumentRule> = [
  unmeasuredClaim,
  vagueQuantifier,
  puffery,
  weakObligation,
  unverifiableAbsolute,
  missingRemedy as DocumentRule,
  unresolvedPlaceholder,
  incompleteCriterion as DocumentRule,
  slaConsistency as DocumentRule,
];

export const unitRules: readonly UnitRule[] = rules.filter((r): r is UnitRule => r.meta.scope === 'unit');
export const documentRules: readonly DocumentRule[] = rules.filter((r): r is DocumentRule => r.meta.scope === 'document');

/** The unit rules with a pre-test of their own (their triggers are not vocabulary terms). */
export const pretestRules: readonly UnitRule[] = unitRules.filter((r) => r.pretest);

export function ruleMeta(id: RuleId): RuleMeta {
  const r = rules.find((x) => x.meta.id === id);
  if (!r) throw new Error(`unknown rule ${id}`);
  return r.meta;
}

export { docsUrl } from './define.js';
export type { RuleMeta } from './define.js';
