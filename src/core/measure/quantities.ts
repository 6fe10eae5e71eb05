/**
 * Quantities with values: percentages, durations and measurement periods read as numbers, for
 * rules that compare figures with each other (the recognisers in en.ts and zh.ts only say that a
 * target or a window is present). Arabic digits only: numbers written in words or in Chinese
 * numerals (`百分之九十九点九`, `八小时`) are left alone, never guessed.
 *
 * Every pattern starts with a look-behind that refuses to start inside a run of digits, so a
 * search tried at every position reads each run once (linear on long runs of digits).
 */
import type { Locale } from '../types.js';
import { warm } from '../regex-warm.js';

/** A number as written: `99.9`, `99,9` (decimal comma), `1,000` (thousands). */
export interface ReadNumber {
  value: number;
  /** Digits after the decimal separator (0 for integers and thousands). */
  decimals: number;
  /** Written with thousands separators, or with a comma that could be either (`99,999`). */
  ambiguous: boolean;
}

/** Reads digits with `.` or `,` separators; undefined when the shape is not one this module reads. */
export function readNumber(s: string): ReadNumber | undefined {
  if (!/^\d+(?:[.,]\d+)*$/.test(s)) return undefined;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots + commas === 0) return { value: Number(s), decimals: 0, ambiguous: false };
  if (commas === 0 && dots === 1) return { value: Number(s), decimals: s.length - s.indexOf('.') - 1, ambiguous: false };
  if (dots === 0 && commas === 1) {
    const frac = s.slice(s.indexOf(',') + 1);
    // `1,000` is a thousand but `99,999` could be 99999 or 99.999: ambiguous. `99,9` is a decimal comma.
    if (frac.length === 3) return { value: Number(s.replace(',', '')), decimals: 0, ambiguous: true };
    return { value: Number(s.replace(',', '.')), decimals: frac.length, ambiguous: false };
  }
  // Thousands groups, with at most one decimal point after them (`1,000,000.5`).
  if (dots <= 1 && /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) {
    const dot = s.indexOf('.');
    return { value: Number(s.replace(/,/g, '')), decimals: dot < 0 ? 0 : s.length - dot - 1, ambiguous: true };
  }
  return undefined;
}

const DIGITS = String.raw`(?<![\d.,])(\d{1,12}(?:[.,]\d{1,12}){0,4})`;

/** A percentage written with digits. Group 1: the number. */
export const PERCENT: Record<Locale, RegExp> = {
  en: new RegExp(String.raw`${DIGITS}[ \u00a0]?(?:%|％|percent\b|per cent\b)`, 'gi'),
  zh: new RegExp(String.raw`${DIGITS}[ \u00a0]?(?:%|％)`, 'g'),
};

export interface Percent extends ReadNumber {
  start: number;
  end: number;
  text: string;
}

/** Every percentage in `text` (offsets in `text`). */
export function percentages(text: string, locale: Locale): Percent[] {
  const out: Percent[] = [];
  const re = PERCENT[locale];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = readNumber(m[1]!);
    if (n) out.push({ ...n, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Durations

/** How a duration is counted: on the calendar clock, or in business (working) time. */
export type Clock = 'calendar' | 'business';

export interface Duration {
  start: number;
  end: number;
  text: string;
  clock: Clock;
  /**
   * The least and the most it can mean, in minutes of its clock. Calendar units are exact; a
   * business day is between 8 and 24 business hours.
   */
  lo: number;
  hi: number;
  /** The minutes one written unit stands for (for rounding: `8 hours` is precise to half an hour). */
  unitMinutes: number;
  value: number;
  decimals: number;
}

const UNIT_MINUTES: Record<string, number> = {
  ms: 1 / 60_000, s: 1 / 60, min: 1, h: 60, d: 1440, w: 10_080, mo: 43_200,
};

/** The canonical unit of a written unit word (EN or ZH), or undefined. */
function unitOf(word: string): keyof typeof UNIT_MINUTES | undefined {
  const w = word.toLowerCase();
  if (/^(?:millisecond|ms|毫秒)/.test(w)) return 'ms';
  if (/^(?:sec|秒)/.test(w)) return 's';
  if (/^(?:min|分钟)/.test(w)) return 'min';
  if (/^(?:h|个?小时)/.test(w)) return 'h';
  if (/^(?:day|天|日|个?工作日|个?自然日)/.test(w)) return 'd';
  if (/^(?:week|wk|周|星期)/.test(w)) return 'w';
  if (/^(?:month|个月)/.test(w)) return 'mo';
  return undefined;
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, sixty: 60, ninety: 90,
};

const EN_UNIT = String.raw`(?<unit>milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?)\b`;
const EN_NUMBER = String.raw`(?:(?<![\d.,])(?<num>\d{1,12}(?:[.,]\d{1,12}){0,4})|\b(?<word>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|sixty|ninety)(?:\s\((?<br>\d{1,4})\))?\s)`;

/** A duration. Named groups: `num` digits, `word` a number word, `br` the digits after a word (`four (4) hours`), `clock`, `unit`. */
export const DURATION: Record<Locale, RegExp> = {
  en: new RegExp(String.raw`${EN_NUMBER}[ \u00a0]?-?[ \u00a0]?(?:(?<clock>business|working|calendar|clock)[ -])?${EN_UNIT}`, 'gi'),
  zh: new RegExp(String.raw`(?<![\d.,])(?<num>\d{1,12}(?:[.,]\d{1,12}){0,4})[ \u00a0]?(?<clock>个?工作|个?自然)?(?<unit>毫秒|秒钟?|分钟|个?小时|日|天|周|个月)`, 'g'),
};

/** Every duration in `text`, a compound one (`8 hours 45 minutes`) as one. */
export function durations(text: string, locale: Locale): Duration[] {
  const out: Duration[] = [];
  const re = warm(DURATION[locale], text);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups ?? {};
    const word = g.word?.toLowerCase();
    const n = g.num !== undefined ? readNumber(g.num) : g.br !== undefined ? readNumber(g.br) : word ? { value: WORD_NUMBERS[word]!, decimals: 0, ambiguous: false } : undefined;
    const clockWord = g.clock ?? '';
    const unitWord = g.unit ?? '';
    const end = m.index + m[0].length;
    // `日` alone is a date (`5月30日`) unless a clock word or `内` makes it a span.
    if (unitWord === '日' && !clockWord && !/^(?:内|以内|之内)/.test(text.slice(end, end + 2))) continue;
    // `a h`, `an ms`: an article is a number only before a whole unit word.
    if ((word === 'a' || word === 'an') && !/^(?:hour|day|week|month|minute)/i.test(unitWord)) continue;
    const unit = unitOf(unitWord);
    if (!n || n.ambiguous || !unit) continue;
    const business = /^(?:business|working|个?工作)/i.test(clockWord) && (unit === 'h' || unit === 'd');
    const minutes = n.value * UNIT_MINUTES[unit]!;
    const d: Duration = {
      start: m.index,
      end,
      text: m[0],
      clock: business ? 'business' : 'calendar',
      lo: business && unit === 'd' ? n.value * 480 : minutes,
      hi: business && unit === 'd' ? n.value * 1440 : minutes,
      unitMinutes: UNIT_MINUTES[unit]!,
      value: n.value,
      decimals: n.decimals,
    };
    const prev = out[out.length - 1];
    // `8 hours 45 minutes`, `8 hours and 45 minutes`, `8小时45分钟`: one duration.
    if (prev && prev.clock === 'calendar' && d.clock === 'calendar' && d.unitMinutes < prev.unitMinutes && /^(?:,? (?:and )?| ?)$/.test(text.slice(prev.end, d.start))) {
      const lo = prev.lo + d.lo;
      out[out.length - 1] = { ...prev, end: d.end, text: text.slice(prev.start, d.end), lo, hi: lo, unitMinutes: d.unitMinutes, value: lo / d.unitMinutes, decimals: d.decimals };
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Whether duration `a` is certainly longer than `b` whatever the clocks (see `Duration`). */
export function certainlyLonger(a: Duration, b: Duration): boolean {
  // A business duration lasts at least its business minutes on the calendar; a calendar duration
  // may hold any number of business minutes (nights and weekends), so it is never certainly longer
  // than a business one.
  if (a.clock === b.clock || a.clock === 'business') return a.lo > b.hi + 1e-9;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Periods

export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The length of a period in days: the length a message names, and the shortest and longest. */
export const PERIOD_DAYS: Record<Period, { nominal: number; min: number; max: number }> = {
  day: { nominal: 1, min: 1, max: 1 },
  week: { nominal: 7, min: 7, max: 7 },
  month: { nominal: 30, min: 28, max: 31 },
  quarter: { nominal: 91, min: 90, max: 92 },
  year: { nominal: 365, min: 365, max: 366 },
};

/** A measurement period. Group 1 or 2 (EN) names it. */
export const PERIOD: Record<Locale, RegExp> = {
  en: /\b(?:per|each|every|an?|any|in an?|in any|in each|during an?|during any|during each|over an?|over any|for any|for each|for an?)\s(?:given\s)?(?:calendar[\s-])?(day|week|month|quarter|year)\b|\b(daily|weekly|monthly|quarterly|annual|annually|yearly|per annum)\b|\/\s?(mo|month|qtr|quarter|yr|year|wk|week|day)\b/gi,
  zh: /每(?:个)?(?:自然)?(月|季度|年|周|天|日)|(月度|季度|年度|全年|当月|月均)/g,
};

export interface PeriodMention {
  start: number;
  end: number;
  period: Period;
}

function periodOf(word: string): Period | undefined {
  const w = word.toLowerCase();
  if (/^(?:dail|day|天|日)/.test(w)) return 'day';
  if (/^(?:week|wk|周)/.test(w)) return 'week';
  if (/^(?:month|mo|月|当月)/.test(w)) return 'month';
  if (/^(?:quarter|qtr|季度)/.test(w)) return 'quarter';
  if (/^(?:year|yr|annu|per annum|年|全年)/.test(w)) return 'year';
  return undefined;
}

/** Every period named in `text`. */
export function periods(text: string, locale: Locale): PeriodMention[] {
  const out: PeriodMention[] = [];
  const re = warm(PERIOD[locale], text);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const p = periodOf(m[1] ?? m[2] ?? m[3] ?? '');
    if (p) out.push({ start: m.index, end: m.index + m[0].length, period: p });
  }
  return out;
}

/** The patterns of this module, for the regular-expression safety checks. */
export const QUANTITY_PATTERNS: Record<string, RegExp> = {
  'percent en': PERCENT.en,
  'percent zh': PERCENT.zh,
  'duration en': DURATION.en,
  'duration zh': DURATION.zh,
  'period en': PERIOD.en,
  'period zh': PERIOD.zh,
};
