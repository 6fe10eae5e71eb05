import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownFiles } from './files.js';

/** The shared labelled corpus, beside the repository (`../shared/corpus`). */
export const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

/**
 * Whether `sub` of the shared corpus is there. A clone without it may run the tests on the
 * examples and fixtures alone, unless `POVLINT_REQUIRE_CORPUS` is set (as CI sets it): then a
 * missing corpus is an error, so a test cannot shrink silently.
 */
export function corpusPresent(sub = ''): boolean {
  const dir = join(CORPUS, sub);
  if (existsSync(dir)) return true;
  if (process.env.POVLINT_REQUIRE_CORPUS) throw new Error(`POVLINT_REQUIRE_CORPUS is set but the corpus folder ${dir} is missing`);
  return false;
}

/** Every Markdown file of `sub` of the shared corpus (none when it is absent and not required). */
export function corpusFiles(sub: string): string[] {
  if (!corpusPresent(sub)) return [];
  const files = markdownFiles(join(CORPUS, sub));
  if (files.length === 0 && process.env.POVLINT_REQUIRE_CORPUS) throw new Error(`POVLINT_REQUIRE_CORPUS is set but ${join(CORPUS, sub)} holds no Markdown file`);
  return files;
}

/**
 * Every Markdown file the text checks run on: the shared corpus (English and Chinese), the
 * in-repository corpus, the examples and the fixtures.
 */
export function everyMarkdownFile(): string[] {
  const root = join(import.meta.dirname, '..', '..');
  return [
    ...corpusFiles('docs'),
    ...corpusFiles('docs-zh'),
    ...markdownFiles(join(root, 'test', 'corpus')),
    ...markdownFiles(join(root, 'examples')),
    ...markdownFiles(join(root, 'test', 'fixtures')),
  ];
}

/**
 * Every paragraph (text between blank lines) of every file `everyMarkdownFile` lists, with its
 * file and the file's language (Chinese when it holds any Han character).
 */
export function everyParagraph(): Array<{ file: string; para: string; locale: 'en' | 'zh' }> {
  const out: Array<{ file: string; para: string; locale: 'en' | 'zh' }> = [];
  for (const file of everyMarkdownFile()) {
    const text = readFileSync(file, 'utf8');
    const locale = /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en';
    for (const para of text.split(/\n[ \t]*\n/)) out.push({ file, para, locale });
  }
  return out;
}
