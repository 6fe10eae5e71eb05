/**
 * A directional verb ("reduce", "increase") is a claim only before an outcome object, with at most
 * three words between. The check walks word by word; it must accept exactly what the single
 * pattern it replaced accepted (kept here as the specification).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeObjectAheadEn } from '../../src/core/rules/unmeasured-claim.js';
import { warm } from '../../src/core/regex-warm.js';

const OBJECTS =
  "costs?|expenses?|spend(?:ing)?|time|times|effort|burden|workload|risk|risks|errors?|defects?|mistakes|downtime|outages?|delays?|backlogs?|latency|friction|waste|complexity|fraud|churn|rework|overhead|efficienc(?:y|ies)|productivity|performance|quality|satisfaction|accuracy|reliability|throughput|capacity|speed|visibility|security|transparency|engagement|adoption|revenue|returns?|yields?|profits?|income|roi|conversions?|sales|participation|usage|uptake|savings|response|wait|processing|turnaround|incidents?|vulnerabilit(?:y|ies)|exposure|attack surface|alerts?|noise|false positives?|tickets?|calls|paperwork|barriers|the (?:number|amount|rate|likelihood) of";
const SPEC = new RegExp(`^\\s+(?:[\\w'’-]+\\s+){0,3}?(?:${OBJECTS})\\b`, 'i');

const pieces = ['cost', 'Costs', 'the', 'total', 'of', 'number', 'the number of', 'attack surface', 'false positive', 'risk-based', "vendor's", 'team’s', 'x', 'costly', 'timeline', 'time', '99', '-', 'false'];
const spaces = [' ', '  ', '\n', '\t', ' \n '];

describe('the outcome object after a directional verb', () => {
  it('accepts what the single pattern accepted, on generated texts', () => {
    const text = fc
      .array(fc.tuple(fc.constantFrom(...spaces), fc.constantFrom(...pieces)), { maxLength: 7 })
      .chain((parts) => fc.tuple(fc.constant(parts), fc.constantFrom('', ' ', '.', ',', 's', ' more')))
      .map(([parts, tail]) => parts.map(([s, w]) => s + w).join('') + tail);
    fc.assert(
      fc.property(text, (after) => {
        expect(outcomeObjectAheadEn(after), JSON.stringify(after)).toBe(SPEC.test(after));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts at most three words between the verb and its object', () => {
    expect(outcomeObjectAheadEn(' the overall operating cost')).toBe(true);
    expect(outcomeObjectAheadEn(' the overall annual operating cost')).toBe(false);
    expect(outcomeObjectAheadEn('costs')).toBe(false);
    expect(outcomeObjectAheadEn(' costly delays')).toBe(true);
    expect(outcomeObjectAheadEn(' costly')).toBe(false);
  });
});

describe('warming a pattern', () => {
  it('leaves its matches and its lastIndex as they were', () => {
    const re = /\b(?:within|in)\s\d+\s(?:hours?|days?)\b/gy;
    re.lastIndex = 4;
    expect(warm(re)).toBe(re);
    expect(re.lastIndex).toBe(4);
    expect(re.exec('xyz within 4 hours')?.[0]).toBe('within 4 hours');
    const plain = /respon(?:d|se)/i;
    expect(warm(plain).test('Response time')).toBe(true);
    expect(warm(plain).test('nothing here')).toBe(false);
  });

  it('warmed for the subject it is about to read, leaves that reading as it was', () => {
    const re = /\b(?:respon(?:d|se)|resol(?:ve|ution))\b/g;
    re.lastIndex = 3;
    const subject = 'the response’s resolution';
    expect(warm(re, subject)).toBe(re);
    expect(re.lastIndex).toBe(3);
    re.lastIndex = 0;
    expect(subject.match(re)).toEqual(['response', 'resolution']);
  });
});
