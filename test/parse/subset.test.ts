/**
 * The subset reader (src/core/parse/subset.ts) must read exactly what remark reads wherever it
 * accepts a block: the same prose units (text, offsets, map back to the source) and the same code
 * and HTML ranges, on every block of the corpus, the examples and the fixtures, and on generated
 * Markdown dense in the constructs it handles and the ones it must hand over. Where it accepts a
 * block, the paragraphs' inline trees (types, offsets, text values) are compared too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBlock, getEngine } from '../../src/core/engine.js';
import { parseBlock } from '../../src/core/parse/markdown.js';
import { subsetTree } from '../../src/core/parse/subset.js';
import { proseUnits } from '../../src/core/parse/units.js';
import type { Locale } from '../../src/core/types.js';
import { proseBlocks } from '../helpers/blocks.js';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

function codeRanges(node: Node, out: unknown[] = []): unknown[] {
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') out.push([node.type, node.position?.start.offset, node.position?.end.offset, node.type === 'html' ? node.value : '']);
  for (const c of node.children ?? []) codeRanges(c, out);
  return out;
}

/** What the analysis reads from a tree. */
function reading(tree: Node, src: string, locale: Locale = 'en'): unknown {
  return {
    units: proseUnits(tree as never, src, locale).map((u) => ({ text: u.text, from: u.from, start: u.start, end: u.end, container: u.container, base: u.base.text, segs: u.base.segs })),
    code: codeRanges(tree),
  };
}

/** Types, offsets and text of a tree, headings without their content (the analysis skips them). */
function shape(node: Node): unknown {
  // The analysis reads no table, row or cell offsets (only the offsets of their content).
  const box = node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell';
  const out: Record<string, unknown> = box ? { type: node.type } : { type: node.type, s: node.position?.start.offset, e: node.position?.end.offset };
  if (node.type === 'text' || node.type === 'html') out.v = node.value;
  if (node.type !== 'heading' && node.children) out.c = node.children.map(shape);
  return out;
}


/** Pieces of Markdown: prose, every inline construct, container markers, and things to hand over. */
const PIECES = [
  'a', 'b', 'word', 'faster', 'Significantly', ' ', ' ', '  ', '.', ',', '-', ':', '?', '(', ')', '"', "'", '!', '#', '<', '>', '=', '+',
  '*', '**', '***', '_', '__', '*a*', '_a_', '**a**', 'x*y', 'a_b_c', '*(', ')*', '_"', '"_',
  '[', ']', '](u)', '](u "t")', "](u 't')", '](u (t))', '](<u v>)', '](u(v))', '](', '][r]', '[]',
  '`', '``', '`c`', '``c`d``',
  '<span>', '</span>', '<span class="a_b">', "<b title='x*y'>", '<br>', '<br/>', '<div>', '</div>', '<a href="x">', '</a>', '<x-y>', '<3', '< b', '<http://x>', '<!-- c -->',
  // Tags micromark rejects (the `<` is text) or reads on over a line: each state of its tag reader.
  '<x/span>', '<spanclass="a">', '<a b="c"d>', '<a b=x/y>', '<a b=>', '</a b>', '<a b=`c`>', "<a b='c'/>", '<a/', '<a b', '<a b="c', '</a', '<a =b>', '<a b = "c" >', '<a b c>', '<a_b>', '<a :b>', '<a b=c=d>',
  '\\*', '\\_', '\\[', '\\', '\\`', '&', '&amp;', '&x', '&#42;', '&x;', '&nbsp;', '&#x1F600;', '&#0;', '&copy', '!', '![', '![a](u)', '<a@b.co>', '<1@x.y>', '<mailto:x>', '<x:>',
  '😀', 'é', '。', '“', '”', '€', '±', '\u00a0',
  'http://x', 'www.', '@', '~', '~~', '~a~', '|', '\t', 'https://x.co', 'www.x.co', 'HTTP://a_b.c', '/p(q)', '/p_q', '&a;', 'https://x.y/', 'a.b', 'x.co',
  '\n', '\n', '\n', '\r\n', '\n ', '\n  ', '\n   ', '\n    ', '\n\n',
  '\n- ', '\n* ', '\n+ ', '\n1. ', '\n1) ', '\n2. ', '\n10) ', '\n  - ', '\n   1. ', '\n    1. ', '\n      - ', '\n-', '\n1.',
  '\n\t', '\n\t\t', '\n-\t', '\n1.\t', '\n*\t', '\n\t- ', '\n  \t', '\t\n', '\n \n', '\n\t\n', '\n\n  ', '\n\n    ', '\n\n- ', '\n\n1. ',
  '\n=', '\n--', '\n  ---', '\n- - -', '\n* * *', '\n___', '\\!', '\\#', '\\-', '\\=', '\\\\',
  '|', ' | ', '\\|', '\n|', '\n| ', '|\n|---|---|\n|', '| a | b |\n|:--|--:|\n| ', '\n|---|', '\n| --- |', '\n|-|\n|',
  '\n> ', '> ', '\n>', '\n> > ', '\n  > ', '\n>a', '\n>\n> ', '\n>  \n>',
  '\n# ', '\n## ', '\n####### ', '\n#x', '\n---', '\n===', '\n***', '\n> ', '\n```', '\n[r]: /u', '\n<div>', '\n<span>x</span>',
];

/** Markdown the subset reads, each compared with remark. */
const READ_CASES = [
  // Blank lines: paragraphs, loose lists, items holding several blocks, lists that end.
  'a\n\nb', 'a\n\n\nb', 'a\n\n', '- a\n\n', '- a\n\n  b', '- a\n\n- b', '- a\n\n\n- b\n\n  c', '- a\n\n  - b\n\n  - c\n\nd', '1. a\n\n   b\n2. c',
  '- a\n\n    b', '- a\n  \n  b', '- a\n\t\n  b', '- a\n \n- b', '- > a\n    \n  b', '> a\n\n> b', '> a\n\nb', '- a\nb\n\n  c', '- a\n\n  b\nc',
  '- a\n\n b', '* a\n\n- b', '1. a\n\n1) b', '2. a\n\n3. b', '1. a\n\n\n2. b', '- > a\n\n  > b', '- a\n\n  > q\n\n  p', '- a\n\n  # h\n  p',
  '- a\n\n  - b\n\n    c\n\n  d', '- a\n\n  b\n\n- c', '- a\n\n+ b', ' - a\n\n   b', ' - a\n\n  b', '1. a\n\n  b', '- a  \n\n  b',
  '- a\n\n  b  \n  c', '- a\n\n  *b*\n\n  [c](d)', '- a\n- b\n\n  c\n- d', '1) a\n\n   1) b\n\n   2) c\n\n2) d', 'a\n\n> b\n> c\n\nd',
  '> a\n> - b\n\n  c', 'a\n\n   b',
  // Tabs after list markers, as indentation (whole tab stops), in lazy lines, at line ends.
  '1.\tfoo\n2.\tbar', '*\tfoo', '-\tfoo\n\tbar', '- \tfoo\n  bar', '-  \tfoo', '1. \t foo', '10.\tfoo\n    bar', '100.\tfoo\n\tbar',
  '-\t-\tfoo\n\t\tbar', '-\tfoo\n\t-\tbar', '-\tfoo\nbar', '-\tfoo\n\t\tbar', '> a\n\tb', '1.\tfoo\n\n\tbar', '1.\ta\n\n\t1.\tb',
  '-\ta\n\n\t-\tb\n\n\t\tc', '* In delivery:\n\n  1.\tEarly\n  2.\tUse', '  - Integration layer\n\t-Access is limited', 'a\n2.\tb', 'a\n1.\tb',
  '`a\n2.\tb`', '*a\n2.\t*b', '[a\n-\tb](u)', 'a\t\nb', 'a \t\nb', 'a  \t\nb', 'a\t  \nb', 'a  \nb', '# head\t', '### x\t\n1.\ty',
  '### A\n#### B\t\nThe text', '_Example 1_\n- Criteria: Tests fail when functionality is broken\t\n- Validation: yes',
  // Setext headings and thematic breaks, and which of them (or a list item) wins.
  'a\n===', 'a\n---', '***', '   ***', '  ***\n  a', '- - -', '* * *\n- a', '_ _ _\n\na', 'a\n***\nb', 'a\n===\nb', 'a\nb\n===', 'a\n---\nb',
  'a\n  ---  ', 'a\n   ===', 'a\n    ===', 'a\n= =', 'a\n- - -', 'a\n***', 'a\n___', 'a\n--- -', 'a\n-', 'a\n=', 'a\n--\t', 'a\t\n===',
  'a \t \n---\t ', 'a\n===\t', '- a\n  ---', '- a\n  ===', '> a\n> ===', 'a `b`\n===', 'a <span>b</span>\n---', '*a*\n---\n*b*', '**x**\n---',
  'a  \n===', '  a\n  ===', 'a\n\n===', '- a\n\n  b\n  ===', '- a\n\n  b\n  ---\n  c', 'a\n\n---', '- a\n\n---', '- a\n\n  ***',
  'a\n---\n- b\n\n  c', '- a\n---', '- a\n***', '- a\n- - -', '- a\n* * *\n- b', '* a\n* * *', '1. a\n---', '> a\n---', '> a\n***\nb',
  '- a\n  b\n---', '- a\n  - b\n---', '- a\n  - b\n  ---', '- a\nb\n---', '> a\nb\n---', '---\ntitle: x\n---',
  '---\ntitle: Service Level Agreement\nhidden: true\nredirect_from:\n  - /cloud-addendum/\n  - /articles/cloud-addendum\nversions:\n  free-pro-team: \'*\'\n---',
  // Escapes before every ASCII punctuation character but `@`, `|` and `~` (GFM reads those further).
  '\\!\\"\\#\\$\\%\\&\\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\[\\\\\\]\\^\\_\\`\\{\\}', 'a \\* b \\_ c \\` d \\[e\\] \\< f \\& g', '\\- a',
  '\\# a', '1\\. a', '\\> a', '\\= a\n\\===', 'a\n\\---', '\\*a*', '*a\\*', '\\\\*a*',
  // An autolink at the start of a continuation line with no indentation.
  'a\n<x@y.co> b', 'a\n<http://x.y> b', '[a\n<x@y.co>](u)', '[a\n<x@y.co> b', '*a\n<x@y.co>*', 'a \n<x@y.co>', 'a  \n<x@y.co>', 'a\r\n<x@y.co> b',
  // GFM literal autolinks: trailing punctuation, parentheses, `_` in the domain, `&…;` and `]` trails,
  // brackets closed before them, URLs inside a link's text (which stay text).
  'see https://x.com.', '(https://x.com/a(b)c)', 'see https://x.com/a_b).', '\\[T\\] (https://t.co/b/7M)).', '[https://d.com/x](/s)',
  '[a](b) https://x.com c', '[a] https://x.com', '![a](b) https://x.com', '[a [b](c) d] https://x.com', 'a\nhttps://x.com', 'www.x.com/a',
  'https://x.com_ a', 'https://a_b.x.com', 'see https://x.com/a\\_b&amp;c`d`e', 'https://x.com/a&b;', 'https://x.com/a&b;c', 'https://x.com/a]',
  'https://x.com/a](b', 'https://x.com/a]b', 'https://x.com/<b>', '**see https://x.com/a.**', 'https://x.com?', 'https://x.com/"a"', 'Www.X.com',
  'https://x', 'x https://x.com/a_b_ y', '- https://x.com\n- www.y.org', 'https://x_y.z.w', 'www.x', 'https://x.com/a)b)c', 'https://x.com/*a*',
  'a https://x.com/a&amp;', 'see www.x.com/a@b', 'x\nwww.x.co  \ny', '`https://x.com` https://y.org', 'https://x.com&lt;', 'http://x.com:8080/a?b=c#d',
  '[a <span>http://www.x.gov</span>](http://www.x.gov).', 'HTTPS://X.COM/A', 'https://x.com/a(b', 'https://x.com/a((b)', 'https://x.com/a.b.',
  // HTML blocks at the top level that end at a blank line: a block tag name, or one complete tag alone on its line.
  '<table>\n<tr>\n<td>x</td>\n</tr>\n</table>', '  <div class="a">\nfoo *x*\n  bar  ', '<img src="a.png">\ntext', '<div>\n- a',
  '<table>\n\n</table>', '</div>', '<div/>', '<DIV>x', '<div-x>\na', '<a href="x">\nfoo\n\nbar', '<td><strong>x</strong></td>\nb', '<br>\nz',
  '<a b=c>  \nz', '<div>\n\n- a\n\n<p>b</p>', '<div>\t\nx', '<p>faster &amp; <b>better</b></p>', '<table>\r\n<tr>\r\n</table>',
  '<div>x</div>\n# h', '   <div>\n    x', '<a>b</a>', '<a>\n</a>', '<div >', '<hr/>', '<br/>x', '<span>  ', '<span> x', '<divx>a', '<span>x</span> y\nz',
  '<th><blockquote>\n<p><strong>User research</strong></p>\n</blockquote></th>\nhttps://x.co',
  // Text that only looks like a tag: micromark rejects it on its line, so the `<` is text.
  'a <x/span> is *faster*', '1. <spanclass="h">Fees</span> apply', '<x/span> is *faster*', '<a b=x/y>', '- <a b="c"d> e', '<x:y>\nz', 'a <a b="c"d> e', 'a <a b=x/y> c', 'a </a b> c', 'a <a b=> c', 'a <a b c="d" e> f',
  // GFM strikethrough (one or two tildes; longer runs are text) in content without emphasis or links.
  '- ~~PolkaAssembly~~ (was similar) - We were', '~a~', '~~a~~', '~a~~', '~~a ~b~~ c~', 'a~b~c', '~ a ~', '\\~~a~~', '~~a\nb~~', 'x ~~`c`~~ y',
  '~~a~~~', '~~<b>x</b>~~', '~~ab~~cd~~', '~a ~~b~~ c~', 'a ~~b', '| a | b |\n|---|---|\n| ~~x~~ | y |', '~~a\n~~', 'a ~~~ b', '~~.a.~~',
  'x~~.a~~y', '&#126;~a~', '~~faster~~ delivery', '> ~~a~~\n> b',
  // Empty quote lines: blank lines inside the quote (with paragraphs around them).
  '> a\n>\n> b', '> a\n>\n', '> a\n>', '>\n> a', '> a\n>\nb', '> a\n>  \n> b', '> i.  Recent\n>     usable\n>\n> ii. The', '> a\n> \n> b',
  '>\n>\n> a', '> a\n>\n>\n> b', '> a\n>\n> ***\n> b', '> a\r\n>\r\n> b', '- > a\n  >\n  > b', '> # h\n>\n> a',
];

describe('subset reader', () => {
  const all = proseBlocks();

  it('accepts most prose blocks of real documents', () => {
    const accepted = all.filter((b) => subsetTree(b.src)).reduce((n, b) => n + b.src.length, 0);
    const total = all.reduce((n, b) => n + b.src.length, 0);
    expect(total).toBeGreaterThan(0);
    // Not a speed figure: a guard that the reader is in use at all (it reads about 70% of the corpus).
    expect(accepted / total).toBeGreaterThan(0.3);
  });

  it('reads every block it accepts as remark does', () => {
    for (const { src, locale } of all) {
      const tree = subsetTree(src);
      if (!tree) continue;
      const ref = parseBlock(src) as Node;
      expect(reading(tree as Node, src, locale), src).toEqual(reading(ref, src, locale));
      expect(shape(tree as Node), src).toEqual(shape(ref));
    }
  }, 120_000);

  it('every shortcut (plain paragraphs, the subset reader, fenced code) gives the parser’s block results', () => {
    const engine = getEngine({});
    for (const { src, locale } of all) expect(computeBlock(src, engine, locale, true), src).toEqual(computeBlock(src, engine, locale, false));
    // Fenced code blocks, closed or not, hold nothing to read.
    for (const src of ['```\nfaster\n```', '~~~~ md\nsignificantly better\n~~~~~', '```\nbest-in-class', '```\na\n```\nworld-class', '``` `x`\nbetter\n```']) {
      expect(computeBlock(src, engine, 'en', true), src).toEqual(computeBlock(src, engine, 'en', false));
    }
  }, 120_000);

  it('agrees with remark on generated Markdown', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom('', '- ', '* ', '1. ', '10) ', '# ', '  - ', '| ', '|', '> ', '- > ', '<div>', '<br>\n', '<td>', '</span>'), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (head, parts) => {
        const src = (head + parts.join('')).replace(/^\s+|\s+$/g, '');
        const tree = subsetTree(src);
        if (!tree) return;
        accepted++;
        const ref = parseBlock(src) as Node;
        expect(shape(tree as Node), JSON.stringify(src)).toEqual(shape(ref));
        expect(reading(tree as Node, src), JSON.stringify(src)).toEqual(reading(ref, src));
      }),
      { seed: 1729, numRuns: 50_000 },
    );
    // The generator must exercise the reader, not only the hand-over.
    expect(accepted).toBeGreaterThan(2_000);
  }, 300_000);

  it('hands over what it does not read', () => {
    for (const src of [
      'a | b\n--|--', '| a | b |\n|---|---|\nc | d', '| a |\n| b |', '> - a\n>\n> b', '> > a\n>\n> b', '> a\n>\n>     code', '```\ncode\n```', '    code', '    ***',
      'a\n<div>\nx', '[r]: /u', 'a\\\nb', 'see "www.example.com"', 'a@b.co', 'www.a@b.co', 'xhttps://x.co', 'https://x.y_z', 'https://-x.y', 'www.a_b',
      '[a](b) [c https://x.com', '*https://x.com*', 'https://x.co/é', 'https://x.co。',
      // HTML blocks inside containers or ended by something other than a blank line, and tags a kind-7 block may not start with.
      '- <div>\n  x', '> <div>', '<pre>\nx', '<textarea>\nx', '<script>', '<div\ty>', '<div/ >', '<div>a</div>\n\na\n<div>', '    <div>',
      '~~gone~~ *x*', '[~~a~~](u)', '~~a~~ [b](u)', '**~~a~~**', '~~~a~~~', 'a\n~~~', '~~https://x.com~~', '[^1]', '- [ ] task', 'a\tb', '<span\nclass="x">', 'x <!-- povlint-disable -->',
      // Blank lines before indented code, in an item or outside one.
      'a\n\n    b', '- a\n\n      code', '- a\n\n\tb', '- a\n\n  ```\n  x\n\n  y\n  ```',
      // Tabs a container splits (the rest is indentation), tabs after a quote marker or inside text.
      '- a\n\t- b', '- a\n \tb', '- a\n\t\tb', '-\t\tfoo', '1.\t\tfoo', '1.\tfoo\n\n\t\tbar', '>\ta', '- a\tb', '[a](\tu)', '`a\tb`',
      // Lines that only a lazy paragraph could take for a setext underline, and GFM delimiter rows.
      '- a\n===', '> a\n===', '> a\nb\n> ===', 'a\n:--', 'a\n---|---', 'a | b\n---',
    ]) {
      expect(subsetTree(src), src).toBeUndefined();
    }
  });

  it('reads tabs, blank lines, setext headings, thematic breaks and escapes as remark does', () => {
    for (const src of READ_CASES) {
      const tree = subsetTree(src);
      // Each case must be read, or the comparison proves nothing.
      expect(tree, JSON.stringify(src)).toBeDefined();
      const ref = parseBlock(src) as Node;
      expect(shape(tree as Node), JSON.stringify(src)).toEqual(shape(ref));
      expect(reading(tree as Node, src), JSON.stringify(src)).toEqual(reading(ref, src));
    }
  });
});
