/**
 * A keystroke in a long list or table analyses its whole block again; the units it did not change
 * keep their vocabulary matches (read once per text), and every result is still what a fresh
 * `lint()` gives. The matches are counted through a wrapper around the one function that reads them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, lint } from '../src/core/index.js';
import * as matcher from '../src/core/vocab/matcher.js';

vi.mock('../src/core/vocab/matcher.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/core/vocab/matcher.js')>();
  return { ...original, matchRules: vi.fn(original.matchRules) };
});

const reads = vi.mocked(matcher.matchRules);
beforeEach(() => {
  reads.mockClear();
});

/** A table of `n` rows (one block), each cell a claim of its own (no two alike). */
function table(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `| ${i + 1} | The platform will significantly improve response times for team ${i + 1}. |`);
  return ['| Row | Requirement |', '| --- | --- |', ...rows].join('\n') + '\n';
}

describe('session: units of a block analysed again', () => {
  it('reads the matches of the edited cell only, and finds what a fresh lint finds', () => {
    const text = table(40);
    const s = createSession(text);
    const at = text.indexOf('team 17') + 4;
    reads.mockClear();
    const after = s.edit(at, 0, 'x');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0]![1]).toContain('teamx 17');
    expect(after).toEqual(lint(s.text()));
  });

  it('gives units with the same text each their own findings, before and after one of them changes', () => {
    const claim = 'The platform will significantly improve response times.';
    const s = createSession(`| A | B |\n| --- | --- |\n| ${claim} | Other text. |\n| x | ${claim} |\n`);
    const first = s.findings().filter((f) => f.ruleId === 'vague-quantifier');
    expect(first).toHaveLength(2);
    expect(first[0]!.start.line).toBe(3);
    expect(first[1]!.start.line).toBe(4);
    const at = s.text().lastIndexOf('significantly');
    const after = s.edit(at, 'significantly'.length, 'by 20%');
    expect(after).toEqual(lint(s.text()));
    expect(after.filter((f) => f.ruleId === 'vague-quantifier').map((f) => f.start.line)).toEqual([3]);
  });

  it('reads a unit longer than the memo holds each time it is analysed', () => {
    const long = `| A | B |\n| --- | --- |\n| The platform will ${'significantly improve response times and '.repeat(100)}more. | Short cell that is faster. |\n`;
    const s = createSession(long);
    reads.mockClear();
    s.edit(long.indexOf('Short'), 0, 'A ');
    expect(reads).toHaveBeenCalledTimes(2);
    expect(s.findings()).toEqual(lint(s.text()));
  });
});
