/**
 * The placeholder rule skips texts without any character its pattern needs (`MAY_HOLD`): every
 * match of the pattern must hold one of them, or a placeholder would go unreported.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAY_HOLD, PLACEHOLDER_PATTERN } from '../../src/core/rules/unresolved-placeholder.js';

function matches(text: string): string[] {
  PLACEHOLDER_PATTERN.lastIndex = 0;
  const out = [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[0]);
  PLACEHOLDER_PATTERN.lastIndex = 0;
  return out;
}

describe('the placeholder pre-test', () => {
  it('holds for every placeholder of the fixtures', () => {
    let n = 0;
    for (const f of ['unresolved-placeholder.md', 'zh-all-rules.md']) {
      for (const m of matches(readFileSync(new URL(`../fixtures/rules/${f}`, import.meta.url), 'utf8'))) {
        expect(MAY_HOLD.test(m), m).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(5);
  });

  it('holds for every placeholder of generated texts', () => {
    const pieces = ['[', ']', 'TBD', 'TBC', 'TBA', 'TODO', 'X', 'XX', 'xx', '××', '%', '％', '?', 'insert', '${', '1', ':', '|', '}', '{{', '}}', '<insert', '>', '【', '】', '待定', '填写', ' ', 'a', 'N', 'AB'];
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        for (const m of matches(parts.join(''))) {
          found++;
          expect(MAY_HOLD.test(m), m).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(found).toBeGreaterThan(100);
  });
});
