/**
 * Features of a unit that holds candidate claims, for the unit scorer: which rules and kinds of
 * term fired, what the lexical model reads in its words (lexical.ts), whether a criterion binds
 * them, and who speaks about what (a party offering or demanding an outcome, or background, a
 * third party, an evaluation method, a definition, an exclusion, boilerplate). The cue classes are data (`cues.json`), one regular expression each per
 * locale; the weights that combine them are fitted on development documents by
 * `scripts/fit-scorer.ts` and shipped as data (`weights.json`).
 */
import { hasCriterion, permissionOnly, type UnitInfo } from '../analysis.js';
import type { Locale } from '../types.js';
import CUES from './cues.json' with { type: 'json' };
import { lexicalFeature, lexicalLogit } from './lexical.js';
import { warm } from '../regex-warm.js';

/** A candidate claim in the unit: the rule and the kind of the term that fired. */
export interface Candidate {
  rule: string;
  kind?: string;
  /** The text that fired (its lower-case form is a feature: some terms are claims far more often than others). */
  term?: string;
  /** Where the term starts in the unit text. */
  at: number;
}

interface Cue {
  about: string;
  en?: string;
  zh?: string;
  /** Whether the cue also gets a feature per rule (it changes what a candidate of that rule means). */
  cross?: boolean;
}

const compiled: Record<Locale, Array<[string, RegExp, boolean]>> = { en: [], zh: [] };
for (const [name, cue] of Object.entries(CUES as Record<string, Cue>)) {
  for (const locale of ['en', 'zh'] as const) {
    const src = cue[locale];
    if (src) compiled[locale].push([name, new RegExp(src, locale === 'en' ? 'i' : ''), cue.cross === true]);
  }
}

/** The cue classes' patterns, for the regular-expression safety checks. */
export function cuePatterns(): Array<{ name: string; source: string; flags: string }> {
  return (['en', 'zh'] as const).flatMap((l) => compiled[l].map(([n, re]) => ({ name: `cue ${l} ${n}`, source: re.source, flags: re.flags })));
}

export type Features = Map<string, number>;

const CURABLE = new Set(['unmeasured-claim', 'vague-quantifier']);

/**
 * Kinds proposed by open-class mechanisms (a published lexicon, superlative morphology, a degree
 * adverb before any word) rather than by listed terms. Each is rare in the development documents,
 * so one shared feature, set when a unit holds nothing else, carries what they have in common.
 */
export const OPEN_CLASS_KINDS: ReadonlySet<string> = new Set(['open-lexicon', 'open-superlative-form', 'open-degree-very']);

/** The feature of a unit whose candidates are all of `OPEN_CLASS_KINDS`. */
export const OPEN_ONLY = 'open-class-only';

const NEGATION_EN = /\b(?:not|no|never|doesn['’]t|don['’]t|isn['’]t|aren['’]t|wasn['’]t|cannot|can['’]t|without|lack(?:s|ing)?)\b(?:\W+\w+){0,3}\W*$/i;
const NEGATION_ZH = /(?:不|没有|无法|未|缺乏|缺少)[\u4e00-\u9fff]{0,6}$/;

/** The features of a unit and its candidates (names are stable: they key the weights). */
export function unitFeatures(info: UnitInfo, candidates: readonly Candidate[], locale: Locale): Features {
  const f: Features = new Map();
  const text = info.unit.text;
  const set = (name: string, v = 1): void => void f.set(name, v);
  set('bias');
  // What the unit's words say, by the lexical model (lexical.ts).
  const z = lexicalLogit(text, locale);
  if (z !== undefined) set('lexical', lexicalFeature(z));
  const rules = new Set(candidates.map((c) => c.rule));
  for (const r of rules) set(`rule:${r}`);
  for (const c of candidates) {
    set(`kind:${c.rule}:${c.kind ?? '-'}`);
    if (c.term) set(`term:${c.term.toLowerCase().replace(/[\s-]+/g, ' ')}`);
    const before = text.slice(Math.max(0, c.at - 40), c.at);
    // A negation just before the term describes a lack (background), not an outcome offered.
    if (warm(locale === 'zh' ? NEGATION_ZH : NEGATION_EN, before).test(before)) set('negated');
    if (c.at === 0) set('term-first');
    if (Math.max(before.lastIndexOf('('), before.lastIndexOf('（')) > Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'))) set('in-parentheses');
  }
  set('candidates', Math.min(3, candidates.length) / 3);
  if (candidates.length > 0 && candidates.every((c) => c.kind !== undefined && OPEN_CLASS_KINDS.has(c.kind))) set(OPEN_ONLY);
  // A criterion cures only what the contract says a number cures: comparisons, improvements and
  // sizes, never praise, escapes, absolutes or a ceiling (a ceiling is a number that commits to nothing).
  if (candidates.some((c) => CURABLE.has(c.rule) && c.kind !== 'ceiling' && hasCriterion(info, c.at))) set('criterion');
  if (info.question) set('question');
  if (info.instruction) set('instruction');
  if (info.definition) set('definition');
  if (info.title) set('title');
  if (permissionOnly(info)) set('permission');
  set(`container:${info.unit.container}`);
  // Counted only as far as the longest class (`len:mid`) reaches.
  const words = locale === 'zh' ? text.length / 2 : text.split(/\s+/, 26).length;
  set(words <= 4 ? 'len:short' : words <= 25 ? 'len:mid' : 'len:long');
  for (const [name, re, cross] of compiled[locale]) {
    if (!warm(re, text).test(text)) continue;
    set(`cue:${name}`);
    // The cues that change what a candidate means get a feature per rule as well.
    if (cross) for (const r of rules) set(`cue:${name}:${r}`);
  }
  return f;
}
