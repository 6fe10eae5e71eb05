/**
 * A case-insensitive stand-in run as a one-case pattern over lower-cased text (case-fold.ts) must
 * find exactly the matches of the original, at the same offsets: checked on the vocabularies'
 * candidate tests, sticky rule patterns and measurement recognisers over generated text in mixed case, with letters beyond
 * ASCII, and on the patterns it must refuse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { folded, foldedSource, lowerText } from '../src/core/case-fold.js';
import { compileRecogniser, RECOGNISERS } from '../src/core/measure/index.js';
import { NEEDS_UNICODE } from '../src/core/unicode-regex.js';
import { LOCALES } from '../src/core/types.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { compileVocabulary } from '../src/core/vocab/matcher.js';

const positions = (re: RegExp, text: string): string[] => {
  const out: string[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags.replace('y', '') : `${re.flags.replace('y', '')}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push(`${m.index}:${m[0].length}:${m.findIndex((x, i) => i > 0 && x !== undefined)}`);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
};

/** Words and pieces in mixed case, with letters beyond ASCII that lower-case to themselves or to other letters. */
const mixed = fc
  .array(
    fc.constantFrom(
      ...'Significantly FASTER best-in-class World-Class As Needed at All Times 100% Secure Never fails ROBUST Seamless Improve REDUCE costs the BEST the Smartest'.split(' '),
      ...'É é Ω ß Σ ς Ǆ ǅ ı Ä ø 中 显著 提升 。 , . - / ( ) 99.9% 5 days'.split(' '),
      ...'Within 4 Hours 99.95% PER MONTH Measured By at Least 30 Minutes 每月 小时 响应时间'.split(' '),
      ' ',
      '\n',
      '**',
      '_',
    ),
    { maxLength: 25 },
  )
  .map((xs) => xs.join(' '));

describe('case folding of the stand-ins', () => {
  it('refuses what it cannot read in one case', () => {
    expect(foldedSource('[A-z]')).toBeUndefined();
    expect(foldedSource('[a-Z]')).toBeUndefined();
    expect(foldedSource('(a)\\1')).toBeUndefined();
    expect(foldedSource('(?<Word>a)\\k<Word>')).toBeUndefined();
    expect(foldedSource('(?<W>a)')).toBeUndefined();
    expect(foldedSource('café|Ä')).toBeUndefined();
    expect(lowerText('\u0130stanbul')).toBeUndefined();
    expect(folded(/abc/u)).toBeUndefined();
    expect(folded(/abc/)).toBeUndefined();
  });

  it('keeps escapes, look-arounds and ranges of one case', () => {
    expect(foldedSource('(?<![A-Za-z0-9_])Best\\S+\\W\\B[\\s*_~>]+(?=X)(?<=Y)\\u00A0')).toBe('(?<![a-za-z0-9_])best\\S+\\W\\B[\\s*_~>]+(?=x)(?<=y)\\u00a0');
    expect(foldedSource('[-A]|[A-]|[^-a]')).toBe('[-a]|[a-]|[^-a]');
    // A backslash escaped by a backslash leaves the letter after it a literal.
    expect(foldedSource('\\\\S|\\\\\\S')).toBe('\\\\s|\\\\\\S');
    expect(foldedSource('[\\u0041-Z]')).toBeUndefined();
    expect(folded(/Best/gi)!.flags).toBe('g');
    expect(folded(/Best/iy)!.flags).toBe('y');
  });

  it('finds what the case-insensitive stand-ins find, at the same offsets', () => {
    for (const locale of LOCALES) {
      const v = compileVocabulary(VOCABULARIES[locale]);
      const patterns = [...v.anyParts.map((p) => p.standIn), ...[...v.byRule.values()].map((m) => m.sticky(true).re), ...RECOGNISERS[locale].map((r) => compileRecogniser(r).ascii)].filter((re): re is RegExp => re !== undefined && !re.flags.includes('u'));
      expect(patterns.length).toBeGreaterThan(3);
      const one = patterns.map((re) => [re, folded(re)] as const);
      // Every stand-in of the vocabularies is read in one case (else the speed-up would be lost unseen).
      expect(one.filter(([, f]) => f === undefined).map(([re]) => re.source.slice(0, 80))).toEqual([]);
      let found = 0;
      fc.assert(
        fc.property(mixed, (text) => {
          if (NEEDS_UNICODE.test(text)) return;
          const low = lowerText(text);
          if (low === undefined) return;
          for (const [re, f] of one) {
            const want = positions(re, text);
            found += want.length;
            expect(positions(f!, low), `${re.source.slice(0, 60)} on ${JSON.stringify(text)}`).toEqual(want);
          }
        }),
        { seed: 11, numRuns: 400 },
      );
      if (locale === 'en') expect(found).toBeGreaterThan(500);
    }
  }, 120_000);
});
