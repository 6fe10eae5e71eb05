/**
 * A factored alternation must match wherever the plain one does and nowhere else: checked on
 * generated alternatives (literals, classes, groups, quantifiers, escapes, surrogate pairs, Han)
 * against generated text, and on the vocabularies' candidate tests against the corpus sentences.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factorAlternatives, literalLeading, topLevelAlternatives } from '../src/core/regex-factor.js';
import { LOCALES } from '../src/core/types.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { compileVocabulary, entrySource, looseSource, mayHoldTerm, TEST_PART } from '../src/core/vocab/matcher.js';
import { corpusFiles } from './helpers/corpus.js';
import { markdownFiles } from './helpers/files.js';

const ROOT = join(import.meta.dirname, '..');

/** Pieces of alternatives: literals that share prefixes, and every construct the factoring must leave intact. */
const piece = fc.constantFrom('a', 'b', 'ab', 'abc', 'B', 'c', '中', '文', '😀', '\\s', '\\d', '[ab]', '[|]', '(?:a|b)', '(?:ab|Ac|)', '(?:a|b)?', '(a|bc)', '(?:(?:a|b)c|d)', '(?:ab)+', 'a?', 'b*', 'c+', 'a{2}', '.', '(?!b)', '(?<=a)', '\\|', '\\(', '-', ' ');
const alternative = fc.array(piece, { minLength: 0, maxLength: 5 }).map((p) => p.join(''));
const subject = fc.array(fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '中', '文', '😀', ' ', '|', '(', '-', '1', 'x'), { maxLength: 12 }).map((p) => p.join(''));

describe('factorAlternatives', () => {
  it('splits a source at its top-level bars only', () => {
    expect(topLevelAlternatives('a|b(c|d)|[|]|\\||e')).toEqual(['a', 'b(c|d)', '[|]', '\\|', 'e']);
  });

  it('groups alternatives by their leading characters', () => {
    expect(factorAlternatives(['improve', 'increase', 'industry', 'fast'], true)).toBe('i(?:mprove|n(?:crease|dustry))|fast');
    // Case folds only with ignoreCase; a quantified or escaped start stays as it is.
    expect(factorAlternatives(['Ab', 'ab', 'a?c', '\\d', '(?:x)'], false)).toBe('Ab|ab|x|a?c|\\d');
    expect(factorAlternatives(['Ab', 'ab', 'aC', 'ac'], true)).toBe('a(?:b|c)');
  });

  it('opens a leading group so its alternatives join the groups of their first characters', () => {
    expect(literalLeading('(?:enterprise|military|bank|mission)[-\\s]grade')).toEqual(['enterprise[-\\s]grade', 'm(?:ilitary|ission)[-\\s]grade', 'bank[-\\s]grade']);
    // An optional group adds what follows it; a nested leading group opens too.
    expect(literalLeading('(?:the\\s+)?best')).toEqual(['the\\s+best', 'best']);
    expect(literalLeading('((?:a|b)c|d)e')).toEqual(['ace', 'bce', 'de']);
    // A repeated group, a look-around and a named group stay as they are.
    for (const kept of ['(?:ab)+c', '(?:ab){2}c', '(?=a)b', '(?!a)b', '(?<n>a|b)c']) expect(literalLeading(kept)).toEqual([kept]);
    // In a long list too: every alternative opens, wherever it stands.
    const many = [...Array.from({ length: 14 }, (_, i) => `w${i}`), '(?:xa|xb)c'];
    expect(factorAlternatives(many, false)).toContain('x(?:a|b)c');
    // A copy of what follows past the budget keeps the group closed.
    const long = `(?:${Array.from({ length: 30 }, (_, i) => String.fromCharCode(97 + (i % 26)) + i).join('|')})${'x'.repeat(200)}`;
    expect(literalLeading(long)).toEqual([long]);
  });

  it('keeps a tail with its own top-level alternation grouped', () => {
    expect(factorAlternatives(['ab|c', 'x'], false)).toBe('ab|c|x');
    expect(new RegExp(factorAlternatives(['a(?:b|c)d', 'ae'], false)).test('acd')).toBe(true);
  });

  it('leaves sources with back-references as they are', () => {
    expect(factorAlternatives(['(a)\\1', 'ab'], false)).toBe('(a)\\1|ab');
  });

  for (const flags of ['', 'i', 'u', 'iu']) {
    it(`matches wherever the plain alternation does (flags "${flags}")`, () => {
      fc.assert(
        fc.property(fc.array(alternative, { minLength: 1, maxLength: 12 }), fc.array(subject, { minLength: 1, maxLength: 8 }), (alts, texts) => {
          let plain: RegExp;
          try {
            plain = new RegExp(`(?:${alts.join('|')})`, flags);
          } catch {
            return; // not a valid pattern under these flags (a quantifier after a look-around with `u`)
          }
          const factored = new RegExp(`(?:${factorAlternatives(alts, flags.includes('i'))})`, flags);
          for (const t of texts) expect(factored.test(t), `${alts.join(' | ')} on ${JSON.stringify(t)}`).toBe(plain.test(t));
        }),
        { numRuns: 400, seed: 20261205 },
      );
    });
  }

  it("gives the vocabularies' candidate tests the answers of the plain alternation on the corpus", () => {
    const files = [...corpusFiles('docs'), ...corpusFiles('docs-zh'), ...markdownFiles(join(ROOT, 'test', 'fixtures')), ...markdownFiles(join(ROOT, 'examples'))];
    const texts = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/));
    expect(texts.length).toBeGreaterThan(500);
    for (const locale of LOCALES) {
      const v = compileVocabulary(VOCABULARIES[locale]);
      const alts = VOCABULARIES[locale].entries.map((e) => looseSource(entrySource(e))).join('|');
      const plain = new RegExp(v.vocab.wordBoundaries ? `(?<![\\p{L}\\p{N}_])(?:${alts})(?![\\p{L}\\p{N}_])` : `(?:${alts})`, 'iu');
      expect(v.any.source).not.toBe(plain.source);
      let hits = 0;
      for (const t of texts) {
        const expected = plain.test(t);
        if (expected) hits++;
        expect(v.any.test(t), `${locale}: ${t.slice(0, 120)}`).toBe(expected);
        // The test in parts (what lint runs) never misses what the whole finds.
        if (expected) expect(mayHoldTerm(v, t), `${locale} in parts: ${t.slice(0, 120)}`).toBe(true);
      }
      expect(hits).toBeGreaterThan(50);
    }
  }, 60_000);

  it('cuts a long candidate test into parts V8 still optimises, and keeps a short one whole', () => {
    const en = compileVocabulary(VOCABULARIES.en);
    expect(en.any.source.length).toBeGreaterThan(TEST_PART);
    expect(en.anyParts.length).toBeGreaterThan(1);
    // Each part: at most TEST_PART characters of terms, plus the word boundaries around them and
    // what grouping by leading characters adds; under the 20 KB past which V8 leaves it unoptimised.
    for (const p of en.anyParts) expect(p.exact.source.length).toBeLessThan(TEST_PART + 1_000);
    const zh = compileVocabulary(VOCABULARIES.zh);
    expect(zh.anyParts).toHaveLength(1);
  });
});
