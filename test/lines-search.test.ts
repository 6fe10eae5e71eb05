/** The binary searches that place offsets in blocks, pieces and lines agree with a linear scan. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, lastStartAtOrBefore } from '../src/core/lines.js';

const sorted = fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }).map((xs) => xs.sort((a, b) => a - b));

describe('binary searches over sorted keys', () => {
  it('firstAtOrAfter gives the first index whose key is the value or more', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -5, max: 70 }), (keys, value) => {
        const linear = keys.findIndex((k) => k >= value);
        expect(firstAtOrAfter(keys.length, (i) => keys[i]!, value)).toBe(linear < 0 ? keys.length : linear);
      }),
    );
  });

  it('lastStartAtOrBefore gives the last index whose start is the offset or less', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -5, max: 70 }), (starts, offset) => {
        let linear = -1;
        starts.forEach((s, i) => {
          if (s <= offset) linear = i;
        });
        expect(lastStartAtOrBefore(starts.length, (i) => starts[i]!, offset)).toBe(linear);
      }),
    );
  });
});
