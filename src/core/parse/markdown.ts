/** The one Markdown parser: unified + remark-parse + remark-gfm (+ remark-frontmatter for the head). */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const blockParser = unified().use(remarkParse).use(remarkGfm);
const headParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Parses one block of a document (offsets in the tree are relative to the block). */
export function parseBlock(text: string): Root {
  return blockParser.parse(text);
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
