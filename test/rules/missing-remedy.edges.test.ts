/**
 * missing-remedy, at its edges: what counts as a commitment (a target or a time window near the
 * duty), what counts as a termination remedy (tied to a failure in the same sentence, within 60
 * characters), and how many commitments a finding lists.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';

const COMMITMENT = 'The Supplier shall maintain availability of 99.9%.';

/** `term related-count` of the missing-remedy finding, or undefined when the document has none. */
function remedyFinding(text: string): string | undefined {
  const f = lint(text).find((x) => x.ruleId === 'missing-remedy');
  return f && `${f.term} ${(f.related ?? []).length}`;
}

describe('what counts as a commitment', () => {
  it('a duty with a target', () => {
    expect(remedyFinding(COMMITMENT)).toBe('availability 0');
  });

  it('a duty with a time window only', () => {
    expect(remedyFinding('The Supplier shall restore service by the end of next month.')).toBe('restore 0');
  });

  it('not a duty whose number is far away in the same paragraph', () => {
    expect(remedyFinding(`The Supplier shall maintain availability at all times.${' Lorem ipsum dolor sit amet.'.repeat(7)} The level is 99.9%.`)).toBeUndefined();
  });
});

describe('what counts as a termination remedy', () => {
  it('termination for a failure', () => {
    expect(remedyFinding(`${COMMITMENT}\n\nThe Customer may terminate this Agreement for chronic failure.`)).toBeUndefined();
  });

  it('termination for a breach at the end of a paragraph without a full stop', () => {
    expect(remedyFinding(`${COMMITMENT}\n\nThe Customer may terminate for breach`)).toBeUndefined();
  });

  it('termination for a breach named near the end of the 60 characters after it', () => {
    expect(remedyFinding(`${COMMITMENT}\n\nThe Customer may terminate this Agreement and all related orders upon breach.`)).toBeUndefined();
  });

  it('not termination for convenience, whatever the next sentence says', () => {
    expect(remedyFinding(`${COMMITMENT}\n\nThe Customer may terminate for convenience. Failure to pay is a breach.`)).toBe('availability 0');
  });

  it('not a termination whose sentence ends at once', () => {
    expect(remedyFinding(`${COMMITMENT}\n\nThe Customer may terminate. Failure to pay is a breach.`)).toBe('availability 0');
  });

  it('not a failure named just before the termination', () => {
    expect(remedyFinding(`${COMMITMENT}\n\nFailure: terminate for convenience.`)).toBe('availability 0');
  });

  it('not English termination words in a Chinese paragraph', () => {
    expect(remedyFinding('供应商应保证本系统在每个自然月内的可用性不低于百分之九十九点九。客户可以 terminate for breach。')).toBe('可用性 0');
  });
});

describe('how many commitments a finding lists', () => {
  it('at most three from one paragraph', () => {
    expect(
      remedyFinding(
        'The Supplier shall maintain availability of 99.9%; the Supplier shall keep latency of 200 ms; the Supplier shall keep accuracy of 95%; the Supplier shall keep error rate of 1%.',
      ),
    ).toBe('availability 2');
  });

  it('at most five besides the first', () => {
    const duties = [
      'maintain availability of 99.9%',
      'maintain uptime of 99.9%',
      'keep latency of 200 ms',
      'keep accuracy of 95%',
      'keep error rate of 1%',
      'restore service within 4 hours',
      'resolve incidents within 8 hours',
    ];
    expect(remedyFinding(duties.map((d) => `The Supplier shall ${d}.`).join('\n\n'))).toBe('availability 5');
  });
});
