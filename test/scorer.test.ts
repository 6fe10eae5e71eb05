/**
 * The shipped scorer weights are reproducible: a fresh fit on the development documents gives
 * exactly src/core/score/weights.json. And the scorer does what it says on its features.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, lint } from '../src/core/index.js';
import { scoreFeatures } from '../src/core/score/index.js';
import { corpusPresent } from './helpers/corpus.js';

const ROOT = join(import.meta.dirname, '..');

describe('unit scorer', () => {
  it.runIf(corpusPresent())('weights.json is what scripts/fit-scorer.ts fits', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit-scorer.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/stale|Error/);
    expect(r.status).toBe(0);
  }, 300_000);

  it('scores a linear model: more weight on present features raises the score', () => {
    const features = new Map([['bias', 1], ['a', 1]]);
    const low = scoreFeatures(features, { threshold: 0.5, weights: { bias: -1, a: 0.5 } });
    const high = scoreFeatures(features, { threshold: 0.5, weights: { bias: -1, a: 2 } });
    expect(low.value).toBeCloseTo(1 / (1 + Math.exp(0.5)), 6);
    expect(low.flag).toBe(false);
    expect(high.flag).toBe(true);
    expect(high.contributions[0]).toEqual({ feature: 'a', value: 1, weight: 2 });
  });

  it('decides on candidates only, and without it every candidate is flagged', () => {
    const text = 'Our platform is remarkably quick.\n\nThe old process was slow and the incumbent scanner was extremely noisy.\n';
    const all = lint(text, { scorer: false }).map((f) => f.term);
    const gated = lint(text).map((f) => f.term);
    expect(all).toEqual(expect.arrayContaining(gated));
    const units = explain(text);
    expect(units.every((u) => (u.scorer !== undefined) === u.matches.length > 0 || u.scorer === undefined)).toBe(true);
    for (const u of units) if (u.scorer?.score !== undefined) expect(u.scorer.flag).toBe(u.scorer.score >= u.scorer.threshold!);
  });
});
