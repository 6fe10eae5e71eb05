/**
 * The unit scorer: a logistic model over a unit's features decides whether a unit with candidate
 * claims is flagged. The rules find the candidates (the term, its range, the message and the
 * fixes); the scorer decides per unit, so context the rules cannot see one term at a time (who
 * speaks, about what) weighs in. Weights are data, fitted on development documents by
 * `scripts/fit-scorer.ts` with a fixed seed; a locale without weights flags every candidate.
 */
import type { UnitInfo } from '../analysis.js';
import type { Locale } from '../types.js';
import { OPEN_ONLY, unitFeatures, type Candidate, type Features } from './features.js';
import WEIGHTS from './weights.json' with { type: 'json' };

/** The labelling contract's five categories: the rules whose findings the scorer decides on. */
export const SCORED_RULES: ReadonlySet<string> = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);

export interface ScoreModel {
  /** The score (a probability) at or above which a unit is flagged. */
  threshold: number;
  /** The threshold for a unit holding only open-class candidates (feature `open-class-only`), when higher. */
  openThreshold?: number;
  weights: Record<string, number>;
}

const MODELS = WEIGHTS as unknown as Partial<Record<Locale, ScoreModel>>;

const usable = new Map<Locale, ScoreModel | undefined>();

export function model(locale: Locale): ScoreModel | undefined {
  if (!usable.has(locale)) {
    const m = MODELS[locale];
    usable.set(locale, m && Object.keys(m.weights).length ? m : undefined);
  }
  return usable.get(locale);
}

export interface UnitScore {
  /** The probability that the unit is a claim to flag. */
  value: number;
  threshold: number;
  flag: boolean;
  /** Each feature present with its weight, strongest contribution first. */
  contributions: Array<{ feature: string; value: number; weight: number }>;
}

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function scoreFeatures(features: Features, m: ScoreModel): UnitScore {
  let z = 0;
  for (const [feature, value] of features) z += (m.weights[feature] ?? 0) * value;
  const value = logistic(z);
  const threshold = m.openThreshold !== undefined && features.has(OPEN_ONLY) ? m.openThreshold : m.threshold;
  let contributions: UnitScore['contributions'] | undefined;
  return {
    value,
    threshold,
    flag: value >= threshold,
    // Only --explain reads them: listed and sorted when first read.
    get contributions() {
      if (!contributions) {
        contributions = [];
        for (const [feature, value] of features) {
          const weight = m.weights[feature] ?? 0;
          if (weight !== 0) contributions.push({ feature, value, weight });
        }
        contributions.sort((a, b) => Math.abs(b.weight * b.value) - Math.abs(a.weight * a.value));
      }
      return contributions;
    },
  };
}

/** The score of a unit with its candidates, or undefined when the locale has no model. */
export function scoreUnit(info: UnitInfo, candidates: readonly Candidate[], locale: Locale): UnitScore | undefined {
  const m = model(locale);
  return m ? scoreFeatures(unitFeatures(info, candidates, locale), m) : undefined;
}

export { OPEN_ONLY, unitFeatures, type Candidate, type Features } from './features.js';
