/**
 * The lexical model: a logistic regression over the words of a unit (English: suffix-stripped
 * words and adjacent word pairs; Chinese: Han characters and adjacent character pairs), fitted on
 * every labelled unit of the development documents by `scripts/fit-scorer.ts` and shipped as data
 * (`lexical.json`). It reads what the feature classes do not name: the vocabulary of background,
 * procedure and boilerplate around a candidate, and of claims the rules only half see. Its score
 * is one feature of the unit scorer (`lexical`), weighed with the others; it never flags alone.
 * Only terms seen in at least three development documents have a weight, and a locale has a model
 * only where the scorer with it beats the scorer without it in cross-validation.
 */
import type { Locale } from '../types.js';
import LEXICAL from './lexical.json' with { type: 'json' };

export interface LexicalModel {
  bias: number;
  weights: Record<string, number>;
}

const MODELS = LEXICAL as unknown as Partial<Record<Locale, LexicalModel & { l2: number; fitted: string }>>;

/** English word stems: lower case, a few inflectional suffixes stripped (`improves`, `improved` → `improv`). */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:ing|ed|es|s|ly)$/, '') : word;
}

/** The terms of a text the lexical model weighs (each once). */
export function lexicalTerms(text: string, locale: Locale): string[] {
  const out = new Set<string>();
  if (locale === 'zh') {
    let prev = '';
    for (const ch of text) {
      if (ch >= '\u4e00' && ch <= '\u9fff') {
        out.add(ch);
        if (prev) out.add(prev + ch);
        prev = ch;
      } else prev = '';
    }
  } else {
    const words = text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z][a-z'-]*/g) ?? [];
    let prev = '';
    for (const w of words) {
      const s = stem(w.replace(/'s$|'$/, ''));
      out.add(s);
      if (prev) out.add(`${prev} ${s}`);
      prev = s;
    }
  }
  return [...out];
}

/** The model's log-odds for a text, or undefined when the locale has no lexical model. */
export function lexicalLogit(text: string, locale: Locale, model: LexicalModel | undefined = MODELS[locale]): number | undefined {
  if (!model) return undefined;
  let z = model.bias;
  for (const t of lexicalTerms(text, locale)) z += model.weights[t] ?? 0;
  return z;
}

/** The terms of a text with a weight, strongest first (for `--explain`). */
export function lexicalContributions(text: string, locale: Locale, limit = 5): Array<{ term: string; weight: number }> {
  const model = MODELS[locale];
  if (!model) return [];
  const out: Array<{ term: string; weight: number }> = [];
  for (const term of lexicalTerms(text, locale)) {
    const weight = model.weights[term];
    if (weight) out.push({ term, weight });
  }
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, limit);
}

/** The scorer's `lexical` feature for a log-odds of the lexical model, bounded so that one unit's words cannot outweigh every other feature. */
export function lexicalFeature(z: number): number {
  return Math.max(-6, Math.min(6, z)) / 3;
}
