/**
 * The block cache's budget counts findings as well as text: a block of many claims weighs what its
 * findings hold, so a session editing it does not keep hundreds of versions of them.
 */
import { describe, expect, it } from 'vitest';
import { createSession, lint } from '../src/core/index.js';
import { FINDING_WEIGHT, getEngine } from '../src/core/engine.js';

/** Block texts cached by the default engine that start with `head`. */
function cachedVersions(head: string): number {
  let n = 0;
  for (const m of getEngine({}).cache.values()) for (const text of m.keys()) if (text.startsWith(head)) n++;
  return n;
}

describe('block cache', () => {
  it('keeps fewer versions of a block the more findings each holds', () => {
    const para = Array.from({ length: 60 }, (_, i) => `Sentence ${i} says the platform will significantly improve response times for group ${i}.`).join(' ');
    const text = `# Title\n\n${para}\n\nAnother paragraph.\n`;
    const s = createSession(text, { deferDetails: true });
    const findings = s.findings().filter((f) => f.start.line === 3).length;
    expect(findings).toBeGreaterThan(100);
    const at = text.indexOf('Sentence 30');
    for (let i = 0; i < 250; i++) s.edit(at + 3, 0, 'x');
    // By text alone, all 250 versions (about 1.4 million code units) fit in the budget; weighed
    // with their findings, each is over 90,000 and at most 16,000,000 / that many stay.
    const kept = cachedVersions('Sentence 0 says');
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(200);
    const weight = para.length + FINDING_WEIGHT * findings;
    expect(weight).toBeGreaterThan(90_000);
    expect(kept).toBeLessThanOrEqual(Math.ceil(16_000_000 / weight) + 1);
    expect(s.findings()).toEqual(lint(s.text(), { deferDetails: true }));
  }, 60_000);
});
