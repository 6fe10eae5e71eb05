/**
 * Claim → clause suggestions: a learned ranker (ranker.json, fitted by scripts/fit-clauses.ts)
 * scores each clause of the locale from the claim's words, topics and cue phrases; then the
 * rule that fired shifts the ranking towards the categories that answer it, and clauses that fit
 * the document type come before those that do not.
 */
import type { DocType } from '../config/types.js';
import type { Locale, RuleId } from '../types.js';
import { TextMemo } from '../memo.js';
import { builtinClauses } from './builtin.js';
import remedyOrder from './remedies.json' with { type: 'json' };
import { claimInfo, pairFeatures, sharedKeys, type ClaimInfo } from './features.js';
import RANKER from './ranker.json' with { type: 'json' };
import { clauseMetric, metricTemplate, rewriteTemplate, type RewriteTemplate } from './templates.js';
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

/**
 * The category a rule's findings need whatever the claim is about: its clauses come first. A claim
 * flagged for a missing remedy needs a remedy (risk allocation), not another service level.
 */
const REQUIRED_CATEGORY: Partial<Record<RuleId, ClauseCategory>> = { 'missing-remedy': 'risk-allocation' };
/** How much one point of category fit adds to a clause's score (in the ranker's logit units). */
const FIT_SCALE = 0.5;

interface LocaleModel {
  pair: number[];
  clauses: Record<string, Record<string, number>>;
}

const MODELS = RANKER as unknown as Partial<Record<Locale, LocaleModel>>;

/** Per locale: claim feature → the clauses that weigh it, and each clause's own term. */
interface ModelIndex {
  pair: readonly number[];
  byFeature: Map<string, Array<[string, number]>>;
  bias: Map<string, number>;
}

const indexes = new Map<Locale, ModelIndex | null>();

function modelIndex(locale: Locale): ModelIndex | null {
  let index = indexes.get(locale);
  if (index !== undefined) return index;
  const model = MODELS[locale];
  index = null;
  if (model) {
    const byFeature = new Map<string, Array<[string, number]>>();
    const bias = new Map<string, number>();
    for (const [id, weights] of Object.entries(model.clauses)) {
      for (const [f, w] of Object.entries(weights)) {
        if (f === 'bias') bias.set(id, w);
        else {
          const list = byFeature.get(f);
          if (list) list.push([id, w]);
          else byFeature.set(f, [[id, w]]);
        }
      }
    }
    index = { pair: model.pair, byFeature, bias };
  }
  indexes.set(locale, index);
  return index;
}

/**
 * The ranker's score of each clause of `pool` for a claim, before rule and document type. With
 * `kept` (a pool used again: the built-in one), the shared words are counted from the pool's index.
 */
function claimScores(info: ClaimInfo, pool: readonly Clause[], locale: Locale, kept: boolean): Map<Clause, number> {
  const model = modelIndex(locale);
  const learned = new Map<string, number>();
  if (model) {
    for (const [f, x] of info.features) for (const [id, w] of model.byFeature.get(f) ?? []) learned.set(id, (learned.get(id) ?? 0) + w * x);
  }
  const scores = new Map<Clause, number>();
  const shared = kept ? sharedKeys(info, pool) : undefined;
  for (const clause of pool) {
    let s = (model?.bias.get(clause.id) ?? 0) + (learned.get(clause.id) ?? 0);
    const z = pairFeatures(info, clause, shared ? (shared.get(clause) ?? 0) : undefined);
    for (let g = 0; g < z.length; g++) s += (model?.pair[g] ?? 1) * z[g]!;
    scores.set(clause, s);
  }
  return scores;
}

/** Whether anything in the claim speaks for one clause rather than another. */
function hasEvidence(info: ClaimInfo, locale: Locale): boolean {
  if (info.topics.length || info.cues.size) return true;
  const model = modelIndex(locale);
  if (model) for (const f of info.features.keys()) if (model.byFeature.has(f)) return true;
  return false;
}

const byId = (a: Clause, b: Clause): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const builtinPools = new Map<Locale, Clause[]>();

function poolOf(locale: Locale, library: readonly Clause[] | undefined): readonly Clause[] {
  if (library) return library.filter((c) => c.locale === locale);
  let pool = builtinPools.get(locale);
  if (!pool) builtinPools.set(locale, (pool = builtinClauses(locale)));
  return pool;
}

/** The ranker's scores, or undefined when nothing in the claim speaks for any clause. */
function scoresFor(info: ClaimInfo, pool: readonly Clause[], locale: Locale, kept: boolean): Map<Clause, number> | undefined {
  return hasEvidence(info, locale) ? claimScores(info, pool, locale, kept) : undefined;
}

/**
 * A finding's claim is ranked twice, for its rewrite fix and for its clause list: the reading of
 * the last claims (their features, and their scores over the built-in pool) is kept for the second,
 * and for the other claims of the same unit (about 7 KB each).
 */
interface Reading {
  info: ClaimInfo;
  builtin?: Map<Clause, number> | undefined;
  scored: boolean;
}
const readings = new TextMemo<Reading>(1024, 2_000_000);

function reading(text: string, locale: Locale): Reading {
  const key = `${locale}\u0000${text}`;
  let r = readings.get(key);
  if (!r) readings.set(key, (r = { info: claimInfo(text, locale), scored: false }));
  return r;
}

/** The scores of a claim over a pool, reusing the built-in pool's scores of a claim read just before. */
function scoresOf(r: Reading, pool: readonly Clause[], locale: Locale, builtin: boolean): Map<Clause, number> | undefined {
  if (!builtin) return scoresFor(r.info, pool, locale, false);
  if (!r.scored) {
    r.builtin = scoresFor(r.info, pool, locale, true);
    r.scored = true;
  }
  return r.builtin;
}

/**
 * The pool in suggestion order: clauses of the rule's required category first, then those that fit
 * the document type, each group by score plus category fit. Without evidence from the claim, only
 * clauses whose category answers the rule are kept.
 */
function order(pool: readonly Clause[], scores: Map<Clause, number> | undefined, options: SuggestOptions): Clause[] {
  const fit = (options.ruleId && CATEGORY_FIT[options.ruleId]) || CATEGORY_FIT.default;
  const required = options.ruleId ? REQUIRED_CATEGORY[options.ruleId] : undefined;
  const ranked: Array<{ clause: Clause; score: number; tier: number }> = [];
  for (const clause of pool) {
    const categoryFit = fit[clause.category] ?? 0;
    if (!scores && categoryFit <= 0) continue;
    const tier = (required && clause.category === required ? 2 : 0) + (options.docType && clause.docTypes.includes(options.docType) ? 1 : 0);
    ranked.push({ clause, score: (scores?.get(clause) ?? 0) + FIT_SCALE * categoryFit, tier });
  }
  return ranked.sort((a, b) => b.tier - a.tier || b.score - a.score || byId(a.clause, b.clause)).map((r) => r.clause);
}

/** The clause with the best score for the claim alone (no rule, no document type). */
function bestOf(scores: Map<Clause, number> | undefined): Clause | undefined {
  let best: Clause | undefined;
  let top = -Infinity;
  for (const [clause, s] of scores ?? []) {
    if (s > top || (s === top && best && byId(clause, best) < 0)) [best, top] = [clause, s];
  }
  return best;
}

/** Ranks clauses for a claim and gives the rewrite template that follows the claim. */
export function suggestClauses(text: string, options: SuggestOptions = {}): Suggestion {
  const locale = options.locale ?? 'en';
  const limit = options.limit ?? 5;
  const r = reading(text, locale);
  const info = r.info;
  const pool = poolOf(locale, options.library);
  const scores = scoresOf(r, pool, locale, !options.library);
  const template = options.ruleId === 'puffery' ? rewriteTemplate('puffery', locale) : templateFor(info, bestOf(scores), locale);
  return { topics: [...info.topics], clauses: order(pool, scores, options).slice(0, Math.max(0, limit)), template };
}

/**
 * The rewrite template for a claim: the metric of the clause that best answers the claim alone (the
 * rewrite is about what the claim says, whatever rule flagged it), or of a clause whose cue phrases
 * it uses when the best one has none; else the template of its main topic.
 */
function templateFor(info: ClaimInfo, best: Clause | undefined, locale: Locale): RewriteTemplate {
  if (!best) return rewriteTemplate(info.topics[0] ?? 'generic', locale);
  const metric =
    (info.cues.has(best.id) ? clauseMetric(best.id, locale) : undefined) ??
    [...info.cues.keys()].map((id) => clauseMetric(id, locale)).find((m) => m !== undefined) ??
    clauseMetric(best.id, locale);
  return metric ? metricTemplate(metric, locale) : rewriteTemplate(info.topics[0] ?? 'generic', locale);
}

/** The rewrite template for a claim's text (the "rewrite as a measurable outcome" quick fix). */
export function claimTemplate(text: string, locale: Locale = 'en'): RewriteTemplate {
  const r = reading(text, locale);
  return templateFor(r.info, bestOf(scoresOf(r, poolOf(locale, undefined), locale, true)), locale);
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
