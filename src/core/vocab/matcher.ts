/**
 * The one generic matcher: compiles a vocabulary into a regular expression per rule, with one
 * capturing group per entry so a match names its entry.
 */
import type { RuleId } from '../types.js';
import type { VocabEntry, Vocabulary } from './types.js';
import { looserSource, looserWithoutUnicode, NEEDS_UNICODE, UNICODE_WORD, withStandIn, type WithStandIn } from '../unicode-regex.js';
import { warm } from '../regex-warm.js';
import { folded, lowerText } from '../case-fold.js';
import { factorAlternatives, leadingCharacter, literalLeading, topLevelAlternatives } from '../regex-factor.js';

export interface TermMatch {
  entry: VocabEntry;
  start: number;
  end: number;
  text: string;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regular-expression source of an entry (its pattern, or its term as literal text). */
export function entrySource(e: VocabEntry): string {
  return e.pattern ?? escapeRegExp(e.term).replace(/\s+/g, '\\s+');
}

/**
 * The pattern as it must match raw Markdown for the candidate test: a space may be any run of
 * white space (line breaks included) or emphasis markers between the words of a term.
 */
export function looseSource(pattern: string, between = '[\\s*_~>]+'): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']' && inClass) {
      inClass = false;
      out += ch;
    } else if (ch === ' ') {
      out += inClass ? '\\s' : between;
    } else out += ch;
  }
  return out;
}

/** The pattern of a rule's terms: the entries in the order they are tried, and its source. */
export interface RulePlan {
  rule: RuleId;
  /** The rule's entries in the order their alternatives are tried (indices into the vocabulary's entries). */
  order: number[];
  source: string;
}

/** Longer terms first; an entry read by words (`head`) after every fixed one (see `planRule`). */
function matchOrder(a: VocabEntry, b: VocabEntry): number {
  return Number(a.head !== undefined) - Number(b.head !== undefined) || b.term.length - a.term.length;
}

/** Whether a pattern with `flags` has a stand-in (`looserWithoutUnicode`). */
function hasStandIn(source: string, flags: string): boolean {
  return looserWithoutUnicode(source, flags) !== undefined;
}

/** The plan of one rule's matcher: its entries (indices into `all`) in the order they are tried, and its sources. */
function planRule(rule: RuleId, all: readonly VocabEntry[], indices: readonly number[], wordBoundaries: boolean): RulePlan {
  // Longer terms first; an entry read by words (`head`) after every fixed one, since its pattern
  // is open and would otherwise take the place of a fixed term at the same position ("更高" is a
  // fixed comparative; read by words it is one word and no match, and nothing would be found).
  const order = [...indices].sort((a, b) => matchOrder(all[a]!, all[b]!));
  // A space in a term matches any run of white space (double spaces, line breaks).
  const alts = order.map((i) => `(${looseSource(entrySource(all[i]!), '\\s+')})`).join('|');
  const source = wordBoundaries ? `(?<!${UNICODE_WORD})(?:${alts})(?!${UNICODE_WORD})` : `(?:${alts})`;
  return { rule, order, source };
}

/** The pattern of a planned source with `flags`, and its stand-in when the plan says it has one (`withStandIn`). */
function fromPlan(source: string, standIn: boolean, flags: string): WithStandIn {
  return withStandIn(source, flags, () => (standIn ? looserSource(source, flags) : undefined));
}

export class RuleMatcher {
  private readonly patterns: WithStandIn;
  /**
   * Matches wherever `re` does, faster (see unicode-regex.ts): a text it misses holds no term, and
   * it finds `re`'s matches as long as each passes `re`'s boundaries. (Global: reset `lastIndex`.)
   */
  readonly pre: RegExp | undefined;
  /** The exact matcher (made on first use: most texts are read by `pre` alone). */
  get re(): RegExp {
    return this.patterns.exact;
  }
  /** The entries in the order their alternatives are tried: capture group `i + 1` is entry `i`. */
  readonly entries: readonly VocabEntry[];
  constructor(
    entries: readonly VocabEntry[],
    readonly wordBoundaries: boolean,
    plan: RulePlan = planRule(entries[0]?.rule ?? ('' as RuleId), entries, entries.map((_, i) => i), wordBoundaries),
  ) {
    this.entries = plan.order.map((i) => entries[i]!);
    this.patterns = withStandIn(plan.source, 'giu', looserWithoutUnicode);
    this.pre = this.patterns.standIn;
    this.source = plan.source;
    this.standIn = this.pre !== undefined;
  }

  private readonly standIn: boolean;
  private readonly source: string;
  private stickyForms: WithStandIn | undefined;
  /**
   * The matcher as a sticky pattern, tried at one position (`matchRules`): the stand-in on texts
   * without `NEEDS_UNICODE` when the rule has one (`looseText`), else the exact pattern.
   */
  sticky(looseText: boolean): { re: RegExp; loose: boolean } {
    const forms = (this.stickyForms ??= fromPlan(this.source, this.standIn, 'iuy'));
    return looseText && forms.standIn ? { re: forms.standIn, loose: true } : { re: forms.exact, loose: false };
  }

  /** Matches in order of position, at most `limit` of them. */
  matchAll(text: string, limit = Infinity): TermMatch[] {
    const out: TermMatch[] = [];
    if (this.entries.length === 0) return out;
    const pre = this.pre;
    const portable = pre !== undefined && !NEEDS_UNICODE.test(text);
    // The loose matcher finds the same matches as the exact one while every match it finds passes
    // the exact boundaries (its own are weaker, the alternatives the same); else the exact one runs.
    // A text without a match costs it one pass, as a separate test would.
    if (portable && this.collect(pre, text, limit, out, this.wordBoundaries)) return out;
    out.length = 0;
    this.collect(this.re, text, limit, out, false);
    return out;
  }

  /** Collects the matches of `re`; false when a match fails the exact word boundaries (with `verify`). */
  private collect(re: RegExp, text: string, limit: number, out: TermMatch[], verify: boolean): boolean {
    warm(re, text).lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (verify && ((m.index > 0 && WORD.test(text[m.index - 1]!)) || (end < text.length && WORD.test(text[end]!)))) return false;
      let gi = 1;
      while (gi < m.length && m[gi] === undefined) gi++;
      const entry = this.entries[gi - 1];
      if (entry) out.push({ entry, start: m.index, end, text: m[0] });
      if (out.length >= limit) break;
    }
    return true;
  }
}

/** A character of the terms' boundary class (`UNICODE_WORD`). */
const WORD = new RegExp(UNICODE_WORD, 'u');

export interface Unless {
  before?: RegExp;
  after?: RegExp;
  /** The text before must end with this (`onlyBefore`). */
  onlyBefore?: RegExp;
}

export interface CompiledVocabulary {
  vocab: Vocabulary;
  /** Context conditions per entry (`unlessBefore` / `unlessAfter` / `onlyBefore`). */
  unless: Map<VocabEntry, Unless>;
  /** The first word each `head` entry must start with (whole-word pattern). */
  heads: Map<VocabEntry, RegExp>;
  byRule: Map<RuleId, RuleMatcher>;
  /**
   * Matches any term of any rule, in one pattern (what `anyParts` splits; the tests compare them).
   * Its alternatives are grouped by leading characters, so it says whether a text holds a term, not which.
   */
  readonly any: RegExp;
  /** Matches wherever `any` does, faster, on texts without `NEEDS_UNICODE` (see unicode-regex.ts). */
  readonly anyLoose: RegExp | undefined;
  /**
   * The same test in parts of at most `TEST_PART` source characters each (with their looser forms):
   * a text holds a term when one part matches. `mayHoldTerm` runs these, not `any`.
   */
  anyParts: readonly WithStandIn[];
  /**
   * Per part, whether it finds its terms after their first word (`compoundForm`): a match then
   * starts where the letters before it begin.
   */
  readonly afterFirstWord: readonly boolean[];
  /**
   * Whether a text that needs the `u` patterns only for its characters beyond the Basic
   * Multilingual Plane may be read by the stand-ins with those characters standing in (`bmpText`):
   * every part and rule has a stand-in, and no term holds such a character itself.
   */
  readonly astralStandIns: boolean;
}

/**
 * The longest source of one part of the candidate test. V8 leaves a pattern of more than 20 KB
 * unoptimised (no first-character check), and the whole English test, at about 21 KB, then ran
 * fifteen times slower (a 1 MB document: 21 ms -> 350 ms).
 */
export const TEST_PART = 15_000;

/** The characters of `NEEDS_UNICODE` that are not surrogates: case folds the stand-ins lack. */
const FOLDS = /[\u017F\u212A]/;
/** A character beyond the Basic Multilingual Plane (a surrogate pair), or a lone surrogate. */
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
/** What stands for such a character in `bmpText`: one code unit, private use, no letter, digit or case. */
const ASTRAL_STAND_IN = '\uE000';

/**
 * A text whose characters beyond the Basic Multilingual Plane (emoji, rare Han) are the only reason
 * it needs the `u` patterns, made readable by the stand-ins: each such character (or lone
 * surrogate) becomes `ASTRAL_STAND_IN`, one code unit where the `u` patterns read one code point,
 * so `.`, negated classes and counted repeats read it as they read the original. What differs is
 * the word boundary beside it (an astral letter is a word character to the exact patterns), which
 * the caller checks on the original. `at[i]` is the original offset of offset `i`.
 */
interface BmpText {
  text: string;
  at: number[];
  original: string;
}
function bmpText(original: string): BmpText {
  const at: number[] = [];
  let text = '';
  let last = 0;
  ASTRAL.lastIndex = 0;
  for (let m = ASTRAL.exec(original); m; m = ASTRAL.exec(original)) {
    for (let i = last; i <= m.index; i++) at.push(i);
    text += original.slice(last, m.index) + ASTRAL_STAND_IN;
    last = m.index + m[0].length;
  }
  for (let i = last; i <= original.length; i++) at.push(i);
  return { text: text + original.slice(last), at, original };
}

/** Whether the stand-ins may read `text` once its astral characters stand in (`bmpText`). */
function astralOnly(v: CompiledVocabulary, text: string): boolean {
  return v.astralStandIns && !FOLDS.test(text);
}

/** Whether the code point that ends at `i` (`before`) or starts at `i` is a word character of the exact boundaries. */
function wordBeside(text: string, i: number, before: boolean): boolean {
  if (before ? i <= 0 : i >= text.length) return false;
  const cp = before ? codePointBefore(text, i) : text.codePointAt(i)!;
  return WORD.test(String.fromCodePoint(cp));
}
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 2)!;
  }
  return low;
}

/** Whether a block's raw text may hold a term (never false when it does). */
export function mayHoldTerm(v: CompiledVocabulary, text: string): boolean {
  let loose = !NEEDS_UNICODE.test(text);
  if (!loose && astralOnly(v, text)) {
    text = text.replace(ASTRAL, ASTRAL_STAND_IN);
    loose = true;
  }
  // The stand-ins run in one case on the lower-cased text, where they can (case-fold.ts).
  const low = loose ? lowerText(text) : undefined;
  for (const p of v.anyParts) {
    const one = low !== undefined && p.standIn ? folded(p.standIn) : undefined;
    const subject = one ? low! : text;
    const re = warm(one ?? (loose && p.standIn ? p.standIn : p.exact), subject);
    re.lastIndex = 0;
    if (re.test(subject)) return true;
  }
  return false;
}

/**
 * More places where a term may start than this, and `matchRules` reads the text rule by rule
 * instead (a sentence repeating a term thousands of times: one pass per rule costs less then).
 */
const MAX_STARTS = 256;

/**
 * Every rule's matches in a text, at most `limit` per rule, in order of position: what each
 * rule's `matchAll` finds, for a fraction of the cost. The candidate test's parts (grouped by
 * leading characters, so a position costs a few comparisons) find every position where a term of
 * any rule may start; each rule's own pattern is then tried at those positions alone, as a sticky
 * pattern, and a rule's next match is looked for after its last one ends, as its global search
 * would. A text without a term costs one pass of the test.
 */
export function matchRules(v: CompiledVocabulary, text: string, limit = Infinity): ReadonlyMap<RuleId, readonly TermMatch[]> {
  if (!NEEDS_UNICODE.test(text)) return readAtStarts(v, text, limit, true) || readAtStarts(v, text, limit, false) || byRuleScan(v, text, limit);
  if (astralOnly(v, text)) {
    const bmp = bmpText(text);
    const out = readAtStarts(v, bmp.text, limit, true, bmp);
    if (out) return out;
  }
  return readAtStarts(v, text, limit, false) || byRuleScan(v, text, limit);
}

/** No rule's matches (a text where no term may start): every rule's list is missing, read as empty. */
const NO_MATCHES: ReadonlyMap<RuleId, TermMatch[]> = new Map();

/** `matchRules` by each rule's `matchAll`. */
function byRuleScan(v: CompiledVocabulary, text: string, limit: number): Map<RuleId, TermMatch[]> {
  const out = new Map<RuleId, TermMatch[]>();
  for (const [rule, matcher] of v.byRule) out.set(rule, matcher.matchAll(text, limit));
  return out;
}

/**
 * `matchRules` by the test's start positions; undefined when the loose patterns found a match that
 * fails the exact word boundaries (then the exact ones read the text), or when the text has more
 * than `MAX_STARTS` positions to try.
 */
function readAtStarts(v: CompiledVocabulary, text: string, limit: number, looseText: boolean, bmp?: BmpText): ReadonlyMap<RuleId, readonly TermMatch[]> | undefined {
  const starts: number[] = [];
  // The stand-ins run in one case on the lower-cased text, where they can (case-fold.ts): same
  // matches at the same offsets; a match's text is then read from `text`.
  const low = looseText ? lowerText(text) : undefined;
  for (let i = 0; i < v.anyParts.length; i++) {
    const p = v.anyParts[i]!;
    const one = low !== undefined && p.standIn ? folded(p.standIn) : undefined;
    const subject = one ? low! : text;
    const re = warm(one ?? (looseText && p.standIn ? p.standIn : p.exact), subject);
    const afterFirstWord = v.afterFirstWord[i];
    re.lastIndex = 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      if (starts.length >= MAX_STARTS) return undefined;
      starts.push(afterFirstWord ? firstWordStart(subject, m.index) : m.index);
      re.lastIndex = m.index + 1;
    }
  }
  if (starts.length === 0) return NO_MATCHES;
  if (v.anyParts.length > 1) starts.sort((a, b) => a - b);
  const out = new Map<RuleId, TermMatch[]>();
  const rules: Array<{ matcher: RuleMatcher; list: TermMatch[]; next: number; re: RegExp; loose: boolean; subject: string; folded: boolean }> = [];
  for (const [rule, matcher] of v.byRule) {
    const list: TermMatch[] = [];
    out.set(rule, list);
    const { re, loose } = matcher.sticky(looseText);
    const one = low !== undefined && loose ? folded(re) : undefined;
    rules.push({ matcher, list, next: 0, re: one ?? re, loose, subject: one ? low! : text, folded: one !== undefined });
  }
  let previous = -1;
  for (const at of starts) {
    if (at === previous) continue;
    previous = at;
    for (const r of rules) {
      if (at < r.next || r.list.length >= limit) continue;
      const re = warm(r.re, r.subject);
      re.lastIndex = at;
      const m = re.exec(r.subject);
      if (!m || m[0].length === 0) continue;
      const end = at + m[0].length;
      r.next = end;
      let gi = 1;
      while (gi < m.length && m[gi] === undefined) gi++;
      const entry = r.matcher.entries[gi - 1];
      // In the original's offsets (with astral characters standing in, `bmp` maps them back).
      const original = bmp?.original ?? text;
      const start = bmp ? bmp.at[at]! : at;
      const stop = bmp ? bmp.at[end]! : end;
      // The stand-in's boundaries are ASCII: a match beside a word character beyond them is read again exactly.
      if (r.loose && r.matcher.wordBoundaries && (wordBeside(original, start, true) || wordBeside(original, stop, false))) return undefined;
      if (entry) r.list.push({ entry, start, end: stop, text: bmp || r.folded ? original.slice(start, stop) : m[0] });
    }
  }
  return out;
}

/**
 * Where the letters that end at `i` begin: the start of a compound the test found after its first
 * word (`compoundForm`, whose `[a-z]` reads in either case, and under the `u` patterns also U+017F
 * and U+212A, the letters Unicode folds to `s` and `k`).
 */
function firstWordStart(text: string, i: number): number {
  while (i > 0) {
    const c = text.charCodeAt(i - 1) | 32;
    if ((c >= 97 && c <= 122) || c === 0x17f || c === 0x212a) i--;
    else break;
  }
  return i;
}

/** The candidate test's pattern over some term sources (whole words where the vocabulary has them). */
function testSource(sources: readonly string[], wordBoundaries: boolean): string {
  // Only tested, never asked which term matched: grouped by leading characters (regex-factor.ts).
  const all = factorAlternatives(sources, true) || '(?!)';
  return wordBoundaries ? `(?<!${UNICODE_WORD})(?:${all})(?!${UNICODE_WORD})` : `(?:${all})`;
}

/**
 * The costly part of compiling a vocabulary, as plain data: the sources of the candidate test,
 * made by grouping and factoring every term's alternatives (regex-factor.ts). Making them costs a
 * fresh process about 35 ms for the built-in English vocabulary, so the built-in vocabularies'
 * plans are generated ahead (`plan.<locale>.json`, by `npm run generate`) and used while they fit
 * the vocabulary (`fingerprint`). Each rule's own pattern is a plain alternation of its terms,
 * cheap to make, and is made at compile time.
 */
export interface VocabularyPlan {
  /** `vocabularyFingerprint` of the vocabulary planned. */
  fingerprint: string;
  /** The candidate test's parts (see `CompiledVocabulary.anyParts`): their sources and whether each has a stand-in. */
  parts: Array<{ source: string; standIn: boolean; afterFirstWord?: true }>;
}

/** An alternative that starts with any word of a few letters (`[a-z]{3,15}-class`), after an optional exclusion (`(?!sub-)`). */
const LETTERS_FIRST = /^(\(\?!(?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))?\[a-z\]\{\d+,\d+\}/;

/**
 * The form of a compound alternative (`(?!sub-)[a-z]{3,15}-(?:grade|class)`) that the candidate
 * test looks for where its fixed part starts (`-grade`), with the word before it checked behind:
 * `-(?<=(?<!W)(?!sub-)[a-z]{3,15}-)(?:grade|class)`. It matches exactly where the alternative
 * does, at the end of its first word instead of its start. Left in the test as written, such an
 * alternative is tried at every word, and the test's part holding it ran twice as long as the
 * others; found by its fixed part, it is tried only where that part's first character is (the
 * pattern starts with that character, so V8 looks for it before trying anything). Undefined for
 * any other alternative, and for a fixed part that does not start with a plain character.
 */
function compoundForm(alt: string): string | undefined {
  const m = LETTERS_FIRST.exec(alt);
  if (!m) return undefined;
  const rest = alt.slice(m[0].length);
  const first = rest[0];
  if (first === undefined || !/[^\\()[\]{}|*+?.^$\s]/.test(first) || leadingCharacter(rest) !== first) return undefined;
  return `${first}(?<=(?<!${UNICODE_WORD})${m[0]}${first})${rest.slice(1)}`;
}

/**
 * A fingerprint of everything the plan of a vocabulary is made from (FNV-1a over each entry's rule,
 * term, pattern and head, and the word-boundary setting), so a plan is never used for another vocabulary.
 */
export function vocabularyFingerprint(vocab: Vocabulary): string {
  let h = 0x811c9dc5;
  const add = (s: string): void => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
  };
  add(vocab.wordBoundaries ? 'words' : 'characters');
  for (const e of vocab.entries) {
    add(e.rule);
    add(e.term);
    add(e.pattern ?? '');
    add(e.head ?? '');
  }
  return `${vocab.entries.length}:${(h >>> 0).toString(16)}`;
}

/** The plan of a vocabulary (`VocabularyPlan`). */
export function planVocabulary(vocab: Vocabulary): VocabularyPlan {
  const alternatives = vocab.entries.flatMap((e) => topLevelAlternatives(looseSource(entrySource(e))));
  // Parts of the test: the terms' alternatives grouped by their first character, the groups in
  // order and the alternatives that start otherwise last, cut where a part would pass TEST_PART. A
  // part whose alternatives start with a few characters runs faster than one that holds every
  // letter (a 1 MB document's blocks and units: about a quarter less).
  const byFirst = new Map<string, string[]>();
  const otherwise: string[] = [];
  // Compounds of any word, found after their first word: a part of their own (`compoundForm`).
  const compounds: string[] = [];
  // In the forms the test is made of (regex-factor.ts): a part is cut by their length.
  for (const alt of alternatives.flatMap((a) => literalLeading(a))) {
    const first = leadingCharacter(alt)?.toLowerCase();
    const compound = first === undefined && vocab.wordBoundaries ? compoundForm(alt) : undefined;
    if (compound !== undefined) compounds.push(compound);
    else if (first === undefined) otherwise.push(alt);
    else {
      const list = byFirst.get(first);
      if (list) list.push(alt);
      else byFirst.set(first, [alt]);
    }
  }
  const ordered = [...[...byFirst.keys()].sort().flatMap((k) => byFirst.get(k)!), ...otherwise];
  const parts: string[][] = [];
  let part: string[] = [];
  let length = 0;
  for (const s of ordered) {
    if (part.length > 0 && length + s.length + 1 > TEST_PART) {
      parts.push(part);
      part = [];
      length = 0;
    }
    part.push(s);
    length += s.length + 1;
  }
  if (part.length > 0 || parts.length === 0) parts.push(part);
  return {
    fingerprint: vocabularyFingerprint(vocab),
    parts: [
      ...parts.map((p) => {
        const source = testSource(p, vocab.wordBoundaries);
        return { source, standIn: hasStandIn(source, 'giu') };
      }),
      ...(compounds.length
        ? [
            (() => {
              const source = `(?:${compounds.join('|')})(?!${UNICODE_WORD})`;
              return { source, standIn: hasStandIn(source, 'giu'), afterFirstWord: true as const };
            })(),
          ]
        : []),
    ],
  };
}

/**
 * Compiles a vocabulary, from `plan` when it is the plan of this vocabulary (same fingerprint),
 * else from a plan made now. `planned` says the caller knows `plan` is this vocabulary's (the
 * built-in vocabularies with their generated plans, which a test holds to their fingerprints):
 * the fingerprint, a pass over every pattern, is then not computed again in every fresh process.
 */
export function compileVocabulary(vocab: Vocabulary, plan?: VocabularyPlan, planned = false): CompiledVocabulary {
  if (!plan || (!planned && plan.fingerprint !== vocabularyFingerprint(vocab))) plan = planVocabulary(vocab);
  // Each rule's matcher, in the order of the rule's first entry.
  const groups = new Map<RuleId, number[]>();
  vocab.entries.forEach((e, i) => {
    const list = groups.get(e.rule);
    if (list) list.push(i);
    else groups.set(e.rule, [i]);
  });
  const byRule = new Map<RuleId, RuleMatcher>();
  for (const [rule, indices] of groups) byRule.set(rule, new RuleMatcher(vocab.entries, vocab.wordBoundaries, planRule(rule, vocab.entries, indices, vocab.wordBoundaries)));
  // Global: `matchRules` reads where each part matches.
  const anyParts = plan.parts.map((p) => fromPlan(p.source, p.standIn, 'giu'));
  const afterFirstWord = plan.parts.map((p) => p.afterFirstWord === true);
  const unless = new Map<VocabEntry, Unless>();
  for (const e of vocab.entries) {
    if (!e.unlessBefore && !e.unlessAfter && !e.onlyBefore) continue;
    unless.set(e, {
      ...(e.unlessBefore ? { before: new RegExp(`(?:${e.unlessBefore})$`, 'iu') } : {}),
      ...(e.unlessAfter ? { after: new RegExp(`^(?:${e.unlessAfter})`, 'iu') } : {}),
      ...(e.onlyBefore ? { onlyBefore: new RegExp(`(?:${e.onlyBefore})$`, 'iu') } : {}),
    });
  }
  const heads = new Map<VocabEntry, RegExp>();
  for (const e of vocab.entries) if (e.head) heads.set(e, new RegExp(`^(?:${e.head})$`, 'u'));
  let whole: WithStandIn | undefined;
  const wholeTest = (): WithStandIn =>
    (whole ??= withStandIn(
      testSource(
        vocab.entries.flatMap((e) => topLevelAlternatives(looseSource(entrySource(e)))),
        vocab.wordBoundaries,
      ),
      'iu',
      looserWithoutUnicode,
    ));
  return {
    vocab,
    byRule,
    // Made only when asked for (mayHoldTerm reads the parts).
    get any() {
      return wholeTest().exact;
    },
    get anyLoose() {
      return wholeTest().standIn;
    },
    anyParts,
    afterFirstWord,
    astralStandIns:
      anyParts.every((p) => p.standIn !== undefined) &&
      [...byRule.values()].every((m) => m.pre !== undefined) &&
      !vocab.entries.some((e) => /[\uD800-\uDFFF]/.test(entrySource(e))),
    unless,
    heads,
  };
}

let segmenter: Intl.Segmenter | null | undefined;

/**
 * A `head` match read by words: the term is the first word (which must match `head`) and the word
 * after it; undefined when the first word is not the head ("更新" read as 更 + 新) or the text has
 * no second word there. Without `Intl.Segmenter` the match stands as the pattern found it.
 */
export function headMatch(m: TermMatch, head: RegExp, text: string): TermMatch | undefined {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return m;
  // Segment from a few characters before the match, so the first word is read in its context.
  const from = Math.max(0, m.start - 4);
  let end = -1;
  let words = 0;
  for (const s of segmenter.segment(text.slice(from, m.end + 4))) {
    const at = from + s.index;
    const stop = at + s.segment.length;
    if (stop <= m.start) continue;
    if (words === 0) {
      if (at !== m.start || !head.test(s.segment)) return undefined;
    } else if (!/\p{Script=Han}/u.test(s.segment)) return undefined;
    words++;
    end = stop;
    if (words === 2) break;
  }
  return words === 2 ? { entry: m.entry, start: m.start, end, text: text.slice(m.start, end) } : undefined;
}
