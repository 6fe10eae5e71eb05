import { hasCriterion } from '../analysis.js';
import { defineRule } from './define.js';
import { sourceRange, termMatches } from './util.js';
import { warm } from '../regex-warm.js';

const NEGATED_EN = /\b(?:no|not|never|without|nor|cannot|can't|doesn't|does not|do not|don't|makes? no|disclaims?)\s+(?:\w+\s+){0,3}$/i;
/** A disclaimer earlier in the sentence governs the absolutes after it. */
const DISCLAIMER_EN = /\b(?:(?:makes?|gives?|offers?) no|(?:does|do|will) not|doesn't|don't|cannot|disclaims?(?: any| all)?)\s+(?:\w+\s+){0,3}(?:guarantees?|warrant(?:y|ies|s)?|representations?|represent|promises?)\b/i;
const NEGATED_ZH = /(?:不|无|未|并非|不能|不会|不作)[\u4e00-\u9fff]{0,4}$/;
/**
 * A term that reads only under a negation ("no malware will ever get past"): the negation before it
 * is the absolute's own subject, not a denial of it.
 */
const NEGATIVE_POLARITY_EN = /^(?:will\s+)?ever\b/i;
/** A sentence that denies the absolute altogether ("No service can be 100% secure"). */
const SENTENCE_NEGATION_EN = /^\W*(?:no|nothing|none|neither)\b|\b(?:cannot|can't|can not|could not|couldn't|impossible)\b/i;
/** How far back a disclaimer or negation can govern a term (bounded: hostile input stays linear). */
const WINDOW = 240;
/** Whether a sentence (its head before the term) is negated as a whole (`SENTENCE_NEGATION_EN`). */
function negatedSentence(head: string): boolean {
  return warm(SENTENCE_NEGATION_EN, head).test(head);
}
/** Terms that cure `guaranteed`: the guarantee's terms are stated or referenced. */
const TERMS_EN = /\b(?:as (?:set forth|defined|specified|described)|in accordance with|subject to|service level|sla|schedule|exhibit|section|credits?|refund)\b/i;

export default defineRule({
  meta: {
    id: 'unverifiable-absolute',
    description: 'An absolute that cannot be tested is promised (100% secure, zero risk, never fails, guaranteed without terms).',
    defaultSeverity: 'warning',
    fixes: [],
    scope: 'unit',
  },
  check(ctx) {
    for (const info of ctx.units) {
      const matches = termMatches(ctx, 'unverifiable-absolute', info);
      if (matches.length === 0 || info.definition || info.title) continue;
      const text = info.unit.text;
      for (const m of matches) {
        const before = text.slice(Math.max(0, m.start - 40), m.start);
        const polarity = ctx.locale === 'en' && NEGATIVE_POLARITY_EN.test(m.text);
        if (!polarity && warm(ctx.locale === 'zh' ? NEGATED_ZH : NEGATED_EN, before).test(before)) continue;
        const head = text.slice(Math.max(0, m.start - WINDOW), m.start);
        if (ctx.locale === 'en' && (warm(DISCLAIMER_EN, head).test(head) || (!polarity && negatedSentence(m.start <= WINDOW ? head : ` ${head}`)))) continue;
        // A guarantee is absolute only without terms: a referenced schedule or a stated target is terms.
        if (m.entry.kind === 'guarantee' && (TERMS_EN.test(text) || hasCriterion(info, m.start))) continue;
        if (m.entry.kind === 'compliance' && info.measurements.some((x) => x.id === 'standard' || x.id === 'reference')) continue;
        const range = sourceRange(ctx, info, m);
        ctx.report({ message: ctx.messages.absolute(m.text, []), start: range[0], end: range[1], missing: [], fixes: [], term: m.text, ...(m.entry.kind ? { kind: m.entry.kind } : {}), claim: text });
      }
    }
  },
});
