/**
 * Fuzzing `lint` with hostile Markdown (see ./markdown.ts): it never throws, every range lies
 * inside the text with consistent line/column and splits no surrogate pair or CRLF, results are
 * deterministic and do not depend on the line ending. Seeded and reproducible: a failure prints
 * the seed, the path and the shrunk counterexample; rerun with POVLINT_FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, RULE_IDS, type Finding } from '../../src/core/index.js';
import { docParts, findingProblems, markdown, params, render, SEED } from './markdown.js';

const TIMEOUT = 600_000;

/** Options that build a second engine with the same settings, so nothing comes from the first one's cache. */
const SAME_SETTINGS_OTHER_ENGINE = { rules: { puffery: {} } };

describe(`lint on generated Markdown (seed ${SEED})`, () => {
  it(
    'never throws, keeps every range inside the text and is deterministic',
    () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const first = lint(text);
          expect(findingProblems(text, first)).toEqual([]);
          expect(lint(text)).toEqual(first);
          expect(lint(text, SAME_SETTINGS_OTHER_ENGINE)).toEqual(first);
        }),
        params(0.6),
      );
    },
    TIMEOUT,
  );

  it(
    'finds the same things at the same lines and columns with LF, CRLF and CR',
    () => {
      // Messages quote the claim; how many spaces a line break leaves in the quote may differ.
      const shape = (fs: Finding[]) =>
        fs.map((f) => `${f.ruleId} ${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${f.message.replace(/\s+/g, ' ')}`).sort();
      fc.assert(
        fc.property(docParts, (d) => {
          const [lf, crlf, cr] = (['\n', '\r\n', '\r'] as const).map((eol) => {
            const text = render(d, eol, true);
            const found = lint(text);
            expect(findingProblems(text, found)).toEqual([]);
            return shape(found);
          });
          expect(cr).toEqual(lf);
          expect(crlf).toEqual(lf);
        }),
        params(0.1),
      );
    },
    TIMEOUT,
  );

  it('generates documents that rules actually fire on', () => {
    // Without findings the properties above would prove little about rules, ranges and fixes.
    const docs = fc.sample(markdown, { seed: SEED, numRuns: 300 });
    const fired = docs.map((d) => lint(d));
    const withFindings = fired.filter((f) => f.length > 0).length;
    const withFixes = fired.filter((f) => f.some((x) => x.fixes.length > 0)).length;
    const rules = new Set(fired.flat().map((f) => f.ruleId));
    expect(withFindings / docs.length).toBeGreaterThan(0.5);
    expect(withFixes / docs.length).toBeGreaterThan(0.3);
    expect([...rules].sort()).toEqual([...RULE_IDS].sort());
  }, TIMEOUT);
});
