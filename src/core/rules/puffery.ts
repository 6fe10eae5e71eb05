import { defineRule } from './define.js';
import { exact, replaceFix, sourceRange, termMatches } from './util.js';

export default defineRule({
  meta: {
    id: 'puffery',
    description: 'An unverifiable superlative or praise word (industry-leading, best-in-class, seamless, robust) is asserted.',
    defaultSeverity: 'warning',
    fixes: ['replace-puffery', 'remove-term'],
    scope: 'unit',
  },
  check(ctx) {
    for (const info of ctx.units) {
      const matches = termMatches(ctx, 'puffery', info);
      if (matches.length === 0 || info.definition || info.title || info.question) continue;
      for (const m of matches) {
        const range = sourceRange(ctx, info, m);
        const fixes = [];
        if (exact(ctx, range, m.text)) {
          const placeholder = ctx.locale === 'zh' ? '${1:具体、可核查的说明}' : '${1:specific, checkable statement}';
          fixes.push(replaceFix('replace-puffery', ctx.messages.fix.replacePuffery(m.text), range, placeholder, true, true));
          // Removing the word is safe when it is followed by a space (an adjective before its noun).
          if (ctx.source[range[1]] === ' ') fixes.push(replaceFix('remove-term', ctx.messages.fix.remove(m.text), [range[0], range[1] + 1], '', false));
        }
        ctx.report({ message: ctx.messages.puffery(m.text, []), start: range[0], end: range[1], missing: [], fixes, term: m.text, ...(m.entry.kind ? { kind: m.entry.kind } : {}), claim: info.unit.text });
      }
    }
  },
});
