import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextChunks } from '../src/core/text-chunks.js';

describe('TextChunks', () => {
  it('keeps the text, its length and every slice equal to a plain string under random replacements', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 40 })), { maxLength: 20 }),
        (text, piece, edits) => {
          const c = new TextChunks(text, piece);
          let plain = text;
          for (const [x, y, ins] of edits) {
            // Replace the pieces around a random offset, as a session does with its window.
            const from = c.pieceAt(Math.floor(x * plain.length));
            const to = Math.max(from, c.pieceAt(Math.floor(y * plain.length)));
            const base = c.startOf(from);
            const span = c.span(from, to);
            expect(span).toBe(plain.slice(base, base + span.length));
            const cut = Math.floor(span.length / 2);
            const next = span.slice(0, cut) + ins + span.slice(cut);
            c.replace(from, to, next, ins.length);
            plain = plain.slice(0, base) + next + plain.slice(base + span.length);
            expect(c.length).toBe(plain.length);
            const a = Math.floor(x * plain.length);
            const b = Math.floor(y * plain.length);
            expect(c.slice(Math.min(a, b), Math.max(a, b))).toBe(plain.slice(Math.min(a, b), Math.max(a, b)));
          }
          expect(c.text()).toBe(plain);
        },
      ),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
