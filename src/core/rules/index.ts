/** The explicit, ordered rule registry. */
import type { RuleId } from '../types.js';
import type { RuleMeta, UnitRule } from './define.js';
import { meta as missingRemedyMeta } from './missing-remedy.js';
import puffery from './puffery.js';
import unmeasuredClaim from './unmeasured-claim.js';
import unresolvedPlaceholder from './unresolved-placeholder.js';
import unverifiableAbsolute from './unverifiable-absolute.js';
import vagueQuantifier from './vague-quantifier.js';
import weakObligation from './weak-obligation.js';

export const unitRules: readonly UnitRule[] = [unmeasuredClaim, vagueQuantifier, puffery, weakObligation, unverifiableAbsolute, unresolvedPlaceholder];

/** Metadata of every rule, in the order of RULE_IDS. */
export const rules: readonly { meta: RuleMeta }[] = [unmeasuredClaim, vagueQuantifier, puffery, weakObligation, unverifiableAbsolute, { meta: missingRemedyMeta }, unresolvedPlaceholder];

export function ruleMeta(id: RuleId): RuleMeta {
  const r = rules.find((x) => x.meta.id === id);
  if (!r) throw new Error(`unknown rule ${id}`);
  return r.meta;
}

export { docsUrl } from './define.js';
export type { RuleMeta } from './define.js';
