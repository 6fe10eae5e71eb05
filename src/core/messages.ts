/** Message grammar per locale: what was found, and what would make it verifiable. */
import type { CriterionPart } from './scorecard/types.js';
import type { Locale, OutcomePart } from './types.js';

const PART_NAMES: Record<Locale, Record<OutcomePart, string>> = {
  en: { metric: 'metric', target: 'target', baseline: 'baseline', window: 'time window', method: 'measurement method' },
  zh: { metric: '指标', target: '目标值', baseline: '基线', window: '时间窗口', method: '测量方法' },
};

const REMEDY_NAME: Record<Locale, string> = { en: 'remedy', zh: '补救措施' };

export function partName(part: OutcomePart | 'remedy', locale: Locale): string {
  return part === 'remedy' ? REMEDY_NAME[locale] : PART_NAMES[locale][part];
}

function listEn(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The missing parts worth naming in a message: target, baseline and window first. */
export function namedMissing(missing: readonly OutcomePart[]): OutcomePart[] {
  const primary = (['target', 'baseline', 'window'] as const).filter((p) => missing.includes(p));
  if (primary.length) return primary;
  return missing.filter((p) => p === 'metric' || p === 'method');
}

export function missingPhrase(missing: readonly OutcomePart[], locale: Locale): string {
  const names = namedMissing(missing).map((p) => partName(p, locale));
  if (locale === 'zh') return names.length ? `缺少${names.join('、')}` : '';
  return names.length ? `with no ${listEn(names)}` : 'with no measurable criterion';
}

export type Msg = (term: string, missing: readonly OutcomePart[]) => string;

export interface Messages {
  improvement: Msg;
  comparative: Msg;
  quality: Msg;
  instruction: Msg;
  vague: Msg;
  ceiling: Msg;
  puffery: Msg;
  weak: Msg;
  timing: Msg;
  absolute: Msg;
  placeholder: (term: string) => string;
  missingRemedy: (term: string) => string;
  /** A criterion with a target that lacks the named parts (window, method, baseline, remedy). */
  incompleteCriterion: (term: string, missing: readonly CriterionPart[]) => string;
  /** Fix titles and the text snippets fixes insert, in the document's language. */
  fix: {
    rewrite: string;
    replacePuffery: (term: string) => string;
    remove: (term: string) => string;
    statedTime: (term: string) => string;
    committedMinimum: string;
    /** The snippet a ceiling is replaced with. */
    minimumSnippet: string;
  };
  anotherCommitment: (term: string) => string;
}

const code = (t: string): string => `\`${t}\``;

export const MESSAGES: Record<Locale, Messages> = {
  en: {
    improvement: (t, m) => `${code(t)} claims an improvement ${missingPhrase(m, 'en')}`,
    comparative: (t, m) => `${code(t)} claims a comparison ${missingPhrase(m, 'en')}`,
    quality: (t, m) => `${code(t)} asserts a quality outcome ${missingPhrase(m, 'en')}`,
    instruction: (t) => `${code(t)} asks for a description; ask for a measurable commitment (metric, target, baseline, time window) instead`,
    vague: (t) => `${code(t)} sizes the outcome with an intensifier; state the amount, against a baseline`,
    ceiling: (t) => `${code(t)} gives only a ceiling; state the minimum committed result and how it is measured`,
    puffery: (t) => `${code(t)} is praise nobody can verify; replace it with a specific, checkable statement`,
    weak: (t) => `${code(t)} softens the duty to an effort; state what must be achieved and the remedy if it is not`,
    timing: (t) => `${code(t)} sets no time; state a deadline or response window`,
    absolute: (t) => `${code(t)} promises an absolute no test could confirm; name the standard, scope and remedy`,
    placeholder: (t) => `${code(t)} is an unresolved placeholder`,
    missingRemedy: (t) => `the commitment on ${code(t)} has no remedy: the document never says what happens when it is missed (service credits, fees at risk, termination right, refund)`,
    anotherCommitment: (t) => `another commitment: ${code(t)}`,
    incompleteCriterion: (t, m) => `${code(t)} sets a target with no ${listEn(m.map((p) => partName(p, 'en')))}`,
    fix: {
      rewrite: 'Rewrite as a measurable outcome',
      replacePuffery: (t) => `Replace ${code(t)} with a specific, checkable statement`,
      remove: (t) => `Remove ${code(t)}`,
      statedTime: (t) => `Replace ${code(t)} with a stated time`,
      committedMinimum: 'Replace the ceiling with a committed minimum',
      minimumSnippet: '${1:at least 30%}',
    },
  },
  zh: {
    improvement: (t, m) => `“${t}”声称有所改进，但${missingPhrase(m, 'zh')}`,
    comparative: (t, m) => `“${t}”作了比较，但${missingPhrase(m, 'zh')}`,
    quality: (t, m) => `“${t}”声称质量结果，但${missingPhrase(m, 'zh')}`,
    instruction: (t) => `“${t}”只要求描述；请改为要求可衡量的承诺（指标、目标值、基线、时间窗口）`,
    vague: (t) => `“${t}”用程度副词描述结果；请给出具体数值和基线`,
    ceiling: (t) => `“${t}”只给出上限；请写明承诺的最低结果及测量方法`,
    puffery: (t) => `“${t}”是无法验证的溢美之词；请改为具体、可核查的陈述`,
    weak: (t) => `“${t}”把义务弱化为尽力而为；请写明必须达到的结果及未达到时的补救措施`,
    timing: (t) => `“${t}”没有规定时限；请写明期限或响应时间`,
    absolute: (t) => `“${t}”承诺了无法测试的绝对结果；请写明标准、范围和补救措施`,
    placeholder: (t) => `“${t}”是未填写的占位符`,
    missingRemedy: (t) => `对“${t}”的承诺没有补救措施：文件中没有规定未达标时的后果（服务赔偿、风险费用、终止权、退款）`,
    anotherCommitment: (t) => `另一项承诺：“${t}”`,
    incompleteCriterion: (t, m) => `“${t}”设定了目标，但缺少${m.map((p) => partName(p, 'zh')).join('、')}`,
    fix: {
      rewrite: '改写为可衡量的结果',
      replacePuffery: (t) => `将“${t}”替换为具体、可核查的陈述`,
      remove: (t) => `删除“${t}”`,
      statedTime: (t) => `将“${t}”替换为明确时限`,
      committedMinimum: '改为承诺的最低结果',
      minimumSnippet: '${1:不低于30%}',
    },
  },
};
