/**
 * The one Markdown parser: unified + remark-parse + remark-gfm (+ remark-frontmatter for the head).
 *
 * GFM's extensions only ever act on a few characters: table pipes, `~` (strikethrough), `[^`
 * (footnotes), `[ ]`/`[x]` (task items) and literal autolinks (`www.`, `://`, `@`, `mailto:`).
 * Most blocks hold none of them, and for those plain CommonMark builds exactly the tree GFM would,
 * at a third of the cost; blocks with pipes but no other GFM trigger need only the table extension.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { GFM_HINT } from './syntax.js';

interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

function remarkGfmTable(this: Processor): void {
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const fullParser = unified().use(remarkParse).use(remarkGfm);
const tableParser = unified().use(remarkParse).use(remarkGfmTable);
const plainParser = unified().use(remarkParse);
const headParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Characters and sequences that can start a GFM construct other than a table. */

/** Parses one block of a document (offsets in the tree are relative to the block). */
export function parseBlock(text: string): Root {
  if (GFM_HINT.test(text)) return fullParser.parse(text);
  return (text.includes('|') ? tableParser : plainParser).parse(text);
}

/** Parses with every GFM extension, whatever the text holds (the reference for `parseBlock`). */
export function parseBlockGfm(text: string): Root {
  return fullParser.parse(text);
}

/**
 * Reads `lang` (or `language` / `locale`) from a YAML or TOML front matter block, without a full
 * YAML parser: the value is only used to pick a locale.
 */
export function frontMatterLang(frontMatter: string): string | undefined {
  const tree = headParser.parse(frontMatter);
  const node = tree.children[0];
  if (!node || (node.type !== 'yaml' && node.type !== ('toml' as string))) return undefined;
  const value = (node as { value: string }).value;
  const m = /^[ \t]*(?:lang|language|locale)[ \t]*[:=][ \t]*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?["']?[ \t]*$/m.exec(value);
  return m ? m[1]!.toLowerCase() : undefined;
}
