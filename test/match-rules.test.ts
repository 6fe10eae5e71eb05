/**
 * `matchRules` reads every rule's matches at the places the candidate test finds; it must find
 * exactly what each rule's own search (`matchAll`) finds: checked on the corpus paragraphs and
 * sentences, on texts built from the terms themselves (overlaps, repeats, letters beyond ASCII
 * beside a term, characters that need the Unicode patterns), in both locales.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../src/core/types.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { compileVocabulary, matchRules, mayHoldTerm, type CompiledVocabulary } from '../src/core/vocab/matcher.js';
import { corpusFiles } from './helpers/corpus.js';
import { markdownFiles } from './helpers/files.js';

const ROOT = join(import.meta.dirname, '..');

function expectSame(v: CompiledVocabulary, text: string, limit: number): number {
  const got = matchRules(v, text, limit);
  let found = 0;
  for (const [rule, matcher] of v.byRule) {
    const want = matcher.matchAll(text, limit);
    found += want.length;
    // The candidate test never says no where a rule finds a term.
    if (want.length > 0) expect(mayHoldTerm(v, text), `candidate test on ${JSON.stringify(text.slice(0, 160))}`).toBe(true);
    expect(
      (got.get(rule) ?? []).map((m) => [m.start, m.end, m.entry.term]),
      `${rule} on ${JSON.stringify(text.slice(0, 160))}`,
    ).toEqual(want.map((m) => [m.start, m.end, m.entry.term]));
  }
  return found;
}

/** Sample texts of a locale's vocabulary: each term's own text, alone, repeated, run together and beside other letters. */
function termTexts(locale: Locale): string[] {
  const terms = VOCABULARIES[locale].entries.map((e) => e.term);
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const u = terms[(i * 7 + 3) % terms.length]!;
    out.push(t, `${t} ${u}`, `${t}${u}`, `é${t}`, `${t}é`, `ſ ${t} ${u}`, `${t} K ${u}`, `${t.toUpperCase()} and ${u}`, Array.from({ length: 40 }, () => t).join(' '));
    // Letters whose lower case is longer (U+0130) or depends on the word (final sigma), beside terms in capitals.
    out.push(`\u0130 ${t.toUpperCase()} ${u}`, `Σ${t.toUpperCase()}Σ ${u.toUpperCase()}Σ`);
    // Characters beyond the Basic Multilingual Plane: emoji and astral letters (word characters to
    // the exact boundaries) beside, between and before the terms, and lone surrogates.
    out.push(`😀 ${t}`, `${t}😀`, `${u}😀${t}😀${u}`, `🚀 ${t} 🚀🚀 ${u} 😀`, `𝐀${t}`, `${t}𝐀 ${u}`, `𠀀${t}`, `\uD800${t} \uDC00${u}`, `${t}\uDBFF`);
  }
  return out;
}

describe('matchRules', () => {
  for (const locale of LOCALES) {
    it(`finds what each rule's own search finds (${locale})`, () => {
      const v = compileVocabulary(VOCABULARIES[locale]);
      const files =
        locale === 'en'
          ? [...corpusFiles('docs'), ...markdownFiles(join(ROOT, 'test', 'corpus', 'docs-en')), ...markdownFiles(join(ROOT, 'test', 'fixtures')), ...markdownFiles(join(ROOT, 'examples'))]
          : [...corpusFiles('docs-zh'), ...markdownFiles(join(ROOT, 'test', 'corpus', 'docs-zh'))];
      const paragraphs = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/));
      const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?。！？])\s*/));
      let found = 0;
      for (const t of [...paragraphs, ...sentences]) found += expectSame(v, t, 20);
      for (const t of termTexts(locale)) {
        found += expectSame(v, t, 20);
        expectSame(v, t, 1);
        expectSame(v, t, Infinity);
      }
      expect(found).toBeGreaterThan(1000);
    }, 120_000);
  }

  it('finds compounds of any word (found by the test after their first word) where each rule finds them', () => {
    const v = compileVocabulary(VOCABULARIES.en);
    const texts = [
      'A carrier-class, Sales-Leading and DATA-LEADING service; market-leading and sub-grade are not, nor is x-grade or abcdefghijklmnopqrstu-class.',
      'Hospital-grade, (hospital-grade) "Scale-leading" 9abc-grade _abc-grade abc-gradeX trusted-calibre well-caliber',
      'ſilver-class and \u212Aeynote-leading and ſtrong-class and Éminent-class and naïve-leading',
      'eight-leading-edge first-class-ish bank-level high-grade 😀smart-class 😀 smart-class',
      Array.from({ length: 30 }, (_, i) => `w${'o'.repeat(i % 18)}rd-leading`).join(' '),
    ];
    let found = 0;
    for (const t of texts) found += expectSame(v, t, 20);
    expect(found).toBeGreaterThan(12);
  });

  it('reads a text with more places to try than it keeps count of rule by rule, with the same result', () => {
    const v = compileVocabulary(VOCABULARIES.en);
    const text = Array.from({ length: 2000 }, (_, i) => (i % 3 ? 'significantly faster' : 'robust and best-in-class')).join(', ');
    expect(expectSame(v, text, 20)).toBeGreaterThan(20);
    expect(expectSame(v, text, Infinity)).toBeGreaterThan(2000);
  });
});
