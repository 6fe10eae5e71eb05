import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/core/clauses/types.js';
import { clausePickEntries, clausePreview, hasClausePreview, povPrefixAt, warmClausePreviews } from '../../src/vscode/model/clausePick.js';
import { hoverMarkdown } from '../../src/vscode/model/hover.js';
import { buildReport, reportHtml } from '../../src/vscode/model/report.js';
import { chunksByWeight, Debouncer, type Timers } from '../../src/vscode/model/scheduler.js';
import { findingAt } from './findings.js';

const clause = (id: string, category: Clause['category'], title: string): Clause => ({
  id,
  title,
  category,
  topics: [],
  docTypes: [],
  description: `${title} description`,
  locale: 'en',
  body: 'Within ${1:30} days the ${2|Supplier,Customer|} shall report ${3:p95 latency}.',
});

describe('clause picker', () => {
  it('groups clauses by category under separators, in library order', () => {
    const entries = clausePickEntries([
      clause('b', 'service-levels', 'Uptime'),
      clause('a', 'pov-plan-acceptance', 'Acceptance'),
      clause('c', 'service-levels', 'Response time'),
      clause('d', 'service-levels', 'incident reports'),
    ]);
    expect(entries.map((e) => (e.type === 'separator' ? `== ${e.label}` : e.label))).toEqual([
      '== POV plan and acceptance',
      'Acceptance',
      '== Service levels',
      'incident reports',
      'Response time',
      'Uptime',
    ]);
  });

  it('previews the body with placeholder defaults', () => {
    expect(clausePreview(clause('a', 'service-levels', 'x'))).toBe('Within 30 days the Supplier shall report p95 latency.');
    expect(clausePreview(clause('a', 'service-levels', 'x'), 20)).toHaveLength(20);
  });

  it('makes the previews ahead of the picker in turns that stop at their time budget', () => {
    const clauses = Array.from({ length: 7 }, (_, i) => clause(`w${i}`, 'service-levels', `T${i}`));
    const queued: (() => void)[] = [];
    let clock = 0;
    // Each preview takes one tick of the fake clock; a turn has two ticks.
    const now = (): number => clock++;
    warmClausePreviews(clauses, (run) => queued.push(run), { sliceMs: 2, now });
    expect(clauses.some(hasClausePreview)).toBe(false);
    const turns: number[] = [];
    while (queued.length) {
      queued.shift()!();
      turns.push(clauses.filter(hasClausePreview).length);
    }
    expect(turns).toEqual([2, 4, 6, 7]);
    expect(clausePreview(clauses[6]!)).toBe('Within 30 days the Supplier shall report p95 latency.');
  });

  it('stops warming when told to', () => {
    const clauses = Array.from({ length: 3 }, (_, i) => clause(`s${i}`, 'service-levels', `S${i}`));
    const queued: (() => void)[] = [];
    const stop = warmClausePreviews(clauses, (run) => queued.push(run), { sliceMs: 0, now: () => 0 });
    queued.shift()!();
    stop();
    while (queued.length) queued.shift()!();
    expect(clauses.filter(hasClausePreview)).toHaveLength(1);
  });

  it('recognises the pov: trigger', () => {
    expect(povPrefixAt('see pov:', 8)).toEqual({ start: 4, query: '' });
    expect(povPrefixAt('pov:base', 8)).toEqual({ start: 0, query: 'base' });
    expect(povPrefixAt('mypov:', 6)).toBeUndefined();
  });
});

describe('hover and report', () => {
  const text = 'It will be much faster and best-in-class.';
  const a = findingAt(text, 'much faster');
  const b = findingAt(text, 'best-in-class', { ruleId: 'puffery', severity: 'info', missing: [], fixes: [] });

  it('explains the finding, the missing parts and a rewrite with defaults filled in', () => {
    const md = hoverMarkdown([a]);
    expect(md).toContain('[`unmeasured-claim`](https://');
    expect(md).toContain('Missing to make it verifiable: a metric, a target value, a baseline, a time window, a measurement method.');
    expect(md).toContain('> p95 response time of 300 ms, from a baseline of 900 ms, within 90 days');
  });

  it('counts claims per rule and missing parts, and shows the scorecard\'s readiness', () => {
    const summary = { criteria: 3, complete: 1, missing: { metric: 0, target: 0, baseline: 1, window: 2, method: 1, remedy: 2 }, claims: 2, statements: 5, readiness: 1 / 5 };
    const r = buildReport('rfp.md', [a, b], summary);
    expect(r.perRule.map((p) => [p.ruleId, p.count])).toEqual([
      ['unmeasured-claim', 1],
      ['puffery', 1],
    ]);
    expect(r.missing.map((m) => m.part)).toEqual(['metric', 'target', 'baseline', 'window', 'method']);
    expect(r.readiness).toBe(20);
    expect(r.criteria).toEqual({ found: 3, complete: 1 });
    const html = reportHtml({ ...r, title: '<script>' });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('>20%</p>');
    expect(html).toContain('1 of 3 criteria complete.');
    // No outcome statement, or no scorecard: readiness is not a number, not 100.
    expect(buildReport('rfp.md', [a], { ...summary, criteria: 0, complete: 0, claims: 0, statements: 0, readiness: null }).readiness).toBeNull();
    expect(reportHtml(buildReport('rfp.md', [a])).includes('>n/a</p>')).toBe(true);
  });
});

describe('Debouncer', () => {
  it('runs once per key after the last schedule, and cancels', () => {
    const queue: { fn: () => void; id: number }[] = [];
    let next = 0;
    const timers: Timers = {
      set: (fn) => {
        queue.push({ fn, id: ++next });
        return next;
      },
      clear: (h) => {
        const i = queue.findIndex((q) => q.id === h);
        if (i >= 0) queue.splice(i, 1);
      },
    };
    const ran: string[] = [];
    const d = new Debouncer<string>((k) => ran.push(k), timers);
    d.schedule('a', 300);
    d.schedule('a', 300);
    d.schedule('b', 300);
    d.cancel('b');
    expect(d.isPending('a')).toBe(true);
    for (const q of queue.splice(0)) q.fn();
    expect(ran).toEqual(['a']);
    expect(d.isPending('a')).toBe(false);
  });
});

describe('chunksByWeight', () => {
  it('cuts items into runs of at most the weight given, in order; a heavy item runs alone', () => {
    const runs = chunksByWeight([3, 4, 2, 9, 1, 1, 5], (n) => n, 6);
    expect(runs).toEqual([[3], [4, 2], [9], [1, 1], [5]]);
    expect(runs.flat()).toEqual([3, 4, 2, 9, 1, 1, 5]);
    expect(chunksByWeight([], (n: number) => n, 6)).toEqual([]);
  });
});
