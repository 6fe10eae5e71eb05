/**
 * The scorecard skips paragraphs and table rows that `mayHoldFacts` rules out. That is safe only
 * if no sentence of such a text would have given a criterion or a remedy: checked here on every
 * sentence of the corpus, the test corpus, the examples and the fixtures, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { clean, factHints, MAY_NUMBER, MAY_REMEDY, mayHoldFacts, readSentence } from '../../src/core/scorecard/extract.js';
import { splitSentences } from '../../src/core/parse/sentences.js';
import { everyParagraph } from '../helpers/corpus.js';

const paragraphs = everyParagraph();

describe('the scorecard pre-test', () => {
  it('rules out only texts none of whose sentences states a criterion or a remedy', () => {
    let ruledOut = 0;
    let checked = 0;
    for (const { file, para, locale } of paragraphs) {
      for (const line of para.split('\n')) {
        // Each line (a table row, a list item) and the whole paragraph are texts the reader may skip.
        for (const raw of [line, para]) {
          if (mayHoldFacts(raw)) continue;
          ruledOut++;
          for (const [a, z] of splitSentences(raw, locale)) {
            checked++;
            const r = readSentence(clean(raw.slice(a, z)), locale);
            expect(r, `${file}: ${raw.slice(a, z)}`).toEqual({});
          }
        }
      }
    }
    // The pre-test has to rule out something, or the reader gains nothing from it.
    expect(ruledOut).toBeGreaterThan(1000);
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads each sentence as it would without hints, skipping only the tests its hints rule out', () => {
    const skipped = { number: 0, remedy: 0, paragraph: 0 };
    for (const { file, para, locale } of paragraphs) {
      const whole = factHints(para);
      expect(whole !== 0, file).toBe(mayHoldFacts(para));
      for (const [a, z] of splitSentences(para, locale)) {
        const raw = para.slice(a, z);
        const hints = factHints(raw, (whole & MAY_REMEDY) !== 0);
        expect(hints, raw).toBe(factHints(raw) & (whole & MAY_REMEDY ? MAY_NUMBER | MAY_REMEDY : MAY_NUMBER));
        if (!hints) continue;
        if (!(hints & MAY_NUMBER)) skipped.number++;
        if (!(hints & MAY_REMEDY)) skipped.remedy++;
        if (!(whole & MAY_REMEDY)) skipped.paragraph++;
        const text = clean(raw);
        expect(readSentence(text, locale, hints), `${file}: ${raw}`).toEqual(readSentence(text, locale));
      }
    }
    // Each skip is taken, or the check says little.
    expect(skipped.number).toBeGreaterThan(20);
    expect(skipped.remedy).toBeGreaterThan(1000);
    expect(skipped.paragraph).toBeGreaterThan(1000);
  });

  it('reads a text with a number or a remedy word', () => {
    expect(mayHoldFacts('Availability of 99.9% per month.')).toBe(true);
    expect(mayHoldFacts('Service credits apply.')).toBe(true);
    expect(mayHoldFacts('服务赔偿按月计算')).toBe(true);
    expect(mayHoldFacts('The vendor may terminate.')).toBe(true);
    expect(mayHoldFacts('**__one__** hour')).toBe(true);
    expect(mayHoldFacts('The team will meet the stakeholders.')).toBe(false);
  });

  it('reads past the marks that cleaning removes, and always reads tags and comments', () => {
    expect(mayHoldFacts('Service cre*dit*s apply.')).toBe(true);
    expect(mayHoldFacts('Within t`w`o hours.')).toBe(true);
    expect(mayHoldFacts('The *team* will meet the `stakeholders`.')).toBe(false);
    expect(mayHoldFacts('The team will meet the <b>stakeholders</b>.')).toBe(true);
    expect(mayHoldFacts('The team <!-- note --> will meet.')).toBe(true);
  });
});
