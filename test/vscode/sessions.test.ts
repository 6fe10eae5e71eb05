import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';
import type { LintOptions } from '../../src/core/config/types.js';
import { incrementalLints } from '../../src/vscode/engine.js';

const text = '# RFP\n\nThe platform is best-in-class.\n\nIt will significantly reduce cost.\n';
const options: LintOptions = { allowPatterns: true };

describe('IncrementalLints', () => {
  it('applies queued edits to the session and matches a fresh lint', () => {
    const lints = incrementalLints();
    const first = lints.findings('a', text, options);
    expect(first.incremental).toBe(false);
    expect(first.findings).toEqual(lint(text, options));
    // Two edits of one event, in the order the editor reports them (later offsets first).
    const at = text.indexOf('cost');
    const pIdx = text.indexOf('best-in-class');
    lints.record('a', [
      { offset: at, deleteCount: 4, insert: 'operating cost' },
      { offset: pIdx, deleteCount: 'best-in-class'.length, insert: 'ready' },
    ]);
    const expected = text.slice(0, pIdx) + 'ready' + text.slice(pIdx + 13, at) + 'operating cost' + text.slice(at + 4);
    const second = lints.findings('a', expected, options);
    expect(second.incremental).toBe(true);
    expect(second.findings).toEqual(lint(expected, options));
  });

  it('rebuilds when the text does not match or the options changed', () => {
    const lints = incrementalLints();
    lints.findings('a', text, options);
    lints.record('a', [{ offset: 0, deleteCount: 1, insert: '' }]);
    const other = 'Totally different and much faster.\n';
    const r = lints.findings('a', other, options);
    expect(r.incremental).toBe(false);
    expect(r.findings).toEqual(lint(other, options));
    expect(lints.findings('a', other, { ...options }).incremental).toBe(false);
    lints.drop('a');
    expect(lints.size).toBe(0);
  });
});
