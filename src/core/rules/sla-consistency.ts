/**
 * Document level: figures in a service-level schedule that contradict each other. Each block
 * contributes what it states (availability targets, downtime allowances, service-credit tiers,
 * credit caps, priority ladders, shares above 100%), read from its raw text after a cheap
 * pre-test; `assemble` compares them and puts the computed figure in the message.
 *
 * The words live here once, as data per locale; numbers, durations and periods are read by
 * measure/quantities.ts. Every comparison errs towards silence: a figure the rule cannot read,
 * a pair it cannot tell apart, units it cannot compare produce no finding.
 */
import {
  certainlyLonger,
  durations,
  percentages,
  periods,
  PERIOD_DAYS,
  type Duration,
  type Percent,
  type Period,
  type PeriodMention,
} from '../measure/quantities.js';
import type { Messages } from '../messages.js';
import type { Locale } from '../types.js';
import { defineDocumentRule, type DocumentFinding } from './define.js';
import { lineSpans, type LineSpan } from '../lines.js';
import { warm } from '../regex-warm.js';
import { factorAlternatives } from '../regex-factor.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary (data)

/** The kinds of words that say what a figure is. */
type Kind = 'avail' | 'down' | 'credit' | 'rate' | 'growth' | 'window' | 'planned' | 'incident' | 'conditional';

const WORDS: Record<Locale, Record<Kind, string>> = {
  en: {
    avail: String.raw`\b(?:availability|available|uptime|up-time|up time)\b`,
    down: String.raw`\b(?:downtime|down-time|down time|unavailability|unavailable|outages?|service interruptions?|interruptions?)\b`,
    credit: String.raw`\b(?:service credits?|credits?|rebates?|refunds?|fee reductions?|of the (?:monthly |annual )?(?:fees?|charges))\b`,
    rate: String.raw`\b(?:(?:resolution|success|completion|compliance|accuracy|answer|response|pass|detection|delivery|on-time|fix) rates?|accuracy|first[- ](?:call|contact|time) (?:resolution|fix)|of (?:all )?(?:tickets|incidents|requests|calls|cases|defects|transactions|orders))\b`,
    growth: String.raw`\b(?:increas\w*|grow\w*|rise|rises|rising|rose|improv\w*|boost\w*|uplift|gains?|return|roi|markup|mark-up|higher|faster|more|times|multipl\w*|of (?:the )?(?:baseline|target|plan|quota|budget|goal|forecast))\b`,
    window: String.raw`\b(?:business hours|support hours|service hours|hours of operation|core hours|operating hours|office hours|working hours|prime time)\b`,
    planned: String.raw`\b(?:scheduled|planned|maintenance|excluded|excluding|excludes|exclusive of)\b`,
    incident: String.raw`\b(?:per (?:incident|outage|event|occurrence)|any (?:single|one)|each (?:incident|outage|event|occurrence)|single (?:incident|outage|event)|consecutive|continuous|at a time|in a row)\b`,
    conditional: String.raw`\b(?:if|when|whenever|where|unless|in the event)\b`,
  },
  zh: {
    avail: '可用性|可用率|在线率|服务可用|正常运行时间',
    down: '停机|宕机|中断|不可用时间|不可用时长|故障时间|故障时长',
    credit: '赔偿|赔付|返还|抵扣|代金券|补偿',
    rate: '解决率|成功率|准确率|完成率|达标率|合格率|及时率|响应率|满意度',
    growth: '增长|提升|提高|增加|上涨|同比|环比|增幅|涨幅|倍',
    window: '工作时间|服务时间|营业时间|工作日',
    planned: '(?<!非)计划|维护|不计入|除外|不包括|不含',
    incident: '单次|每次|连续',
    conditional: '如果|若|一旦|如遇|如发生',
  },
};

const KINDS = Object.keys(WORDS.en) as Kind[];

/** One pattern per kind and locale (small patterns: each is analysed and matched on its own). */
const KIND_RE: Record<Locale, Array<[Kind, RegExp]>> = {
  en: KINDS.map((k) => [k, new RegExp(WORDS.en[k], 'gi')]),
  zh: KINDS.map((k) => [k, new RegExp(WORDS.zh[k], 'g')]),
};

/** Credits on another base than the month's fee (tested alone: other words may hold these, `of the annual fees`). */
const ANNUAL_RE: Record<Locale, RegExp> = {
  en: /\b(?:annual|annually|yearly|(?:per|each|in any|in a) (?:calendar |contract )?year|contract value|total fees|total contract)\b/i,
  zh: /年度|全年|每年|年服务费|合同总/,
};

/** What a service-level time is about: compared only with times of the same column or kind. */
type Aspect = 'response' | 'restore' | 'resolution' | 'update' | 'target';

const ASPECT_RE: Record<Locale, RegExp> = {
  en: /\b(?:(?<response>respon\w*|acknowledg\w*|initial contact|reaction)|(?<restore>restor\w*|workarounds?|recover\w*|mitigat\w*)|(?<resolution>resol\w*|fix|fixes|fixed|repair\w*)|(?<update>updates?|status reports?))\b/gi,
  zh: /(?<response>响应|到场|反应)|(?<restore>恢复|临时解决|规避)|(?<resolution>解决|修复|处理完成)|(?<update>通报|更新)/g,
};

/** A header that names a time column without saying which aspect (`Target`, `SLA`, `时限`). */
const TIME_HEADER = /\b(?:time|target|sla|deadline)\b|时限|时间|时效/i;

/** Words before a duration that make it an allowance (`no more than 8 hours`), anchored at the end of the text before it. */
const ALLOWANCE_BEFORE: Record<Locale, RegExp> = {
  en: /(?:\b(?:no|not) more than|\bnot (?:to )?exceed|\b(?:shall|will|must|may|should|does|do|to) not exceed|\bmaximum|\bmaximum of|\bmax\.?|\bat most|\bup to|\b(?:less|fewer) than|\blimited to|\ballow(?:s|ing|ed)?|\bpermit(?:s|ted)?|\bequat(?:es|ing) to|\bequals?|\bequivalent to|\bcorrespond(?:s|ing)? to|\btranslat(?:es|ing) to|\bmeans|\bi\.e\.,?|\bor|\b(?:downtime|outages?|unavailability|interruptions?) (?:of|is|totall?ing)|[(:=≈~≤<—–])[ \u00a0]?(?:(?:a|an) (?:total|aggregate|cumulative|maximum) of |a total |of )?(?:approximately |approx\. ?|about |roughly |around |~ ?)?$/i,
  zh: /(?:不超过|不得超过|不多于|不高于|不大于|最多|最长|少于|低于|小于|为|即|约|[（(：:≤<=])[ \u00a0]?(?:累计)?(?:约)?$/,
};

/** Words before a service-level time that make it the target (`within 4 hours`, `P1: 15 minutes`). */
const TARGET_BEFORE: Record<Locale, RegExp> = {
  en: /(?:\bwithin|\bin|\bunder|\bno later than|\bnot later than|\b(?:no|not) more than|\bnot (?:to )?exceed|\bmaximum|\bmaximum of|\bmax\.?|\bat most|\bup to|\bless than|[:=≤<—–-]|\bof|\btarget(?: of)?|\bis|\bbe|\bto)[ \u00a0]?$/i,
  zh: /(?:不超过|不得超过|不多于|最多|最长|少于|小于|为|[:：≤<])[ \u00a0]?$/,
};
/** Words after a duration that make it an allowance or a target (`8小时以内`). */
const WITHIN_AFTER = /^[ \u00a0]?(?:以内|之内|内)/;

/** Words before a credit percentage that make it a cap (`credits shall not exceed 25%`). */
const CAP_BEFORE: Record<Locale, RegExp> = {
  en: /\b(?:(?:shall|will|may|must|to) not exceed|not to exceed|in no event exceed|no more than|not more than|capped at|cap of|cap (?:is|shall be)|maximum of|maximum (?:aggregate |total )?(?:service )?credits? (?:is|shall be|of)|up to a maximum of|limited to|at most)\b/gi,
  zh: /不超过|不得超过|最高不超过|最高为|最多|上限为?|封顶/g,
};

/** Direction words of a single availability bound in a tier (`≥ 99.9%`, `below 99%`). */
const AT_LEAST = /≥|>=|>|\bat least\b|\bno less than\b|\bnot less than\b|\bminimum\b|\bor (?:more|higher|above|greater)\b|\band (?:above|higher|over)\b|\babove\b|\bover\b|\bequal to or (?:greater|higher|more) than\b|\bgreater than or equal\b|不低于|不少于|以上|高于|大于|不小于/i;
const AT_MOST = /≤|<=|<|\bbelow\b|\bless than\b|\bunder\b|\blower than\b|\bat most\b|\bor (?:less|lower|below)\b|低于|小于|不足|以下|不高于|未达到/i;
/** A credit cell that means no credit. */
const NO_CREDIT = /^(?:0|none|no credits?|nil|n\/a|-|—|–|无|不赔偿)?$/i;
/** A merged cell (`:::`), or one that repeats the cell above. */
const SAME_AS_ABOVE = /^(?::::|〃|"|same as above|ditto|同上|\^)?$/i;

/** Priority labels: numeric (`P1`, `Priority 1`, `Sev-1`, `一级`) anywhere, words only where a label starts. */
const NUMERIC_LABEL = /\b(?:p|priority[ -]?|sev(?:erity)?[ -]?(?:level[ -]?)?)([0-5])\b|([一二三四五])级/gi;
const WORD_LABEL = /^(?:(critical|urgent|emergency|high|major|medium|moderate|normal|low|minor)(?: (?:priority|severity|impact|incidents?|issues?|tickets?|defects?|requests?|cases?)\b|[ \u00a0]?(?=[:(|–—-]|$))|(紧急|高|中|低)(?:优先级|级)?(?=[:：(（ |]|$))/i;
/** Ranks on one scale: 1 is the most severe (`P1`, `Critical`, `紧急`, `一级`). */
const WORD_RANK: Record<string, number> = {
  critical: 1, urgent: 1, emergency: 1, high: 2, major: 2, medium: 3, moderate: 3, normal: 3, low: 4, minor: 4,
  紧急: 1, 高: 2, 中: 3, 低: 4,
};
const ZH_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/**
 * The pre-test: a block can hold a fact only if it has a percentage or a priority word. Every
 * fact needs a percentage (availability, tiers, caps, shares) or a priority label (ladders).
 */
const PRETEST_WORDS = /[%％]|percent|credit|赔偿|赔付|返还|补偿|priority|severity|\bsev|\bp[0-5]\b|critical|urgent|emergency|\bhigh\b|\bmajor\b|\bmedium\b|\bmoderate\b|\bnormal\b|\blow\b|\bminor\b|[Pp][0-5]|[一二三四五]级|紧急|[高中低]/i;
/** `PRETEST_WORDS` grouped by leading characters (regex-factor.ts): only tested, it says whether a block holds one, not which. */
const PRETEST = new RegExp(factorAlternatives([PRETEST_WORDS.source], true), 'i');
/** The pre-test as grouped and as written, for the test that they agree. */
export const PRETEST_FORMS: Array<[grouped: RegExp, plain: RegExp]> = [[PRETEST, PRETEST_WORDS]];
/** Ladders need a time as well. */
const HAS_TIME = /\d[ \u00a0]?-?[ \u00a0]?(?:(?:business|working|calendar)[ -])?(?:ms|s|sec|min|h|hr|hour|day|week|wk|month)|\d[ \u00a0]?(?:个?工作|个?自然)?(?:毫秒|秒|分钟|个?小时|日|天|周|个月)|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|sixty|ninety) (?:\(\d{1,4}\) )?(?:(?:business|working|calendar)[ -])?(?:min|hour|day|week|month)/i;

const NOT_PROSE = /^(?:[ \t]*(?:```|~~~|<!--)| {4}|\t)/;

/**
 * Without a time (`HAS_TIME`), what every other fact needs, loosely (no word boundaries, both
 * scripts): a percentage (availability, shares, caps and tiers are percentages), a `down` word
 * (a downtime allowance read without a percentage) or a `credit` word (a block that speaks of
 * credits). A block with neither a time nor any of these states no fact.
 */
const FIGURE_HINT = /\d[ \u00a0]?(?:%|％|percent|per cent)|down|unavailab|outage|interruption|停机|宕机|中断|不可用时|故障时|credit|rebate|refund|fee|charge|赔偿|赔付|返还|抵扣|代金券|补偿/i;

/** Percentages in either script: the English pattern also reads `％`, and the Chinese one is a subset of it. */
const percentsIn = (text: string): Percent[] => percentages(text, 'en');

/** Durations in either script (`4 hours` in a Chinese table, `4小时` in an English one), in order, without overlaps. */
function timesIn(text: string): Duration[] {
  const all = [...durations(text, 'en'), ...durations(text, 'zh')].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Duration[] = [];
  for (const d of all) if (!out.length || d.start >= out[out.length - 1]!.end) out.push(d);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Facts

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface AvailFact extends Span {
  value: number;
  period?: Period;
  /** Availability counted over business or support hours only (no calendar period applies). */
  windowed: boolean;
  /** -1 in prose; else the table row it is in (a pair is read within one row). */
  row: number;
}

export interface DowntimeFact extends Span {
  minutes: number;
  /** The minutes one unit of the last written digit stands for (`8 hours` → 60, `8.5 hours` → 6). */
  precision: number;
  period?: Period;
  row: number;
}

export interface ShareFact extends Span {
  what: 'availability' | 'rate' | 'credit';
}

export interface Tier {
  range: Span;
  /** Explicit bounds (one-sided tiers have one: `≥ 99.9%`, `< 99%`). */
  lo?: number;
  hi?: number;
  /** Decimals written for each bound (for the gap tolerance). */
  loDecimals: number;
  hiDecimals: number;
  credit?: Span & { value: number };
}

export interface TierSet {
  tiers: Tier[];
  /** Every row was read: a gap between two read rows is a gap in the table. */
  complete: boolean;
  /** The credits are shares of something other than the monthly fee (annual fees, contract value). */
  otherBase: boolean;
}

export interface CapFact extends Span {
  value: number;
}

export interface Rung extends Span {
  rank: number;
  label: string;
  duration: Duration;
}

export interface Ladder {
  aspect: Aspect;
  rungs: Rung[];
}

/** A priority's time read from prose: ladders are assembled over consecutive blocks (list items are blocks of their own). */
export interface ProseRung extends Rung {
  aspect: Aspect;
  family: Label['family'];
}

export interface SlaFacts {
  avail: AvailFact[];
  downtime: DowntimeFact[];
  shares: ShareFact[];
  /** Tiers of tables (complete within the block). */
  tierSets: TierSet[];
  /** Tiers written as list items; `tierMiss` when a list item with a percentage could not be read as one. */
  tierLines: Tier[];
  tierMiss: boolean;
  /** The block speaks of credits (an introduction to a list of tiers). */
  credit: boolean;
  caps: CapFact[];
  /** Ladders of tables (complete within the block). */
  ladders: Ladder[];
  rungs: ProseRung[];
}

interface KindToken {
  kind: Kind;
  start: number;
  end: number;
}

/** A stretch of text read as one: a sentence of prose, or one table cell with its column header. */
interface Piece {
  start: number;
  end: number;
  /** The kinds the column header names (they apply to the whole cell). */
  header: Set<Kind>;
  headerPeriod?: Period;
  row: number;
  inTable: boolean;
}

function kindTokens(src: string, start: number, end: number, locale: Locale): KindToken[] {
  const out: KindToken[] = [];
  const text = src.slice(start, end);
  for (const [kind, pattern] of KIND_RE[locale]) {
    const re = warm(pattern, text);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ kind, start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function shift<T extends { start: number; end: number }>(xs: T[], by: number): T[] {
  for (const x of xs) {
    x.start += by;
    x.end += by;
  }
  return xs;
}

const gap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));

function nearest<T extends { start: number; end: number }>(xs: readonly T[], to: { start: number; end: number }, within: number): T | undefined {
  let best: T | undefined;
  let d = Infinity;
  for (const x of xs) {
    const g = gap(x, to);
    if (g <= within && g < d) {
      best = x;
      d = g;
    }
  }
  return best;
}

/** Whether a text has a `credit` word (what `kindTokens` would find of that kind, without the other kinds). */
function mentionsCredit(text: string, locale: Locale): boolean {
  const re = KIND_RE[locale].find(([k]) => k === 'credit')![1];
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** Reads the availability targets, downtime allowances, caps and over-100% shares of one piece. */
/** The `down` words alone: a piece without a percentage states a fact only with one of them. */
const DOWN_RE: Record<Locale, RegExp> = { en: new RegExp(WORDS.en.down, 'i'), zh: new RegExp(WORDS.zh.down) };

function readPiece(src: string, piece: Piece, locale: Locale, facts: SlaFacts): void {
  const text = src.slice(piece.start, piece.end);
  const pcts = shift(percentsIn(text), piece.start);
  // Shares, availability targets and caps are percentages; without one, only a downtime
  // allowance can be read, and that needs a `down` word in the piece or its column header.
  if (pcts.length === 0 && !piece.header.has('down') && !warm(DOWN_RE[locale], text).test(text)) return;
  const kinds = kindTokens(src, piece.start, piece.end, locale);
  const has = (k: Kind): boolean => piece.header.has(k) || kinds.some((t) => t.kind === k);
  const per = shift(periods(text, locale), piece.start);
  const periodNear = (span: { start: number; end: number }, within: number): Period | undefined => piece.headerPeriod ?? nearest<PeriodMention>(per, span, within)?.period;

  // Each word says what the percentage nearest to it is (a column header says it of every one).
  const classes = new Map<Percent, Set<Kind>>();
  for (const p of pcts) classes.set(p, new Set(piece.header));
  for (const t of kinds) {
    const p = nearest(pcts, t, 50);
    if (p) classes.get(p)!.add(t.kind);
  }
  const growthNear = (p: Percent): boolean => kinds.some((t) => t.kind === 'growth' && gap(t, p) <= 40);
  for (const p of pcts) {
    const c = classes.get(p)!;
    const what = c.has('avail') ? 'availability' : c.has('rate') ? 'rate' : c.has('credit') ? 'credit' : undefined;
    if (what && p.value > 100 && !p.ambiguous && !growthNear(p)) facts.shares.push({ start: p.start, end: p.end, text: p.text, what });
    if (c.has('avail') && !c.has('credit') && p.value >= 50 && p.value <= 100 && !(piece.inTable && pcts.length > 1)) {
      const period = periodNear(p, 80);
      facts.avail.push({ start: p.start, end: p.end, text: p.text, value: p.value, ...(period ? { period } : {}), windowed: has('window'), row: piece.row });
    }
  }

  if (has('down') && !has('planned') && !has('incident') && !has('conditional')) {
    const downs = kinds.filter((t) => t.kind === 'down');
    for (const d of shift(timesIn(text), piece.start)) {
      if (d.clock !== 'calendar') continue;
      if (!piece.header.has('down') && !nearest(downs, d, 60)) continue;
      const before = src.slice(Math.max(piece.start, d.start - 40), d.start);
      const cellStart = piece.inTable && before.trim() === '';
      if (!cellStart && !ALLOWANCE_BEFORE[locale].test(before) && !(locale === 'zh' && WITHIN_AFTER.test(src.slice(d.end, d.end + 3)))) continue;
      const period = periodNear(d, 50);
      facts.downtime.push({ start: d.start, end: d.end, text: d.text, minutes: d.lo, precision: d.unitMinutes * 10 ** -d.decimals, ...(period ? { period } : {}), row: piece.row });
    }
  }

  if (!piece.inTable && has('credit')) {
    const re = CAP_BEFORE[locale];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = piece.start + m.index + m[0].length;
      const p = pcts.find((x) => x.start >= at && x.start - at <= (locale === 'zh' ? 40 : 30));
      if (p && !ANNUAL_RE[locale].test(text) && p.value <= 100) facts.caps.push({ start: p.start, end: p.end, text: p.text, value: p.value });
    }
  }
}

/** Sentence ends (not the dots of `99.9%`, `e.g.` or `i.e.`) and starts of list items or headings. */
const SENTENCE_END = /(?<![A-Za-z]\.[A-Za-z])[.!?;](?=\s)|[。！？；]|[\r\n](?=[ \t]*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|#|>))/g;

function sentences(src: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const text = src.slice(start, end);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    out.push([start + from, start + m.index + m[0].length]);
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push([start + from, end]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Cell {
  start: number;
  end: number;
  text: string;
}

interface Table {
  header: Cell[];
  rows: Cell[][];
}

/** One cell of a delimiter row (`---`, `:--`, `:-:`). */
const DELIMITER_CELL = /^:?-+:?$/;
const LINE_PREFIX = /^[ \t]*(?:>[ \t]?){0,8}/;

/** The cells of a table line, split at pipes that are not escaped; offsets in the block. */
const SPACE = /\s/;

function cells(src: string, lineStart: number, lineEnd: number): Cell[] {
  const prefix = LINE_PREFIX.exec(src.slice(lineStart, lineEnd))![0].length;
  let s = lineStart + prefix;
  let e = lineEnd;
  while (e > s && (src[e - 1] === ' ' || src[e - 1] === '\t')) e--;
  if (src[s] === '|') s++;
  if (e > s && src[e - 1] === '|' && src[e - 2] !== '\\') e--;
  const out: Cell[] = [];
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i === e || (src[i] === '|' && src[i - 1] !== '\\')) {
      let a = from;
      let b = i;
      while (a < b && SPACE.test(src[a]!)) a++;
      while (b > a && SPACE.test(src[b - 1]!)) b--;
      out.push({ start: a, end: b, text: src.slice(a, b) });
      from = i + 1;
    }
  }
  return out;
}

type Line = LineSpan;


/** Splits a block into tables and runs of prose lines. */
function layout(src: string, lines: readonly Line[]): { tables: Table[]; prose: Array<[number, number]> } {
  const tables: Table[] = [];
  const prose: Array<[number, number]> = [];
  let runStart = -1;
  const flush = (end: number): void => {
    if (runStart >= 0) prose.push([lines[runStart]!.start, lines[end - 1]!.end]);
    runStart = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    if (next && src.slice(l.start, l.end).includes('|') && isDelimiterRow(src.slice(next.start, next.end))) {
      flush(i);
      const table: Table = { header: cells(src, l.start, l.end), rows: [] };
      let j = i + 2;
      for (; j < lines.length && src.slice(lines[j]!.start, lines[j]!.end).includes('|'); j++) table.rows.push(cells(src, lines[j]!.start, lines[j]!.end));
      tables.push(table);
      i = j - 1;
      continue;
    }
    if (runStart < 0) runStart = i;
  }
  flush(lines.length);
  return { tables, prose };
}

/** A table's delimiter row (`|---|:-:|`), read cell by cell (a single pattern over the row backtracks on long runs of blanks). */
function isDelimiterRow(line: string): boolean {
  let l = line.replace(LINE_PREFIX, '').trim();
  if (l.startsWith('|')) l = l.slice(1);
  if (l.endsWith('|')) l = l.slice(0, -1);
  const parts = l.split('|');
  return l.includes('-') && parts.every((c) => DELIMITER_CELL.test(c.trim()));
}

function headerKinds(src: string, cell: Cell | undefined, locale: Locale): Set<Kind> {
  return new Set(cell ? kindTokens(src, cell.start, cell.end, locale).map((t) => t.kind) : []);
}

/** The bounds of an availability range written in a tier cell, or undefined when it cannot be read. */
function tierRange(cell: Cell): Omit<Tier, 'credit'> | undefined {
  const ps = shift(percentsIn(cell.text), cell.start);
  if (ps.length === 2) {
    const [a, b] = ps[0]!.value <= ps[1]!.value ? [ps[0]!, ps[1]!] : [ps[1]!, ps[0]!];
    if (a.ambiguous || b.ambiguous || b.value > 100 || a.value === b.value) return undefined;
    return { range: cell, lo: a.value, hi: b.value, loDecimals: a.decimals, hiDecimals: b.decimals };
  }
  if (ps.length !== 1 || ps[0]!.ambiguous || ps[0]!.value > 100) return undefined;
  const p = ps[0]!;
  // `no less than` holds `less than`: the lower bounds are tried first.
  if (warm(AT_LEAST, cell.text).test(cell.text)) return { range: cell, lo: p.value, loDecimals: p.decimals, hiDecimals: 0 };
  if (warm(AT_MOST, cell.text).test(cell.text)) return { range: cell, hi: p.value, loDecimals: 0, hiDecimals: p.decimals };
  return undefined;
}

function tierCredit(cell: Cell | undefined): Tier['credit'] {
  if (!cell) return undefined;
  const ps = percentsIn(cell.text);
  if (ps.length === 1 && !ps[0]!.ambiguous) return { start: cell.start + ps[0]!.start, end: cell.start + ps[0]!.end, text: ps[0]!.text, value: ps[0]!.value };
  if (ps.length === 0 && cell.text.trim() !== '' && NO_CREDIT.test(cell.text.trim())) return { start: cell.start, end: cell.end, text: cell.text, value: 0 };
  return undefined;
}

/** A table with an availability column and a credit column: its tiers, one set per group of rows. */
function readTierTable(src: string, table: Table, locale: Locale): TierSet[] {
  const kinds = table.header.map((c) => headerKinds(src, c, locale));
  const creditCol = kinds.findIndex((k) => k.has('credit'));
  const availCol = kinds.findIndex((k, i) => k.has('avail') && i !== creditCol);
  if (creditCol < 0 || availCol < 0) return [];
  const otherBase = table.header.some((c) => warm(ANNUAL_RE[locale], c.text).test(c.text));
  const lead = Math.min(availCol, creditCol);
  const sets = new Map<string, TierSet>();
  let key = '';
  for (const row of table.rows) {
    const own = row.slice(0, lead).map((c) => c.text.trim());
    // A leading cell left empty or merged (`:::`) belongs to the group above.
    if (own.some((t) => !SAME_AS_ABOVE.test(t))) key = own.join('|');
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { tiers: [], complete: true, otherBase }));
    const range = row[availCol] ? tierRange(row[availCol]) : undefined;
    if (!range) {
      set.complete = false;
      continue;
    }
    const credit = tierCredit(row[creditCol]);
    if (credit && row[creditCol] && ANNUAL_RE[locale].test(row[creditCol].text)) set.otherBase = true;
    set.tiers.push({ ...range, ...(credit ? { credit } : {}) });
  }
  return [...sets.values()].filter((s) => s.tiers.length >= 2);
}

const LIST_ITEM = /^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const TIER_SEPARATOR = /[:：→]|=>/;

/** Tiers written as list items (`- 99.0% to 99.9%: 10% of the monthly fee`); list items with a percentage that cannot be read as one set `tierMiss`. */
function readTierLines(src: string, lines: readonly Line[], start: number, end: number, locale: Locale, facts: SlaFacts): void {
  for (const l of lines) {
    if (l.start < start || l.end > end) continue;
    const text = src.slice(l.start, l.end);
    const marker = LIST_ITEM.exec(text);
    if (!marker || !percentsIn(text).length) continue;
    const body = l.start + marker[0].length;
    const sep = TIER_SEPARATOR.exec(src.slice(body, l.end));
    const left: Cell | undefined = sep ? { start: body, end: body + sep.index, text: src.slice(body, body + sep.index) } : undefined;
    const range = left ? tierRange(left) : undefined;
    const rightStart = left ? left.end + sep![0].length : l.end;
    const credit = percentsIn(src.slice(rightStart, l.end));
    if (!range || credit.length !== 1 || credit[0]!.ambiguous) {
      facts.tierMiss = true;
      continue;
    }
    const c = credit[0]!;
    facts.tierLines.push({ ...range, credit: { start: rightStart + c.start, end: rightStart + c.end, text: c.text, value: c.value } });
  }
}

// ---------------------------------------------------------------------------------------------
// Priority ladders

interface Label {
  rank: number;
  family: 'numeric' | 'word';
  start: number;
  end: number;
  text: string;
}

/** The label a cell or a list item starts with (or, for numeric labels, holds). */
function labelAt(src: string, start: number, end: number, anywhere: boolean): Label[] {
  const text = src.slice(start, end);
  const out: Label[] = [];
  const trimmed = text.replace(/^[ \t]+/, '');
  const word = warm(WORD_LABEL, trimmed).exec(trimmed);
  if (word) {
    const lead = text.length - trimmed.length;
    const w = word[1] ?? word[2]!;
    const rank = WORD_RANK[w.toLowerCase()];
    if (rank !== undefined) out.push({ rank, family: 'word', start: start + lead, end: start + lead + w.length, text: w });
  }
  const re = warm(NUMERIC_LABEL, text);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!anywhere && m.index > 0 && text.slice(0, m.index).trim() !== '') break;
    const rank = m[1] !== undefined ? Number(m[1]) : ZH_DIGIT[m[2]!]!;
    if (!out.length || out[0]!.family !== 'word' || m.index > out[0]!.end - start) out.push({ rank, family: 'numeric', start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
    if (!anywhere) break;
  }
  // A cell `P1 – Critical` is one label: the first.
  return anywhere ? out.sort((a, b) => a.start - b.start) : out.slice(0, 1);
}

interface AspectToken {
  aspect: Aspect;
  start: number;
  end: number;
}

/** Aspect words in either script (ladders mix them: `一级: response within 15分钟`), in order. */
function aspectTokens(src: string, start: number, end: number): AspectToken[] {
  const out: AspectToken[] = [];
  const text = src.slice(start, end);
  for (const pattern of [ASPECT_RE.en, ASPECT_RE.zh]) {
    const re = warm(pattern, text);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const aspect = (['response', 'restore', 'resolution', 'update'] as const).find((a) => m!.groups![a] !== undefined)!;
      out.push({ aspect, start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function aspectOfHeader(src: string, cell: Cell | undefined): Aspect | undefined {
  if (!cell) return undefined;
  const found = aspectTokens(src, cell.start, cell.end);
  if (found.length) return new Set(found.map((a) => a.aspect)).size === 1 ? found[0]!.aspect : undefined;
  return TIME_HEADER.test(cell.text) ? 'target' : undefined;
}

/** The one duration of a cell, or undefined when it holds none or several. */
function onlyDuration(cell: Cell | undefined): Duration | undefined {
  if (!cell) return undefined;
  const ds = timesIn(cell.text);
  return ds.length === 1 ? shift(ds, cell.start)[0] : undefined;
}

/** Ladders of a table: a priority column with time columns, or priorities across the header. */
function readLadderTable(src: string, table: Table): Ladder[] {
  const out: Ladder[] = [];
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  // Priorities down a column.
  let labelCol = -1;
  for (let c = 0; c < width && labelCol < 0; c++) {
    if (table.rows.filter((r) => r[c] && labelAt(src, r[c]!.start, r[c]!.end, false).length).length >= 2) labelCol = c;
  }
  if (labelCol >= 0) {
    for (let c = 0; c < width; c++) {
      if (c === labelCol) continue;
      const aspect = aspectOfHeader(src, table.header[c]);
      if (!aspect) continue;
      const rungs: Array<Rung & { family: string }> = [];
      for (const r of table.rows) {
        const label = r[labelCol] ? labelAt(src, r[labelCol]!.start, r[labelCol]!.end, false)[0] : undefined;
        const d = onlyDuration(r[c]);
        if (label && d) rungs.push({ start: d.start, end: d.end, text: d.text, rank: label.rank, label: label.text, duration: d, family: label.family });
      }
      out.push(...ladderOf(aspect, rungs));
    }
  }
  // Priorities across the header, an aspect per row.
  const heads = table.header.map((h) => labelAt(src, h.start, h.end, false)[0]);
  if (heads.filter(Boolean).length >= 2) {
    for (const r of table.rows) {
      const aspect = aspectOfHeader(src, r[0]);
      if (!aspect) continue;
      const rungs: Array<Rung & { family: string }> = [];
      heads.forEach((label, c) => {
        const d = c > 0 && label ? onlyDuration(r[c]) : undefined;
        if (label && d) rungs.push({ start: d.start, end: d.end, text: d.text, rank: label.rank, label: label.text, duration: d, family: label.family });
      });
      out.push(...ladderOf(aspect, rungs));
    }
  }
  return out;
}

/** A ladder from rungs of one scale; none when the scales mix or a priority appears twice. */
function ladderOf(aspect: Aspect, rungs: ReadonlyArray<Rung & { family: string }>): Ladder[] {
  if (rungs.length < 2 || new Set(rungs.map((r) => r.family)).size > 1) return [];
  if (new Set(rungs.map((r) => r.rank)).size !== rungs.length) return [];
  return [{ aspect, rungs: rungs.map((r) => ({ start: r.start, end: r.end, text: r.text, rank: r.rank, label: r.label, duration: r.duration })) }];
}

/** Priority times written in prose: each priority label owns the text up to the next one. */
function readRungs(src: string, lines: readonly Line[], start: number, end: number, locale: Locale, facts: SlaFacts): void {
  for (const l of lines) {
    if (l.start < start || l.end > end) continue;
    const marker = LIST_ITEM.exec(src.slice(l.start, l.end));
    const body = l.start + (marker ? marker[0].length : 0);
    const labels = labelAt(src, body, l.end, true);
    if (!labels.length) continue;
    const lineAspects = aspectTokens(src, l.start, l.end);
    let inherited: Aspect | undefined;
    labels.forEach((label, i) => {
      const partEnd = labels[i + 1]?.start ?? l.end;
      const part = src.slice(label.end, partEnd);
      const ds = shift(timesIn(part), label.end);
      const aspects = lineAspects.filter((a) => a.start >= label.end && a.end <= partEnd);
      const seen = new Map<Aspect, Duration[]>();
      for (const d of ds) {
        const before = src.slice(Math.max(label.end, d.start - 25), d.start);
        const after = src.slice(d.end, d.end + 16);
        const target = warm(TARGET_BEFORE.en, before).test(before) || TARGET_BEFORE.zh.test(before) || WITHIN_AFTER.test(after) || aspects.some((a) => a.start >= d.end && a.start - d.end <= 3);
        if (!target) continue;
        // The aspect word before it with no other time between, else one right after it.
        const prev = aspects.filter((a) => a.end <= d.start && !ds.some((o) => o !== d && o.start >= a.end && o.end <= d.start)).pop();
        const next = aspects.find((a) => a.start >= d.end && a.start - d.end <= 15 && !ds.some((o) => o !== d && o.start >= d.end && o.end <= a.start));
        // An aspect word right after the time (`15分钟内响应`, `15-minute response`) is its own.
        const close = next && /^[ \u00a0-]?(?:以内|之内|内)?$/.test(src.slice(d.end, next.start)) ? next : undefined;
        const aspect = close?.aspect ?? prev?.aspect ?? next?.aspect ?? (aspects.length === 0 ? inherited ?? (lineAspects.length === 0 ? 'target' : undefined) : undefined);
        if (!aspect) continue;
        let list = seen.get(aspect);
        if (!list) seen.set(aspect, (list = []));
        list.push(d);
      }
      for (const [aspect, list] of seen) {
        inherited = aspect;
        // Two times of one aspect for one priority: which is the target is unclear.
        if (list.length !== 1) continue;
        const d = list[0]!;
        facts.rungs.push({ start: d.start, end: d.end, text: d.text, rank: label.rank, label: label.text, duration: d, family: label.family, aspect });
      }
      if (!seen.size && aspects.length) inherited = aspects[aspects.length - 1]!.aspect;
    });
  }
}

// ---------------------------------------------------------------------------------------------

/** The facts one block contributes (block-local offsets), or undefined when it holds none. */
export function slaFacts(src: string, locale: Locale): SlaFacts | undefined {
  if (!warm(PRETEST, src).test(src) || NOT_PROSE.test(src)) return undefined;
  // Emphasis and code markers hide nothing the rule reads; blanking them keeps every offset.
  const text = src.replace(/[*_`]/g, ' ');
  const timed = warm(HAS_TIME, text).test(text);
  if (!timed && !FIGURE_HINT.test(text)) return undefined;
  const facts: SlaFacts = { avail: [], downtime: [], shares: [], tierSets: [], tierLines: [], tierMiss: false, credit: false, caps: [], ladders: [], rungs: [] };
  const lines = lineSpans(text);
  const { tables, prose } = layout(text, lines);
  let row = 0;
  for (const t of tables) {
    const kinds = t.header.map((c) => headerKinds(text, c, locale));
    const headerPeriods = t.header.map((c) => periods(c.text, locale)[0]?.period);
    for (const r of t.rows) {
      r.forEach((c, i) => {
        const header = kinds[i] ?? new Set<Kind>();
        const hp = headerPeriods[i];
        readPiece(text, { start: c.start, end: c.end, header, ...(hp ? { headerPeriod: hp } : {}), row, inTable: true }, locale, facts);
      });
      row++;
    }
    facts.tierSets.push(...readTierTable(text, t, locale));
    if (timed) facts.ladders.push(...readLadderTable(text, t));
  }
  for (const [start, end] of prose) {
    for (const [s, e] of sentences(text, start, end)) readPiece(text, { start: s, end: e, header: new Set(), row: -1, inTable: false }, locale, facts);
    readTierLines(text, lines, start, end, locale, facts);
    if (timed) readRungs(text, lines, start, end, locale, facts);
    if (!facts.credit) facts.credit = mentionsCredit(text.slice(start, end), locale);
  }
  // Give spans the block's own text back (blanked markers are for reading only).
  const restore = <T extends Span>(x: T): T => ({ ...x, text: src.slice(x.start, x.end) });
  const out: SlaFacts = {
    avail: facts.avail.map(restore),
    downtime: facts.downtime.map(restore),
    shares: facts.shares.map(restore),
    caps: facts.caps.map(restore),
    tierSets: facts.tierSets.map((s) => ({ ...s, tiers: s.tiers.map((t) => ({ ...t, range: restore(t.range), ...(t.credit ? { credit: restore(t.credit) } : {}) })) })),
    ladders: facts.ladders.map((l) => ({ ...l, rungs: l.rungs.map(restore) })),
    tierLines: facts.tierLines.map((t) => ({ ...t, range: restore(t.range), ...(t.credit ? { credit: restore(t.credit) } : {}) })),
    tierMiss: facts.tierMiss,
    credit: facts.credit,
    rungs: facts.rungs.map(restore),
  };
  const empty = !out.avail.length && !out.downtime.length && !out.shares.length && !out.tierSets.length && !out.caps.length && !out.ladders.length && !out.tierLines.length && !out.rungs.length && !out.credit;
  return empty ? undefined : out;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Relative slack on the computed allowance, on top of the shortest and longest period. */
export const DOWNTIME_TOLERANCE = 0.05;

/**
 * Whether `minutes` of downtime agrees with `availability` percent over `period`: within 5% of
 * the allowance for the shortest and longest period length, widened by the rounding of the
 * written figure (half a unit of its last digit, at most a quarter of the allowance).
 */
export function downtimeAgrees(availability: number, period: Period, minutes: number, precision: number): boolean {
  const share = (100 - availability) / 100;
  const days = PERIOD_DAYS[period];
  const nominal = share * days.nominal * 1440;
  const slack = Math.min(precision / 2, nominal / 4);
  const lo = share * days.min * 1440 * (1 - DOWNTIME_TOLERANCE) - slack;
  const hi = share * days.max * 1440 * (1 + DOWNTIME_TOLERANCE) + slack;
  return minutes >= lo - 1e-9 && minutes <= hi + 1e-9;
}

/** The allowance in minutes for the nominal length of a period. */
export function allowedMinutes(availability: number, period: Period): number {
  return ((100 - availability) / 100) * PERIOD_DAYS[period].nominal * 1440;
}

type Placed<T> = T & { base: number };

function checkDowntime(blocks: ReadonlyArray<{ facts: SlaFacts; base: number }>, m: Messages, out: DocumentFinding[]): void {
  for (const { facts, base } of blocks) {
    for (const d of facts.downtime) {
      const candidates = facts.avail.filter((a) => a.row === d.row && (d.row >= 0 || gap(a, d) <= 250));
      const a = nearest(candidates, d, Infinity);
      if (!a || a.windowed) continue;
      if (a.period && d.period && a.period !== d.period) continue;
      const period = d.period ?? a.period;
      if (!period || downtimeAgrees(a.value, period, d.minutes, d.precision)) continue;
      out.push({
        message: m.sla.downtime(a.text, period, allowedMinutes(a.value, period), d.text),
        start: base + d.start,
        end: base + d.end,
        term: d.text,
        related: [{ start: base + a.start, end: base + a.end, message: m.sla.related(a.text) }],
      });
    }
  }
}

const EPS = 1e-9;

function checkTiers(set: TierSet, base: number, m: Messages, out: DocumentFinding[]): void {
  const key = (t: Tier): number => t.hi ?? 100 + (t.lo ?? 0) / 1000;
  const tiers = [...set.tiers].sort((a, b) => key(b) - key(a) || (b.lo ?? -1) - (a.lo ?? -1));
  const at = (t: Tier, message: string, other: Tier): DocumentFinding => ({
    message,
    start: base + t.range.start,
    end: base + t.range.end,
    term: t.range.text,
    related: [{ start: base + other.range.start, end: base + other.range.end, message: m.sla.related(other.range.text) }],
  });
  for (let i = 0; i + 1 < tiers.length; i++) {
    const a = tiers[i]!;
    const b = tiers[i + 1]!;
    if (a.lo !== undefined && b.hi !== undefined) {
      if (b.hi > a.lo + EPS) out.push(at(b, m.sla.tierOverlap(a.range.text, b.range.text, a.lo, Math.min(b.hi, a.hi ?? 100)), a));
      else if (set.complete && a.lo - b.hi > 10 ** -Math.max(a.loDecimals, b.hiDecimals) + EPS) out.push(at(b, m.sla.tierGap(b.range.text, a.range.text, b.hi, a.lo), a));
    }
    if (a.credit && b.credit && b.credit.value < a.credit.value - EPS) out.push(at(b, m.sla.tierInversion(b.range.text, b.credit.text, a.range.text, a.credit.text), a));
  }
}

type Blocks = ReadonlyArray<{ facts: SlaFacts; base: number; block: number }>;

/** Runs of consecutive blocks (list items are blocks of their own) that hold some of what `has` asks for. */
function runs(blocks: Blocks, has: (f: SlaFacts) => boolean): Array<Blocks[number][]> {
  const out: Array<Blocks[number][]> = [];
  let run: Blocks[number][] = [];
  for (const b of blocks) {
    if (!has(b.facts) || (run.length && b.block !== run[run.length - 1]!.block + 1)) {
      if (run.length) out.push(run);
      run = [];
    }
    if (has(b.facts)) run.push(b);
  }
  if (run.length) out.push(run);
  return out;
}

const absolute = <T extends { start: number; end: number }>(x: T, base: number): T => ({ ...x, start: x.start + base, end: x.end + base });

/** Tier lists over runs of list items, when they or the block just before them speak of credits (absolute offsets). */
function tierListSets(blocks: Blocks): TierSet[] {
  const out: TierSet[] = [];
  const byIndex = new Map(blocks.map((b) => [b.block, b]));
  for (const run of runs(blocks, (f) => f.tierLines.length > 0 || f.tierMiss)) {
    const intro = byIndex.get(run[0]!.block - 1);
    if (!run.some((b) => b.facts.credit) && !intro?.facts.credit) continue;
    const tiers = run.flatMap(({ facts, base }) => facts.tierLines.map((t) => ({ ...t, range: absolute(t.range, base), ...(t.credit ? { credit: absolute(t.credit, base) } : {}) })));
    if (tiers.length >= 2) out.push({ tiers, complete: !run.some((b) => b.facts.tierMiss), otherBase: false });
  }
  return out;
}

/** Ladders from prose over runs of consecutive blocks, one per aspect and scale (absolute offsets). */
function proseLadders(blocks: Blocks): Ladder[] {
  const out: Ladder[] = [];
  for (const run of runs(blocks, (f) => f.rungs.length > 0)) {
    const groups = new Map<string, ProseRung[]>();
    for (const { facts, base } of run) {
      for (const r of facts.rungs) {
        const key = `${r.aspect}|${r.family}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push({ ...absolute(r, base), duration: absolute(r.duration, base) });
      }
    }
    for (const [key, rungs] of groups) out.push(...ladderOf(key.split('|')[0] as Aspect, rungs));
  }
  return out;
}

function checkCaps(blocks: Blocks, listSets: readonly TierSet[], m: Messages, out: DocumentFinding[]): void {
  const sets: Array<Placed<TierSet>> = listSets.map((s) => ({ ...s, base: 0 }));
  const caps: Array<Placed<CapFact>> = [];
  for (const { facts, base } of blocks) {
    for (const s of facts.tierSets) if (!s.otherBase) sets.push({ ...s, base });
    for (const c of facts.caps) caps.push({ ...c, base });
  }
  if (!sets.length) return;
  for (const c of caps) {
    const where = c.base + c.start;
    let best: Placed<TierSet> | undefined;
    let d = Infinity;
    for (const s of sets) {
      const dist = Math.abs(s.base + s.tiers[0]!.range.start - where);
      if (dist < d) {
        best = s;
        d = dist;
      }
    }
    const top = best!.tiers.filter((t) => t.credit).sort((a, b) => b.credit!.value - a.credit!.value)[0];
    if (!top || c.value >= top.credit!.value - EPS) continue;
    out.push({
      message: m.sla.capBelowTier(c.text, top.credit!.text, top.range.text),
      start: c.base + c.start,
      end: c.base + c.end,
      term: c.text,
      related: [{ start: best!.base + top.range.start, end: best!.base + top.range.end, message: m.sla.related(top.range.text) }],
    });
  }
}

function checkLadder(l: Ladder, base: number, m: Messages, out: DocumentFinding[]): void {
  const rungs = [...l.rungs].sort((a, b) => a.rank - b.rank).slice(0, 20);
  for (let i = 0; i < rungs.length; i++) {
    const a = rungs[i]!;
    // The quickest less severe priority that is certainly quicker than this one.
    let worst: Rung | undefined;
    for (let j = i + 1; j < rungs.length; j++) {
      const b = rungs[j]!;
      if (certainlyLonger(a.duration, b.duration) && (!worst || b.duration.hi < worst.duration.hi)) worst = b;
    }
    if (!worst) continue;
    const assumed = a.duration.clock === 'business' || worst.duration.clock === 'business' ? businessDayAssumed(a.duration) || businessDayAssumed(worst.duration) : false;
    out.push({
      message: m.sla.ladder(a.label, l.aspect, a.text, worst.label, worst.text, assumed),
      start: base + a.start,
      end: base + a.end,
      term: a.text,
      related: [{ start: base + worst.start, end: base + worst.end, message: m.sla.related(worst.label) }],
    });
  }
}

/** Whether a comparison counted a business day in hours (8 at least, 24 at most). */
function businessDayAssumed(d: Duration): boolean {
  return d.clock === 'business' && d.lo !== d.hi;
}

export default defineDocumentRule<SlaFacts>({
  meta: {
    id: 'sla-consistency',
    description: 'Figures in a service-level schedule contradict each other (availability and downtime, credit tiers and caps, priority targets, shares above 100%).',
    defaultSeverity: 'warning',
    fixes: [],
    scope: 'document',
  },
  facts: slaFacts,
  assemble(ctx) {
    const out: DocumentFinding[] = [];
    const m = ctx.messages;
    for (const { facts, base } of ctx.blocks) {
      for (const s of facts.shares) out.push({ message: m.sla.share(s.text, s.what), start: base + s.start, end: base + s.end, term: s.text });
      for (const set of facts.tierSets) checkTiers(set, base, m, out);
      for (const l of facts.ladders) checkLadder(l, base, m, out);
    }
    const listSets = tierListSets(ctx.blocks);
    for (const set of listSets) checkTiers(set, 0, m, out);
    for (const l of proseLadders(ctx.blocks)) checkLadder(l, 0, m, out);
    checkDowntime(ctx.blocks, m, out);
    checkCaps(ctx.blocks, listSets, m, out);
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  },
});

/** The rule's patterns built from strings, for the regular-expression safety checks (literals are found by the test itself). */
export const PATTERNS: Record<string, RegExp> = Object.fromEntries(
  (['en', 'zh'] as const).flatMap((locale) => KIND_RE[locale].map(([kind, re]) => [`${kind} ${locale}`, re])),
);
