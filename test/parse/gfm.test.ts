/**
 * `parseBlock` skips GFM extensions a block cannot use; the tree must equal the full GFM parse for
 * every block of the corpus (when present), the examples and the fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusFiles } from '../helpers/corpus.js';
import { markdownFiles } from '../helpers/files.js';
import { parseBlock, parseBlockGfm } from '../../src/core/parse/markdown.js';
import { scanBlocks } from '../../src/core/parse/scan.js';


const root = join(import.meta.dirname, '..', '..');
const files = [
  ...corpusFiles(''),
  ...markdownFiles(join(root, 'examples')),
  ...markdownFiles(join(root, 'test', 'fixtures')),
];

it('builds the same tree as the full GFM parser for every block', () => {
  let blocks = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const b of scanBlocks(text)) {
      if (b.kind !== 'content') continue;
      const src = text.slice(b.start, b.end);
      expect(parseBlock(src), `${file} @${b.start}`).toEqual(parseBlockGfm(src));
      blocks++;
    }
  }
  expect(blocks).toBeGreaterThan(50);
}, 180_000);

it.each([
  'Plain text with **emphasis** and [a link](x).',
  '| a | b |\n|---|---|\n| c | d |',
  'Visit www.example.com or https://x.test today.',
  'Mail ops@example.com.',
  '~~struck~~ text',
  '- [ ] task\n- [x] done',
  'Note[^1].\n\n[^1]: The note.',
])('agrees on %s', (src) => {
  expect(parseBlock(src)).toEqual(parseBlockGfm(src));
});
