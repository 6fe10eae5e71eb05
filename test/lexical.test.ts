/**
 * The lexical model: which terms it reads, how it scores them, and that the unit scorer uses it
 * exactly for the locales it was fitted for (scripts/fit-scorer.ts keeps a locale's model only
 * where it beats the scorer without it; scorer.test.ts checks the shipped files are that fit).
 */
import { describe, expect, it } from 'vitest';
import { renderExplanation } from '../src/cli/explain.js';
import { analyseUnit } from '../src/core/analysis.js';
import { explain } from '../src/core/index.js';
import type { ProseUnit } from '../src/core/parse/units.js';
import { unitFeatures } from '../src/core/score/index.js';
import LEXICAL from '../src/core/score/lexical.json' with { type: 'json' };
import { lexicalContributions, lexicalFeature, lexicalLogit, lexicalTerms } from '../src/core/score/lexical.js';
import WEIGHTS from '../src/core/score/weights.json' with { type: 'json' };
import { LOCALES, type Locale } from '../src/core/types.js';

const unit = (text: string): ProseUnit => ({ text, start: 0, end: text.length, container: 'paragraph' }) as ProseUnit;

describe('lexical model', () => {
  it('reads English as suffix-stripped words and adjacent pairs, each once', () => {
    const terms = lexicalTerms('Our platform improves detection; the vendor’s tools improve it.', 'en');
    expect(terms).toEqual(expect.arrayContaining(['our', 'platform', 'our platform', 'improv', 'platform improv', 'detection', 'vendor', 'tool', 'it']));
    // Short words keep their ending; a possessive is dropped; a term repeated is counted once.
    expect(lexicalTerms('gas uses bus', 'en')).toEqual(['gas', 'uses', 'gas uses', 'bus', 'uses bus']);
    expect(terms.filter((t) => t === 'improv')).toHaveLength(1);
  });

  it('reads Chinese as Han characters and adjacent pairs within a run', () => {
    const terms = lexicalTerms('性能提升 SLA 显著', 'zh');
    expect(terms).toEqual(['性', '能', '性能', '提', '能提', '升', '提升', '显', '著', '显著']);
    // Latin text and spaces break a pair.
    expect(terms).not.toContain('升显');
  });

  it('sums the bias and the weights of the terms present', () => {
    const model = { bias: -1, weights: { platform: 0.5, improv: 2, 'our platform': 0.25 } };
    expect(lexicalLogit('Our platform improves and improves.', 'en', model)).toBeCloseTo(-1 + 0.5 + 2 + 0.25, 9);
    expect(lexicalLogit('Nothing here.', 'en', model)).toBe(-1);
  });

  it('bounds the feature so that one unit’s words cannot outweigh every other feature', () => {
    expect(lexicalFeature(1.5)).toBe(0.5);
    expect(lexicalFeature(100)).toBe(2);
    expect(lexicalFeature(-100)).toBe(-2);
  });

  for (const locale of LOCALES) {
    const fitted = locale in LEXICAL;
    const text = locale === 'zh' ? '我们的平台性能显著提升，业界领先。' : 'Our platform dramatically improves detection and is industry-leading.';
    it(`${locale}: the scorer reads the lexical feature exactly when the locale has a lexical model (${fitted ? 'it has' : 'it has not'})`, () => {
      const f = unitFeatures(analyseUnit(unit(text), locale as Locale), [{ rule: 'puffery', kind: 'praise', term: 'x', at: 0 }], locale as Locale);
      expect(f.has('lexical')).toBe(fitted);
      expect('lexical' in (WEIGHTS as Record<string, { weights: Record<string, number> }>)[locale]!.weights).toBe(fitted);
      if (fitted) expect(f.get('lexical')).toBeCloseTo(lexicalFeature(lexicalLogit(text, locale as Locale)!), 9);
      else expect(lexicalLogit(text, locale as Locale)).toBeUndefined();
    });
  }

  it('shows the words that weigh most in --explain', () => {
    const locale = LOCALES.find((l) => l in LEXICAL);
    if (!locale) return;
    const text = locale === 'zh' ? '我们的平台性能显著提升，业界领先。' : 'Our platform dramatically improves detection and is industry-leading.';
    const [u] = explain(text, { locale });
    const words = lexicalContributions(u!.text, locale);
    expect(words.length).toBeGreaterThan(0);
    expect(u!.scorer?.words).toEqual(words);
    // Strongest first.
    for (let i = 1; i < words.length; i++) expect(Math.abs(words[i - 1]!.weight)).toBeGreaterThanOrEqual(Math.abs(words[i]!.weight));
    expect(renderExplanation([u!])).toContain(`      words: ${words[0]!.term} `);
  });
});
