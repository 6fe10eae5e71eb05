/**
 * Classifies a claim into topics (performance, cost, security, ...) from a vocabulary kept as data
 * in topics.<locale>.json: English patterns match on word boundaries, case-insensitively; Chinese
 * terms match as substrings. Each distinct term counts once with its weight (default 1).
 */
import type { Locale } from '../types.js';
import en from './topics.en.json' with { type: 'json' };
import zh from './topics.zh.json' with { type: 'json' };
import { TOPICS, type Topic } from './types.js';

/** One vocabulary entry: a pattern (en: regular expression source; zh: literal text) and its weight. */
export type TopicTerm = string | { pattern: string; weight?: number };
export type TopicVocabulary = Readonly<Record<Topic, readonly TopicTerm[]>>;

export const TOPIC_VOCABULARY: Readonly<Record<Locale, TopicVocabulary>> = {
  en: en as TopicVocabulary,
  zh: zh as TopicVocabulary,
};

export interface TopicScore {
  topic: Topic;
  score: number;
  /** The matched text of each term that counted, in order of first occurrence. */
  terms: string[];
  /** Offset of the first match, used to break ties. */
  first: number;
}

interface CompiledTerm {
  topic: Topic;
  weight: number;
  /** English: the literal every match starts with ('' when none). */
  prefix: string;
  /** `lower` is `text` in lower case, aligned with it (see `UNALIGNED`) or not. */
  match: (text: string, lower: string, aligned: boolean) => { index: number; text: string } | null;
}

/**
 * The two characters whose lower case is not one character outside ASCII: U+0130 (İ) becomes two
 * characters, U+212A (the Kelvin sign) becomes `k`, which a case-insensitive pattern without the
 * `u` flag does not equate with it. On a text without them, `toLowerCase()` keeps every offset and
 * a case-insensitive ASCII literal matches exactly where its lower case occurs in the lower case.
 */
const UNALIGNED = /[\u0130\u212A]/;

/** A pattern that is plain text: letters, digits, spaces, hyphens and apostrophes only. */
const LITERAL = /^[A-Za-z0-9 '-]+$/;

/** A character of the topic boundary `[\w-]` (ASCII, as the patterns are compiled without `u`). */
function boundaryChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/**
 * The first match of a plain-text pattern in a text, as `compileTerm`'s regular expression finds it
 * (case-insensitive, not inside a word or a hyphenated compound), read from the aligned lower case.
 */
function literalMatch(needle: string, text: string, lower: string): { index: number; text: string } | null {
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if ((i > 0 && boundaryChar(text.charCodeAt(i - 1))) || (end < text.length && boundaryChar(text.charCodeAt(end)))) continue;
    return { index: i, text: text.slice(i, end) };
  }
  return null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles one term of a locale; exported for the vocabulary test. */
export function compileTerm(term: TopicTerm, locale: Locale): RegExp {
  const pattern = typeof term === 'string' ? term : term.pattern;
  return locale === 'en' ? new RegExp(`(?<![\\w-])(?:${pattern})(?![\\w-])`, 'i') : new RegExp(escapeRegExp(pattern), 'i');
}

/**
 * A lower-case literal that every match of an English pattern starts with (case-insensitively), or
 * '' when there is none: a text that lacks it cannot match, and the regular expression is skipped.
 * Only plain ASCII characters count; the prefix stops at the first operator, class, group or
 * escape, and a character made optional by a quantifier is left out. A pattern with a top-level
 * alternative has no prefix.
 */
export function literalPrefix(pattern: string): string {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return '';
  }
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (!/[A-Za-z0-9 -]/.test(c)) break;
    const q = pattern[i + 1];
    if (q === '?' || q === '*' || q === '{') break;
    out += c.toLowerCase();
    if (q === '+') break;
  }
  return out;
}

const compiled = new Map<Locale, CompiledTerm[]>();

function termsFor(locale: Locale): CompiledTerm[] {
  let list = compiled.get(locale);
  if (list) return list;
  list = [];
  const vocab = TOPIC_VOCABULARY[locale];
  for (const topic of TOPICS) {
    for (const term of vocab[topic] ?? []) {
      const weight = typeof term === 'string' ? 1 : (term.weight ?? 1);
      if (locale === 'en') {
        const pattern = typeof term === 'string' ? term : term.pattern;
        const prefix = literalPrefix(pattern);
        // Plain-text terms (about half) need no regular expression where the lower case is aligned;
        // each one compiled would cost more than all its matches.
        const needle = LITERAL.test(pattern) ? pattern.toLowerCase() : undefined;
        let re: RegExp | undefined;
        list.push({
          topic,
          weight,
          prefix,
          match: (text, lower, aligned) => {
            if (prefix && !lower.includes(prefix)) return null;
            if (needle !== undefined && aligned) return literalMatch(needle, text, lower);
            const m = (re ??= compileTerm(term, locale)).exec(text);
            return m ? { index: m.index, text: m[0] } : null;
          },
        });
      } else {
        const needle = (typeof term === 'string' ? term : term.pattern).toLowerCase();
        list.push({
          topic,
          weight,
          prefix: '',
          match: (text, lower) => {
            const index = lower.indexOf(needle);
            return index < 0 ? null : { index, text: text.slice(index, index + needle.length) };
          },
        });
      }
    }
  }
  compiled.set(locale, list);
  return list;
}

/**
 * English terms by the first one to three characters of their prefix (as numbers: char codes
 * packed), so a text is tried only against terms whose prefix starts at one of its word starts.
 */
interface PrefixIndex {
  byKey: Map<number, number[]>;
  /** Terms without a prefix: always tried. */
  always: number[];
}

let enIndex: PrefixIndex | undefined;

function prefixIndex(terms: readonly CompiledTerm[]): PrefixIndex {
  if (enIndex) return enIndex;
  const byKey = new Map<number, number[]>();
  const always: number[] = [];
  terms.forEach((t, i) => {
    if (!t.prefix) return void always.push(i);
    let key = 0;
    for (let k = 0; k < Math.min(3, t.prefix.length); k++) key = key * 256 + t.prefix.charCodeAt(k);
    const list = byKey.get(key) ?? [];
    list.push(i);
    byKey.set(key, list);
  });
  return (enIndex = { byKey, always });
}

/** `c` as the index keys hold it: ASCII letters lower-cased, other ASCII as is, -1 beyond ASCII. */
function keyChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  return c < 128 ? c : -1;
}

/**
 * The English terms that may match `text`: a term matches only at a word start (the boundary of
 * `compileTerm`, in ASCII as it is compiled without `u`), and its match starts with its prefix.
 */
function candidates(text: string, terms: readonly CompiledTerm[]): boolean[] {
  const { byKey, always } = prefixIndex(terms);
  const on = new Array<boolean>(terms.length).fill(false);
  for (const i of always) on[i] = true;
  for (let p = 0; p < text.length; p++) {
    const before = p > 0 ? text.charCodeAt(p - 1) : 32;
    if ((before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 95 || before === 45) continue;
    let key = 0;
    for (let k = 0; k < 3 && p + k < text.length; k++) {
      const c = keyChar(text.charCodeAt(p + k));
      if (c < 0) break;
      key = key * 256 + c;
      const list = byKey.get(key);
      if (list) for (const i of list) on[i] = true;
    }
  }
  return on;
}

/** Every topic with a positive score, best first (ties: earliest match, then the order of TOPICS). */
export function scoreTopics(text: string, locale: Locale = 'en'): TopicScore[] {
  const lower = text.toLowerCase();
  const aligned = !UNALIGNED.test(text);
  const scores = new Map<Topic, TopicScore>();
  const terms = termsFor(locale);
  const on = locale === 'en' ? candidates(text, terms) : undefined;
  for (let i = 0; i < terms.length; i++) {
    if (on && !on[i]) continue;
    const term = terms[i]!;
    const m = term.match(text, lower, aligned);
    if (!m) continue;
    let s = scores.get(term.topic);
    if (!s) {
      s = { topic: term.topic, score: 0, terms: [], first: m.index };
      scores.set(term.topic, s);
    }
    s.score += term.weight;
    s.terms.push(m.text);
    s.first = Math.min(s.first, m.index);
  }
  return [...scores.values()].sort(
    (a, b) => b.score - a.score || a.first - b.first || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic),
  );
}

/** The topics a claim is about, best first; empty when no vocabulary term matches. */
export function classifyTopics(text: string, locale: Locale = 'en', limit?: number): Topic[] {
  const topics = scoreTopics(text, locale).map((s) => s.topic);
  return limit === undefined ? topics : topics.slice(0, limit);
}
