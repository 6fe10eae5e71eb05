/**
 * Document level: the document commits to outcomes (SLAs, success criteria, targets) but nowhere
 * says what happens when they are missed. Each block contributes facts (`facts`, read from raw
 * text after the rule's own pre-test); `assemble` reads them all.
 *
 * The vocabulary lives here once: the pre-test, the commitment and remedy patterns and the metric
 * word of the message are all built from the same word lists, so they cannot disagree.
 */
import { measure, RECOGNISERS } from '../measure/index.js';
import type { Locale } from '../types.js';
import { defineDocumentRule, type DocumentFinding } from './define.js';
import { warm } from '../regex-warm.js';
import { factorAlternatives } from '../regex-factor.js';

/** What a duty is bound to (the metric of a commitment). */
const METRICS_EN = [
  'availability', 'uptime', 'response time', 'resolution time', 'resolve', 'resolved', 'respond', 'restore', 'restored',
  'latency', 'error rate', 'detection rate', 'accuracy', 'turnaround', 'delivered', 'completed', 'available',
];
/** Named service-level instruments: a commitment by themselves. */
const INSTRUMENTS_EN = [
  'service level (?:agreement|commitment|objective)s?', 'success criteria', 'acceptable quality levels?',
  'performance (?:standards?|requirements|metrics|targets?)', 'key performance indicators?', 'uptime commitment',
];
const DUTY_EN = '(?:shall|will|must|guarantees?|commits? to|warrants?|agrees? to)';
/**
 * Remedy patterns, each with a literal every match of it contains at the start of a word (for the
 * pre-test, which looks for its words at word starts only).
 */
const REMEDIES_EN: ReadonlyArray<[pattern: string, stem: string]> = [
  ['service credits?', 'credit'],
  ['credits? (?:of|equal|against|toward)', 'credit'],
  ['fees? at risk', 'risk'],
  ['at[- ]risk (?:fees?|amount)', 'risk'],
  ['price reductions?', 'reduc'],
  ['fee reductions?', 'reduc'],
  ['reduced fees?', 'reduc'],
  ['reperform(?:ance|ed)?', 'reperform'],
  ['re-perform(?:ance|ed)?', 're-perform'],
  ['refund(?:s|ed)?', 'refund'],
  ['liquidated damages', 'liquidated'],
  ['penalt(?:y|ies)', 'penalt'],
  ['earn[- ]?back', 'earn'],
  ['holdback', 'holdback'],
  ['withh[oe]ld(?:ing)? (?:of )?(?:payment|fees)', 'withh'],
  ['corrective action plan', 'corrective'],
  ['remed(?:y|ies) for', 'remed'],
];
const METRICS_ZH = ['可用性', '响应时间', '恢复', '解决', '故障', '时延', '准确率'];
const INSTRUMENTS_ZH = ['服务等级', '服务水平', '验收标准', '考核指标'];
const DUTY_ZH = '(?:承诺|保证|应当?|须|确保)';
const REMEDIES_ZH = ['服务赔偿', '赔偿', '赔付', '退款', '退还', '扣减', '违约金', '代金券', '终止合同', '解除合同', '罚款', '减免'];

const alt = (xs: readonly string[]): string => xs.join('|');

const COMMIT: Record<Locale, RegExp> = {
  en: new RegExp(`\\b${DUTY_EN}\\b[^.;]{0,120}?\\b(?:${alt(METRICS_EN)})\\b|\\b(?:${alt(INSTRUMENTS_EN)})\\b`, 'gi'),
  zh: new RegExp(`${DUTY_ZH}[^。；]{0,40}(?:${alt(METRICS_ZH)})|${alt(INSTRUMENTS_ZH)}`, 'g'),
};
const REMEDY: Record<Locale, RegExp> = {
  en: new RegExp(`\\b(?:${alt(REMEDIES_EN.map(([p]) => p))})\\b`, 'i'),
  zh: new RegExp(alt(REMEDIES_ZH)),
};
/** The metric word of a commitment (`availability`), for the message. */
const METRIC_WORD = new RegExp(alt([...INSTRUMENTS_EN, ...METRICS_EN.slice().sort((a, b) => b.length - a.length), ...INSTRUMENTS_ZH, ...METRICS_ZH]), 'i');
const INSTRUMENT = new RegExp(alt([...INSTRUMENTS_EN, ...INSTRUMENTS_ZH]), 'i');

/**
 * A pre-test over English and Chinese words. Every English word starts a word wherever a match of
 * the patterns it stands for holds it (they read it after `\b`), so it is looked for at word starts
 * only: "performance" or "background" no longer pass for a remedy's stem. The Chinese words are
 * looked for only in a text with Han characters. Only tested, never asked which word it found: the
 * words are grouped by leading characters (regex-factor.ts), so a position costs a few comparisons,
 * not one per word.
 */
class WordTest {
  readonly en: RegExp;
  readonly zh: RegExp;
  constructor(
    readonly enWords: readonly string[],
    readonly zhWords: readonly string[],
  ) {
    this.en = new RegExp(`\\b(?:${factorAlternatives(enWords, true)})`, 'i');
    this.zh = new RegExp(factorAlternatives(zhWords, true));
  }
  test(src: string): boolean {
    return warm(this.en, src).test(src) || (HAN.test(src) && this.zh.test(src));
  }
  get source(): string {
    return `${this.en.source}|${this.zh.source}`;
  }
  /** The same test as plain alternations, for the test that they agree. */
  plain(): RegExp {
    return new RegExp(`\\b(?:${alt(this.enWords)})|${alt(this.zhWords)}`, 'i');
  }
}
/** A Han character (every Chinese word of the pre-tests holds one). */
const HAN = /[\u3400-\u9fff]/;

const REMEDY_STEMS_EN = [...new Set([...REMEDIES_EN.map(([, stem]) => stem), 'terminat'])];

/**
 * The pre-test: a block can contribute a fact only if it holds a metric, instrument or remedy
 * word. Every match of `COMMIT` or `REMEDY` contains one, so the pre-test never hides a fact.
 */
const PRETEST = new WordTest([...new Set([...METRICS_EN, ...INSTRUMENTS_EN, ...REMEDY_STEMS_EN])], [...new Set([...METRICS_ZH, ...INSTRUMENTS_ZH, ...REMEDIES_ZH])]);

/** Every match of `remedyAt` holds one of these stems at a word start, so a text without any states no remedy. */
const REMEDY_WORDS = new WordTest(REMEDY_STEMS_EN, REMEDIES_ZH);

/**
 * The stems anywhere in a word, for texts whose word starts may differ from those of the text
 * `remedyAt` reads: the scorecard tests a sentence with its emphasis and code marks removed, which
 * can join a word to the word before it.
 */
const REMEDY_STEM_WORDS = [...REMEDY_STEMS_EN, ...REMEDIES_ZH];
const REMEDY_PRETEST = new RegExp(factorAlternatives(REMEDY_STEM_WORDS, true), 'i');

/** Whether `src`, or `src` with marks removed, may state a remedy: false only when `remedyAt` finds none in it. */
export function mayHoldRemedy(src: string): boolean {
  return REMEDY_PRETEST.test(src);
}

const TERMINATION = /\bterminat(?:e|ion)\b/gi;
const FOR_FAILURE = /\b(?:failure|breach|chronic|miss)/i;

/** A termination right tied to a failure within the same sentence (60 characters on): linear, window by window. */
function terminationRemedy(src: string): boolean {
  TERMINATION.lastIndex = 0;
  for (let m = TERMINATION.exec(src); m; m = TERMINATION.exec(src)) {
    const after = src.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const stop = after.indexOf('.');
    if (FOR_FAILURE.test(stop < 0 ? after : after.slice(0, stop))) return true;
  }
  return false;
}

/**
 * Where `src` states a remedy (service credits, fees at risk, a refund, termination for failure),
 * or undefined. Shared with the scorecard, so a remedy means the same to both.
 */
export function remedyAt(src: string, locale: Locale): { start: number; end: number } | undefined {
  const m = warm(REMEDY[locale], src).exec(src);
  if (m) return { start: m.index, end: m.index + m[0].length };
  if (locale !== 'en') return undefined;
  TERMINATION.lastIndex = 0;
  for (let t = TERMINATION.exec(src); t; t = TERMINATION.exec(src)) {
    const after = src.slice(t.index + t[0].length, t.index + t[0].length + 60);
    const stop = after.indexOf('.');
    if (FOR_FAILURE.test(stop < 0 ? after : after.slice(0, stop))) return { start: t.index, end: t.index + t[0].length };
  }
  return undefined;
}

/** The pre-tests as grouped and as plain alternations of their words, for the test that they agree. */
export const PRETEST_FORMS: Array<[grouped: { test(text: string): boolean; readonly source: string }, plain: RegExp]> = [
  [PRETEST, PRETEST.plain()],
  [REMEDY_WORDS, REMEDY_WORDS.plain()],
  [REMEDY_PRETEST, new RegExp(alt(REMEDY_STEM_WORDS), 'i')],
];

/** Each remedy pattern with its stem, for the test that every match holds its stem. */
export const REMEDY_STEMS = REMEDIES_EN;

/** The rule's patterns, for the regular-expression safety checks. */
export const PATTERNS: Record<string, RegExp> = {
  'commit en': COMMIT.en,
  'commit zh': COMMIT.zh,
  'remedy en': REMEDY.en,
  'remedy zh': REMEDY.zh,
  'metric word': METRIC_WORD,
  'pretest en': PRETEST.en,
  'pretest zh': PRETEST.zh,
  'remedy words en': REMEDY_WORDS.en,
  'remedy words zh': REMEDY_WORDS.zh,
  'remedy pretest': REMEDY_PRETEST,
};

export interface RemedyFacts {
  /** Block-local [start, end) of the commitments, with their metric word. */
  commitments: Array<{ start: number; end: number; text: string }>;
  remedy: boolean;
}

/** The short name of what a commitment is about (`availability`), for the message. */
export function commitmentTerm(span: string): string {
  return warm(METRIC_WORD, span).exec(span)?.[0] ?? span.slice(0, 40);
}

const NOT_PROSE = /^(?:[ \t]*(?:```|~~~|<!--)| {4}|\t)/;

/** Per locale, the recognisers that can read a target or a window. */
const FIGURES = new Map<Locale, ReadonlySet<string>>();

/** Whether a text states a target or a window (only the recognisers that can read one run). */
function statesFigure(text: string, locale: Locale): boolean {
  let ids = FIGURES.get(locale);
  if (!ids) FIGURES.set(locale, (ids = new Set(RECOGNISERS[locale].filter((r) => r.parts.includes('target') || r.parts.includes('window')).map((r) => r.id))));
  return measure(text, locale, ids).some((m) => m.parts.includes('target') || m.parts.includes('window'));
}

/**
 * The facts one block contributes, read from its text without parsing it: whether it states a
 * remedy, and where it commits to an outcome (a duty bound to a number or a time, or a named
 * service-level instrument). Offsets are block-local.
 */
export function remedyFacts(src: string, locale: Locale): RemedyFacts | undefined {
  if (!PRETEST.test(src) || NOT_PROSE.test(src)) return undefined;
  // Every remedy holds one of the stems at a word start: the grouped stem test rules most blocks out first.
  const remedy = REMEDY_WORDS.test(src) && (warm(REMEDY[locale], src).test(src) || (locale === 'en' && terminationRemedy(src)));
  const commitments: RemedyFacts['commitments'] = [];
  const re = warm(COMMIT[locale], src);
  re.lastIndex = 0;
  for (let m = re.exec(src); m && commitments.length < 3; m = re.exec(src)) {
    const start = m.index;
    const end = start + m[0].length;
    if (warm(INSTRUMENT, m[0]).test(m[0]) || statesFigure(src.slice(Math.max(0, start - 150), end + 150), locale)) commitments.push({ start, end, text: commitmentTerm(m[0]) });
  }
  return commitments.length || remedy ? { commitments, remedy } : undefined;
}

export default defineDocumentRule<RemedyFacts>({
  meta: {
    id: 'missing-remedy',
    description: 'The document commits to outcomes but never says what happens when they are missed (service credits, fees at risk, termination, refund).',
    defaultSeverity: 'warning',
    fixes: [],
    scope: 'document',
  },
  facts: remedyFacts,
  assemble(ctx) {
    let first: { start: number; end: number; text: string } | undefined;
    const others: Array<{ start: number; end: number; text: string }> = [];
    for (const { facts, base } of ctx.blocks) {
      if (facts.remedy) return [];
      for (const c of facts.commitments) {
        const abs = { start: base + c.start, end: base + c.end, text: c.text };
        if (!first) first = abs;
        else if (others.length < 5) others.push(abs);
      }
    }
    if (!first) return [];
    const finding: DocumentFinding = {
      message: ctx.messages.missingRemedy(first.text),
      start: first.start,
      end: first.end,
      term: first.text,
      related: others.map((o) => ({ start: o.start, end: o.end, message: ctx.messages.anotherCommitment(o.text) })),
    };
    return [finding];
  },
});
