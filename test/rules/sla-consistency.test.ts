/**
 * sla-consistency: properties over random schedules (consistent ones are never flagged, perturbed
 * ones always are), the figures in the messages, and bad input (no crash, no false finding).
 * Seeded: a failure prints the seed and the shrunk counterexample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/core/index.js';
import { durations, percentages, PERIOD_DAYS, readNumber, type Period } from '../../src/core/measure/quantities.js';
import { allowedMinutes, downtimeAgrees, slaFacts } from '../../src/core/rules/sla-consistency.js';

const SEED = 20_260_612;
const RUNS = 300;
const params = { seed: SEED, numRuns: RUNS };

/** Only this rule, so the properties say nothing about the others. */
const ONLY = {
  rules: {
    'unmeasured-claim': 'off',
    'vague-quantifier': 'off',
    puffery: 'off',
    'weak-obligation': 'off',
    'unverifiable-absolute': 'off',
    'missing-remedy': 'off',
    'unresolved-placeholder': 'off',
  },
} as const;

const sla = (text: string): Finding[] => lint(text, ONLY).filter((f) => f.ruleId === 'sla-consistency');

// ---------------------------------------------------------------------------------------------
// Availability and downtime

const UNITS: ReadonlyArray<[minutes: number, en: string, zh: string]> = [
  [1 / 60, 'seconds', '秒'],
  [1, 'minutes', '分钟'],
  [60, 'hours', '小时'],
  [1440, 'days', '天'],
];

const PERIOD_WORDS: Record<Period, { en: string[]; adjective: string; zh: string }> = {
  day: { en: ['per day', 'each day'], adjective: 'Daily', zh: '每天' },
  week: { en: ['per week', 'each week'], adjective: 'Weekly', zh: '每周' },
  month: { en: ['per month', 'each month', 'per calendar month', 'in any calendar month'], adjective: 'Monthly', zh: '每月' },
  quarter: { en: ['per quarter', 'per calendar quarter', 'in any calendar quarter'], adjective: 'Quarterly', zh: '每季度' },
  year: { en: ['per year', 'per annum', 'in any calendar year'], adjective: 'Annual', zh: '每年' },
};

/**
 * A figure as a writer rounds it: in a unit where it is at least 1, to 0–2 decimals but keeping
 * two significant digits (43.2 minutes may be `43 minutes`, 1.44 minutes is `1.4 minutes`, not `1 minute`).
 */
function written(minutes: number, unitPick: number, decimals: number): { minutes: number; value: string; unit: (typeof UNITS)[number] } {
  const fits = UNITS.filter(([m]) => minutes / m >= 1 && minutes / m < 1000);
  const unit = fits[unitPick % fits.length] ?? UNITS[0]!;
  const x = minutes / unit[0];
  const value = x.toFixed(x < 10 ? Math.max(1, decimals) : decimals);
  return { minutes: Number(value) * unit[0], value, unit };
}

const availability = fc.oneof(
  fc.constantFrom(99, 99.5, 99.8, 99.9, 99.95, 99.99, 99.999, 98, 95),
  fc.integer({ min: 9000, max: 9999 }).map((n) => n / 100),
);
const period = fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'year');

function statement(p: number, per: Period, value: string, unit: (typeof UNITS)[number], template: number, phrase: number): string {
  const words = PERIOD_WORDS[per];
  const ph = words.en[phrase % words.en.length]!;
  const d = `${value} ${unit[1]}`;
  switch (template % 4) {
    case 0:
      return `The service shall be available ${p}% ${ph}, with no more than ${d} of downtime ${ph}.`;
    case 1:
      return `No more than ${d} of downtime ${ph} is allowed; availability shall be at least ${p}%.`;
    case 2:
      return `${words.adjective} availability of ${p}% (approximately ${d} of downtime ${ph}).`;
    default:
      return `${words.zh}可用性不低于${p}%，${words.zh}停机时间不超过${value}${unit[2]}。`;
  }
}

describe('availability against downtime (property)', () => {
  it('never flags an allowance computed correctly and rounded the way a writer would', () => {
    fc.assert(
      fc.property(availability, period, fc.nat(), fc.integer({ min: 0, max: 2 }), fc.nat(), fc.nat(), (p, per, unitPick, decimals, template, phrase) => {
        const exact = allowedMinutes(p, per);
        const w = written(exact, unitPick, decimals);
        fc.pre(w.minutes > 0);
        const text = statement(p, per, w.value, w.unit, template, phrase);
        expect(sla(text), text).toEqual([]);
      }),
      params,
    );
  });

  it('always flags one off by a factor beyond the tolerance, with the computed figure and the period in the message', () => {
    const factor = fc.oneof(fc.double({ min: 1.3, max: 20, noNaN: true }), fc.double({ min: 0.05, max: 0.7, noNaN: true }));
    fc.assert(
      fc.property(availability, period, factor, fc.nat(), fc.integer({ min: 0, max: 2 }), fc.nat(), fc.nat(), (p, per, f, unitPick, decimals, template, phrase) => {
        const w = written(allowedMinutes(p, per) * f, unitPick, decimals);
        fc.pre(w.minutes > 0);
        const text = statement(p, per, w.value, w.unit, template, phrase);
        const found = sla(text);
        expect(found, text).toHaveLength(1);
        expect(found[0]!.message).toContain(`${p}%`);
        expect(found[0]!.message).toMatch(template % 4 === 3 ? new RegExp(`${PERIOD_DAYS[per].nominal === 1 ? '24小时' : PERIOD_DAYS[per].nominal}`) : new RegExp(`${PERIOD_DAYS[per].nominal === 1 ? '24-hour' : PERIOD_DAYS[per].nominal}`));
      }),
      params,
    );
  });

  it('computes the figures of the brief', () => {
    expect(allowedMinutes(99.9, 'month')).toBeCloseTo(43.2, 6);
    expect(allowedMinutes(99.9, 'year') / 60).toBeCloseTo(8.76, 6);
    expect(allowedMinutes(99.9, 'quarter')).toBeCloseTo(131.04, 6);
    expect(downtimeAgrees(99.9, 'month', 43, 1)).toBe(true);
    expect(downtimeAgrees(99.9, 'month', 45, 1)).toBe(true);
    expect(downtimeAgrees(99.9, 'month', 60, 60)).toBe(false);
    expect(downtimeAgrees(99.9, 'month', 480, 60)).toBe(false);
    const [f] = sla('The service shall be available 99.9% per month, with no more than 8 hours of downtime per month.');
    expect(f!.message).toBe('`99.9%` monthly availability allows 43.2 minutes of downtime in a 30-day month, but the text allows `8 hours`');
    expect(f!.related?.[0]?.message).toBe('compared with `99.9%`');
    const [q] = sla('Quarterly uptime of 99.9%, i.e. downtime of no more than 10 hours per quarter.');
    expect(q!.message).toContain('2.18 hours of downtime in a quarter of 91 days');
    const [y] = sla('Annual availability 99.9%, with no more than 2 hours of downtime per year.');
    expect(y!.message).toContain('8.76 hours of downtime in a 365-day year');
  });
});

// ---------------------------------------------------------------------------------------------
// Service-credit tiers

interface TierSpec {
  top: number;
  /** Lower bounds, descending (each tier runs from its bound to the one above). */
  bounds: number[];
  credits: number[];
  cap: number;
}

const tierSpec: fc.Arbitrary<TierSpec> = fc
  .tuple(
    fc.constantFrom(99.9, 99.95, 99.5, 99),
    fc.array(fc.constantFrom(0.5, 1, 2, 4), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 6, maxLength: 6 }),
    fc.integer({ min: 0, max: 30 }),
  )
  .map(([top, widths, steps, extra]) => {
    const bounds: number[] = [];
    let b = top;
    for (const w of widths) bounds.push((b = Math.round((b - w) * 100) / 100));
    const credits: number[] = [];
    let c = 0;
    for (let i = 0; i <= bounds.length; i++) credits.push((c += steps[i]!));
    return { top, bounds, credits, cap: credits[credits.length - 1]! + extra };
  });

const fmt = (x: number): string => x.toFixed(x * 10 === Math.round(x * 10) ? 1 : 2);

/** Renders tiers: ranges `lo – hi`, then `< lowest`; as a table, a list or a Chinese table. */
function renderTiers(t: TierSpec, style: number, his: number[] = [t.top, ...t.bounds.slice(0, -1)]): string {
  const rows: Array<[string, string]> = t.bounds.map((lo, i) => [`${fmt(lo)}% – ${fmt(his[i]!)}%`, `${t.credits[i]}%`]);
  rows.push([`< ${fmt(t.bounds[t.bounds.length - 1]!)}%`, `${t.credits[t.bounds.length]}%`]);
  switch (style % 3) {
    case 0:
      return ['| Monthly availability | Service credit |', '|---|---|', ...rows.map(([r, c]) => `| ${r} | ${c} |`), '', `Service credits shall not exceed ${t.cap}% of the monthly fee.`].join('\n');
    case 1:
      return ['Service credits apply as follows:', '', ...rows.map(([r, c]) => `- ${r}: ${c} of the monthly fee`), '', `Credits in any month are capped at ${t.cap}% of the monthly fee.`].join('\n');
    default: {
      const zh = rows.map(([r, c]) => {
        const m = /^([\d.]+)% – ([\d.]+)%$/.exec(r);
        return [m ? `低于${m[2]}%但等于或高于${m[1]}%` : `低于${r.slice(2)}`, `月度服务费用的${c}`];
      });
      return ['| 服务可用性 | 赔偿标准 |', '| --- | --- |', ...zh.map(([r, c]) => `| ${r} | ${c} |`), '', `赔偿总额不超过当月服务费用的${t.cap}%。`].join('\n');
    }
  }
}

describe('service-credit tiers (property)', () => {
  it('never flags contiguous, non-overlapping tiers with growing credits and a cap at or above the top credit', () => {
    fc.assert(
      fc.property(tierSpec, fc.nat(), (t, style) => {
        const text = renderTiers(t, style);
        expect(sla(text), text).toEqual([]);
      }),
      params,
    );
  });

  it('always flags an overlap, a gap, a smaller credit for worse service or a cap below the top tier', () => {
    fc.assert(
      fc.property(tierSpec, fc.nat(), fc.constantFrom('overlap', 'gap', 'inversion', 'cap'), fc.nat(), fc.constantFrom(0.2, 0.3, 0.4), (t, style, kind, at, delta) => {
        const his = [t.top, ...t.bounds.slice(0, -1)];
        const i = at % t.bounds.length;
        let spec = t;
        let expected: RegExp;
        if (kind === 'overlap' || kind === 'gap') {
          // Tier i+1 (one below tier i) reaches into tier i, or stops short of it by more than one
          // step of the written precision (0.1 or 0.01).
          fc.pre(i + 1 < t.bounds.length);
          his[i + 1] = Math.round((t.bounds[i]! + (kind === 'overlap' ? delta : -delta)) * 100) / 100;
          expected = kind === 'overlap' ? /overlap|重叠/ : /gap|空档/;
        } else if (kind === 'inversion') {
          const credits = [...t.credits];
          credits[i + 1] = Math.max(0, credits[i]! - 1 - (at % 5));
          spec = { ...t, credits, cap: Math.max(...credits) + 5 };
          expected = /less than the better tier|低于更好的档位/;
        } else {
          spec = { ...t, cap: t.credits[t.credits.length - 1]! - 1 - (at % 5) };
          fc.pre(spec.cap >= 0);
          expected = /credit cap|赔偿上限/;
        }
        const text = renderTiers(spec, style, his);
        const found = sla(text);
        expect(found.map((f) => f.message).join('\n'), text).toMatch(expected);
      }),
      params,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Priority ladders

const FAMILIES: ReadonlyArray<(rank: number) => string> = [
  (r) => `P${r}`,
  (r) => `Priority ${r}`,
  (r) => `Severity ${r}`,
  (r) => `Sev-${r}`,
  (r) => ['Critical', 'High', 'Medium', 'Low'][r - 1]!,
  (r) => `${'一二三四'[r - 1]}级`,
];

/** A time as written, in minutes, hours or days (calendar), or business days for whole days. */
function timeText(minutes: number, pick: number, zh: boolean): string {
  const options: string[] = [];
  if (minutes < 120 || minutes % 60 !== 0) options.push(zh ? `${minutes}分钟` : `${minutes} minutes`);
  if (minutes % 60 === 0) options.push(zh ? `${minutes / 60}小时` : `${minutes / 60} hours`);
  if (minutes % 1440 === 0) options.push(zh ? `${minutes / 1440}天` : `${minutes / 1440} days`, zh ? `${minutes / 1440}个工作日` : `${minutes / 1440} business days`);
  return options[pick % options.length]!;
}

const TIMES = [10, 15, 30, 45, 60, 120, 240, 480, 1440, 2880, 7200];

const ladder = fc.tuple(
  fc.integer({ min: 2, max: 4 }),
  fc.nat(),
  fc.shuffledSubarray(TIMES, { minLength: 4, maxLength: 4 }).map((xs) => [...xs].sort((a, b) => a - b)),
  fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  fc.nat(),
);

function renderLadder(n: number, family: number, times: number[], picks: number[], style: number): string {
  const label = FAMILIES[family % FAMILIES.length]!;
  const zh = label(1).endsWith('级') || style % 4 === 3;
  const rows = Array.from({ length: n }, (_, i) => [label(i + 1), timeText(times[i]!, picks[i]!, zh)] as const);
  switch (style % 4) {
    case 0:
      return ['| Priority | Response time |', '|---|---|', ...rows.map(([l, t]) => `| ${l} | ${t} |`)].join('\n');
    case 1:
      return rows.map(([l, t]) => `- ${l}: response within ${t}`).join('\n');
    case 2:
      return rows.map(([l, t]) => `${l} incidents shall be resolved within ${t}.`).join('\n\n');
    default:
      return ['| 优先级 | 响应时间 |', '| --- | --- |', ...rows.map(([l, t]) => `| ${l} | ${t} |`)].join('\n');
  }
}

describe('a block that speaks of credits', () => {
  it('is marked by a credit word in its prose, not by a word that holds one or by a table', () => {
    expect(slaFacts('Service credits apply as follows:', 'en')?.credit).toBe(true);
    expect(slaFacts('Rebates of 5% apply to each month.', 'en')?.credit).toBe(true);
    expect(slaFacts('服务赔偿标准如下：', 'zh')?.credit).toBe(true);
    expect(slaFacts('The creditor is paid at 5% interest.', 'en')?.credit ?? false).toBe(false);
    expect(slaFacts('| Item | Credit |\n|---|---|\n| A | 5% |\n', 'en')?.credit ?? false).toBe(false);
  });
});

describe('priority ladders (property)', () => {
  it('never flags a ladder where every more severe priority is at least as fast', () => {
    fc.assert(
      fc.property(ladder, ([n, family, times, picks, style]) => {
        const text = renderLadder(n, family, times, picks, style);
        expect(sla(text), text).toEqual([]);
      }),
      params,
    );
  });

  it('always flags a more severe priority with a slower calendar time than a less severe one', () => {
    fc.assert(
      fc.property(ladder, fc.nat(), fc.nat(), ([n, family, times, , style], a, b) => {
        const i = a % n;
        const j = b % n;
        fc.pre(i !== j);
        const swapped = [...times];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        // Calendar units only: those always compare.
        const text = renderLadder(n, family, swapped, [0, 0, 0, 0], style);
        const found = sla(text);
        const severe = FAMILIES[family % FAMILIES.length]!(Math.min(i, j) + 1);
        expect(found.length, text).toBeGreaterThan(0);
        expect(found.some((f) => f.message.includes(severe)), text).toBe(true);
      }),
      params,
    );
  });

  it('compares a business day with hours only when the assumption decides, and says so', () => {
    const [f] = sla('| Priority | Resolution time |\n|---|---|\n| P1 | 2 business days |\n| P2 | 8 hours |\n');
    expect(f!.message).toBe('`P1` has a slower resolution target (`2 business days`) than the less severe `P2` (`8 hours`), counting a business day as at least 8 business hours; a more severe priority should not wait longer');
    // A calendar time may hold any number of business hours: not compared.
    expect(sla('| Priority | Resolution time |\n|---|---|\n| P1 | 8 hours |\n| P2 | 4 business hours |\n')).toEqual([]);
  });

  it('compares like with like: response with response, resolution with resolution', () => {
    expect(sla('| Priority | Response | Resolution |\n|---|---|---|\n| P1 | 2 hours | 4 hours |\n| P2 | 4 hours | 1 hour |\n')).toHaveLength(1);
    expect(sla('- P1: response within 2 hours, resolution within 4 hours\n- P2: response within 4 hours, resolution within 8 hours\n')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input

describe('bad input: no crash, no false finding', () => {
  it.each([
    ['a table without a delimiter row', '| Availability | Credit |\n| 99% – 99.9% | 10% |\n| 95% – 99.5% | 25% |\n'],
    ['missing cells', '| Monthly availability | Service credit |\n|---|---|\n| 99.0% – 99.9% |\n| 95.0% – 99.0%\n| | 25% |\n'],
    ['merged cells', '| Class | Monthly uptime | Credit |\n|---|---|---|\n| A | 99.0% – 99.9% | 10% |\n| ::: | 95.0% – 99.0% | 25% |\n| B | 99.0% – 99.95% | 10% |\n| ::: | 95.0% – 99.0% | 25% |\n'],
    ['extra cells and escaped pipes', '| Monthly availability | Service credit |\n|---|---|\n| 99.0% \\| 99.9% | 10% | x | y |\n| 95.0% – 99.0% | 25% |\n'],
    ['a decimal comma', 'Availability of 99,9 % per month; downtime no more than 43 minutes per month.'],
    ['an ambiguous comma', 'Uptime of 99,999% per month.'],
    ['Chinese numerals', '可用性不低于百分之九十九点九，每月停机时间不超过八小时。'],
    ['a period in words', 'Availability shall be 99.5% per calendar quarter, i.e. no more than 10.9 hours of downtime per calendar quarter.'],
    ['different periods', 'Availability of 99.9% per month; downtime no more than 8.76 hours per year.'],
    ['no period', 'Availability of 99.9%; downtime no more than 8 hours.'],
    ['growth', 'Throughput growth of 150%, an increase by 200% and 250% of the baseline.'],
    ['a bare tier cell', '| Monthly availability | Service credit |\n|---|---|\n| 99.9% | 0% |\n| 99.0% | 10% |\n'],
    ['cumulative thresholds', '| Monthly uptime | Credit |\n|---|---|\n| Less than 99.9% | 10% |\n| Less than 99.0% | 25% |\n| Less than 95.0% | 100% |\n'],
    ['credits in days', '| Monthly availability | Service credit |\n|---|---|\n| 99.0% – 99.9% | 3 days |\n| 95.0% – 99.0% | 1 day |\n'],
    ['an annual cap', '| Monthly availability | Service credit |\n|---|---|\n| 99.0% – 99.9% | 10% |\n| < 99.0% | 25% |\n\nTotal credits in any year shall not exceed 5% of the annual fees.'],
    ['a ladder naming one priority twice', '| Priority | Hours | Response |\n|---|---|---|\n| P1 | business | 1 hour |\n| P1 | after hours | 2 hours |\n| P2 | any | 30 minutes |\n'],
    ['mixed scales', '| Priority | Response |\n|---|---|\n| P1 | 4 hours |\n| High | 1 hour |\n'],
    ['next business day', '| Priority | Response |\n|---|---|\n| P1 | next business day |\n| P2 | 4 hours |\n'],
    ['a fenced block', '```\nAvailability 99.9% per month, no more than 8 hours of downtime per month.\n```\n'],
    ['planned maintenance', 'Availability of 99.9% per month. Planned maintenance of up to 8 hours per month is excluded.'],
    ['business-hours availability', 'Availability of 99.9% during business hours, no more than 8 hours of downtime per month.'],
    ['a per-incident limit', 'Availability of 99.9% per month; any single outage shall not exceed 4 hours per month.'],
    ['a condition', 'Availability of 99.9% per month. If downtime exceeds 8 hours per month, credits apply.'],
    ['level 1 support', 'Level 1 support responds within 4 hours; Level 2 support within 1 hour.'],
    ['an S3 bucket', 'S3 availability of 99.99% per year; S1 within 4 hours, S2 within 1 hour.'],
    ['lone separators', '|\n|-|\n|%|\n| % | % |\n99.9%%% ％％ 1,000,000.5% 0.0% .5%'],
  ])('%s', (_name, text) => {
    for (const t of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) expect(sla(t)).toEqual([]);
  });

  it.each(['sla-consistency.md', 'zh-sla-consistency.md'])('%s: the same findings with LF, CRLF and CR line endings', (name) => {
    const lf = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', name), 'utf8').replace(/\r\n/g, '\n');
    const shape = (text: string) => sla(text).map((f) => `${f.start.line}:${f.start.column} ${f.message}`);
    const expected = shape(lf);
    expect(expected.length).toBeGreaterThan(4);
    expect(shape(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(shape(lf.replace(/\n/g, '\r'))).toEqual(expected);
  });

  it('reads numbers as written, and refuses what it cannot', () => {
    expect(readNumber('99.9')).toEqual({ value: 99.9, decimals: 1, ambiguous: false });
    expect(readNumber('99,9')).toEqual({ value: 99.9, decimals: 1, ambiguous: false });
    expect(readNumber('99,999')?.ambiguous).toBe(true);
    expect(readNumber('1,000,000.5')).toEqual({ value: 1_000_000.5, decimals: 1, ambiguous: true });
    expect(readNumber('1.000.000,5')).toBeUndefined();
    expect(readNumber('')).toBeUndefined();
    expect(percentages('百分之九十九点九', 'zh')).toEqual([]);
    expect(durations('八小时', 'zh')).toEqual([]);
    expect(durations('5月30日', 'zh')).toEqual([]);
    expect(durations('3个工作日内', 'zh').map((d) => [d.clock, d.lo])).toEqual([['business', 3 * 480]]);
    expect(durations('8 hours 45 minutes', 'en').map((d) => d.lo)).toEqual([525]);
    expect(durations('four (4) hours', 'en').map((d) => d.lo)).toEqual([240]);
  });

  it('skips cheaply: a block without a percentage, credit or priority word yields no facts', () => {
    expect(slaFacts('The vendor shall provide monthly reports within 5 business days.', 'en')).toBeUndefined();
    expect(slaFacts('供应商应每月提供报告。', 'zh')).toBeUndefined();
    const big = 'The vendor shall provide monthly reports within five business days of the end of each month. '.repeat(10_000);
    const t = performance.now();
    expect(slaFacts(big, 'en')).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('grows linearly with the size of a schedule', () => {
    const unit = '| P1 | 15 minutes | 99.9% |\n| P2 | 1 hour | 150% growth |\n';
    const head = '| Priority | Response time | Availability |\n|---|---|---|\n';
    const time = (n: number): number => {
      const text = head + unit.repeat(n);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        slaFacts(text, 'en');
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const small = time(1_000);
    const large = time(8_000);
    expect(large).toBeLessThan(Math.max(30 * small, 50));
  });
});
