/**
 * Fuzzing incremental sessions with hostile edits: line endings typed one character at a time,
 * halves of surrogate pairs, fences, front matter and comments opened and closed, trigger words
 * and deletions anywhere. After every edit the session's text is the edited text and its findings
 * equal those of a fresh `lint`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, lint } from '../../src/core/index.js';
import { findingProblems, markdown, params, SEED } from './markdown.js';

const INSERTS = [
  '', '\n', '\r', '\r\n', '\n\n', ' ', '\uD83D', '\uDE00', '😀', 'e\u0301', '\u200B', '\uFEFF', '```', '~~~', '---',
  '---\n', '+++', '<!--', '-->', '<!-- povlint-disable -->', '<!-- povlint-enable -->', '<!-- povlint-disable-next-line -->',
  '> ', '- ', '1. ', '    ', '|', '| a | b |\n|---|---|\n', '#', '[TBD]', '${1:x}', '&#x1F600;', '&amp;', '<div>', '</div>',
  'improve', 'significantly', 'best-in-class', 'world-class', 'reasonable efforts', 'many', 'always', 'shall', '显著提升',
  '合理努力', '99.9%', 'within 4 hours', 'service credits', '\\', '*', '`',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 200 })),
  insert: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }),
});

describe(`sessions under hostile edits (seed ${SEED})`, () => {
  it(
    'always agree with a fresh lint of the same text',
    () => {
      fc.assert(
        fc.property(markdown, fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => {
          const session = createSession(text);
          let model = text;
          expect(session.findings()).toEqual(lint(model));
          for (const e of edits) {
            const offset = Math.floor(e.at * (model.length + 1));
            const deleteCount = Math.min(e.deleteCount, model.length - Math.min(offset, model.length));
            model = model.slice(0, offset) + e.insert + model.slice(offset + deleteCount);
            const found = session.edit(offset, deleteCount, e.insert);
            expect(session.text()).toBe(model);
            expect(found).toEqual(lint(model));
            expect(findingProblems(model, found)).toEqual([]);
          }
          expect(session.findings()).toEqual(lint(model));
        }),
        params(0.15),
      );
    },
    600_000,
  );
});
