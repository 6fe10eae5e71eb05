/**
 * The shipped scorer weights are reproducible: a fresh fit on the development documents gives
 * exactly src/core/score/weights.json. And the scorer does what it says on its features.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, lint } from '../src/core/index.js';
import fc from 'fast-check';
import { analyseUnit } from '../src/core/analysis.js';
import type { ProseUnit } from '../src/core/parse/units.js';
import { scoreFeatures, unitFeatures, type Candidate } from '../src/core/score/index.js';
import { corpusPresent } from './helpers/corpus.js';

const ROOT = join(import.meta.dirname, '..');

describe('unit scorer', () => {
  it.runIf(corpusPresent())('weights.json is what scripts/fit-scorer.ts fits', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit-scorer.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/stale|Error/);
    expect(r.status).toBe(0);
  }, 600_000);

  it.runIf(corpusPresent())('--learning-curve prints the out-of-fold F1 per share of the development documents, writing nothing', () => {
    const before = readFileSync(join(ROOT, 'src', 'core', 'score', 'weights.json'), 'utf8');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit-scorer.ts'), '--learning-curve'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = [...r.stdout.matchAll(/learning-curve lang=(en|zh) share=([\d.]+) cv_f1=([\d.]+)/g)].map((m) => ({ lang: m[1], share: Number(m[2]), f1: Number(m[3]) }));
    for (const lang of ['en', 'zh']) {
      const curve = lines.filter((l) => l.lang === lang);
      expect(curve.map((l) => l.share)).toEqual([0.25, 0.5, 0.75, 1]);
      // A useful scorer at every share, and the full share no worse than the smallest.
      for (const l of curve) expect(l.f1).toBeGreaterThan(0.5);
      expect(curve[3]!.f1).toBeGreaterThanOrEqual(curve[0]!.f1);
    }
    expect(readFileSync(join(ROOT, 'src', 'core', 'score', 'weights.json'), 'utf8')).toBe(before);
  }, 600_000);

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

  it('names features as their parts say, the same strings unit after unit', () => {
    const unit = (text: string): ProseUnit => ({ text, from: 0, base: { text, segs: [], container: 'list-item' }, start: 0, end: text.length, container: 'list-item' });
    const candidates: Candidate[] = [
      { rule: 'unmeasured-claim', kind: 'comparative', term: 'Faster  Than-ever', at: 12 },
      { rule: 'puffery', term: 'best', at: 30 },
      { rule: 'unmeasured-claim', kind: 'comparative', term: 'faster', at: 40 },
    ];
    const text = 'Our vendor  will be faster than-ever, the best if you want faster service.';
    const once = [...unitFeatures(analyseUnit(unit(text), 'en'), candidates, 'en').keys()];
    const again = [...unitFeatures(analyseUnit(unit(text), 'en'), candidates, 'en').keys()];
    expect(again).toEqual(once);
    expect(once).toEqual(
      expect.arrayContaining([
        'bias', 'rule:unmeasured-claim', 'rule:puffery', 'kind:unmeasured-claim:comparative', 'kind:puffery:-', 'term:faster than ever', 'term:best', 'term:faster',
        'container:list-item', 'len:mid', 'cue:party', 'cue:party:puffery', 'cue:party:unmeasured-claim', 'cue:condition', 'cue:second-person', 'cue:comparison:unmeasured-claim',
      ]),
    );
  });

  it('reads the length of a unit as the number of its words split at white space', () => {
    const word = fc.constantFrom('a', 'bb', 'ccc', '99.9%', '-', '中文');
    const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', ' \n ');
    const text = fc.tuple(fc.array(fc.tuple(word, space), { maxLength: 40 }), fc.boolean(), fc.boolean()).map(([ws, lead, trail]) => (lead ? ' ' : '') + ws.map(([w, s]) => w + s).join('') + (trail ? 'end' : ''));
    const unit = (t: string): ProseUnit => ({ text: t, from: 0, base: { text: t, segs: [], container: 'paragraph' }, start: 0, end: t.length, container: 'paragraph' });
    fc.assert(
      fc.property(text, (t) => {
        const n = t.split(/\s+/).length;
        const expected = n <= 4 ? 'len:short' : n <= 25 ? 'len:mid' : 'len:long';
        const f = unitFeatures(analyseUnit(unit(t), 'en'), [{ rule: 'puffery', at: 0 }], 'en');
        expect([...f.keys()].filter((k) => k.startsWith('len:')), JSON.stringify(t)).toEqual([expected]);
      }),
      { numRuns: 3000 },
    );
  });
});
