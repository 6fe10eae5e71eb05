import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanBlocks } from '../../src/core/parse/scan.js';
import type { Locale } from '../../src/core/types.js';
import { corpusFiles } from './corpus.js';
import { markdownFiles } from './files.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every content block of the corpus (when present), the examples and the fixtures, with the locale to analyse it in. */
export function proseBlocks(): Array<{ src: string; locale: Locale }> {
  const sources: Array<[string, Locale]> = [
    ...corpusFiles('docs').map((f): [string, Locale] => [f, 'en']),
    ...corpusFiles('docs-zh').map((f): [string, Locale] => [f, 'zh']),
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
