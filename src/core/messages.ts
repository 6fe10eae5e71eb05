/** Message grammar per locale: what was found, and what would make it verifiable. */
import type { CriterionPart } from './scorecard/types.js';
import type { Locale, OutcomePart } from './types.js';

/** A measurement period of a service level (see measure/quantities.ts). */
type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';
/** What a service-level time is about. */
type Aspect = 'response' | 'restore' | 'resolution' | 'update' | 'target';

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
  /** sla-consistency: figures of a service-level schedule that contradict each other. */
  sla: {
    /** `availability` over `period` allows `allowed` minutes; the text allows `stated`. */
    downtime: (availability: string, period: Period, allowed: number, stated: string) => string;
    share: (term: string, what: 'availability' | 'rate' | 'credit') => string;
    tierOverlap: (upper: string, lower: string, from: number, to: number) => string;
    tierGap: (lower: string, upper: string, from: number, to: number) => string;
    tierInversion: (worse: string, worseCredit: string, better: string, betterCredit: string) => string;
    capBelowTier: (cap: string, credit: string, tier: string) => string;
    /** `label`'s `aspect` time is slower than the less severe `other`'s; `businessDay` when a business day was counted in hours. */
    ladder: (label: string, aspect: Aspect, time: string, other: string, otherTime: string, businessDay: boolean) => string;
    related: (term: string) => string;
  };
}

const code = (t: string): string => `\`${t}\``;

/** A figure with at most three significant digits (`43.2`, `8.76`, `131`). */
function figure(x: number): string {
  if (x === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(digits, 6))));
}

/** Minutes in the unit a writer would use: seconds, minutes, hours or days. */
function durationIn(minutes: number, locale: Locale): string {
  const [value, en, zh] =
    minutes < 1 ? [minutes * 60, 'second', '秒'] : minutes < 120 ? [minutes, 'minute', '分钟'] : minutes < 72 * 60 ? [minutes / 60, 'hour', '小时'] : [minutes / 1440, 'day', '天'];
  const f = figure(value);
  return locale === 'zh' ? `${f}${zh}` : `${f} ${en}${f === '1' ? '' : 's'}`;
}

const PERIOD_EN: Record<Period, [adjective: string, assumed: string]> = {
  day: ['daily', 'a 24-hour day'],
  week: ['weekly', 'a 7-day week'],
  month: ['monthly', 'a 30-day month'],
  quarter: ['quarterly', 'a quarter of 91 days'],
  year: ['annual', 'a 365-day year'],
};
const PERIOD_ZH: Record<Period, [adjective: string, assumed: string]> = {
  day: ['每日', '24小时的一天'],
  week: ['每周', '7天的一周'],
  month: ['月度', '30天的月份'],
  quarter: ['季度', '91天的季度'],
  year: ['年度', '365天的年份'],
};
const ASPECT_EN: Record<Aspect, string> = { response: 'response', restore: 'restoration', resolution: 'resolution', update: 'update', target: 'time' };
const ASPECT_ZH: Record<Aspect, string> = { response: '响应', restore: '恢复', resolution: '解决', update: '通报', target: '时限' };
const SHARE_EN = { availability: 'availability', rate: 'a rate', credit: "a credit's share of the fee" } as const;
const SHARE_ZH = { availability: '可用性', rate: '比率', credit: '赔偿占费用的比例' } as const;
const pct = (x: number): string => `${figure(x)}%`;

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
    sla: {
      downtime: (a, p, allowed, stated) =>
        `${code(a)} ${PERIOD_EN[p][0]} availability allows ${durationIn(allowed, 'en')} of downtime in ${PERIOD_EN[p][1]}, but the text allows ${code(stated)}`,
      share: (t, what) => `${code(t)} is stated as ${SHARE_EN[what]}, a share that cannot exceed 100%`,
      tierOverlap: (u, l, from, to) => `service-credit tiers ${code(u)} and ${code(l)} overlap between ${pct(from)} and ${pct(to)}; state which credit applies there`,
      tierGap: (l, u, from, to) => `service-credit tiers ${code(l)} and ${code(u)} leave a gap between ${pct(from)} and ${pct(to)}; availability there earns no stated credit`,
      tierInversion: (w, wc, b, bc) => `the tier ${code(w)} pays ${code(wc)}, less than the better tier ${code(b)} (${code(bc)}); worse service should not earn a smaller credit`,
      capBelowTier: (cap, credit, tier) => `the credit cap ${code(cap)} is below the ${code(credit)} credit of the tier ${code(tier)}; that tier can never be paid in full`,
      ladder: (l, a, t, o, ot, bd) =>
        `${code(l)} has a slower ${ASPECT_EN[a]} target (${code(t)}) than the less severe ${code(o)} (${code(ot)})${bd ? ', counting a business day as at least 8 business hours' : ''}; a more severe priority should not wait longer`,
      related: (t) => `compared with ${code(t)}`,
    },
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
    sla: {
      downtime: (a, p, allowed, stated) => `“${a}”的${PERIOD_ZH[p][0]}可用性在${PERIOD_ZH[p][1]}中允许停机${durationIn(allowed, 'zh')}，但文中允许“${stated}”`,
      share: (t, what) => `“${t}”表示${SHARE_ZH[what]}，而比例不能超过100%`,
      tierOverlap: (u, l, from, to) => `服务赔偿档位“${u}”与“${l}”在${pct(from)}至${pct(to)}之间重叠；请写明适用哪一档`,
      tierGap: (l, u, from, to) => `服务赔偿档位“${l}”与“${u}”之间在${pct(from)}至${pct(to)}留有空档；该区间没有规定赔偿`,
      tierInversion: (w, wc, b, bc) => `档位“${w}”的赔偿“${wc}”低于更好的档位“${b}”（“${bc}”）；服务越差赔偿不应越少`,
      capBelowTier: (cap, credit, tier) => `赔偿上限“${cap}”低于档位“${tier}”的赔偿“${credit}”；该档位永远无法足额赔付`,
      ladder: (l, a, t, o, ot, bd) =>
        `“${l}”的${ASPECT_ZH[a]}时限（“${t}”）比级别更低的“${o}”（“${ot}”）还长${bd ? '（按每个工作日至少8个工作小时计）' : ''}；级别越高不应等待越久`,
      related: (t) => `对照“${t}”`,
    },
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
