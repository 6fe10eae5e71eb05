/**
 * Document level: the document commits to outcomes (SLAs, success criteria, targets) but nowhere
 * says what happens when they are missed. Each block contributes facts; the rule reads them all.
 */
import { measure, partsPresent } from '../measure/index.js';
import type { Locale } from '../types.js';
import type { RuleMeta } from './define.js';

export const meta: RuleMeta = {
  id: 'missing-remedy',
  description: 'The document commits to outcomes but never says what happens when they are missed (service credits, fees at risk, termination, refund).',
  defaultSeverity: 'warning',
  fixes: [],
  scope: 'document',
};

const COMMIT_EN =
  /\b(?:shall|will|must|guarantees?|commits? to|warrants?|agrees? to)\b[^.;]{0,120}?\b(?:availability|uptime|response time|resolution time|resolve|respond|restore|latency|error rate|detection rate|accuracy|turnaround|delivered|completed|available)\b|\b(?:service level (?:agreement|commitment|objective)s?|success criteria|acceptable quality levels?|performance (?:standards?|requirements|metrics|targets?)|key performance indicators?|uptime commitment)\b/i;
const REMEDY_EN =
  /\b(?:service credits?|credits? (?:of|equal|against|toward)|fees? at risk|at[- ]risk (?:fees?|amount)|price reductions?|fee reductions?|reduced fees?|re-?perform(?:ance|ed)?|terminat(?:e|ion)\b[^.]{0,60}\b(?:failure|breach|chronic|miss)|refund(?:s|ed)?|liquidated damages|penalt(?:y|ies)|earn[- ]?back|holdback|withh[oe]ld(?:ing)? (?:of )?(?:payment|fees)|corrective action plan|remed(?:y|ies) for)\b/i;
const COMMIT_ZH = /(?:承诺|保证|应当?|须|确保)[^。；]{0,40}(?:可用性|响应时间|恢复|解决|故障|时延|准确率)|服务等级|服务水平|验收标准|考核指标/;
const REMEDY_ZH = /(?:服务赔偿|赔偿|赔付|退款|退还|扣减|违约金|代金券|终止合同|解除合同|罚款|减免)/;

export interface RemedyFacts {
  /** Block-local [start, end) of the commitment units, with their trigger text. */
  commitments: Array<{ start: number; end: number; text: string }>;
  remedy: boolean;
}

/** The facts one unit contributes. */
const METRIC_WORD = /service level (?:agreement|commitment|objective)s?|success criteria|acceptable quality levels?|performance (?:standards?|requirements|metrics|targets?)|key performance indicators?|uptime commitment|availability|uptime|response time|resolution time|latency|error rate|detection rate|accuracy|turnaround|available|resolved?|respond|restored?|delivered|completed|服务等级|服务水平|验收标准|考核指标|可用性|响应时间|恢复|解决|故障|时延|准确率/i;

/** The short name of what a commitment is about (`availability`), for the message. */
export function commitmentTerm(span: string): string {
  return METRIC_WORD.exec(span)?.[0] ?? span.slice(0, 40);
}

const NOT_PROSE = /^(?:[ \t]*(?:```|~~~|<!--)| {4}|\t)/;
const INSTRUMENT = /service level|success criteria|quality level|服务等级|服务水平|验收/i;
const COMMIT_G: Record<Locale, RegExp> = { en: new RegExp(COMMIT_EN.source, 'gi'), zh: new RegExp(COMMIT_ZH.source, 'g') };

/**
 * The facts one block contributes, read from its text without parsing it: whether it states a
 * remedy, and where it commits to an outcome (a duty bound to a number or a time, or a named
 * service-level instrument). Offsets are block-local.
 */
export function remedyFacts(src: string, locale: Locale): RemedyFacts {
  if (NOT_PROSE.test(src)) return { commitments: [], remedy: false };
  const remedy = (locale === 'zh' ? REMEDY_ZH : REMEDY_EN).test(src);
  const commitments: RemedyFacts['commitments'] = [];
  const re = COMMIT_G[locale];
  re.lastIndex = 0;
  for (let m = re.exec(src); m && commitments.length < 3; m = re.exec(src)) {
    const start = m.index;
    const end = start + m[0].length;
    const around = src.slice(Math.max(0, start - 150), end + 150);
    const parts = partsPresent(measure(around, locale));
    if (parts.has('target') || parts.has('window') || INSTRUMENT.test(m[0])) commitments.push({ start, end, text: commitmentTerm(m[0]) });
  }
  return { commitments, remedy };
}
