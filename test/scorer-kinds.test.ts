/**
 * Each rule passes the kind of the term that fired (`praise`, `compliance` ...) to the unit scorer,
 * and `explain` shows the decision the scorer makes with it. These sentences sit close to the
 * scorer's threshold, where the kind decides: lint must keep exactly the units explain flags.
 */
import { describe, expect, it } from 'vitest';
import { explain, lint } from '../src/core/index.js';

const SCORED = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);

/** [whether lint reports a scored finding, whether explain's scorer flags the unit]. */
function decisions(text: string): [boolean, boolean | undefined] {
  const flagged = lint(text).some((f) => SCORED.has(f.ruleId) && f.severity !== 'hint');
  return [flagged, explain(text)[0]!.scorer?.flag];
}

describe('lint keeps the units the scorer flags, kinds included', () => {
  it.each([
    ['puffery', 'We may offer world-class support.', true],
    ['unverifiable-absolute', 'We may be fully compliant.', true],
    ['unmeasured-claim', '我们的平台响应更快，运维成本显著降低。', true],
    ['vague-quantifier', '该方案已在众多行业落地。', true],
    ['weak-obligation', 'The quoter shows that timely performance is expected, and the rating is acceptable.', true],
  ])('%s: %s', (_rule, text, flag) => {
    expect(decisions(text)).toEqual([flag, flag]);
  });
});
