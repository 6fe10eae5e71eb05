/**
 * What one block states about criteria, read from its raw text without the Markdown parser (as
 * the document rules read their facts): its headings, the criteria of its sentences and of its
 * success-criteria tables, and the sentences that state a remedy. Offsets are block-local; the
 * result depends only on the block's text and locale, so it is cached with the block.
 */
import { compileRecogniser, measure, RECOGNISERS, type Compiled, type Measurement } from '../measure/index.js';
import { splitSentences } from '../parse/sentences.js';
import { mayHoldRemedy, remedyAt } from '../rules/missing-remedy.js';
import type { Locale } from '../types.js';
import type { CriterionPart, LocalCriterion } from './types.js';
import { COLUMN_PATTERNS, EMPTY_CELL, EXTRA_RECOGNISERS, METRIC_FALLBACK_PATTERNS, SOURCE_LEADS, SOURCE_REACH, STOP_STEMS, WORDS } from './vocab.js';
import { lineSpans, type LineSpan } from '../lines.js';
import { warm } from '../regex-warm.js';
import { NEEDS_UNICODE } from '../unicode-regex.js';

export interface BlockHeading {
  /** Block-local offsets of the heading line. */
  start: number;
  end: number;
  level: number;
  /** The heading opens a remedy section ("Service credits", "违约责任"). */
  remedy: boolean;
  text: string;
}

export interface RemedyStatement {
  start: number;
  end: number;
  text: string;
  /** It covers every criterion ("service credits apply to each service level"). */
  blanket: boolean;
}

export interface BlockFacts {
  /** The block's text (the text a remedy section is read from). */
  src: string;
  locale: Locale;
  headings: BlockHeading[];
  criteria: LocalCriterion[];
  remedies: RemedyStatement[];
}

/** Sentences longer than this are not read (a criterion is a sentence, not a page). */
export const MAX_SENTENCE = 2000;
/** How much of a clause a part's text runs on after its trigger. */
const PART_RUN = 100;

type Line = LineSpan;


/** Index of the first character after spaces and tabs from `i`. */
function skipBlanks(s: string, i: number, end = s.length): number {
  while (i < end && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

/** `[level, textStart]` of an ATX heading line, or undefined. */
function atxHeading(src: string, l: Line): [number, number] | undefined {
  const i = skipBlanks(src, l.start, l.end);
  if (i - l.start > 3) return undefined;
  let j = i;
  while (j < l.end && src[j] === '#') j++;
  const level = j - i;
  if (level < 1 || level > 6) return undefined;
  if (j < l.end && src[j] !== ' ' && src[j] !== '\t') return undefined;
  return [level, skipBlanks(src, j, l.end)];
}

/** Whether `String.prototype.trim` removes the character (white space and line terminators). */
function trimmable(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** 1 or 2 when the line is a setext underline (`===` or `---`), else 0. */
function setextLevel(src: string, l: Line): number {
  // Asked of nearly every line: most start with another character, read in place.
  let i = l.start;
  while (i < l.end && trimmable(src.charCodeAt(i))) i++;
  if (i === l.end || (src.charCodeAt(i) !== 61 /* = */ && src.charCodeAt(i) !== 45) /* - */) return 0;
  const t = src.slice(l.start, l.end).trim();
  if (t.length === 0) return 0;
  const ch = t[0];
  if (ch !== '=' && ch !== '-') return 0;
  for (let i = 1; i < t.length; i++) if (t[i] !== ch) return 0;
  return ch === '=' ? 1 : 2;
}

/** A table delimiter row: cells of dashes with optional colons, separated by pipes. */
function isDelimiterRow(src: string, l: Line): boolean {
  const t = src.slice(l.start, l.end).trim();
  if (!t.includes('-')) return false;
  let dashes = 0;
  let pipes = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '-') dashes++;
    else if (c === '|') pipes++;
    else if (c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return dashes > 0 && (pipes > 0 || t.includes(':'));
}

/** The cells of a table row: split at pipes that are neither escaped nor in a code span. */
export function splitCells(row: string): string[] {
  let t = row.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.includes('`') || t.includes('\\|')) return cellsByCharacter(row);
  // Every pipe splits (none is escaped or in a code span): the same cells, natively.
  const cells = t.split('|');
  const last = cells.pop()!;
  if (last.trim() !== '' || !t.endsWith('|')) cells.push(last);
  return cells.map(clean);
}

/** The cells of a table row read one character at a time, escapes and code spans included. */
export function cellsByCharacter(row: string): string[] {
  let t = row.trim();
  if (t.startsWith('|')) t = t.slice(1);
  const cells: string[] = [];
  let cur = '';
  let code = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && t[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cur += c;
    } else if (c === '|' && !code) {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  // A trailing pipe closes the last cell; text after the last pipe is a cell of its own.
  if (cur.trim() !== '' || !t.endsWith('|')) cells.push(cur);
  return cells.map(clean);
}

/**
 * White space as `clean` reads it, and the marks it drops wherever they stand. A run of white
 * space becomes one space: the pattern takes the runs that are not one already (a single space
 * between words would be replaced by itself, once per word).
 */
const CLEAN_SPACE = /(?: [ \t\n\r\u00a0]|[\t\n\r\u00a0])[ \t\n\r\u00a0]*/g;
const CLEAN_MARKS = /[*`]|_{2,}/g;
/**
 * What `clean` changes: a mark, white space other than single spaces between words, or a tag.
 * A text without any is returned as it is (a sentence on one line, mostly).
 */
const UNCLEAN = /[*`<\t\n\r\u00a0]|__|^ | $| [ \t\n\r\u00a0]/;
/**
 * The text without marks and tags. A tag (<span class="x">, <br>) is a `<` before a letter or `/`
 * up to the first `>` within 200 characters; it is markup, not text, but a line break (`<br>`)
 * still parts the words around it. What is a mark or a tag depends on the text as written (a tag
 * between two underscores does not make them a run), so the text is cut at its tags and each
 * piece loses its marks.
 */
function withoutTagsAndMarks(s: string): string {
  let out = '';
  let from = 0;
  // The first `>` at or after the current `<` (s.length when none): found once for every `<` up to it.
  let close = -1;
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    const c = s.charCodeAt(i + 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 /* / */)) continue;
    if (close < i) {
      close = s.indexOf('>', i);
      if (close < 0) close = s.length;
    }
    if (close === s.length || close - i >= 200) continue;
    out += s.slice(from, i).replace(CLEAN_MARKS, '') + (s.slice(i + 1, i + 3).toLowerCase() === 'br' ? ' ' : '');
    from = close + 1;
    i = close;
  }
  return out + s.slice(from).replace(CLEAN_MARKS, '');
}

/** Text without Markdown emphasis and code marks or HTML tags, with white space collapsed. */
export function clean(s: string): string {
  if (!UNCLEAN.test(s)) return s;
  // The marks go whole (a lone `_` stays), tags go (a line break becomes a space), and white space
  // between words becomes one space: in native passes over the text.
  const t = (s.includes('<') ? withoutTagsAndMarks(s) : s.replace(CLEAN_MARKS, '')).replace(CLEAN_SPACE, ' ');
  const from = t.charCodeAt(0) === 32 ? 1 : 0;
  const to = t.length > from && t.charCodeAt(t.length - 1) === 32 ? t.length - 1 : t.length;
  return from === 0 && to === t.length ? t : t.slice(from, to);
}

/** Offset of the prose after list markers, quote markers and task boxes at the start of a line. */
function proseStart(src: string, l: Line): { at: number; item: boolean } {
  let i = skipBlanks(src, l.start, l.end);
  let item = false;
  for (;;) {
    if (src[i] === '>') {
      i = skipBlanks(src, i + 1, l.end);
      continue;
    }
    const c = src[i];
    if ((c === '-' || c === '*' || c === '+') && (src[i + 1] === ' ' || src[i + 1] === '\t')) {
      i = skipBlanks(src, i + 1, l.end);
      item = true;
      continue;
    }
    let j = i;
    while (j < l.end && j - i < 9 && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
    if (j > i && (src[j] === '.' || src[j] === ')') && (src[j + 1] === ' ' || src[j + 1] === '\t')) {
      i = skipBlanks(src, j + 1, l.end);
      item = true;
      continue;
    }
    if (src[i] === '[' && (src[i + 1] === ' ' || src[i + 1] === 'x' || src[i + 1] === 'X') && src[i + 2] === ']') {
      i = skipBlanks(src, i + 3, l.end);
      continue;
    }
    return { at: i, item };
  }
}

/**
 * Every measurement of a text: the shared recognisers, then the scorecard's own readings. With
 * `needTarget`, none at all when no recogniser that can read a target (`TARGET_CAPABLE`) finds
 * anything: a sentence without a target states no criterion, and the other recognisers need not run.
 */
export function measurements(text: string, locale: Locale, needTarget = false): Measurement[] {
  let out: Measurement[];
  const folds = NEEDS_UNICODE.test(text);
  if (needTarget) {
    out = measure(text, locale, TARGET_CAPABLE, false, folds);
    readExtra(text, locale, out, folds, true);
    if (out.length === 0) return out;
    out.push(...measure(text, locale, TARGET_CAPABLE, true, folds));
    readExtra(text, locale, out, folds, false);
    // Readings of the same span in the order of one pass: the shared recognisers, then these.
    const rank = ranks(locale);
    out.sort((a, b) => a.start - b.start || b.end - a.end || rank.get(a.id)! - rank.get(b.id)!);
  } else {
    out = measure(text, locale, undefined, false, folds);
    readExtra(text, locale, out, folds);
    out.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  // A reading inside a longer one is part of it ("8 business hours" inside "within 8 business hours").
  const kept: Measurement[] = [];
  let reach = -1;
  for (const m of out) {
    if (m.end <= reach && m.id !== 'metric') continue;
    kept.push(m);
    reach = Math.max(reach, m.end);
  }
  return kept;
}


/** Adds the scorecard's own readings (with `targets`, only those that can be targets; with false, only the others). */
function readExtra(text: string, locale: Locale, out: Measurement[], folds: boolean, targets?: boolean): void {
  for (const { compiled, target } of extraRecognisers(locale)) {
    if (targets !== undefined && target !== targets) continue;
    const rec = compiled.rec;
    // The exact Unicode pattern is made only for a text that needs it.
    const re = warm(folds || !compiled.ascii ? compiled.re : compiled.ascii, text);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let start = m.index;
      if (rec.id === 'source' && locale === 'en') {
        // A source counts only after a lead-in ("from the service desk's records"), which starts the method.
        const before = text.slice(Math.max(0, start - SOURCE_REACH), start).toLowerCase();
        const lead = Math.max(...SOURCE_LEADS.en.map((l) => before.lastIndexOf(l)));
        if (lead < 0) continue;
        start = start - before.length + lead;
      }
      out.push({ id: rec.id, parts: rec.parts, start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length) });
    }
  }
}

const rankOf = new Map<Locale, Map<string, number>>();
/** Each recogniser's place in one full pass: the shared ones in order, then the scorecard's own. */
function ranks(locale: Locale): Map<string, number> {
  let r = rankOf.get(locale);
  if (!r) rankOf.set(locale, (r = new Map([...RECOGNISERS[locale], ...EXTRA_RECOGNISERS[locale]].map((rec, i) => [rec.id, i]))));
  return r;
}

/**
 * The scorecard's own recognisers of a locale, compiled once: each pattern with Unicode semantics,
 * and without them where that means the same (see unicode-regex.ts), as `measure` reads its own.
 */
interface ExtraRecogniser {
  compiled: Compiled;
  /** It can read a target (`TARGET_CAPABLE`). */
  target: boolean;
}
const compiledExtra = new Map<Locale, ExtraRecogniser[]>();
function extraRecognisers(locale: Locale): ExtraRecogniser[] {
  let c = compiledExtra.get(locale);
  if (!c) {
    c = EXTRA_RECOGNISERS[locale].map((rec) => ({ compiled: compileRecogniser(rec), target: TARGET_CAPABLE.has(rec.id) }));
    compiledExtra.set(locale, c);
  }
  return c;
}

type Kind = 'target' | 'window' | 'baseline' | 'method' | 'metric' | 'other';

const TARGET_IDS = new Set(['percent', 'currency', 'quantity', 'nines', 'ratio', 'threshold', 'range', 'decimal-comma-percent']);
/** Recognisers whose readings can be targets (see `kindOf`): the target ones, and `within` (a short time). */
const TARGET_CAPABLE: ReadonlySet<string> = new Set([...TARGET_IDS, 'within']);
const WINDOW_IDS = new Set(['period', 'date', 'deadline', 'period-words']);
const METHOD_IDS = new Set(['method', 'reference', 'acceptance', 'standard', 'measured', 'source', 'comparison-reference']);
const LONG_UNIT_EN = /\b(?:weeks?|months?|quarters?|years?|sprints?)\b|\b(?:first|next|last)\b/i;
const LONG_UNIT_ZH = /周|星期|月|季度|年/;
/** "within 90 days of go-live": a period counted from an event is a window. */
const AFTER_EVENT_EN = /^ (?:of|after|from|following)\b/i;
const RESPONSE_EN = /\b(?:respon|resol|restor|recover|fix|remediat|patch|close|answer|acknowledg|repair|replace)/i;
const RESPONSE_ZH = /响应|解决|恢复|修复|处理|处置|到场|答复/;
const SHORT_UNIT_ZH = /毫秒|秒|分钟|小时/;
const TIME_UNIT_EN = /\b(?:milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?)\b/i;
const TIME_UNIT_ZH = /毫秒|秒|分钟|小时|工作日|自然日|天|日|周|星期|月|季度|年/;
/** What a response or resolution time is about. */
const SERVICE_OBJECT_EN = /\b(?:incidents?|tickets?|requests?|calls?|priority|severity|p[1-4]|sev[1-4]|outages?|defects?|vulnerabilit(?:y|ies)|alerts?|faults?|issues?)\b/i;
const SERVICE_OBJECT_ZH = /故障|工单|事件|请求|报障|缺陷|漏洞|告警|优先级|级别/;
const CONDITION_WORD_ZH = /低于|未达到|未达|超过|不足|少于|高于|违反/;

/** A target that is a length of time and nothing else ("within 30 days", "4小时内"). */
function timeOnly(m: Measurement & { after: string }, locale: Locale): boolean {
  if (m.id === 'within') return true;
  if (m.id !== 'quantity' && m.id !== 'threshold') return false;
  // A threshold's match ends at its number: its unit follows.
  const text = m.id === 'threshold' ? m.text + m.after : m.text;
  return warm(locale === 'zh' ? TIME_UNIT_ZH : TIME_UNIT_EN, text).test(text);
}

/** A clause before `until` that is a condition (可用性低于99.9%的，……): what follows it is a consequence. */
function conditionBefore(text: string, until: number): boolean {
  let from = 0;
  for (let i = 0; i < until && i < text.length; i++) {
    const c = text[i];
    if (c !== '，' && c !== ',') continue;
    if (text[i - 1] === '的' && CONDITION_WORD_ZH.test(text.slice(from, i))) return true;
    from = i + 1;
  }
  return false;
}

/** What a measurement states in a criterion: `within 4 hours` is a time target, `within 6 months` a window. */
function kindOf(m: Measurement, text: string, locale: Locale): Kind {
  if (m.id === 'metric') return 'metric';
  if (TARGET_IDS.has(m.id)) return 'target';
  if (WINDOW_IDS.has(m.id)) return 'window';
  if (m.id === 'baseline') return 'baseline';
  if (METHOD_IDS.has(m.id)) return 'method';
  if (m.id === 'within') {
    if (locale === 'zh') {
      if (SHORT_UNIT_ZH.test(m.text)) return 'target';
      if (LONG_UNIT_ZH.test(m.text)) return 'window';
      return RESPONSE_ZH.test(text) ? 'target' : 'window';
    }
    if (warm(LONG_UNIT_EN, m.text).test(m.text)) return 'window';
    if (/\bdays?\b/i.test(m.text) && (AFTER_EVENT_EN.test(text.slice(m.end, m.end + 12)) || !RESPONSE_EN.test(text))) return 'window';
    return 'target';
  }
  return 'other';
}

/** From `start`, the text up to the end of its clause (a comma, semicolon or stop), at most PART_RUN long. */
function runOn(text: string, start: number, end: number, stops: readonly Measurement[] = []): string {
  let i = end;
  let limit = Math.min(text.length, start + PART_RUN);
  for (const m of stops) if (m.start >= end && m.start < limit) limit = m.start;
  while (i < limit) {
    const c = text[i]!;
    if (c === ',' || c === ';' || c === '，' || c === '；' || c === '。' || (c === '.' && (i + 1 >= text.length || text[i + 1] === ' '))) break;
    i++;
  }
  return text.slice(start, Math.max(end, i)).trim();
}

const FUNCTION_WORDS = new Set('at of by to be is are least most than no not a an the for in on within with shall will must'.split(' '));

/** The text without the function words it ends with ("be available 99.9% of" → "be available 99.9%"). */
function trimFunctionWords(s: string): string {
  let t = s.trim();
  for (;;) {
    const sp = t.lastIndexOf(' ');
    if (sp < 0 || !FUNCTION_WORDS.has(t.slice(sp + 1).toLowerCase())) return t;
    t = t.slice(0, sp).trimEnd();
  }
}

/** A heading's text without its closing run of `#`. */
function headingText(s: string): string {
  const t = s.trimEnd();
  let i = t.length;
  while (i > 0 && t[i - 1] === '#') i--;
  return i < t.length && (i === 0 || t[i - 1] === ' ') ? t.slice(0, i) : t;
}
const LEADING_BE = /^(?:be|is|are|remain|have)\s/i;

/** Characters that join words rather than name what is measured. */
const HAN_FUNCTION = '的之和或及在内于每按以为应须将';

/** Word stems (EN) or character pairs (ZH) of a metric, to find it named in a remedy section. */
export function metricKeys(metric: string, locale: Locale): string[] {
  const out: string[] = [];
  if (locale === 'zh' || /[\u4e00-\u9fff]/.test(metric)) {
    let prev = '';
    for (const ch of metric) {
      const han = ch >= '\u4e00' && ch <= '\u9fff';
      if (han && prev && out.length < 4 && !HAN_FUNCTION.includes(ch) && !HAN_FUNCTION.includes(prev)) {
        const pair = prev + ch;
        if (!out.includes(pair)) out.push(pair);
      }
      prev = han ? ch : '';
    }
    if (out.length > 0) return out;
  }
  for (const w of wordsOf(metric)) {
    if (!STOP_STEMS.has(w) && !out.includes(w)) out.push(w);
    if (out.length === 3) break;
  }
  return out;
}

/** Lower-case stems (the first five letters) of the words of four letters or more. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  let w = '';
  const flush = (): void => {
    // A plural names the same thing ("calls", "call-answering").
    if (w.length > 4 && w.endsWith('s')) w = w.slice(0, -1);
    if (w.length >= 4) out.push(w.slice(0, 5));
    w = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) w += String.fromCharCode(c | 32);
    else flush();
  }
  flush();
  return out;
}

/** Character pairs of the Han runs of a text. */
export function hanPairs(text: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const ch of text) {
    const han = ch >= '\u4e00' && ch <= '\u9fff';
    if (han && prev) out.push(prev + ch);
    prev = han ? ch : '';
  }
  return out;
}

/** Leading clause numbers ("4.2 ", "(a) ") of a sentence. */
function numbering(text: string): number {
  let i = 0;
  while (i < text.length && i < 12) {
    const c = text[i]!;
    if ((c >= '0' && c <= '9') || c === '.' || c === '(' || c === ')' || c === ' ' || (c >= 'a' && c <= 'h' && (text[i + 1] === ')' || text[i - 1] === '('))) i++;
    else break;
  }
  return i;
}

interface SentenceReading {
  criterion?: Omit<LocalCriterion, 'start' | 'end' | 'text' | 'source' | 'locale'>;
  remedy?: { text: string; blanket: boolean };
}

/** Whether a text may state a number (the pre-test before any recogniser runs). */
const NUMBERISH = /\d|百分之|[一二三四五六七八九十两][个百千万]?(?:小时|分钟|天|日|个|成|%|％)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety|hundred|nines|twice|half|double)\b/i;

/** What one sentence (cleaned) states: a criterion, a remedy, both or neither. */
/**
 * What a sentence may state, as `factHints` reads it from the raw text: a number, a remedy, or
 * both (the default: a reader that knows nothing tests for both).
 */
export const MAY_NUMBER = 1;
export const MAY_REMEDY = 2;
const MAY_ANY = MAY_NUMBER | MAY_REMEDY;

export function readSentence(text: string, locale: Locale, hints = MAY_ANY): SentenceReading {
  const out: SentenceReading = {};
  if (text.length > MAX_SENTENCE) return out;
  const w = WORDS[locale];
  const remedy = hints & MAY_REMEDY ? remedyAt(text, locale) : undefined;
  if (remedy) out.remedy = { text: runOn(text, remedy.start, remedy.end), blanket: warm(w.blanket, text).test(text) };
  if (!(hints & MAY_NUMBER) || !warm(NUMBERISH, text).test(text)) return out;
  const last = text[text.length - 1];
  if (last === '?' || last === '？') return out;
  const duty = warm(w.duty, text).exec(text);
  const cue = warm(w.cue, text).exec(text);
  const outcome = warm(w.outcome, text).exec(text);
  if (!duty && !cue && !outcome) return out;
  const ms = measurements(text, locale, true);
  const byKind: Record<Kind, Measurement[]> = { target: [], window: [], baseline: [], method: [], metric: [], other: [] };
  for (const m of ms) {
    const k = kindOf(m, text, locale);
    byKind[k].push(m);
    // A range states where it starts as well as where it ends.
    if (m.id === 'range') byKind.baseline.push(m);
  }
  const targets = byKind.target;
  if (targets.length === 0) return out;
  // A time alone ("within 15 days") is a deadline, not an outcome, unless it is a response or
  // resolution time of incidents, tickets or requests.
  if (targets.every((m) => timeOnly({ ...m, after: text.slice(m.end, m.end + 16) }, locale))) {
    const response = warm(locale === 'zh' ? RESPONSE_ZH : RESPONSE_EN, text).test(text);
    if (!(response && (byKind.metric.length > 0 || warm(locale === 'zh' ? SERVICE_OBJECT_ZH : SERVICE_OBJECT_EN, text).test(text)))) return out;
  }
  const first = targets[0]!;
  const metricTerm = byKind.metric[0] ?? ms.find((m) => m.id === 'nines');
  if (!metricTerm && !outcome) return out;
  const numbered = numbering(text);
  const colon = Math.max(text.indexOf(':'), text.indexOf('：'));
  const label = colon > numbered && colon <= numbered + 40 && colon < first.start;
  if (!duty && !cue && !label) return out;
  // A condition or a remedy that comes before the duty: the sentence says what follows a miss.
  if (w.condition.test(text.slice(numbered)) || (locale === 'zh' && conditionBefore(text, duty ? duty.index : text.length))) return out;
  if (remedy && (!duty || remedy.start < duty.index)) return out;

  // The target: the first target and the targets chained to it in the same clause.
  let chainEnd = first.end;
  const stops = [...byKind.window, ...byKind.method].map((m) => m.start);
  for (const t of targets.slice(1)) {
    const gap = text.slice(chainEnd, t.start);
    if (t.start - chainEnd > 40 || /[,;，；。]/.test(gap) || stops.some((s) => s >= chainEnd && s < t.start)) break;
    chainEnd = Math.max(chainEnd, t.end);
  }
  const target = text.slice(first.start, chainEnd).trim();

  let metric: string;
  if (metricTerm) metric = metricTerm.text;
  else {
    const from = duty && duty.index < first.start ? duty.index + duty[0].length : Math.max(numbered, colon + 1, 0);
    let m = text.slice(from, chainEnd).trim().replace(LEADING_BE, '');
    if (m.length > PART_RUN) m = m.slice(m.indexOf(' ', m.length - PART_RUN) + 1);
    metric = trimFunctionWords(m) || (outcome ? outcome[0] : target);
    // Chinese puts the object after the target (在4小时内解决95%的一级故障): read on to the clause end.
    if (locale === 'zh' && duty && duty.index < first.start) metric = runOn(text, from, chainEnd, [...byKind.window, ...byKind.method]);
  }
  // A recurring period ("per calendar month") is the measurement window; a deadline comes second.
  const windowM = byKind.window.find((m) => m.id === 'period' || m.id === 'period-words') ?? byKind.window[0];
  // How it is measured, stated outright, before a reference to where it is defined.
  const methodM = byKind.method.find((m) => m.id === 'method' || m.id === 'measured' || m.id === 'source') ?? byKind.method[0];
  const baselineM = byKind.baseline[0];
  let baseline: string | null = null;
  if (baselineM) {
    if (baselineM.id === 'range') {
      const to = locale === 'zh' ? baselineM.text.search(/降至|提升至|提高到|降低到|缩短至|缩短到|提升到|到|至/) : baselineM.text.search(/\s(?:to|down to|up to)\s/i);
      baseline = to > 0 ? baselineM.text.slice(0, to).trim() : baselineM.text;
    } else baseline = runOn(text, baselineM.start, baselineM.end);
  }
  const comparative = w.comparative.test(text);
  const term = (metricTerm?.text ?? metric).slice(0, 60);
  out.criterion = {
    metric,
    target,
    baseline,
    window: windowM ? runOn(text, windowM.start, windowM.end, ms) : null,
    method: methodM ? runOn(text, methodM.start, methodM.end, ms.filter((m) => !METHOD_IDS.has(m.id))) : null,
    remedy: remedy ? runOn(text, remedy.start, remedy.end) : null,
    needsBaseline: comparative || !!baseline,
    keys: metricKeys(metricTerm?.text ?? stripNumbers(locale === 'zh' && metric.length > target.length ? metric.replace(target, '') : metric), locale),
    term,
  };
  return out;
}

function stripNumbers(s: string): string {
  return s.replace(/[\d.,%％]+/g, ' ');
}

type Role = CriterionPart | 'owner' | 'result';

/** A header without its parenthesised notes ("Service credit (% of monthly fees)" → "Service credit"). */
function withoutParentheses(s: string): string {
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The part each column of a header row states (undefined: none). */
export function columnRoles(headers: readonly string[]): { roles: Array<Role | undefined>; guessed: boolean } {
  const roles: Array<Role | undefined> = headers.map(() => undefined);
  const taken = new Set<Role>();
  headers.forEach((h, i) => {
    const name = withoutParentheses(h.toLowerCase());
    for (const [part, en, zh] of COLUMN_PATTERNS) {
      if (warm(en, name).test(name) || warm(zh, name).test(name)) {
        if (!taken.has(part) || part === 'result' || part === 'owner') {
          roles[i] = part;
          taken.add(part);
        }
        return;
      }
    }
  });
  let guessed = false;
  if (!taken.has('metric')) {
    const i = headers.findIndex((h, j) => roles[j] === undefined && (METRIC_FALLBACK_PATTERNS[0].test(h) || METRIC_FALLBACK_PATTERNS[1].test(h)));
    if (i >= 0) {
      roles[i] = 'metric';
      guessed = true;
    }
  }
  return { roles, guessed };
}

/**
 * Whether the columns make a success-criteria table: a metric and at least one other part; a
 * column only guessed to be the metric (Service, Description) needs a target column beside it, so
 * a schedule of deliverables and due dates is not read as criteria.
 */
function criteriaTable(roles: ReadonlyArray<Role | undefined>, guessed: boolean): boolean {
  if (!roles.includes('metric')) return false;
  if (guessed) return roles.includes('target');
  return roles.some((r) => r === 'target' || r === 'baseline' || r === 'window' || r === 'method' || r === 'remedy');
}

const cellValue = (cell: string | undefined): string | null => {
  const v = cell?.trim();
  return !v || EMPTY_CELL.test(v) ? null : v;
};

/** The criterion one row of a success-criteria table states, or undefined for an empty row. */
function readRow(cells: readonly string[], roles: ReadonlyArray<Role | undefined>, locale: Locale): SentenceReading['criterion'] | undefined {
  const part = (p: CriterionPart): string | null => {
    const i = roles.indexOf(p);
    return i < 0 ? null : cellValue(cells[i]);
  };
  const metric = part('metric');
  const target = part('target');
  if (metric === null && target === null) return undefined;
  // A row with a single readable cell cannot be read as a criterion (a broken or a label row).
  if (roles.filter((r, i) => r !== undefined && r !== 'owner' && r !== 'result' && cellValue(cells[i]) !== null).length < 2) return undefined;
  const parts = { metric, target, baseline: part('baseline'), window: part('window'), method: part('method'), remedy: part('remedy') };
  // Parts the table has no column for may still be written in the row ("Monthly availability").
  const rowText = cells.join(' | ');
  const fill = (p: 'baseline' | 'window' | 'method', kinds: Kind): void => {
    if (roles.includes(p) || parts[p] !== null) return;
    for (const c of cells) {
      const ms = measurements(c, locale);
      const m = ms.find((x) => kindOf(x, c, locale) === kinds);
      if (m) {
        parts[p] = runOn(c, m.start, m.end, ms);
        return;
      }
    }
  };
  fill('window', 'window');
  fill('method', 'method');
  fill('baseline', 'baseline');
  if (!roles.includes('remedy')) {
    const r = remedyAt(rowText, locale);
    if (r) parts.remedy = runOn(rowText, r.start, r.end);
  }
  const w = WORDS[locale];
  const needsBaseline = roles.includes('baseline') || parts.baseline !== null || w.comparative.test(`${metric ?? ''} ${target ?? ''}`);
  const name = metric ?? target ?? '';
  return { ...parts, needsBaseline, keys: metricKeys(stripNumbers(name), locale), term: name.slice(0, 60) };
}

/** The facts of one block (see the module comment). */
export function blockFacts(src: string, locale: Locale): BlockFacts {
  const facts: BlockFacts = { src, locale, headings: [], criteria: [], remedies: [] };
  const lines = lineSpans(src);
  let fence: string | null = null;
  let comment = false;
  // The prose lines of the current paragraph or list item: [start, end).
  let para: { start: number; end: number } | null = null;
  const flush = (): void => {
    if (para) readProse(src, para.start, para.end, locale, facts);
    para = null;
  };
  // The next pipe at or after a line's first character (src.length when none): found with indexOf,
  // once for all the lines up to it.
  let pipe = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const first = skipBlanks(src, l.start, l.end);
    // The line's text from `first` is read in place: a line ends before a CR or LF, which no
    // marker read here holds, so `src.startsWith(x, first)` is the line's own.
    if (fence) {
      if (src.startsWith(fence, first)) fence = null;
      continue;
    }
    if (comment) {
      if (src.slice(first, l.end).includes('-->')) comment = false;
      continue;
    }
    if (first === l.end) {
      flush();
      continue;
    }
    const c = src.charCodeAt(first);
    if ((c === 96 /* ` */ || c === 126) /* ~ */ && (src.startsWith('```', first) || src.startsWith('~~~', first))) {
      flush();
      fence = src.slice(first, first + 3);
      continue;
    }
    if (c === 60 /* < */ && src.startsWith('<!--', first)) {
      flush();
      if (!src.slice(first, l.end).includes('-->')) comment = true;
      continue;
    }
    if (first - l.start >= 4 && !para) continue; // indented code
    const atx = c === 35 /* # */ ? atxHeading(src, l) : undefined;
    if (atx) {
      flush();
      const text = clean(headingText(src.slice(atx[1], l.end)));
      facts.headings.push({ start: l.start, end: l.end, level: atx[0], remedy: remedyHeading(text, locale), text });
      continue;
    }
    if (pipe < first) {
      pipe = src.indexOf('|', first);
      if (pipe < 0) pipe = src.length;
    }
    const piped = pipe < l.end;
    const next = lines[i + 1];
    if (next && para === null && setextLevel(src, next) && !piped) {
      const text = clean(src.slice(first, l.end));
      facts.headings.push({ start: l.start, end: next.end, level: setextLevel(src, next), remedy: remedyHeading(text, locale), text });
      i++;
      continue;
    }
    if (piped && next && isDelimiterRow(src, next)) {
      flush();
      i = readTable(src, lines, i, locale, facts);
      continue;
    }
    const p = proseStart(src, l);
    if (p.item || !para) {
      flush();
      para = { start: p.at, end: l.end };
    } else para.end = l.end;
  }
  flush();
  return facts;
}

const NEGATED_HEADING = /\b(?:without|no|excluding)\b|不含|无|除外/i;

/** A heading that opens a remedy section ("Service credits"), not one that says there is none. */
function remedyHeading(text: string, locale: Locale): boolean {
  return warm(WORDS[locale].remedyHeading, text).test(text) && !NEGATED_HEADING.test(text);
}

/** Reads a table from its header line; returns the index of its last line. */
function readTable(src: string, lines: readonly Line[], header: number, locale: Locale, facts: BlockFacts): number {
  const { roles, guessed } = columnRoles(splitCells(src.slice(lines[header]!.start, lines[header]!.end)));
  const isCriteria = criteriaTable(roles, guessed);
  let i = header + 2;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const raw = src.slice(l.start, l.end);
    if (!raw.includes('|') || raw.trim() === '') break;
    const start = skipBlanks(src, l.start, l.end);
    let end = l.end;
    while (end > start && (src.charCodeAt(end - 1) === 32 || src.charCodeAt(end - 1) === 9)) end--;
    // A row of another table is split into cells only when it may state something.
    const hints = isCriteria ? MAY_ANY : factHints(raw);
    if (!hints) continue;
    const cells = splitCells(blankComments(raw));
    if (isCriteria) {
      const c = readRow(cells, roles, locale);
      if (c) facts.criteria.push({ ...c, text: cells.filter((x) => x.trim()).join(' | '), start, end, source: 'table', locale });
      else {
        const row = cells.join(' | ');
        const r = remedyAt(row, locale);
        if (r) facts.remedies.push({ start, end, text: runOn(row, r.start, r.end), blanket: WORDS[locale].blanket.test(row) });
      }
    } else readUnit(cells.filter((x) => x.trim()).join(' | '), start, end, 'table', locale, facts, hints);
  }
  return i - 1;
}

/** The text with its HTML comments blanked out (same length, so offsets hold). */
function blankComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    out += text.slice(from, open) + ' '.repeat(end - open);
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Whether a raw text may hold a criterion or a remedy once cleaned: a criterion needs a number and
 * a remedy its stem (see `readSentence`). Text with tags or comments is always read: cleaning
 * removes them whole, which can join the words around them. Emphasis and code marks (`*`, `` ` ``,
 * `_`) can join a word too, or bring a number word to a word boundary ("__one__"), and no number or
 * stem holds one, so the text is tested without any of them: every match in a cleaned sentence is
 * then a match in it.
 */
export function mayHoldFacts(raw: string): boolean {
  if (raw.includes('<')) return true;
  const text = MARKS.test(raw) ? raw.replace(MARKS_ALL, '') : raw;
  return warm(NUMBERISH, text).test(text) || mayHoldRemedy(text);
}
const MARKS = /[*`_]/;
const MARKS_ALL = /[*`_]/g;

/**
 * `mayHoldFacts` part by part: `MAY_NUMBER` when the text may hold a number, `MAY_REMEDY` when it
 * may hold a remedy's stem (0: neither). A sentence read with these hints skips the tests that
 * cannot succeed on it (`readSentence`), for the same reason the pre-test may skip it whole.
 * Without `remedyPossible` (a text around it has no remedy's stem, and stems hold no white space
 * or mark, so no part of it has one), only the number is tested.
 */
export function factHints(raw: string, remedyPossible = true): number {
  if (raw.includes('<')) return MAY_ANY;
  const text = MARKS.test(raw) ? raw.replace(MARKS_ALL, '') : raw;
  return (warm(NUMBERISH, text).test(text) ? MAY_NUMBER : 0) | (remedyPossible && mayHoldRemedy(text) ? MAY_REMEDY : 0);
}

/** Reads the sentences of a paragraph or list item. */
function readProse(src: string, start: number, end: number, locale: Locale, facts: BlockFacts): void {
  const raw = src.slice(start, end);
  const whole = factHints(raw);
  if (!whole) return;
  const text = blankComments(raw);
  for (const [a, z] of splitSentences(text, locale)) {
    // The same pre-test, sentence by sentence: a sentence that fails it (about one in six of a
    // paragraph that passes) states neither, and need not be cleaned and read; one that passes is
    // read for what it may state.
    const sentence = text.slice(a, z);
    const hints = factHints(sentence, (whole & MAY_REMEDY) !== 0);
    if (hints) readUnit(clean(sentence), start + a, start + z, 'prose', locale, facts, hints);
  }
}

function readUnit(text: string, start: number, end: number, source: 'prose' | 'table', locale: Locale, facts: BlockFacts, hints: number): void {
  if (!text) return;
  const r = readSentence(text, locale, hints);
  if (r.criterion) facts.criteria.push({ ...r.criterion, text, start, end, source, locale });
  if (r.remedy) facts.remedies.push({ start, end, text: r.remedy.text, blanket: r.remedy.blanket });
}
