import { describe, expect, it } from 'vitest';
import { findingToDiagnostic, findingsToDiagnostics, sameDiagnostic, sizeLimitDiagnostic } from '../../src/vscode/model/diagnostics.js';
import { findingAt, pos } from './findings.js';

const text = '# RFP\n\nThe system will be much faster.\n';

describe('findingToDiagnostic', () => {
  it('maps range, message, source, code with docs link and severity', () => {
    const f = findingAt(text, 'much faster');
    expect(findingToDiagnostic(f)).toEqual({
      range: { start: { line: 2, character: 19 }, end: { line: 2, character: 30 } },
      message: f.message,
      severity: 'warning',
      source: 'povlint',
      code: { value: 'unmeasured-claim', target: f.docs },
      related: [],
    });
  });

  it('applies per-rule severity overrides and hides rules set to off', () => {
    const f = findingAt(text, 'faster');
    expect(findingToDiagnostic(f, { severity: { 'unmeasured-claim': 'error' } })?.severity).toBe('error');
    expect(findingToDiagnostic(f, { severity: { puffery: 'off' } })?.severity).toBe('warning');
    expect(findingToDiagnostic(f, { severity: { 'unmeasured-claim': 'off' } })).toBeNull();
    expect(findingsToDiagnostics([f, findingAt(text, 'RFP', { ruleId: 'puffery' })], { severity: { puffery: 'off' } })).toHaveLength(1);
  });

  it('carries related locations', () => {
    const f = findingAt(text, 'faster', {
      ruleId: 'missing-remedy',
      related: [{ start: pos(text, 0), end: pos(text, 5), message: 'the commitment' }],
    });
    expect(findingToDiagnostic(f)?.related).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, message: 'the commitment' },
    ]);
  });

  it('matches a diagnostic copy back to its finding by rule id and range', () => {
    const f = findingAt(text, 'faster');
    const d = findingToDiagnostic(f)!;
    expect(sameDiagnostic({ ...d }, f)).toBe(true);
    expect(sameDiagnostic({ ...d, source: 'other' }, f)).toBe(false);
    expect(sameDiagnostic({ ...d, code: { value: 'puffery' } }, f)).toBe(false);
    expect(sameDiagnostic({ ...d, range: { ...d.range, end: { line: 2, character: 31 } } }, f)).toBe(false);
  });

  it('says why a large file was skipped and how to raise the limit', () => {
    const d = sizeLimitDiagnostic(6_000 * 1024, 5000, 'https://example.test');
    expect(d.message).toContain('6,000 KB');
    expect(d.message).toContain('5,000 KB');
    expect(d.message).toContain('povlint.maxFileSizeKB');
  });
});
