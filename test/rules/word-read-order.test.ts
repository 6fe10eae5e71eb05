/**
 * An entry read by words (`head`, for Chinese) has an open pattern: tried before the fixed terms,
 * it took their place at the same position, the segmenter then rejected it, and the fixed term was
 * never found. The matcher tries word-read entries after every fixed one.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';
import { VOCABULARIES } from '../../src/core/vocab/index.js';

const terms = (text: string): string[] => lint(text, { locale: 'zh', scorer: false }).map((f) => `${f.ruleId}:${f.term ?? ''}`);

describe('word-read vocabulary entries', () => {
  it('exist in the Chinese vocabulary (else this test checks nothing)', () => {
    expect(VOCABULARIES.zh.entries.some((e) => e.head !== undefined)).toBe(true);
  });

  it('leave a fixed comparative that the segmenter reads as one word to the fixed entry', () => {
    // 更高 is one word to the segmenter, so the open 更 + predicate entry cannot take it.
    expect(terms('本方案提供更高的可用性。')).toContain('unmeasured-claim:更高');
  });

  it('still find a degree adverb before a predicate', () => {
    expect(terms('平台的防护能力更强。')).toContain('unmeasured-claim:更强');
  });
});
