/**
 * The baseline matcher on real lints: keys survive edits elsewhere in a document, identical claims
 * are counted, fixed claims become stale.
 */
import { describe, expect, it } from 'vitest';
import { BaselineMatcher, baselineOf, findingKeys, lint, normaliseText, type Finding } from '../../src/core/index.js';

const ZERO_RISK = 'Lanternfish offers a zero risk transition from your current tools.';
const EFFORT = 'Our analysts will make every effort to contain threats before they spread.';
const NEVER = "Lanternfish's platform is always available and never fails.";

const doc = (...paragraphs: string[]): string => `# Proposal\n\n${paragraphs.join('\n\n')}\n`;

function keyed(text: string) {
  const findings = lint(text);
  return { findings, keys: findingKeys(text, findings) };
}

/** Records `before`, then matches `after`: the new findings' terms and the stale entries' terms. */
function rematch(before: string, after: string) {
  const baseline = baselineOf([{ path: 'p.md', keys: keyed(before).keys }]);
  const matcher = new BaselineMatcher(baseline);
  const now = keyed(after);
  const covered = matcher.match('p.md', now.keys);
  const fresh = now.findings.filter((_, i) => !covered[i]);
  return { baseline, fresh: fresh.map((f: Finding) => f.term), stale: matcher.stale().map((e) => `${e.term}×${e.count}`), now };
}

describe('baseline keys', () => {
  it('the fixture claims are flagged (so the cases below test something)', () => {
    const { findings, keys } = keyed(doc(ZERO_RISK, EFFORT, NEVER));
    expect(findings.map((f) => f.term)).toEqual(['zero risk', 'make every effort', 'always available', 'never fails']);
    expect(keys).toHaveLength(findings.length);
    expect(keys[0]).toEqual({ rule: 'unverifiable-absolute', term: 'zero risk', text: normaliseText(ZERO_RISK) });
  });

  it('a key is rule, term and the sentence, normalised; not the line', () => {
    const text = doc(`Intro sentence here.   ${EFFORT.replace('Our analysts', 'OUR  ANALYSTS')}\nSecond line.`);
    const { keys } = keyed(text);
    const effort = keys.find((k) => k.rule === 'weak-obligation')!;
    expect(effort.term).toBe('make every effort');
    expect(effort.text).toBe(normaliseText(EFFORT));
    expect(JSON.stringify(keys)).not.toMatch(/"line"/);
  });

  it('moving paragraphs keeps every finding suppressed and nothing stale', () => {
    const r = rematch(doc(ZERO_RISK, EFFORT, NEVER), doc(NEVER, ZERO_RISK, EFFORT));
    expect(r.now.findings.length).toBe(4);
    expect(r.fresh).toEqual([]);
    expect(r.stale).toEqual([]);
  });

  it('inserting text above (new lines, other wording) keeps them suppressed', () => {
    const r = rematch(doc(ZERO_RISK, EFFORT), `---\ntitle: x\n---\n\n# Cover\n\nSome new text.\n\n- a list\n- of items\n\n${doc(ZERO_RISK, EFFORT)}`);
    expect(r.now.findings.map((f) => f.start.line)).not.toEqual(keyed(doc(ZERO_RISK, EFFORT)).findings.map((f) => f.start.line));
    expect(r.fresh).toEqual([]);
    expect(r.stale).toEqual([]);
  });

  it('whitespace and line wrapping inside the sentence do not matter', () => {
    const r = rematch(doc(EFFORT), doc(EFFORT.replace('contain threats', 'contain\n   threats')));
    expect(r.fresh).toEqual([]);
    expect(r.stale).toEqual([]);
  });

  it('a duplicated claim is one new finding; the baseline counts identical claims', () => {
    const r = rematch(doc(ZERO_RISK, EFFORT), doc(ZERO_RISK, EFFORT, ZERO_RISK));
    expect(r.fresh).toEqual(['zero risk']);
    expect(r.stale).toEqual([]);
    const twice = baselineOf([{ path: 'p.md', keys: keyed(doc(ZERO_RISK, ZERO_RISK)).keys }]);
    expect(twice.entries).toEqual([{ path: 'p.md', rule: 'unverifiable-absolute', term: 'zero risk', text: normaliseText(ZERO_RISK), count: 2 }]);
    // Both copies recorded: both suppressed; one removed: one stale.
    const back = rematch(doc(ZERO_RISK, ZERO_RISK), doc(ZERO_RISK));
    expect(back.fresh).toEqual([]);
    expect(back.stale).toEqual(['zero risk×1']);
  });

  it('fixing a claim makes its entry stale and leaves the others suppressed', () => {
    const fixed = 'Lanternfish will migrate your current tools within 30 days, with no more than 2 hours of monitoring downtime.';
    const r = rematch(doc(ZERO_RISK, EFFORT, NEVER), doc(fixed, EFFORT, NEVER));
    expect(r.fresh).toEqual([]);
    expect(r.stale).toEqual(['zero risk×1']);
  });

  it('rewording the sentence of a claim reports it as new and the old entry as stale', () => {
    const r = rematch(doc(ZERO_RISK), doc(ZERO_RISK.replace('current tools', 'legacy tools')));
    expect(r.fresh).toEqual(['zero risk']);
    expect(r.stale).toEqual(['zero risk×1']);
  });

  it('the same claim in another document is not covered', () => {
    const baseline = baselineOf([{ path: 'a.md', keys: keyed(doc(ZERO_RISK)).keys }]);
    const matcher = new BaselineMatcher(baseline);
    expect(matcher.match('b.md', keyed(doc(ZERO_RISK)).keys)).toEqual([false]);
    // a.md was not looked at in this run: its entry is not stale unless the file is gone.
    expect(matcher.stale()).toEqual([]);
    expect(matcher.stale((p) => p === 'a.md').map((e) => e.path)).toEqual(['a.md']);
  });

  it('findings outside prose units (headings, document-level findings) still get a key from their line', () => {
    const text = '# Our industry-leading proposal\n\nThe service keeps 99.9% availability each month.\n';
    const findings = lint(text);
    const keys = findingKeys(text, findings);
    for (const k of keys) expect(k.text.length).toBeGreaterThan(0);
    expect(findingKeys(text, [])).toEqual([]);
  });

  it('Chinese claims get keys from their sentence', () => {
    const zh = '# 方案\n\n我们的产品是业界领先的安全平台。\n\n供应商将尽最大努力及时响应。\n';
    const { findings, keys } = keyed(zh);
    expect(findings.length).toBeGreaterThan(0);
    for (const [i, k] of keys.entries()) {
      expect(k.rule).toBe(findings[i]!.ruleId);
      expect(zh.replace(/\s+/g, '')).toContain(k.text.replace(/\s+/g, ''));
    }
  });
});
