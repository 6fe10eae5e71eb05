/** Findings as the core produces them, for the adapter's unit tests. */
import { MESSAGES } from '../../src/core/messages.js';
import type { Finding, Position } from '../../src/core/types.js';

/** Position of `offset` in `text` (1-based line/column, UTF-16). */
export function pos(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** A finding on the first occurrence of `term` in `text`. */
export function findingAt(text: string, term: string, over: Partial<Finding> = {}): Finding {
  const start = text.indexOf(term);
  if (start < 0) throw new Error(`"${term}" not in text`);
  const end = start + term.length;
  return {
    ruleId: 'unmeasured-claim',
    severity: 'warning',
    message: `\`${term}\` claims an improvement with no target, baseline or time window`,
    start: pos(text, start),
    end: pos(text, end),
    missing: ['metric', 'target', 'baseline', 'window', 'method'],
    fixes: [
      {
        kind: 'rewrite-measurable',
        title: MESSAGES.en.fix.rewrite,
        preferred: true,
        edits: [{ start, end, text: 'p95 response time of ${1:300} ms, from a baseline of ${2:900} ms, within ${3:90 days}', snippet: true }],
      },
    ],
    clauses: ['baseline-measurement-plan'],
    docs: 'https://github.com/povlint/povlint/blob/main/docs/rules/unmeasured-claim.md',
    term,
    topics: ['performance'],
    ...over,
  };
}
