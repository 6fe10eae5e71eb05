import { hasCriterion, permissionOnly } from '../analysis.js';
import { OUTCOME_PARTS, type OutcomePart } from '../types.js';
import { defineRule } from './define.js';
import { warm } from '../regex-warm.js';
import { rewriteFix, sourceRange, termMatches } from './util.js';

/** Objects that make a directional verb (reduce, increase, lower ...) an outcome claim. */
const OUTCOME_OBJECT_EN =
  /^(?:costs?|expenses?|spend(?:ing)?|money|time|times|effort|burden|workload|risk|risks|errors?|defects?|mistakes|downtime|outages?|delays?|backlogs?|latency|friction|waste|complexity|fraud|churn|rework|overhead|efficienc(?:y|ies)|productivity|performance|quality|satisfaction|accuracy|reliability|throughput|capacity|speed|visibility|security|transparency|engagement|adoption|revenue|returns?|yields?|profits?|income|roi|conversions?|sales|participation|usage|uptake|savings|response|wait|processing|turnaround|incidents?|vulnerabilit(?:y|ies)|exposure|attack surface|alerts?|noise|false positives?|tickets?|calls|paperwork|barriers|the (?:number|amount|rate|likelihood) of)\b/i;
/** A word and the space after it: up to three of them may come between the verb and its object. */
const WORD_SPACE_EN = /^[\w'’-]+\s+/;
const LEADING_SPACE = /^\s+/;

/**
 * Whether the text after a directional verb starts (after white space and at most three words)
 * with an outcome object ("reduce the total cost"). A loop of anchored patterns rather than one
 * pattern with `(?:word\s+){0,3}?`: V8 copies the long alternation once per repetition, which
 * made that pattern cost 50 ms to compile on every cold lint.
 */
export function outcomeObjectAheadEn(after: string): boolean {
  return outcomeObjectAtEn(after) !== undefined;
}

/** The text from the outcome object on (see `outcomeObjectAheadEn`), or undefined when there is none. */
function outcomeObjectAtEn(after: string): string | undefined {
  const lead = LEADING_SPACE.exec(after);
  if (!lead) return undefined;
  let rest = after.slice(lead[0].length);
  for (let words = 0; ; words++) {
    if (warm(OUTCOME_OBJECT_EN, rest).test(rest)) return rest;
    if (words === 3) return undefined;
    const word = WORD_SPACE_EN.exec(rest);
    if (!word) return undefined;
    rest = rest.slice(word[0].length);
  }
}

/** Outcome objects that are harms: less of them is the improvement. */
const HARM_OBJECT_EN =
  /^(?:costs?|expenses?|spend(?:ing)?|effort|burden|workload|risks?|errors?|defects?|mistakes|downtime|outages?|delays?|backlogs?|latency|friction|waste|complexity|fraud|churn|rework|overhead|incidents?|vulnerabilit(?:y|ies)|exposure|attack surface|alerts?|noise|false positives?|tickets?|paperwork|barriers)\b/i;
/** Outcome objects that are goods: more of them is the improvement. */
const GOOD_OBJECT_EN =
  /^(?:efficienc(?:y|ies)|productivity|performance|quality|satisfaction|accuracy|reliability|throughput|capacity|speed|visibility|security|transparency|engagement|adoption|revenue|returns?|yields?|profits?|income|roi|conversions?|sales|participation|usage|uptake|savings)\b/i;
/** A harm dealt with ("more vulnerabilities found") is a good. */
const HARM_HANDLED_EN =
  /^[\w'’ -]*?\b(?:found|detected|caught|blocked|identified|resolved|remediated|closed|fixed|prevented|stopped|handled|triaged|mitigated|avoided|eliminated|addressed|patched|reported)\b/i;

/**
 * Whether a directional verb moves its outcome object (`object`: the text from the object on) the
 * wrong way: more of a harm ("increase the attack surface", "tends to increase risk") or less of a
 * good ("reduce productivity"). The contract flags an improvement claimed or required; a change
 * for the worse is a problem stated, not an outcome anyone offers or demands.
 */
function worseningEn(verb: string, object: string): boolean {
  const up = /^increas/i.test(verb);
  if (up) {
    const harm = warm(HARM_OBJECT_EN, object).exec(object);
    return harm !== null && !HARM_HANDLED_EN.test(object.slice(harm[0].length, harm[0].length + 40));
  }
  return warm(GOOD_OBJECT_EN, object).test(object);
}

const OUTCOME_OBJECT_ZH = /^.{0,6}(?:成本|费用|开销|时间|效率|风险|隐患|错误|故障|误报|漏报|噪音|延迟|瓶颈|工作量|负担|压力|复杂度|复杂性|门槛|损失|损害|质量|满意度|性能|安全|可靠性)/;

export default defineRule({
  meta: {
    id: 'unmeasured-claim',
    description: 'A comparative, improvement or quality outcome is claimed or required with no measurable criterion in the same sentence.',
    defaultSeverity: 'warning',
    fixes: ['rewrite-measurable', 'insert-clause'],
    scope: 'unit',
  },
  check(ctx) {
    for (const info of ctx.units) {
      const found = termMatches(ctx, 'unmeasured-claim', info);
      if (found.length === 0 || info.definition || info.title) continue;
      const text = info.unit.text;
      const matches = found.filter((m) => {
        if (m.entry.kind !== 'directional') return true;
        const after = text.slice(m.end, m.end + 80);
        if (ctx.locale === 'zh') return OUTCOME_OBJECT_ZH.test(after);
        const object = outcomeObjectAtEn(after);
        return object !== undefined && !worseningEn(m.text, object);
      });
      if (matches.length === 0) continue;
      // A permission's purpose ("may use the data to improve") claims nothing; a vague standard in it still binds.
      const permission = permissionOnly(info);
      // Keep the claims that no nearby criterion binds.
      const unbound = matches.filter((m) => !(permission && m.entry.kind !== 'standard') && !hasCriterion(info, m.start));
      if (unbound.length === 0) continue;
      const missing: OutcomePart[] = OUTCOME_PARTS.filter((p) => !info.parts.has(p));
      if (info.question || info.instruction) {
        const m = unbound[0]!;
        const range = sourceRange(ctx, info, m);
        const fix = rewriteFix(ctx, info, m);
        ctx.report({ severity: 'hint', message: ctx.messages.instruction(m.text, missing), start: range[0], end: range[1], missing, fixes: fix ? [fix] : [], term: m.text, ...(m.entry.kind ? { kind: m.entry.kind } : {}), claim: text });
        continue;
      }
      for (const m of unbound.slice(0, 3)) {
        const range = sourceRange(ctx, info, m);
        const kind = m.entry.kind ?? '';
        const msg =
          kind === 'comparative' || kind === 'open-competitive'
            ? ctx.messages.comparative
            : kind === 'quality' || kind === 'open-degree' || kind === 'open-degree-very' || kind === 'open-speed' || kind === 'open-lexicon'
              ? ctx.messages.quality
              : ctx.messages.improvement;
        const fix = rewriteFix(ctx, info, m);
        ctx.report({ message: msg(m.text, missing), start: range[0], end: range[1], missing, fixes: fix ? [fix] : [], term: m.text, ...(m.entry.kind ? { kind: m.entry.kind } : {}), claim: text });
      }
    }
  },
});
