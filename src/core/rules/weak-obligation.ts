import type { UnitInfo } from '../analysis.js';
import { defineRule } from './define.js';
import { exact, replaceFix, sourceRange, termMatches } from './util.js';
import { warm } from '../regex-warm.js';

/** A duty stated in the unit (not a prohibition). */
const DUTY_EN =
  /\b(?:shall|must|will|should|agrees? to|undertakes? to|commits? to|is (?:required|responsible|expected|obligated) to|are (?:required|responsible|expected|obligated) to|needs? to|has to|have to)\b(?!\s+not\b)/i;
const DUTY_ZH = /(?:应当|应|须|必须|将|负责|承诺|保证|确保|需要)/;
/** A list item or sentence that starts with a bare verb: a requirement in imperative form. */
const IMPERATIVE_EN =
  /^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:provide|develop|use|implement|follow|make|create|build|ensure|maintain|conduct|deliver|perform|support|test|design|document|deploy|give|track|monitor|integrate|establish|identify|prioriti[sz]e|share|review|respond|update|keep|include|apply|adopt|choose|avoid|publish|offer|allow|enable|manage|run|write|release|automate|collaborate|work|communicate|notify|report|resolve|restore|fix|protect|train|coordinate|plan|prepare|submit|comply|meet|achieve|verify|validate|assess|evaluate|analy[sz]e|measure|address|help|engage|involve|design)\b/i;
/**
 * An effort verb in the third person is the main verb of what its subject does ("the agent aims to
 * block", "the projects seek to deliver"): the offering's work softened to an aim, as 致力于 and 旨在
 * are in Chinese.
 */
const EFFORT_MAIN_VERB = /^(?:aims|seeks|strives|endeavou?rs)\b/i;
/** A text stating its own purpose ("this policy aims to") or an attacker's aim: no work is softened (tested on the clause before the verb). */
const TEXT_OR_THREAT_SUBJECT =
  /\b(?:(?:this|the|our)\s+(?:document|policy|page|guide|section|article|paper|post|report|chapter|appendix|rfp|rfq|rfi|solicitation|specification|template|study|survey|faq|readme)|attackers?|adversar(?:y|ies)|threat actors?|hackers?|malware|ransomware)\b/i;
/** The text after the last sentence or clause break (`.`, `;`, `:`). */
function lastClause(text: string): string {
  return text.slice(Math.max(text.lastIndexOf('.'), text.lastIndexOf(';'), text.lastIndexOf(':')) + 1);
}
/** The effort verb is governed by a modal or the obligated party. */
const EFFORT_GOVERNED = /(?:\b(?:will|shall|must|should|to|agrees? to|commits? to|undertakes? to|we|i|our team|contractor|vendor|provider|supplier|offeror)\s+(?:\w+\s+){0,2})$/i;

/**
 * A practice stated in the present passive ("logs are generated", "access is secured") or by the
 * party itself in the present tense ("we maintain", "we apply"; not a modal, a past tense, regular
 * or irregular, or advice and belief): how a party says it works, as practice statements and
 * policies do. An escape there softens the practice as a modal would soften a duty; timing words
 * are left to a stated duty.
 */
const PRACTICE_EN =
  /\b(?:is|are)\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|made|kept|done|run|held|built|set|taken|sent|given)\b|\bwe\s+(?:[a-z]+ly\s+)?(?!(?:may|might|can|could|would|were|was|had|did|do|are|have|hope|believe|think|feel|consider|recommend|suggest|encourage|ask|invite|welcome|appreciate|kept|made|took|built|held|ran|sent|gave|found|got|set|put|saw|knew|thought|brought|bought|began|chose|wrote|spent|left|lost|met|paid|led|became|grew|went|came)\b)[a-z]{3,}(?<!ed)\b/i;

/** A permission or a possibility: a list item holding one grants, it does not require. */
const PERMISSION_EN = /\b(?:may|might|can|could)\b/i;

/**
 * The clause an escape closes grants a permission ("audio may be substituted as needed", "we can
 * send a key if needed"): the escape bounds what is allowed, it softens no duty, whatever another
 * clause of the sentence requires. The clause is read back from the escape to the last comma,
 * semicolon, colon or dash.
 */
function permittedClause(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 120), at);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' – '), before.lastIndexOf(' — ')) + 1);
  return PERMISSION_EN.test(clause);
}

function dutyContext(info: UnitInfo): boolean {
  const text = info.unit.text;
  if (info.locale === 'zh') return DUTY_ZH.test(text);
  if (warm(DUTY_EN, text).test(text)) return true;
  const lead = text.replace(/^\W+/, '');
  if (warm(IMPERATIVE_EN, lead).test(lead)) return true;
  // An item of a list or a table states a requirement or a deliverable even without a modal verb
  // ("Weekly status report (as appropriate)"), unless it grants a permission.
  return (info.unit.container === 'list-item' || info.unit.container === 'table-cell') && !PERMISSION_EN.test(text);
}

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
      const matches = termMatches(ctx, 'weak-obligation', info);
      if (matches.length === 0 || info.definition || info.title) continue;
      const text = info.unit.text;
      let duty: boolean | undefined;
      const hasDuty = (): boolean => (duty ??= dutyContext(info));
      for (const m of matches) {
        const kind = m.entry.kind;
        const timing = kind === 'timing' || kind === 'recurrence';
        // Timing words are cured by a stated time; effort words are about the word itself.
        if (timing && info.parts.has('window')) continue;
        if ((kind === 'escape' || kind === 'recurrence') && !hasDuty() && !(kind === 'escape' && ctx.locale !== 'zh' && warm(PRACTICE_EN, text).test(text))) continue;
        if (kind === 'escape' && ctx.locale !== 'zh' && permittedClause(text, m.start)) continue;
        if (kind === 'effort-verb') {
          const before = text.slice(Math.max(0, m.start - 60), m.start);
          // "will not attempt to" is a prohibition, not a softened duty.
          if (/\b(?:not|never|no)\s+$/i.test(before)) continue;
          if (ctx.locale !== 'zh' && !warm(EFFORT_GOVERNED, before).test(before) && !(EFFORT_MAIN_VERB.test(m.text) && !TEXT_OR_THREAT_SUBJECT.test(lastClause(before)))) continue;
        }
        // "Best practices" is weak only as the sole standard: a named standard cures it.
        if (kind === 'standard' && info.measurements.some((x) => x.id === 'standard')) continue;
        const range = sourceRange(ctx, info, m);
        const fixes = [];
        if (m.entry.replacement && exact(ctx, range, m.text)) {
          fixes.push(replaceFix('replace-term', ctx.messages.fix.statedTime(m.text), range, m.entry.replacement, true, true));
        }
        ctx.report({
          ...(info.question || info.instruction ? { severity: 'hint' as const } : {}),
          message: (timing ? ctx.messages.timing : ctx.messages.weak)(m.text, []),
          start: range[0],
          end: range[1],
          missing: timing ? ['window'] : [],
          fixes,
          term: m.text,
          ...(m.entry.kind ? { kind: m.entry.kind } : {}),
          claim: text,
        });
      }
    }
  },
});
