import { describe, expect, it } from 'vitest';
import { measure, partsPresent } from './index.js';

const ids = (text: string, locale: 'en' | 'zh' = 'en'): string[] => [...new Set(measure(text, locale).map((m) => m.id))].sort();

describe('English recognisers', () => {
  it.each([
    ['99.9% of requests', 'percent'],
    ['a 99.95 percent monthly uptime', 'percent'],
    ['saves $1.5M a year', 'currency'],
    ['USD 250,000 per year', 'currency'],
    ['under 300 ms', 'quantity'],
    ['within 30 days of award', 'within'],
    ['within five business days', 'within'],
    ['no later than June 30, 2027', 'deadline'],
    ['before go-live', 'deadline'],
    ['reported per month', 'period'],
    ['from 45 minutes to 15 minutes', 'range'],
    ['alert triage time (42 min → 9 min)', 'range'],
    ['page weight 480 KB -> 120 KB', 'range'],
    ['against the Q1 baseline', 'baseline'],
    ['as measured by the SIEM', 'method'],
    ['as defined in Schedule B', 'reference'],
    ['per the Acceptable Quality Levels in Section 4', 'reference'],
    ['passes the acceptance test', 'acceptance'],
    ['conforms to WCAG 2.1 AA', 'standard'],
    ['at least 95 alerts', 'threshold'],
    ['30 or more consecutive days', 'quantity'],
    ['users succeed the first time, unaided', 'testable'],
  ])('%s → %s', (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it('finds nothing measurable in plain claims', () => {
    expect(ids('The new portal will improve customer service.')).toEqual([]);
    expect(ids('Our platform is faster and better.')).toEqual([]);
  });

  it('does not take version numbers or section numbers for targets', () => {
    expect(ids('Release v2.1 adds search.')).toEqual([]);
  });

  it('reports offsets inside the text', () => {
    const text = 'Resolve within 4 hours.';
    const m = measure(text, 'en').find((x) => x.id === 'within')!;
    expect(text.slice(m.start, m.end)).toBe('within 4 hours');
  });

  it('names the outcome parts present', () => {
    expect([...partsPresent(measure('from 45 minutes to 15 minutes within 90 days, as measured by the monitor', 'en'))].sort()).toEqual(
      ['baseline', 'method', 'target', 'window'].sort(),
    );
  });
});

describe('Chinese recognisers', () => {
  it.each([
    ['服务可用性不低于99.95%', 'percent'],
    ['百分之九十九点九', 'percent'],
    ['30天内完成', 'within'],
    ['每月提交报告', 'period'],
    ['响应时间不超过200毫秒', 'quantity'],
    ['节省50万元', 'currency'],
    ['从每日1200条降至300条', 'range'],
    ['函数复杂度（125→30）', 'range'],
    ['详见附件三', 'reference'],
  ])('%s → %s', (text, id) => {
    expect(ids(text, 'zh')).toContain(id);
  });

  it('does not read the article 一 as a count', () => {
    expect(ids('一家中型公司', 'zh')).toEqual([]);
  });
});

describe('a subset of the recognisers', () => {
  const texts: Array<[string, 'en' | 'zh']> = [
    ['Availability of 99.9% per calendar month, measured by the monitoring system, within 4 hours of go-live.', 'en'],
    ['Reduce costs from $2M to $1.5M by Q3 2027 as defined in Schedule 2.', 'en'],
    ['ſome 5 days (a long s folds to s only with Unicode semantics) and 𝟓 hours', 'en'],
    ['每月可用性不低于99.9%，故障在4小时内恢复，以监控数据为准。', 'zh'],
  ];
  const TARGETS = new Set(['percent', 'currency', 'quantity', 'within']);

  it('reads with the named recognisers and the others what all of them read, with or without the fold test done before', () => {
    for (const [text, locale] of texts) {
      const all = measure(text, locale);
      const named = measure(text, locale, TARGETS);
      const others = measure(text, locale, TARGETS, true);
      expect(named.every((m) => TARGETS.has(m.id))).toBe(true);
      expect(others.some((m) => TARGETS.has(m.id))).toBe(false);
      expect(named.length).toBeGreaterThan(0);
      const key = (m: { id: string; start: number; end: number }): string => `${m.start}:${m.end}:${m.id}`;
      expect([...named, ...others].map(key).sort()).toEqual(all.map(key).sort());
      // The same set again, and a caller that passes the fold test it made.
      expect(measure(text, locale, TARGETS)).toEqual(named);
      expect(measure(text, locale, TARGETS, false, /[\u017F\u212A\uD800-\uDFFF]/.test(text))).toEqual(named);
    }
  });
});
