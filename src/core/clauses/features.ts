/**
 * Features of a claim for the clause ranker, and of a claim against one clause. Shared by the
 * ranker (suggest.ts) and the script that fits its weights (scripts/fit-clauses.ts), so both see
 * exactly the same numbers.
 *
 * - Claim features (weighted per clause by the model): English word stems (`w:`) and stem pairs
 *   (`b:`), Chinese characters (`c:`) and character pairs (`b:`), and the topics of the topic
 *   vocabulary (`t:` with the topic's strength, `t1:` for the main topic).
 * - Pair features (one shared weight each, so they work for custom clauses too): how the claim's
 *   topics meet the clause's topics, and how many stems or character pairs the claim shares with
 *   the clause's id, title and description.
 */
import type { Locale } from '../types.js';
import cuesEn from './cues.en.json' with { type: 'json' };
import cuesZh from './cues.zh.json' with { type: 'json' };
import { compileTerm, scoreTopics } from './topics.js';
import { warm } from '../regex-warm.js';
import type { Clause, Topic } from './types.js';

export type ClaimFeatures = Map<string, number>;

export interface ClaimInfo {
  features: ClaimFeatures;
  /** Clause ids whose cue phrases the claim uses, with the number of distinct cues (most first). */
  cues: Map<string, number>;
  topics: Topic[];
  /** Keys for the lexical match with a clause's own words. */
  keys: Set<string>;
}

const STOP = new Set(
  'a an the and or of to in on at by for with from as is are be been being was were it its this that these those we our ours you your yours they their them he she his her i me my us will shall would should can could may might must do does did has have had than then so such very more most much any all each every just into over under about after before while when where which who what how also only even own same other there here out up down off if but not no nor too yet via per the'.split(' '),
);

/**
 * The suffix rules of `stem`, tried in order: the first suffix the word ends with is replaced
 * (plain string tests; the stemmer runs on every word of every claim).
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, to: string]> = [
  ['ational', 'ate'],
  ['isation', 'ize'],
  ['ization', 'ize'],
  ['ities', 'ity'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ousness', 'ous'],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ingly', ''],
  ['edly', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ing', ''],
  ['sses', 'ss'],
  ['ly', ''],
  ['ed', ''],
  ['es', 'e'],
];

/** A light English stemmer: common inflections and derivations off, then at most six letters. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.length > 4) {
    let next: string | undefined;
    for (const [suffix, to] of SUFFIXES) {
      if (w.endsWith(suffix)) {
        next = w.slice(0, w.length - suffix.length) + to;
        break;
      }
    }
    // A plural -s, except after s or u ("class", "status").
    if (next === undefined && w.endsWith('s') && w[w.length - 2] !== 's' && w[w.length - 2] !== 'u') next = w.slice(0, -1);
    if (next !== undefined && next.length >= 3) w = next;
  }
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** English words of a text as stems, stop words left out. */
export function englishStems(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(/[a-z][a-z0-9]*(?:['’]s)?|\d+(?:[.,]\d+)?/g) ?? []) {
    if (STOP.has(word) || word.length < 2) continue;
    const c = word.charCodeAt(0);
    out.push(c >= 48 && c <= 57 ? '#' : stem(word));
  }
  return out;
}

/** Keys for a lexical match: English stems (three letters or more), Chinese character pairs. */
export function lexicalKeys(text: string, locale: Locale, stems: readonly string[] = englishStems(text)): Set<string> {
  const keys = new Set<string>();
  if (locale === 'zh') {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) keys.add(run.slice(i, i + 2));
  }
  for (const s of stems) if (s.length >= 3) keys.add(s);
  return keys;
}

/**
 * Cue phrases per clause id (cues.<locale>.json): idioms and indirect wording that point to what a
 * clause measures ("drowning in noise", "pays for itself", "告警刷屏"). English patterns match on
 * word boundaries, case-insensitively (as topic terms do); Chinese ones as substrings. A locale may
 * hold cues for a clause it has no text of: they still choose the rewrite template.
 */
export const CUES: Readonly<Record<Locale, Readonly<Record<string, readonly string[]>>>> = { en: cuesEn, zh: cuesZh };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CueMatchers {
  /** Every cue of the locale in one pattern: a text it does not match uses no cue. */
  any: RegExp;
  byId: Array<[string, RegExp]>;
}

const compiledCues = new Map<Locale, CueMatchers>();

function cuePattern(terms: readonly string[], locale: Locale, flags: string): RegExp {
  if (locale !== 'en') return new RegExp(terms.map(escapeRegExp).join('|'), flags);
  // compileTerm adds the word boundaries of the topic vocabulary around the alternation.
  return new RegExp(compileTerm(terms.map((t) => `(?:${t})`).join('|'), 'en').source, `${flags}i`);
}

function cueMatchers(locale: Locale): CueMatchers {
  let c = compiledCues.get(locale);
  if (!c) {
    const entries = Object.entries(CUES[locale]);
    c = {
      any: cuePattern(entries.flatMap(([, terms]) => terms), locale, ''),
      byId: entries.map(([id, terms]): [string, RegExp] => [id, cuePattern(terms, locale, 'g')]),
    };
    compiledCues.set(locale, c);
  }
  return c;
}

/** Clause ids whose cues a text uses, with the number of distinct cue matches, most first. */
export function cueHits(text: string, locale: Locale): Map<string, number> {
  const hits: Array<[string, number]> = [];
  const { any, byId } = cueMatchers(locale);
  // Most claims use no cue: one pass of the combined pattern settles that. Its first match is
  // where the first cue of any clause starts (it holds every cue, with the same boundaries), so
  // the clauses' own patterns start there.
  const first = warm(any, text).exec(text);
  if (!first) return new Map();
  for (const [id, re] of byId) {
    // Each clause's pattern runs on every claim that uses a cue: machine code from the start.
    warm(re, text).lastIndex = first.index;
    let seen: Set<string> | undefined;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      (seen ??= new Set()).add(m[0].toLowerCase());
      if (m[0] === '') re.lastIndex++;
    }
    if (seen) hits.push([id, seen.size]);
  }
  return new Map(hits.sort((a, b) => b[1] - a[1]));
}

/** The features of a claim. */
export function claimInfo(text: string, locale: Locale): ClaimInfo {
  const features: ClaimFeatures = new Map();
  const add = (k: string, v = 1): void => void features.set(k, Math.max(features.get(k) ?? 0, v));
  const stems = englishStems(text);
  for (let i = 0; i < stems.length; i++) {
    add(`w:${stems[i]}`);
    if (i + 1 < stems.length) add(`b:${stems[i]} ${stems[i + 1]}`);
  }
  if (locale === 'zh') {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i < run.length; i++) {
        add(`c:${run[i]}`);
        if (i + 1 < run.length) add(`b:${run.slice(i, i + 2)}`);
      }
    }
  }
  const scored = scoreTopics(text, locale);
  scored.forEach((s, rank) => {
    add(`t:${s.topic}`, Math.min(s.score, 6) / 3);
    if (rank === 0) add(`t1:${s.topic}`);
  });
  const cues = cueHits(text, locale);
  for (const [id, n] of cues) add(`k:${id}`, Math.min(n, 2) / 2);
  return { features, cues, topics: scored.map((s) => s.topic), keys: lexicalKeys(text, locale, stems) };
}

/** Names of the pair features, in the order `pairFeatures` returns them. */
export const PAIR_FEATURES = ['topic', 'main', 'words', 'cue'] as const;

const clauseKeys = new WeakMap<Clause, Set<string>>();

function keysOf(clause: Clause): Set<string> {
  let keys = clauseKeys.get(clause);
  if (!keys) {
    keys = lexicalKeys(`${clause.id.replace(/-/g, ' ')} ${clause.title} ${clause.description}`, clause.locale);
    clauseKeys.set(clause, keys);
  }
  return keys;
}

/**
 * The claim against one clause: `topic` sums the claim's topics the clause has (the claim's first
 * topic counts most, a clause's first topic more than its others); `main` is 1 when the claim's
 * main topic is the clause's first one, divided by the clause's number of topics (a clause devoted
 * to it beats one that mentions it among others); `words` counts shared stems or character pairs
 * (at most three, divided by three); `cue` is how many of the clause's cue phrases the claim uses
 * (at most two, divided by two).
 */
export function pairFeatures(claim: ClaimInfo, clause: Clause, shared?: number): [number, number, number, number] {
  let topic = 0;
  for (let r = 0; r < claim.topics.length; r++) {
    const at = clause.topics.indexOf(claim.topics[r]!);
    if (at >= 0) topic += (at === 0 ? 1 : 0.6) / (r + 1);
  }
  const main = claim.topics.length && clause.topics[0] === claim.topics[0] ? 1 / clause.topics.length : 0;
  if (shared === undefined) {
    const keys = keysOf(clause);
    shared = 0;
    for (const k of claim.keys) if (keys.has(k) && ++shared === 3) break;
  }
  return [topic, main, Math.min(shared, 3) / 3, Math.min(claim.cues.get(clause.id) ?? 0, 2) / 2];
}

/** Per pool of clauses: each lexical key, and the clauses of the pool that hold it. */
const keyIndexes = new WeakMap<readonly Clause[], Map<string, Clause[]>>();

/**
 * The number of keys a claim shares with each clause of a pool that shares any (the `shared` of
 * `pairFeatures`), in one pass over the claim's keys. The pool's index is kept with the pool: pass
 * a pool that is used again (the built-in one), or test the clauses one by one.
 */
export function sharedKeys(claim: ClaimInfo, pool: readonly Clause[]): Map<Clause, number> {
  let index = keyIndexes.get(pool);
  if (!index) {
    index = new Map();
    for (const clause of new Set(pool)) {
      for (const k of keysOf(clause)) {
        const list = index.get(k);
        if (list) list.push(clause);
        else index.set(k, [clause]);
      }
    }
    keyIndexes.set(pool, index);
  }
  const counts = new Map<Clause, number>();
  for (const k of claim.keys) for (const clause of index.get(k) ?? []) counts.set(clause, (counts.get(clause) ?? 0) + 1);
  return counts;
}
