import { defineRule } from './define.js';
import { exact, replaceFix, sourceRange, termMatches } from './util.js';

export default defineRule({
  meta: {
    id: 'weak-obligation',
    description: 'A duty is softened to an effort or an escape (commercially reasonable efforts, where practicable, promptly with no time).',
    defaultSeverity: 'warning',
    fixes: ['replace-term'],
    scope: 'unit',
  },
  check(ctx) {
    for (const info of ctx.units) {
      if (info.definition || info.title) continue;
      for (const m of termMatches(ctx, 'weak-obligation', info)) {
        const timing = m.entry.kind === 'timing';
        // Timing words are cured by a stated time; effort words are about the word itself.
        if (timing && info.parts.has('window')) continue;
        const range = sourceRange(ctx, info, m);
        const fixes = [];
        if (m.entry.replacement && exact(ctx, range, m.text)) {
          const title = ctx.locale === 'zh' ? `将“${m.text}”替换为明确时限` : `Replace \`${m.text}\` with a stated time`;
          fixes.push(replaceFix('replace-term', title, range, m.entry.replacement, true, true));
        }
        ctx.report({
          ...(info.question || info.instruction ? { severity: 'hint' as const } : {}),
          message: (timing ? ctx.messages.timing : ctx.messages.weak)(m.text, []),
          start: range[0],
          end: range[1],
          missing: timing ? ['window'] : [],
          fixes,
          term: m.text,
          claim: info.unit.text,
        });
      }
    }
  },
});
