import type { Locale, RuleId } from '../types.js';

/** One vocabulary entry: a term (or a safe pattern for its forms), the rule it triggers and why. */
export interface VocabEntry {
  /** Canonical form, shown in messages. */
  term: string;
  rule: RuleId;
  /** Why the term is a problem (one sentence). */
  reason: string;
  /** Regular-expression source for the term's forms (no capturing groups); defaults to the escaped term. */
  pattern?: string;
  /** Sub-kind the rule uses (e.g. `improvement`, `comparative`, `timing`). */
  kind?: string;
  /** Not a trigger when the text just before the term ends with this pattern. */
  unlessBefore?: string;
  /** Not a trigger when the text just after the term starts with this pattern. */
  unlessAfter?: string;
  /**
   * A trigger only when the text just before the term ends with this pattern (the position a word
   * class must stand in to be a claim, e.g. an adjective as predicate or attribute).
   */
  onlyBefore?: string;
  /**
   * The name of a published word list (`src/core/vocab/*.lexicon.json`) whose words are the term's
   * forms; the list is compiled into the entry's pattern when the vocabulary loads.
   */
  lexicon?: string;
  /**
   * In a language written without spaces: the pattern's first word, as the word segmenter
   * (`Intl.Segmenter`) reads the text, must match this pattern whole, and the term is that word and
   * the next one ("更详细" is a degree adverb and a predicate; "更新" is one word and no match).
   */
  head?: string;
  /** Snippet that replaces the term in a quick fix. */
  replacement?: string;
}

export interface Vocabulary {
  locale: Locale;
  /** Whether terms must stand as whole words (true for alphabetic scripts, false for Chinese). */
  wordBoundaries: boolean;
  entries: VocabEntry[];
}
