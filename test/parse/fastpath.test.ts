import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBlock, getEngine } from '../../src/core/engine.js';
import { isPlainParagraph, plainParagraphTree } from '../../src/core/parse/fast.js';
import { parseBlock } from '../../src/core/parse/markdown.js';
import { proseBlocks } from '../helpers/blocks.js';


/** A tree reduced to what the analysis reads: types, values, children and offsets. */
function shape(node: unknown): unknown {
  const n = node as { type: string; value?: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } };
  return {
    type: n.type,
    ...(n.value !== undefined ? { value: n.value } : {}),
    start: n.position?.start.offset,
    end: n.position?.end.offset,
    ...(n.children ? { children: n.children.map(shape) } : {}),
  };
}

/**
 * How often the shortcut must have applied for a comparison to prove anything. The corpus figure
 * holds without the shared corpus too (examples and fixtures alone take the shortcut this often).
 */
const MIN_CORPUS_SHORTCUTS = 20;
const MIN_GENERATED_SHORTCUTS = 150;

describe('plain paragraph shortcut', () => {
  const all = proseBlocks();

  it('finds blocks to shortcut', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((b) => isPlainParagraph(b.src))).toBe(true);
  });

  it('builds the tree remark builds, wherever it applies', () => {
    let compared = 0;
    for (const { src } of all) {
      const fast = plainParagraphTree(src);
      if (fast) {
        compared++;
        expect(fast, src).toEqual(parseBlock(src));
      }
    }
    // The comparison must have run on a real share of the blocks, not on a handful.
    expect(compared).toBeGreaterThanOrEqual(MIN_CORPUS_SHORTCUTS);
  }, 60_000);

  it('gives the same block results as the parser wherever it applies', () => {
    const engine = getEngine({});
    let compared = 0;
    for (const { src, locale } of all) {
      if (isPlainParagraph(src)) {
        compared++;
        expect(computeBlock(src, engine, locale, true), src).toEqual(computeBlock(src, engine, locale, false));
      }
    }
    expect(compared).toBeGreaterThanOrEqual(MIN_CORPUS_SHORTCUTS);
  }, 60_000);

  it('agrees with remark on generated near-plain text', () => {
    const chars = fc.constantFrom(
      ...'abc xyz faster better 1. 2) # > - + = * _ ` [ ] < > & \\ | ~ @ www. http:// : ! ? , ; \' " ( ) 显著 \u00a0 \t'.split(' '),
      ' ',
      '\n',
      '\r\n',
      '\r',
      '  \n',
      '\n    ',
      '\n1. ',
      '\n- ',
      '\n===',
      '\n---',
    );
    let compared = 0;
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const src = parts.join('');
        const fast = plainParagraphTree(src);
        if (fast) {
          compared++;
          expect(shape(fast)).toEqual(shape(parseBlock(src)));
        }
      }),
      { seed: 4242, numRuns: 3000 },
    );
    expect(compared).toBeGreaterThanOrEqual(MIN_GENERATED_SHORTCUTS);
  });
});
