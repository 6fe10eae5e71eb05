import { describe, expect, it } from 'vitest';
import { sourceFolds, sourceOf } from '../scripts/fit-scorer.js';

describe('the scorer fit holds out whole sources', () => {
  it('reads the publisher from the name before --', () => {
    expect(sourceOf('aliyun--waf-release-notes.md')).toBe('aliyun');
    expect(sourceOf('18f-dol14c--pws.md')).toBe('18f-dol14c');
    expect(sourceOf('plain.md')).toBe('plain.md');
  });

  it('puts every document of a source in one fold and keeps the folds near the same size', () => {
    const units = new Map<string, number>();
    for (let i = 0; i < 13; i++) units.set(`big--doc${i}.md`, 100);
    for (let s = 0; s < 40; s++) for (let i = 0; i < 1 + (s % 3); i++) units.set(`src${s}--doc${i}.md`, 50 + ((s * 7 + i) % 60));
    const fold = sourceFolds(units);
    expect(fold.size).toBe(units.size);
    const bySource = new Map<string, Set<number>>();
    for (const [d, k] of fold) (bySource.get(sourceOf(d)) ?? bySource.set(sourceOf(d), new Set()).get(sourceOf(d))!).add(k);
    for (const ks of bySource.values()) expect(ks.size).toBe(1);
    const load = [0, 0, 0, 0, 0];
    for (const [d, k] of fold) load[k]! += units.get(d)!;
    // Placed largest first into the lightest fold: no fold outweighs another by more than the
    // largest source after the first (three documents of at most 109 units).
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(3 * 109);
    // Deterministic: the same input gives the same folds.
    expect([...sourceFolds(units)]).toEqual([...fold]);
  });
});
