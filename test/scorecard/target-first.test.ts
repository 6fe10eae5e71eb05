/**
 * A sentence is read for a criterion only when a recogniser that can read a target finds
 * something; the other recognisers run after that. Checked here on every sentence of the corpus,
 * the test corpus, the examples and the fixtures: reading target recognisers first gives the same
 * measurements as one pass whenever it goes on, and stops only where one pass finds no target.
 */
import { describe, expect, it } from 'vitest';
import { clean, measurements, readSentence } from '../../src/core/scorecard/extract.js';
import { splitSentences } from '../../src/core/parse/sentences.js';
import { everyParagraph } from '../helpers/corpus.js';

const paragraphs = everyParagraph();
const TARGET_CAPABLE = new Set(['percent', 'currency', 'quantity', 'nines', 'ratio', 'threshold', 'range', 'decimal-comma-percent', 'within']);

describe('reading target recognisers first', () => {
  it('gives the measurements of one pass, or none where one pass reads no target', () => {
    let stopped = 0;
    let full = 0;
    for (const { para, locale } of paragraphs) {
      for (const [a, z] of splitSentences(para, locale)) {
        const sentence = clean(para.slice(a, z));
        const once = measurements(sentence, locale);
        const first = measurements(sentence, locale, true);
        if (first.length === 0) {
          stopped++;
          expect(once.filter((m) => TARGET_CAPABLE.has(m.id)), sentence).toEqual([]);
        } else {
          full++;
          expect(first, sentence).toEqual(once);
        }
      }
    }
    // Both paths are taken often, or the check says little.
    expect(stopped).toBeGreaterThan(1000);
    expect(full).toBeGreaterThan(300);
  });

  it('still reads a criterion whose target comes after its window and method', () => {
    const r = readSentence('Each calendar month, as measured by the monitoring system, the Contractor shall keep availability at 99.9%.', 'en');
    expect(r.criterion?.target).toBe('99.9%');
    expect(r.criterion?.window).toMatch(/calendar month/);
    expect(r.criterion?.method).toMatch(/measured by/);
  });
});

describe('cleaning a sentence', () => {
  it('drops emphasis, code marks, doubled underscores and tags, and folds white space', () => {
    expect(clean('  **Availability**  shall be\n`99.9%`\tper  month ')).toBe('Availability shall be 99.9% per month');
    expect(clean('a<br>b <span class="x">c</span>  d')).toBe('a b c d');
    expect(clean('__bold__ snake_case x < y')).toBe('bold snake_case x < y');
    expect(clean('\u00a0中文*强调*内容')).toBe('中文强调内容');
    expect(clean('<not closed')).toBe('<not closed');
  });

  it('returns a text with nothing to clean as it is, and cleans one that differs by one character', () => {
    // Without tags, cleaning is: drop the marks, fold white space, trim one space at each end.
    const spec = (s: string): string => s.replace(/[*`]|_{2,}/g, '').replace(/[ \t\n\r\u00a0]+/g, ' ').replace(/^ | $/g, '');
    const plain = 'Availability shall be 99.9% per calendar month, snake_case kept';
    expect(clean(plain)).toBe(plain);
    const marks = ['*', '`', '__', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '_'];
    for (let at = 0; at <= plain.length; at += 7) {
      for (const mark of marks) {
        const text = plain.slice(0, at) + mark + plain.slice(at);
        expect(clean(text), JSON.stringify(text)).toBe(spec(text));
      }
    }
  });
});
