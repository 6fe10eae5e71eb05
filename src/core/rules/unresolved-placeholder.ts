import { defineRule } from './define.js';
import { warm } from '../regex-warm.js';

/** Placeholders left in the text, in any locale. Every pattern is linear (no nested quantifiers). */
export const PLACEHOLDER_PATTERN =
  /\[(?:TBD|TBC|TODO|TBA|X{1,3}|N|\?+|insert[^\]\n]{0,80}|[A-Z][A-Z0-9 _/-]{2,40}|待定|待填写|待补充|填写[^\]\n]{0,20})\](?:\s?%)?|(?<![\p{L}\p{N}_])(?:TBD|TBC|TBA)(?![\p{L}\p{N}_])|\$\{\d+(?::[^}\n]{0,80}|\|[^}\n]{0,120})?\}|\{\{\s{0,3}[^{}\n]{1,60}\}\}|<insert[^>\n]{0,80}>|【(?:待定|待填写|待补充|填写[^】\n]{0,20})】|(?<![A-Za-z0-9])(?:XX|xx|××)(?:\s?[%％])(?![A-Za-z0-9])/gu;

/**
 * What every match of `PLACEHOLDER_PATTERN` holds, one alternative each: `[`, TBD/TBC/TBA, `{`
 * (`${1}`, `{{ }}`), `<insert`, `【`, XX/xx/××. A text without any of them holds no placeholder:
 * the test, with no `u` flag and no look-around, is several times faster than the pattern, and
 * most blocks fail it.
 */
export const MAY_HOLD = /[[{【]|TB[DCA]|<insert|XX|xx|××/;

export default defineRule({
  meta: {
    id: 'unresolved-placeholder',
    description: 'A placeholder ([TBD], [X]%, ${1:metric}, {{ name }}, <insert ...>) is left in the text.',
    defaultSeverity: 'warning',
    fixes: [],
    scope: 'unit',
  },
  pretest(src) {
    if (!MAY_HOLD.test(src)) return false;
    PLACEHOLDER_PATTERN.lastIndex = 0;
    const found = PLACEHOLDER_PATTERN.test(src);
    PLACEHOLDER_PATTERN.lastIndex = 0;
    return found;
  },
  check(ctx) {
    // The one compiled pattern, from the start (every reader resets `lastIndex` before it reads).
    const src = ctx.source;
    if (!MAY_HOLD.test(src)) return;
    const re = warm(PLACEHOLDER_PATTERN, src);
    re.lastIndex = 0;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      const start = m.index;
      const end = start + m[0].length;
      if (ctx.isCode(start)) continue;
      ctx.report({ message: ctx.messages.placeholder(m[0]), start, end, missing: [], fixes: [], term: m[0] });
    }
  },
});
