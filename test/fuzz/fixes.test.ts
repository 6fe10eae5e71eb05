/**
 * Fuzzing the fixes `lint` offers on hostile Markdown: every edit lies inside the text and splits
 * no surrogate pair or CRLF, the edits of one fix do not overlap, applying a fix changes only the
 * text of its edits, and the result lints again without error and with valid ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';
import { applyEdits, expandSnippet, findingProblems, markdown, onlyEditsChanged, params, SEED } from './markdown.js';

/** Fixes re-linted per document: enough to cover every kind, few enough to keep the run short. */
const FIXES_PER_DOC = 6;

describe(`fixes on generated Markdown (seed ${SEED})`, () => {
  it(
    'change only their own edits and re-lint cleanly',
    () => {
      fc.assert(
        fc.property(markdown, fc.nat(), fc.boolean(), (text, skip, asSnippet) => {
          const findings = lint(text);
          expect(findingProblems(text, findings)).toEqual([]);
          const fixes = findings.flatMap((f) => f.fixes);
          const from = fixes.length === 0 ? 0 : skip % fixes.length;
          for (const fix of [...fixes.slice(from), ...fixes.slice(0, from)].slice(0, FIXES_PER_DOC)) {
            // As an editor applies it: snippet placeholders become their defaults (or stay raw).
            const edits = fix.edits.map((e) => ({ ...e, text: e.snippet && !asSnippet ? expandSnippet(e.text) : e.text }));
            const fixed = applyEdits(text, edits);
            expect(onlyEditsChanged(text, fixed, edits)).toBe(true);
            expect(findingProblems(fixed, lint(fixed))).toEqual([]);
          }
        }),
        params(0.15),
      );
    },
    600_000,
  );
});
