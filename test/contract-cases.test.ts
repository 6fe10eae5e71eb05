/**
 * Sentences written for this project and labelled by the contract in the labelling guide: half
 * claims that cannot be verified, half administrative text or measurable commitments. A guard
 * against tuning to the dev corpus: the rules must generalise to wording they were not built on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lint } from '../src/core/index.js';

const COUNTED = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);
const cases = readFileSync(join(import.meta.dirname, 'fixtures', 'contract-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; label: 'flag' | 'ok' });

it('flags claims and stays quiet on measurable and administrative text', () => {
  let tp = 0, fp = 0, fn = 0;
  const errors: string[] = [];
  for (const c of cases) {
    const flagged = lint(c.text).some((f) => COUNTED.has(f.ruleId) && (f.severity === 'warning' || f.severity === 'error'));
    if (flagged && c.label === 'flag') tp++;
    else if (flagged) {
      fp++;
      errors.push(`FP ${c.text}`);
    } else if (c.label === 'flag') {
      fn++;
      errors.push(`FN ${c.text}`);
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(`contract cases: precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} n=${cases.length}\n${errors.join('\n')}`);
  expect(precision).toBeGreaterThanOrEqual(0.9);
  expect(recall).toBeGreaterThanOrEqual(0.9);
});
