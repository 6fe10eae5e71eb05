import { describe, expect, it } from 'vitest';
import { TextMemo } from '../src/core/memo.js';

describe('TextMemo', () => {
  it('keeps at most its number of entries, dropping the oldest', () => {
    const m = new TextMemo<number>(3, 1000);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) m.set(k, i);
    expect([m.get('a'), m.get('b'), m.get('d'), m.size]).toEqual([undefined, 1, 3, 3]);
  });

  it('keeps at most its characters of keys, dropping the oldest', () => {
    const m = new TextMemo<string>(100, 10);
    m.set('aaaa', 'A');
    m.set('bbbb', 'B');
    m.set('cccc', 'C');
    expect([m.get('aaaa'), m.get('bbbb'), m.get('cccc'), m.keyChars]).toEqual([undefined, 'B', 'C', 8]);
  });

  it('keeps a key longer than its budget alone, until the next key comes', () => {
    const m = new TextMemo<number>(100, 10);
    m.set('short', 1);
    const long = 'x'.repeat(50);
    m.set(long, 2);
    expect([m.get('short'), m.get(long), m.size]).toEqual([undefined, 2, 1]);
    m.set('next', 3);
    expect([m.get(long), m.get('next'), m.keyChars]).toEqual([undefined, 3, 4]);
  });

  it('counts a key set again once', () => {
    const m = new TextMemo<number>(100, 10);
    m.set('abc', 1);
    m.set('abc', 2);
    expect([m.get('abc'), m.size, m.keyChars]).toEqual([2, 1, 3]);
  });
});
