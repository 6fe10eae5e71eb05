import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBlock, getEngine } from '../src/core/engine.js';
import { isPlainParagraph, plainParagraphTree } from '../src/core/parse/fast.js';
import { parseBlock } from '../src/core/parse/markdown.js';
import { scanBlocks } from '../src/core/parse/scan.js';
import type { Locale } from '../src/core/types.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/** Every block of the corpus, the examples and the rule fixtures, with the locale to analyse it in. */
function blocks(): Array<{ src: string; locale: Locale }> {
  const sources: Array<[string, Locale]> = [
    ...markdownFiles(join(CORPUS, 'docs')).map((f): [string, Locale] => [f, 'en']),
    ...markdownFiles(join(CORPUS, 'docs-zh')).map((f): [string, Locale] => [f, 'zh']),
    ...markdownFiles(join(ROOT, 'examples')).map((f): [string, Locale] => [f, 'en']),
    ...markdownFiles(join(ROOT, 'test', 'fixtures')).map((f): [string, Locale] => [f, /zh/.test(f) ? 'zh' : 'en']),
  ];
  const out: Array<{ src: string; locale: Locale }> = [];
  for (const [file, locale] of sources) {
    const text = readFileSync(file, 'utf8');
    for (const b of scanBlocks(text)) if (b.kind === 'content') out.push({ src: text.slice(b.start, b.end), locale });
  }
  return out;
}

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

describe('plain paragraph shortcut', () => {
  const all = blocks();

  it('finds blocks to shortcut', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((b) => isPlainParagraph(b.src))).toBe(true);
  });

  it('builds the tree remark builds, wherever it applies', () => {
    for (const { src } of all) {
      const fast = plainParagraphTree(src);
      if (fast) expect(fast, src).toEqual(parseBlock(src));
    }
  }, 60_000);

  it('gives the same block results as the parser wherever it applies', () => {
    const engine = getEngine({});
    for (const { src, locale } of all) {
      if (isPlainParagraph(src)) expect(computeBlock(src, engine, locale, true), src).toEqual(computeBlock(src, engine, locale, false));
    }
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
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const src = parts.join('');
        const fast = plainParagraphTree(src);
        if (fast) expect(shape(fast)).toEqual(shape(parseBlock(src)));
      }),
      { seed: 4242, numRuns: 3000 },
    );
  });
});
