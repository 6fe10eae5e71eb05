/**
 * Linting block by block must read the same prose as parsing the whole document at once: the
 * prose units (text and source range) of every block, placed in the document, equal the units of
 * a whole-document remark parse, for the corpus (when present), the examples and the fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { corpusFiles } from '../helpers/corpus.js';
import { markdownFiles } from '../helpers/files.js';
import { parseBlock, parseBlockGfm } from '../../src/core/parse/markdown.js';
import { scanBlocks } from '../../src/core/parse/scan.js';
import { proseUnits } from '../../src/core/parse/units.js';


const root = join(import.meta.dirname, '..', '..');
const files = [
  ...corpusFiles('docs'),
  ...markdownFiles(join(root, 'examples')),
  ...markdownFiles(join(root, 'test', 'fixtures', 'rules')),
];

/**
 * Reference links (`[text][7]`) resolve only against definitions the parser has seen; a block read
 * alone keeps their brackets as text. The comparison reads both without reference brackets.
 */
function plain(units: string[]): string[] {
  return units.map((u) => u.replace(/\]\[[^\]]*\]/g, '').replace(/[[\]]/g, ''));
}

function blockwise(text: string): string[] {
  const out: string[] = [];
  for (const b of scanBlocks(text)) {
    if (b.kind !== 'content') continue;
    const src = text.slice(b.start, b.end);
    for (const u of proseUnits(parseBlock(src), src, 'en')) out.push(`${b.start + u.start}-${b.start + u.end} ${u.text}`);
  }
  return out;
}

function whole(text: string): string[] {
  // The whole document minus its front matter, which the pre-scan sets aside.
  const fm = scanBlocks(text).find((b) => b.kind === 'frontmatter');
  const from = fm ? text.indexOf('\n', fm.end) + 1 : 0;
  const body = text.slice(0, from).replace(/[^\r\n]/g, ' ') + text.slice(from);
  return proseUnits(parseBlockGfm(body), body, 'en').map((u) => `${u.start}-${u.end} ${u.text}`);
}

it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s reads the same prose block by block', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  // With reference definitions the ranges of unresolved references differ by their brackets too.
  const textOnly = /^ {0,3}\[[^\]]+\]:/m.test(text);
  const strip = (xs: string[]): string[] => (textOnly ? xs.map((x) => x.replace(/^\d+-\d+ /, '')) : xs);
  const a = strip(plain(blockwise(text)));
  const b = strip(plain(whole(text)));
  const diff = a.filter((x) => !b.includes(x)).concat(b.filter((x) => !a.includes(x)).map((x) => `whole only: ${x}`));
  expect(diff.slice(0, 5)).toEqual([]);
}, 60_000);
