import { hasCriterion } from '../analysis.js';
import { OUTCOME_PARTS, type OutcomePart } from '../types.js';
import { defineRule } from './define.js';
import { exact, replaceFix, rewriteFix, sourceRange, termMatches } from './util.js';

export default defineRule({
  meta: {
    id: 'vague-quantifier',
    description: "An outcome's size is given only by an intensifier (significantly, dramatically, many) or as a ceiling alone (up to 50%).",
    defaultSeverity: 'warning',
    fixes: ['rewrite-measurable', 'insert-clause'],
    scope: 'unit',
  },
  check(ctx) {
    for (const info of ctx.units) {
      const matches = termMatches(ctx, 'vague-quantifier', info);
      if (matches.length === 0 || info.definition || info.title) continue;
      const missing: OutcomePart[] = OUTCOME_PARTS.filter((p) => !info.parts.has(p));
      for (const m of matches) {
        const ceiling = m.entry.kind === 'ceiling';
        // A number cures an intensifier, but a ceiling alone is never a commitment.
        if (!ceiling && hasCriterion(info, m.start, true)) continue;
        const range = sourceRange(ctx, info, m);
        // A ceiling is replaced by a committed minimum; an intensifier gets the measurable rewrite.
        const fix = ceiling
          ? exact(ctx, range, m.text)
            ? replaceFix(
                'replace-term',
                ctx.messages.fix.committedMinimum,
                range,
                ctx.messages.fix.minimumSnippet,
                true,
                true,
              )
            : undefined
          : rewriteFix(ctx, info, m, true);
        const severity = info.question || info.instruction ? ('hint' as const) : undefined;
        ctx.report({
          ...(severity ? { severity } : {}),
          message: (ceiling ? ctx.messages.ceiling : ctx.messages.vague)(m.text, missing),
          start: range[0],
          end: range[1],
          missing: ceiling ? missing.filter((p) => p !== 'target') : missing,
          fixes: fix ? [fix] : [],
          term: m.text,
          ...(m.entry.kind ? { kind: m.entry.kind } : {}),
          claim: info.unit.text,
        });
      }
    }
  },
});
