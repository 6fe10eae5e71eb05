/** The baseline file: stable sorted output, precise errors, pruning and rewriting. */
import { describe, expect, it } from 'vitest';
import {
  BASELINE_VERSION,
  BaselineMatcher,
  baselineOf,
  formatBaselineError,
  parseBaseline,
  rewriteBaseline,
  serialiseBaseline,
  type BaselineEntry,
  type FindingKey,
} from '../../src/core/index.js';

const k = (rule: FindingKey['rule'], term: string, text: string): FindingKey => ({ rule, term, text });
const A = k('puffery', 'world-class', 'our world-class team.');
const B = k('weak-obligation', 'promptly', 'we respond promptly.');
const C = k('puffery', 'best-in-class', 'a best-in-class tool.');

describe('baseline file', () => {
  it('serialises sorted, pretty, versioned and the same whatever the input order', () => {
    const one = serialiseBaseline(baselineOf([{ path: 'b.md', keys: [B, A] }, { path: 'a.md', keys: [A, A, C] }]));
    const two = serialiseBaseline(baselineOf([{ path: 'a.md', keys: [C, A, A] }, { path: 'b.md', keys: [A, B] }]));
    expect(one).toBe(two);
    expect(one.endsWith('}\n')).toBe(true);
    const data = JSON.parse(one) as { version: number; findings: BaselineEntry[] };
    expect(Object.keys(data)).toEqual(['version', 'findings']);
    expect(data.version).toBe(BASELINE_VERSION);
    expect(data.findings.map((e) => `${e.path} ${e.term} ${e.count}`)).toEqual(['a.md best-in-class 1', 'a.md world-class 2', 'b.md world-class 1', 'b.md promptly 1']);
    expect(Object.keys(data.findings[0]!)).toEqual(['path', 'rule', 'term', 'text', 'count']);
    expect(one).toContain('\n  "findings": [\n    {\n      "path": "a.md",');
  });

  it('round-trips through parseBaseline', () => {
    const baseline = baselineOf([{ path: 'docs/x.md', keys: [A, B, B] }]);
    const parsed = parseBaseline(serialiseBaseline(baseline), '.povlint-baseline.json');
    expect(parsed.errors).toEqual([]);
    expect(parsed.baseline).toEqual(baseline);
  });

  it('reports broken files with file, line, column and key, and returns no baseline', () => {
    const text = ['{', '  "version": 1,', '  "findings": [', '    { "path": "a.md", "rule": "puffery", "term": "x", "text": "y", "count": 1 },', '    { "path": "a.md", "rule": "pufery", "term": "x", "text": "y", "count": 0 }', '  ]', '}'].join('\n');
    const { baseline, errors } = parseBaseline(text, 'b.json');
    expect(baseline).toBeUndefined();
    expect(errors.map(formatBaselineError)).toEqual([
      expect.stringMatching(/^b\.json:5:\d+: findings\[1\]\.rule: expected a rule id .*got "pufery"$/),
      expect.stringMatching(/^b\.json:5:\d+: findings\[1\]\.count: expected a whole number of findings \(1 or more\), got 0$/),
    ]);
  });

  it('rejects malformed JSON, other versions, unknown keys and wrong types', () => {
    expect(parseBaseline('{ "version": 1, ', 'f.json').errors[0]).toMatchObject({ file: 'f.json', key: '', message: expect.stringMatching(/^not valid JSON/) });
    expect(parseBaseline('[]').errors[0]!.message).toMatch(/expected an object/);
    expect(parseBaseline('{ "version": 2, "findings": [] }').errors[0]).toMatchObject({ key: 'version', message: expect.stringMatching(/expected 1, got 2/) });
    expect(parseBaseline('{ "version": 1, "findings": [], "extra": 1 }').errors[0]).toMatchObject({ key: 'extra' });
    expect(parseBaseline('{ "version": 1, "findings": {} }').errors[0]).toMatchObject({ key: 'findings' });
    expect(parseBaseline('{ "version": 1, "findings": [ { "path": "", "rule": "puffery", "term": 1, "text": "t", "count": 1, "line": 3 } ] }').errors.map((e) => e.key)).toEqual([
      'findings[0].line',
      'findings[0].term',
      'findings[0].path',
    ]);
    expect(parseBaseline('\uFEFF{ "version": 1, "findings": [] }').baseline).toEqual({ version: 1, entries: [] });
  });

  it('pruning lowers counts to what still matched and drops entries of deleted documents', () => {
    const baseline = baselineOf([{ path: 'a.md', keys: [A, A, B] }, { path: 'gone.md', keys: [C] }, { path: 'other.md', keys: [C] }]);
    const m = new BaselineMatcher(baseline);
    expect(m.match('a.md', [A, C])).toEqual([true, false]);
    const gone = (p: string): boolean => p === 'gone.md';
    expect(m.stale(gone).map((e) => `${e.path}:${e.term}×${e.count}`)).toEqual(['a.md:world-class×1', 'a.md:promptly×1', 'gone.md:best-in-class×1']);
    expect(m.pruned(gone).entries.map((e) => `${e.path}:${e.term}×${e.count}`)).toEqual(['a.md:world-class×1', 'other.md:best-in-class×1']);
  });

  it('rewriting keeps entries of documents not linted in this run, unless they are gone', () => {
    const previous = baselineOf([{ path: 'a.md', keys: [A] }, { path: 'b.md', keys: [B] }, { path: 'gone.md', keys: [C] }]);
    const next = rewriteBaseline(previous, [{ path: 'a.md', keys: [C] }], (p) => p === 'gone.md');
    expect(next.entries.map((e) => `${e.path}:${e.term}`)).toEqual(['a.md:best-in-class', 'b.md:promptly']);
  });
});
