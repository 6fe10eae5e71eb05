import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanBlocks } from '../../src/core/parse/scan.js';
import type { Locale } from '../../src/core/types.js';
import { markdownFiles } from './files.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Every content block of the corpus (when present), the examples and the fixtures, with the locale to analyse it in. */
export function proseBlocks(): Array<{ src: string; locale: Locale }> {
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
