import { describe, expect, it } from 'vitest';
import { lint } from '../lint.js';
import rule, { clausesFor } from '../rules/incomplete-criterion.js';
import { builtinClauses, expandWithDefaults } from '../clauses/index.js';
import { extractCriteria, scorecard } from './index.js';
import { blockFacts, splitCells } from './extract.js';

const one = (text: string) => {
  const cs = extractCriteria(text);
  expect(cs).toHaveLength(1);
  return cs[0]!;
};

describe('criteria in English prose', () => {
  it('reads all parts of a full commitment and counts periods in words as a window', () => {
    const c = one("The supplier shall resolve 90% of priority-2 tickets within 8 business hours, measured per calendar quarter from the service desk's records.");
    expect(c.target).toBe('90% of priority-2 tickets within 8 business hours');
    expect(c.window).toBe('per calendar quarter');
    expect(c.method).toContain("from the service desk's records");
    expect(c.baseline).toBeNull();
    expect(c.remedy).toBeNull();
    expect(c.missing).toEqual(['remedy']);
    expect(c.line).toBe(1);
  });

  it('reads a decimal comma as one target', () => {
    expect(one('The service shall be available 99,9 % of each calendar month.').target).toBe('99,9 %');
  });

  it('asks for a baseline only when the criterion compares', () => {
    expect(one('We will reduce alert volume by 40% within 6 months of go-live.').missing).toContain('baseline');
    expect(one('The portal shall be available 99.9% per calendar month, measured by synthetic probes.').missing).not.toContain('baseline');
  });

  it('takes a remedy from the same sentence', () => {
    expect(one('The portal shall be available 99.9% per month, measured by probes; misses earn the service credits in Schedule 7.').remedy).toContain('service credits');
  });

  it('is not a criterion: a deadline alone, a condition, a claim without a number', () => {
    expect(extractCriteria('The Supplier shall deliver the migration plan within 10 business days of contract award.')).toEqual([]);
    expect(extractCriteria('If availability falls below 99.9%, the supplier shall credit 5% of the fee.')).toEqual([]);
    expect(extractCriteria('Our platform will dramatically improve uptime.')).toEqual([]);
  });

  it('gives offsets of the sentence and its 1-based line', () => {
    const text = '# Levels\n\nIntro.\n\nThe service shall be available 99.9% of each calendar month.\n';
    const c = one(text);
    expect(text.slice(c.start, c.end)).toBe('The service shall be available 99.9% of each calendar month.');
    expect(c.line).toBe(5);
  });
});

describe('criteria in Chinese prose', () => {
  it('reads 百分之九十九点九, a natural-month window and a data-source method', () => {
    const c = one('供应商承诺系统可用性不低于百分之九十九点九，按自然月统计，以甲方监控平台数据为准。');
    expect(c.metric).toBe('可用性');
    expect(c.target).toBe('不低于百分之九十九点九');
    expect(c.window).toBe('按自然月统计');
    expect(c.method).toBe('以甲方监控平台数据为准');
    expect(c.missing).toEqual(['remedy']);
  });

  it('asks for a baseline when the target is a reduction (降低30%)', () => {
    expect(one('供应商承诺上线后6个月内将告警数量降低30%，以SIEM统计数据为准。').missing).toEqual(['baseline', 'remedy']);
  });

  it('reads a sentence that opens with a condition ending in 的 as a remedy, not a criterion', () => {
    expect(extractCriteria('月度服务可用性低于99.9%的，乙方应按当月服务费的10%给予服务赔偿。')).toEqual([]);
  });
});

describe('the lines of a block', () => {
  it('finds headings, fences, comments and tables wherever the pipes and markers fall', () => {
    const src = [
      'Intro line a | b without a delimiter row',
      'more prose that continues the paragraph',
      '```',
      '| KPI | Target |',
      '|---|---|',
      '```',
      '  <!-- | KPI | Target |',
      '|---|---| -->',
      '## Service credits ##',
      '| KPI | Target |',
      '|---|---|',
      '| Availability | 99.9% |',
      '',
      'Setext | not a heading',
      '---',
      '',
      'Heading',
      '===',
      '  ~~~ text',
      '| Uptime | 99% |',
      '~~~',
    ].join('\n');
    const f = blockFacts(src, 'en');
    expect(f.headings.map((h) => [h.level, h.text, h.remedy])).toEqual([[2, 'Service credits', true], [1, 'Heading', false]]);
    expect(f.criteria.map((c) => [c.metric, c.target, c.source])).toEqual([['Availability', '99.9%', 'table']]);
  });
});

describe('criteria in tables', () => {
  it('reads English columns in any order, with synonyms', () => {
    const text = '| Service credit | Period | KPI | Goal | Measurement |\n|---|---|---|---|---|\n| 5% of the monthly fee | Calendar month | Availability | 99.9% | Synthetic probes |\n';
    const c = one(text);
    expect([c.metric, c.target, c.window, c.method, c.remedy]).toEqual(['Availability', '99.9%', 'Calendar month', 'Synthetic probes', '5% of the monthly fee']);
    expect(c.source).toBe('table');
    expect(c.line).toBe(3);
    expect(c.missing).toEqual([]);
  });

  it('reads Chinese columns, and a Baseline column makes a baseline required', () => {
    const text = '| 目标 | 指标 | 统计周期 | 基线 | 测量方法 | 补救措施 |\n|---|---|---|---|---|---|\n| 降低30% | 告警数量 | 季度 | 每日1200条 | SIEM统计 | 服务赔偿 |\n| ≤200毫秒 | 接口响应时间 | 每月 |  | APM报表 |  |\n';
    const [a, b] = extractCriteria(text);
    expect(a!.baseline).toBe('每日1200条');
    expect(a!.missing).toEqual([]);
    expect(b!.missing).toEqual(['baseline', 'remedy']);
  });

  it('survives malformed rows: missing cells, extra cells, a row of one cell, placeholders', () => {
    const text = '| Metric | Target | Window | Method |\n|---|---|---|---|\n| broken row\n| Response time | < 300 ms |\n| Uptime | 99.9% | monthly | probes | extra | cells |\n| Latency | TBD | — | N/A |\n';
    const cs = extractCriteria(text);
    expect(cs.map((c) => c.metric)).toEqual(['Response time', 'Uptime']);
    expect(cs[0]!.missing).toEqual(['window', 'method', 'remedy']);
    expect(cs[1]!.missing).toEqual(['remedy']);
  });

  it('does not read a schedule of deliverables as criteria', () => {
    expect(extractCriteria('| Deliverable | Due | Description |\n|---|---|---|\n| Test plan | End of sprint 2 | A plan |\n')).toEqual([]);
  });

  it('splits cells at unescaped pipes outside code', () => {
    expect(splitCells('| a \\| b | `x|y` | c |')).toEqual(['a | b', 'x|y', 'c']);
  });
});

describe('remedies tied across the document', () => {
  it('by a remedy section that names the metric, and not by one that does not', () => {
    const text = [
      'The Supplier shall restore the payroll service within 4 hours of a priority-1 incident, measured monthly from the ticket records.',
      '',
      'The Supplier shall answer 95% of calls within 60 seconds, measured monthly from the telephony records.',
      '',
      '## Service credits',
      '',
      'Each missed priority-1 payroll restoration earns a credit of 3% of the monthly fee.',
    ].join('\n');
    const [restore, calls] = extractCriteria(text);
    expect(restore!.remedy).toBe('Service credits');
    expect(calls!.remedy).toBeNull();
  });

  it('by an explicit reference in the sentence, and by a remedy covering every service level', () => {
    expect(one('Uptime shall be 99.9% per month, measured by probes, subject to the service credits in Schedule 7.').remedy).toContain('service credits in Schedule 7');
    const text = 'The portal shall be available 99.9% per month, measured by probes.\n\nService credits of 5% apply to each service level in this schedule that is missed.\n';
    expect(one(text).remedy).toContain('Service credits');
  });

  it('not by a heading that says there is none', () => {
    expect(one('# Service levels without remedies\n\nThe service shall be available 99.9% of each calendar month, measured by probes.\n').remedy).toBeNull();
  });
});

describe('scorecard', () => {
  it('lists the claim findings beside the criteria and computes readiness', () => {
    const text = 'The portal shall be available 99.9% per month, measured by probes; misses earn service credits.\n\nOur industry-leading platform is world-class.\n';
    const s = scorecard(text);
    expect(s.criteria).toHaveLength(1);
    expect(s.claims.map((c) => c.ruleId)).toEqual(['puffery']);
    expect(s.claims[0]!.line).toBe(3);
    expect(s.summary).toMatchObject({ criteria: 1, complete: 1, claims: 1, statements: 2, readiness: 0.5 });
  });

  it('has no readiness without outcome statements', () => {
    expect(scorecard('# Notes\n\nPlain words.\n').summary.readiness).toBeNull();
  });

  it('never throws on hostile input', () => {
    for (const t of ['', '|', '|\n|-|\n|', '| Metric |\n|---|\n' + '| a | b |\n'.repeat(50), '\uD800 99%', 'shall 99% '.repeat(2000), '百分之'.repeat(1000)]) {
      expect(() => scorecard(t)).not.toThrow();
    }
  });

  it('stays linear: 4x the text takes well under 16x the time', () => {
    const unit = 'The Supplier shall resolve 90% of tickets within 8 hours, measured monthly. Plain text follows here.\n\n| Metric | Target |\n|---|---|\n| Uptime | 99.9% |\n\n';
    const time = (n: number): number => {
      const text = unit.repeat(n);
      const t0 = performance.now();
      extractCriteria(text);
      return performance.now() - t0;
    };
    time(50);
    const small = Math.max(time(150), 1);
    const large = time(600);
    expect(large / small).toBeLessThan(16);
  });
});

describe('incomplete-criterion', () => {
  it('names the missing parts and suggests the clauses that supply them', () => {
    const f = lint('The Supplier will reduce false-positive alerts by 40% within 6 months of go-live.\n').find((x) => x.ruleId === 'incomplete-criterion')!;
    expect(f.message).toBe('`reduce false-positive alerts by 40%` sets a target with no measurement method, baseline or remedy');
    expect(f.missing).toEqual(['method', 'baseline']);
    expect(f.clauses).toEqual(['measurement-methodology', 'baseline-before-go-live', 'service-credits-tiered']);
  });

  it('takes facts from every block with a letter or a digit of any script, and none from the others', () => {
    for (const src of ['Plain words', '42', 'Élan', '服务', 'Ωμέγα', '٣', '- `x`']) expect(rule.facts(src, 'en'), src).toBeDefined();
    for (const src of ['---', '* * *', '   ', '| - | - |', '—…«»']) expect(rule.facts(src, 'en'), src).toBeUndefined();
  });

  it('offers only clauses that exist in the locale', () => {
    expect(clausesFor(['window'], 'en')).toEqual(['measurement-methodology', 'reporting-cadence']);
    expect(clausesFor(['window'], 'zh')).toEqual(['measurement-methodology']);
  });

  it('is not tripped by the clauses it offers', () => {
    for (const id of ['measurement-methodology', 'baseline-before-go-live', 'service-credits-tiered', 'reporting-cadence']) {
      for (const c of builtinClauses().filter((x) => x.id === id)) {
        const found = lint(expandWithDefaults(c.body), { locale: c.locale }).filter((x) => x.ruleId === 'incomplete-criterion');
        expect(found, `${c.locale} ${id}`).toEqual([]);
      }
    }
  });
});
