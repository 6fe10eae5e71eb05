import { describe, expect, it } from 'vitest';
import type { Criterion, Scorecard } from '../../src/core/host.js';
import { readinessText, scorecardRows, shorten, tableLenses, tableStartLine } from '../../src/vscode/model/scorecard.js';

function criterion(over: Partial<Criterion>): Criterion {
  const parts = { metric: 'availability', target: '99.9%', baseline: null, window: 'per month', method: 'synthetic probes', remedy: 'service credits' };
  const c = { text: 'Availability of 99.9% per month', start: 10, end: 40, line: 3, source: 'table' as const, locale: 'en' as const, needsBaseline: false, term: 'availability', ...parts, ...over };
  return { ...c, missing: over.missing ?? [] };
}

function card(criteria: Criterion[], claims: Scorecard['claims'] = []): Scorecard {
  const complete = criteria.filter((c) => c.missing.length === 0).length;
  const statements = criteria.length + claims.length;
  return {
    criteria,
    claims,
    summary: {
      criteria: criteria.length,
      complete,
      missing: { metric: 0, target: 0, baseline: 0, window: 0, method: 0, remedy: criteria.filter((c) => c.missing.includes('remedy')).length },
      claims: claims.length,
      statements,
      readiness: statements ? complete / statements : null,
    },
  };
}

describe('scorecard rows', () => {
  const fpr = criterion({ term: 'False-positive rate', metric: 'false-positive rate', remedy: null, missing: ['remedy'], start: 50, line: 5 });
  const rows = scorecardRows(card([criterion({}), fpr], [{ line: 9, text: 'We deliver industry-leading detection.', ruleId: 'puffery', start: 120, end: 158 }]));

  it('leads with the readiness, then criteria, then the claims to make measurable', () => {
    expect(rows.map((r) => r.kind)).toEqual(['summary', 'criteria', 'claims']);
    expect(rows[0]!.label).toBe('POV readiness 33%');
    expect(rows[0]!.description).toBe('1 of 3 outcome statements fully specified');
    expect(rows[1]!.description).toBe('1 of 2 complete');
    expect(rows[2]!.description).toBe('1');
  });

  it('marks each criterion complete or names what it lacks, and goes to where it starts', () => {
    const [ok, gap] = rows[1]!.children!;
    expect([ok!.label, ok!.description, ok!.icon, ok!.offset]).toEqual(['availability', '✓ complete · line 3', 'pass', 10]);
    expect([gap!.label, gap!.description, gap!.icon, gap!.offset]).toEqual(['False-positive rate', 'missing: remedy · line 5', 'warning', 50]);
  });

  it('lists the six parts with ✓, ✗ when missing, – when not needed', () => {
    const parts = rows[1]!.children![1]!.children!;
    expect(parts.map((p) => p.label)).toEqual(['✓ Metric', '✓ Target', '– Baseline', '✓ Window', '✓ Method', '✗ Remedy']);
    expect(parts.find((p) => p.label === '✗ Remedy')!.description).toBe('missing');
    expect(parts.find((p) => p.label === '✓ Target')!.description).toBe('99.9%');
  });

  it('lists claims with their rule and line', () => {
    const claim = rows[2]!.children![0]!;
    expect([claim.label, claim.description, claim.offset]).toEqual(['We deliver industry-leading detection.', 'puffery · line 9', 120]);
  });

  it('gives unique ids', () => {
    const ids: string[] = [];
    const walk = (list: typeof rows): void => list.forEach((r) => (ids.push(r.id), walk(r.children ?? [])));
    walk(rows);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says n/a when there is no outcome statement', () => {
    expect(scorecardRows(card([]))[0]!.label).toBe('POV readiness n/a');
    expect(readinessText(0)).toBe('0%');
    expect(readinessText(2 / 3)).toBe('67%');
  });

  it('shortens long labels to one line', () => {
    expect(shorten('a\nb   c')).toBe('a b c');
    expect(shorten('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('criteria table lenses', () => {
  const lines = ['Intro', '', '| Metric | Target | Remedy |', '|---|---|---|', '| Availability | 99.9% | credits |', '| False-positive rate | < 5% | |', '', 'Prose.', '', 'KPI | Target', '--- | ---', 'MTTR | 4 h'];
  const lineText = (l: number): string => lines[l] ?? '';

  it('finds the first line of the table a row is in, with or without leading pipes', () => {
    expect(tableStartLine(lineText, 5)).toBe(2);
    expect(tableStartLine(lineText, 2)).toBe(2);
    expect(tableStartLine(lineText, 11)).toBe(9);
    expect(tableStartLine(lineText, 7)).toBeUndefined();
  });

  it('puts one lens on each table that says how many criteria are complete and what is missing where', () => {
    const c = card([
      criterion({ line: 5 }),
      criterion({ line: 6, term: 'False-positive rate', remedy: null, missing: ['remedy'] }),
      criterion({ line: 12, term: 'MTTR', window: null, method: null, missing: ['window', 'method'] }),
      criterion({ line: 8, source: 'prose', missing: ['window'] }),
    ]);
    expect(tableLenses(c, (x) => tableStartLine(lineText, x.line - 1))).toEqual([
      { line: 2, text: '1 of 2 criteria complete · missing: remedy (False-positive rate)' },
      { line: 9, text: '0 of 1 criteria complete · missing: window (MTTR); method (MTTR)' },
    ]);
  });

  it('names at most two criteria per part and counts the rest', () => {
    const gaps = ['A', 'B', 'C', 'D'].map((t, i) => criterion({ line: 5, term: t, start: i, remedy: null, missing: ['remedy'] }));
    expect(tableLenses(card(gaps), () => 2)[0]!.text).toBe('0 of 4 criteria complete · missing: remedy (A, B, +2)');
  });
});
