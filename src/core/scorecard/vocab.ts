/**
 * The scorecard's words as data, per locale: what makes a sentence a commitment, which words name
 * a metric or a comparison, which headings open a remedy section, and the column names of a
 * success-criteria table. Measurements themselves come from src/core/measure; the few readings
 * added here (a decimal comma, a source of records) are recognisers in the same shape.
 */
import type { Recogniser } from '../measure/types.js';
import type { Locale } from '../types.js';
import type { CriterionPart } from './types.js';

const alt = (xs: readonly string[]): string => xs.join('|');
const words = (xs: readonly string[]): RegExp => new RegExp(`\\b(?:${alt(xs)})\\b`, 'i');

/** A duty or a promise. */
const DUTY_EN = ['shall', 'will', 'must', 'guarantees?', 'commits? to', 'warrants?', 'agrees? to', 'undertakes? to', 'is required to', 'are required to', 'ensures?'];
/** 应 alone is also the second character of 响应 (response): only its duty forms count. */
const DUTY_ZH = ['承诺', '保证', '确保', '必须', '须', '应当', '应在', '应于', '应达到', '应不', '应确保', '应保证', '应能', '应按', '需在', '需达到', '不得'];

/** Words that make a number a target without a duty verb ("Target: 99.9%"). */
const CUE_EN = ['targets?', 'success criteri(?:on|a)', 'kpis?', 'service levels?', 'slas?', 'slos?', 'objectives?', 'acceptance criteri(?:on|a)'];
const CUE_ZH = ['目标', '服务等级', '服务水平', 'SLA', 'KPI', '成功标准', '验收标准'];

/** Words that say what is measured: a criterion needs one (or a metric the recognisers know). */
const OUTCOME_EN = [
  'resolve[sd]?', 'resolution', 'respond', 'responds', 'response', 'restore[sd]?', 'recover(?:y|ed)?', 'remediate[sd]?', 'fix', 'fixes',
  'detect(?:s|ed|ion)?', 'processe?[sd]?', 'complete[sd]?', 'achieve[sd]?', 'maintain(?:s|ed)?', 'reduce[sd]?', 'reduction', 'increase[sd]?',
  'improve[sd]?', 'improvement', 'cut', 'lower', 'decrease[sd]?', 'raise[sd]?', 'available', 'availability', 'uptime', 'accuracy', 'accurate',
  'rate', 'score', 'satisfaction', 'answer(?:ed)?', 'closed?', 'deliver(?:s|ed)?', 'pass(?:es|ed)?',
];
const OUTCOME_ZH = ['可用性', '可用率', '响应', '解决', '恢复', '修复', '处理', '检出', '检测', '准确率', '满意度', '成功率', '降低', '减少', '提升', '提高', '缩短', '达到', '完成', '处置', '时延', '延迟', '故障', '误报', '接通率', '及时率'];

/** A comparison against a starting point: such a criterion needs a baseline. */
const COMPARATIVE_EN = ['reduce[sd]?', 'reduction', 'increase[sd]?', 'improve[sd]?', 'improvement', 'cut', 'decrease[sd]?', 'raise[sd]?', 'grow', 'boost', 'shorten', 'faster', 'halve[sd]?', 'double[sd]?', 'by \\d{1,3}(?:\\.\\d{1,2})? ?(?:%|percent)'];
const COMPARATIVE_ZH = ['降低', '减少', '提升', '提高', '缩短', '增加', '下降', '减半', '翻倍', '加快', '改善'];

/** A sentence that opens with a condition states what follows a miss: a remedy, not a criterion. */
const CONDITION_EN = /^(?:if|where|when|whenever|in the event|should|for each|for every|unless|each time)\b/i;
const CONDITION_ZH = /^(?:如|若|倘若|凡|当|未达|未能|每低于|低于)/;


/** A remedy that covers every criterion ("service credits apply to each service level"). */
const BLANKET_EN = words([
  '(?:any|each|every|all) (?:of (?:the|these) )?(?:service levels?|slas?|kpis?|targets?|criteria|criterion|metrics?|performance standards?|success criteria|service level targets?)',
  'the (?:service levels|targets|criteria|kpis|metrics) (?:above|below)',
]);
const BLANKET_ZH = new RegExp(`(?:任何|任一|各项|每项|上述|以上|下列|本附件|本协议)(?:服务)?(?:${alt(['指标', '服务等级', '服务水平', '考核指标', '目标', '承诺'])})`);

/** Headings that open a remedy section. */
const REMEDY_HEADING_EN = words(['service credits?', 'credits', 'remed(?:y|ies)', 'penalt(?:y|ies)', 'liquidated damages', 'fees? at risk', 'at[- ]risk', 'consequences', 'earn[- ]?back', 'chronic failure', 'termination for']);
const REMEDY_HEADING_ZH = /服务赔偿|赔偿|违约责任|补救|罚则|扣款|扣减|违约金|处罚/;

export interface LocaleWords {
  duty: RegExp;
  cue: RegExp;
  outcome: RegExp;
  comparative: RegExp;
  condition: RegExp;
  blanket: RegExp;
  remedyHeading: RegExp;
}

export const WORDS: Record<Locale, LocaleWords> = {
  en: { duty: words(DUTY_EN), cue: words(CUE_EN), outcome: words(OUTCOME_EN), comparative: words(COMPARATIVE_EN), condition: CONDITION_EN, blanket: BLANKET_EN, remedyHeading: REMEDY_HEADING_EN },
  zh: { duty: new RegExp(alt(DUTY_ZH)), cue: new RegExp(alt(CUE_ZH), 'i'), outcome: new RegExp(alt(OUTCOME_ZH)), comparative: new RegExp(alt(COMPARATIVE_ZH)), condition: CONDITION_ZH, blanket: BLANKET_ZH, remedyHeading: REMEDY_HEADING_ZH },
};

/** Readings the shared recognisers leave out, in the recognisers' shape. */
export const EXTRA_RECOGNISERS: Record<Locale, Recogniser[]> = {
  en: [
    // "99,9 %": a decimal comma (at most two decimals, so 1,000 % stays a thousand).
    { id: 'decimal-comma-percent', parts: ['target'], pattern: String.raw`\b\d{1,3},\d{1,2} ?(?:%|percent\b)` },
    { id: 'measured', parts: ['method'], pattern: String.raw`\b(?:measured|calculated|recorded|verified|tracked|monitored|counted|sampled) (?:by|using|from|in|on|through|with|against|per|at|as|over|each|every|monthly|quarterly|weekly|daily)\b` },
    // Where the data comes from: the noun here; the extraction looks back for "from", "using" ... (SOURCE_LEADS).
    { id: 'source', parts: ['method'], pattern: String.raw`\b(?:records|logs|ticket data|ticketing system|ticket exports?|monitoring (?:tool|system|platform|data)|dashboards?|exports?|surveys?|system of record|probes?|apm|siem|itsm|audit reports?)\b` },
    { id: 'period-words', parts: ['window'], pattern: String.raw`\b(?:(?:in|over|during) each|over the|per|each|every) (?:calendar |fiscal |billing |contract |measurement |reporting |service )?(?:month|quarter|year|week|period|cycle)\b|\b(?:calendar|fiscal) (?:month|quarter|year)\b|\b(?:rolling|trailing) \d{1,3}[- ]day\b|\bevery (?:two|three|four|six|twelve|\d{1,2}) (?:days|weeks|months)\b` },
  ],
  zh: [
    { id: 'source', parts: ['method'], pattern: String.raw`(?:以|按|由)[^，。；]{1,20}(?:数据|记录|报告|日志|监控)(?:为准|计算|统计)?|数据来源|统计方法|计算方法|测量方式` },
    { id: 'period-words', parts: ['window'], pattern: String.raw`(?:每个?|按)(?:自然|日历)?(?:月|季度|年|周)|自然(?:月|季度|年)` },
  ],
};

/** What comes before a source of records in a method ("from the service desk's records"), at most SOURCE_REACH before it. */
export const SOURCE_LEADS: Record<Locale, readonly string[]> = { en: ['from ', 'using ', 'based on ', 'according to ', 'as recorded in ', 'as shown in '], zh: [] };
export const SOURCE_REACH = 60;

/** Table headers → the part a column states, tried in order (the first match wins). */
export const COLUMNS: ReadonlyArray<[part: CriterionPart | 'owner' | 'result', en: string[], zh: string[]]> = [
  ['result', ['measured result', 'actual(?: result| value)?', 'achieved', 'result achieved'], ['实测', '实际', '结果']],
  ['window', ['measurement period', 'measurement window', 'reporting period', 'period', 'window', 'time ?frame', 'frequency', 'by when', 'deadline', 'due', 'date', 'cadence'], ['统计周期', '考核周期', '测量周期', '周期', '时间窗口', '时限', '期限', '频率', '时间']],
  ['remedy', ['remed(?:y|ies)', 'service credits?', 'credits?', 'penalt(?:y|ies)', 'consequences?', 'if missed', 'fees? at risk', 'at[- ]risk', 'earn[- ]?back', 'liquidated damages'], ['补救', '赔偿', '违约', '罚则', '扣减', '扣款']],
  ['baseline', ['baseline', 'current(?: value| level| state)?', 'as[- ]is', 'starting point', 'today'], ['基线', '基准', '现状', '当前']],
  ['target', ['targets?', 'goals?', 'thresholds?', 'commitment', 'committed', 'required level', 'required', 'expected', 'minimum', 'sla', 'service level target'], ['目标', '承诺', '要求', '阈值', '指标值', '标准值']],
  ['method', ['method(?:ology)?', 'measurement', 'measured (?:by|with|using|from|in)', 'how (?:it is |it will be |we will |we )?measure(?:d| it)?', 'data source', 'source', 'evidence', 'verification', 'calculation', 'formula'], ['测量', '计量', '统计方法', '计算方法', '数据来源', '验证', '核验', '计算']],
  ['owner', ['owner', 'responsible', 'accountable'], ['负责人', '责任方', '责任人']],
  ['metric', ['metrics?', 'kpis?', 'measures?', 'indicators?', 'criteri(?:on|a)', 'success criteri(?:on|a)', 'service levels?', 'objectives?', 'outcomes?'], ['指标', '考核项', '衡量', '服务项']],
];

/** Columns that name what is measured when no column says "metric". */
export const METRIC_FALLBACK: [en: string[], zh: string[]] = [['service', 'description', 'requirement', 'item', 'area', 'deliverable'], ['服务', '项目', '事项', '内容', '名称']];

export const COLUMN_PATTERNS: ReadonlyArray<[CriterionPart | 'owner' | 'result', RegExp, RegExp]> = COLUMNS.map(([part, en, zh]) => [part, words(en), new RegExp(alt(zh))]);
export const METRIC_FALLBACK_PATTERNS: [RegExp, RegExp] = [words(METRIC_FALLBACK[0]), new RegExp(alt(METRIC_FALLBACK[1]))];

/** A cell that states nothing. */
export const EMPTY_CELL = /^(?::::|-{1,3}|—{1,2}|–|n\/?a|none|tbd|tbc|to be (?:agreed|confirmed|determined)|not (?:stated|specified|defined)|unspecified|待定|无|暂无|未说明|未规定|\?{1,3}|…|\.{3})$/i;

/** Words too general to tie a remedy to a metric, as stems (their first five letters). */
export const STOP_STEMS = new Set(
  'shall will must within each every calendar month monthly quarter quarterly year yearly week weekly business hours minutes days percent least more less than measured supplier provider vendor contractor customer service services that with from this these their other should based records target achieve maintain ensure level total which where when such into under over keep remain least per cent'
    .split(' ')
    .map((w) => w.slice(0, 5)),
);

/** Every pattern the scorecard builds, for the regular-expression safety checks. */
export const PATTERNS: Record<string, RegExp> = Object.fromEntries([
  ...(['en', 'zh'] as const).flatMap((l) => Object.entries(WORDS[l]).map(([k, re]) => [`${k} ${l}`, re] as const)),
  ...(['en', 'zh'] as const).flatMap((l) => EXTRA_RECOGNISERS[l].map((r) => [`recogniser ${l} ${r.id}`, new RegExp(r.pattern, 'giu')] as const)),
  ...COLUMN_PATTERNS.flatMap(([part, en, zh]) => [[`column en ${part}`, en] as const, [`column zh ${part}`, zh] as const]),
  ['column en metric fallback', METRIC_FALLBACK_PATTERNS[0]],
  ['column zh metric fallback', METRIC_FALLBACK_PATTERNS[1]],
  ['empty cell', EMPTY_CELL],

]);
