/**
 * Claim → clause suggestions: rank the library by topic overlap with the claim, by how well the
 * clause's category answers the rule that fired, and by fit with the document type.
 */
import type { DocType } from '../config/types.js';
import type { Locale, RuleId } from '../types.js';
import { builtinClauses } from './builtin.js';
import remedyOrder from './remedies.json' with { type: 'json' };
import { rewriteTemplate, type RewriteTemplate } from './templates.js';
import { scoreTopics } from './topics.js';
import type { Clause, ClauseCategory, Topic } from './types.js';

export interface SuggestOptions {
  locale?: Locale;
  docType?: DocType;
  /** The rule the claim was flagged by; shifts the ranking towards the clause categories that answer it. */
  ruleId?: RuleId;
  /** Maximum number of clauses (default 5). */
  limit?: number;
  /** The clauses to choose from (default: the built-in library). */
  library?: readonly Clause[];
}

export interface Suggestion {
  /** Topics of the claim, best first. */
  topics: Topic[];
  /** Clauses of the locale, best first. */
  clauses: Clause[];
  /** How to rewrite the claim itself as a measurable statement. */
  template: RewriteTemplate;
}

type Fit = Partial<Record<ClauseCategory, number>>;

/**
 * How well each category answers each rule (higher is better); `default` when no rule is given or
 * the rule has no row of its own (a new rule needs none to work).
 */
export const CATEGORY_FIT: Readonly<Partial<Record<RuleId, Fit>> & { default: Fit }> = {
  'unmeasured-claim': { 'service-levels': 3, 'security-outcomes': 3, 'pov-plan-acceptance': 2, 'baseline-measurement': 1.5, 'risk-allocation': 0.5 },
  'vague-quantifier': { 'service-levels': 3, 'security-outcomes': 3, 'pov-plan-acceptance': 2, 'baseline-measurement': 1.5, 'risk-allocation': 0.5 },
  'unverifiable-absolute': { 'service-levels': 2.5, 'security-outcomes': 2.5, 'baseline-measurement': 2, 'pov-plan-acceptance': 1.5, 'risk-allocation': 0.5 },
  puffery: { 'pov-plan-acceptance': 3, 'security-outcomes': 2, 'service-levels': 2, 'baseline-measurement': 1.5, 'risk-allocation': 0.5 },
  'weak-obligation': { 'risk-allocation': 3, 'service-levels': 3, 'security-outcomes': 2, 'baseline-measurement': 1, 'pov-plan-acceptance': 0.5 },
  'missing-remedy': { 'risk-allocation': 5, 'service-levels': 1.5, 'security-outcomes': 0.5 },
  'unresolved-placeholder': {},
  default: { 'service-levels': 2, 'security-outcomes': 2, 'pov-plan-acceptance': 1.5, 'baseline-measurement': 1, 'risk-allocation': 1 },
};

/** Weight of the claim's n-th topic. */
const RANK_WEIGHT = [4, 2.5, 1.5, 1];
const DOC_TYPE_MATCH = 1.5;
const DOC_TYPE_MISMATCH = -3;
/** Weight of each word the claim shares with a clause's id, title and description, and its cap. */
const WORD_WEIGHT = 1;
const WORD_CAP = 3;

const STOP_WORDS = new Set(
  'that this with from will than into each only when their your ours have been more most less very such also other what which where while then them they over under after before within about every agreed measured customer supplier service services clause'.split(' '),
);

/**
 * Word keys for a light lexical match between a claim and a clause: English words of four or more
 * letters cut to five characters (so `vulnerabilities` meets `vulnerability`), Chinese character
 * pairs.
 */
function wordKeys(text: string, locale: Locale): Set<string> {
  const keys = new Set<string>();
  if (locale === 'zh') {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) keys.add(run.slice(i, i + 2));
    }
  }
  for (const word of text.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []) {
    if (word.length >= 4 && !STOP_WORDS.has(word)) keys.add(word.slice(0, 5));
  }
  return keys;
}

const clauseKeys = new WeakMap<Clause, Set<string>>();

function keysOf(clause: Clause): Set<string> {
  let keys = clauseKeys.get(clause);
  if (!keys) {
    keys = wordKeys(`${clause.id.replace(/-/g, ' ')} ${clause.title} ${clause.description}`, clause.locale);
    clauseKeys.set(clause, keys);
  }
  return keys;
}

function clauseScore(
  clause: Clause,
  topics: readonly Topic[],
  words: ReadonlySet<string>,
  fit: Fit,
  docType: DocType | undefined,
): number {
  let score = 0;
  let shared = 0;
  const keys = keysOf(clause);
  for (const w of words) if (keys.has(w)) shared++;
  score += Math.min(shared * WORD_WEIGHT, WORD_CAP);
  topics.forEach((topic, rank) => {
    const at = clause.topics.indexOf(topic);
    if (at < 0) return;
    const w = RANK_WEIGHT[rank] ?? 0.5;
    score += w * (at === 0 ? 1 : 0.6);
    // A clause devoted to the claim's main topic beats one that mentions it among others.
    if (rank === 0 && at === 0) score += 2 / clause.topics.length;
  });
  score += fit[clause.category] ?? 0;
  if (docType) score += clause.docTypes.includes(docType) ? DOC_TYPE_MATCH : DOC_TYPE_MISMATCH;
  return score;
}

const byId = (a: Clause, b: Clause): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Ranks clauses for a claim and gives the rewrite template for its main topic. */
export function suggestClauses(text: string, options: SuggestOptions = {}): Suggestion {
  const locale = options.locale ?? 'en';
  const limit = options.limit ?? 5;
  const topics = scoreTopics(text, locale).map((s) => s.topic);
  const words = wordKeys(text, locale);
  const fit = (options.ruleId && CATEGORY_FIT[options.ruleId]) || CATEGORY_FIT.default;
  const pool = (options.library ?? builtinClauses()).filter((c) => c.locale === locale);
  const ranked = pool
    .map((clause) => ({ clause, score: clauseScore(clause, topics, words, fit, options.docType) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || byId(a.clause, b.clause))
    .slice(0, Math.max(0, limit))
    .map((r) => r.clause);
  const template =
    options.ruleId === 'puffery' ? rewriteTemplate('puffery', locale) : rewriteTemplate(topics[0] ?? 'generic', locale);
  return { topics, clauses: ranked, template };
}

const REMEDY_ORDER = remedyOrder as Readonly<Record<DocType, readonly string[]>>;

/**
 * Risk-allocation clauses (service credits, fees at risk, termination rights, ...) of a locale that
 * fit the document type, best first; for the `missing-remedy` rule. Without a document type, the
 * order for contracts is used and every risk-allocation clause is returned.
 */
export function remedyClausesFor(docType: DocType | undefined, locale: Locale = 'en', library?: readonly Clause[]): Clause[] {
  const order = REMEDY_ORDER[docType ?? 'contract'];
  const pool = (library ?? builtinClauses()).filter(
    (c) => c.locale === locale && c.category === 'risk-allocation' && (!docType || c.docTypes.includes(docType)),
  );
  const rank = (c: Clause): number => {
    const i = order.indexOf(c.id);
    return i < 0 ? order.length : i;
  };
  return pool.sort((a, b) => rank(a) - rank(b) || byId(a, b));
}
