/**
 * Cases that the mutation run showed no test deciding (docs/mutation.md, "Open"): each pins a
 * behaviour a user meets, so a change that breaks it fails here.
 */
import { describe, expect, it } from 'vitest';
import { matchesIgnore } from '../src/core/config/ignore.js';
import { parseConfig } from '../src/core/config/parse.js';
import { createSession, lint } from '../src/core/index.js';

describe('config', () => {
  it('an ignore entry naming a folder path ignores the files under it', () => {
    expect(matchesIgnore('docs/drafts/a.md', ['docs/drafts'])).toBe(true);
    expect(matchesIgnore('docs/final/a.md', ['docs/drafts'])).toBe(false);
  });

  it('a config nested too deeply to read gives one error, not an exception', () => {
    const parsed = parseConfig('['.repeat(100_000), '.povlint.jsonc');
    expect(parsed.errors.length).toBeGreaterThan(0);
  });

  it('a rule whose terms are past the limit is left out whole, not kept with its other settings', () => {
    const terms = Array.from({ length: 5001 }, (_, i) => `term${i}`);
    const parsed = parseConfig(JSON.stringify({ rules: { puffery: { severity: 'off', terms } } }), '.povlint.jsonc');
    expect(parsed.errors.some((e) => e.key.includes('terms'))).toBe(true);
    expect(parsed.config.rules?.puffery).toBeUndefined();
  });
});

describe('rules: what a finding says is missing', () => {
  it('puffery asks for no outcome part', () => {
    const f = lint('Our industry-leading platform.', { scorer: false }).find((x) => x.ruleId === 'puffery');
    expect(f?.missing).toEqual([]);
  });

  it('an improvement claim gets the improvement message', () => {
    const f = lint('The system will improve efficiency.', { scorer: false }).find((x) => x.ruleId === 'unmeasured-claim');
    expect(f?.message).toContain('claims an improvement');
  });

  it('a measurement that is not a standard does not cure "best practices"', () => {
    expect(lint('Contractor shall follow best practices within 5 days.', { scorer: false }).some((x) => x.ruleId === 'weak-obligation')).toBe(true);
  });
});

describe('session edits match a fresh lint', () => {
  it('inserting two paragraphs at the start of the third of four', () => {
    const paragraphs = ['The platform is best-in-class.', 'Costs fall significantly.', 'Response is fast.', 'Support is world-class.'];
    const text = paragraphs.join('\n\n') + '\n';
    const session = createSession(text);
    const at = text.indexOf('Response');
    const insert = 'A much better tool.\n\nIt is seamless.\n\n';
    const findings = session.edit(at, 0, insert);
    expect(findings).toEqual(lint(text.slice(0, at) + insert + text.slice(at)));
  });

  it('an edit at an offset past the end appends, and the document type is decided again', () => {
    const session = createSession('Short.');
    const rfp = '\n\n# Request for Proposal\n\nOfferors shall describe how the solution will significantly reduce costs.\n';
    const findings = session.edit(10_000, 0, rfp);
    expect(session.text()).toBe(`Short.${rfp}`);
    expect(findings).toEqual(lint(`Short.${rfp}`));
  });

  it('a session without text is empty', () => {
    const session = createSession(undefined as unknown as string);
    expect(session.text()).toBe('');
    expect(session.findings()).toEqual([]);
  });
});
