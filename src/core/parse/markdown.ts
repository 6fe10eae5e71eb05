/** The one Markdown parser: unified + remark-parse + remark-gfm (+ remark-frontmatter for the head). */
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const blockParser = unified().use(remarkParse).use(remarkGfm);
const headParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Parses one block of a document (offsets in the tree are relative to the block). */
export function parseBlock(text: string): Root {
  if (text.charCodeAt(0) !== 0xfeff) return blockParser.parse(text);
  // The parser drops a leading BOM and counts offsets without it: put it back.
  const tree = blockParser.parse(text.slice(1));
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset += 1;
      if (point.line === 1) point.column += 1;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return tree;
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
