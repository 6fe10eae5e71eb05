/**
 * Chinese open-class patterns read by words: a degree adverb or 更 counts only when the word
 * segmenter reads it as a word of its own, and the term is that word and the predicate after it.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/index.js';

const terms = (text: string): string[] => lint(text, { scorer: false }).filter((f) => f.ruleId === 'unmeasured-claim').map((f) => f.term ?? '');

describe('Chinese degree adverb + predicate', () => {
  it('takes the adverb and the next word as the term', () => {
    expect(terms('让您更详细地了解玩家。')).toContain('更详细');
    expect(terms('我们提供非常成熟的解决方案。')).toContain('非常成熟');
  });

  it('does not read a word that begins with the adverb as the adverb (更新 is update)', () => {
    expect(terms('数据更新后生效。')).toEqual([]);
  });

  it('finds a quality attribute judged high or low without a number, and lets a number cure it', () => {
    expect(terms('智能接入网关配置简单，成本低。')).toContain('成本低');
    expect(terms('网关的延迟低于 20 毫秒（按月 P95 统计）。')).toEqual([]);
  });

  it('reads a short list item as a claim, not a title', () => {
    expect(terms('- 操作易用\n')).toContain('易用');
  });
});
