/**
 * A reader for the subset of Markdown that most prose blocks are written in, building the part of
 * the tree the analysis reads (paragraphs, lists loose or tight, block quotes, ATX and setext
 * headings, thematic breaks, tables written with leading pipes, and inline text, emphasis, links,
 * code spans, raw HTML tags, GFM literal URLs (`https://…`, `www.…`) and strikethrough outside
 * emphasis and links, with exact offsets) several times faster than the full parser.
 * Tabs are read where they stand in a line's indentation, after a list marker or before its end.
 *
 * It follows micromark (the parser remark uses) construct by construct, and gives up, returning
 * `undefined`, wherever the input leaves the subset: tabs elsewhere or split by a container,
 * fences, HTML blocks other than those at the top level that end at a blank line, indented code,
 * link reference definitions, empty quote lines in a quote holding a list or a quote, lazy lines
 * that look like block starts, multi-line tags and every other GFM construct (strikethrough beside
 * emphasis or links, footnotes, task items, email autolinks, URLs that only the parser's later
 * pass links). The caller then runs the full parser. Tests compare the prose both produce over the
 * corpus and generated Markdown.
 */
import type { Blockquote, Break, Heading, Html, Image, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { CHARACTER_REFERENCE, FENCE_RUN, GFM_AUTOLINK_HINT } from './syntax.js';

type Point = { line: number; column: number; offset: number };
type Pos = { start: Point; end: Point };

/** Only offsets are read from these trees; line and column are placeholders. */
function pos(start: number, end: number): Pos {
  return { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } };
}

/** One line of a container's content: the source range after the container's prefix. */
interface Line {
  s: number;
  e: number;
  /** Offset just past the line ending (equals `e` on the last line). */
  next: number;
  /** The line reached this container only as a lazy paragraph continuation. */
  lazy: boolean;
  /** Column of `s` on its source line (a tab runs to the next multiple of four). */
  col: number;
  /** The line holds nothing but white space (then `s` equals `e`). */
  blank: boolean;
}

/** Thrown (and caught at the top) when the input leaves the subset. */
class Outside extends Error {}
const OUT = new Outside();
function out(): never {
  throw OUT;
}

/** Characters and sequences that send a block to the full parser wherever they appear. */
const ALWAYS_OUT = /[\0\uFEFF]|\r(?!\n)|<[!?]|\[\^|\\\r?\n|povlint-/;
/** A line's start up to a tab the subset reads: white space and list markers only. */
const TAB_AFTER = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:[-*+]|\d{1,9}[.)])?$/;
/** A line's rest from a tab the subset reads: white space only. */
const TAB_BEFORE = /^[ \t]*\r?$/;

/**
 * Whether every tab stands where the subset reads it as micromark does: in the indentation and
 * list markers that start a line, or in the white space that ends it. Elsewhere (inside text,
 * links, tags, code spans, after a quote marker) the full parser decides.
 */
function tabsInPlace(src: string): boolean {
  for (let k = src.indexOf('\t'); k >= 0; k = src.indexOf('\t', k + 1)) {
    const ls = src.lastIndexOf('\n', k) + 1;
    let le = src.indexOf('\n', k);
    if (le < 0) le = src.length;
    if (!TAB_AFTER.test(src.slice(ls, k)) && !TAB_BEFORE.test(src.slice(k, le))) return false;
  }
  return true;
}

const BLOCK_NAMES = new Set(htmlBlockNames);
const RAW_NAMES = new Set(htmlRawNames);

/** A complete open or closing tag on one line (CommonMark raw HTML, spaces only; micromark ends an unquoted value at `/`). */
const TAG = /<[A-Za-z][A-Za-z\d-]*(?: +[A-Za-z_:][\w.:-]*(?: *= *(?:[^ "'=<>`\r\n/]+|'[^'\r\n]*'|"[^"\r\n]*"))?)* *\/?>|<\/[A-Za-z][A-Za-z\d-]* *>/y;
const TAG_NAME = /<\/?([A-Za-z][A-Za-z\d-]*)/y;
function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** A character at which micromark's inline tag reader would go on past what one line decides (a line ending, a tab, the end of the text). */
function tagUndecidedAt(c: number): boolean {
  return c === 10 || c === 13 || c === 9 || Number.isNaN(c);
}

/**
 * Where the complete open or closing tag at `at` ends (after its `>`) as micromark's `htmlFlow`
 * reads one for an HTML block of type 7, on the line ending at `e`; -1 when it reads none. (More
 * lenient than CommonMark in one place: after an unquoted value, `=` starts another value.)
 */
function completeTagEnd(src: string, at: number, e: number): number {
  const code = (i: number): number => (i < e ? src.charCodeAt(i) : -1);
  let i = at + 1;
  const closing = code(i) === 47;
  if (closing) i++;
  if (!isAsciiAlpha(code(i))) return -1;
  while (code(i) === 45 || isAsciiAlphanumeric(code(i))) i++;
  let c = code(i);
  if (!(c === -1 || c === 47 || c === 62 || isSpaceOrTab(c))) return -1;
  if (closing) {
    while (isSpaceOrTab(code(i))) i++;
    return code(i) === 62 ? i + 1 : -1;
  }
  // micromark's completeAttributeNameBefore, completeAttributeNameAfter and the value states.
  let state: 'before' | 'after' = 'before';
  for (;;) {
    c = code(i);
    if (state === 'before') {
      if (c === 47) return code(i + 1) === 62 ? i + 2 : -1;
      if (c === 58 || c === 95 || isAsciiAlpha(c)) {
        i++;
        while (code(i) === 45 || code(i) === 46 || code(i) === 58 || code(i) === 95 || isAsciiAlphanumeric(code(i))) i++;
        state = 'after';
        continue;
      }
      if (isSpaceOrTab(c)) {
        i++;
        continue;
      }
      return c === 62 ? i + 1 : -1;
    }
    // After an attribute name or value.
    if (isSpaceOrTab(c)) {
      i++;
      continue;
    }
    if (c !== 61) {
      state = 'before';
      continue;
    }
    i++;
    while (isSpaceOrTab(code(i))) i++;
    c = code(i);
    if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return -1;
    if (c === 34 || c === 39) {
      const quote = c;
      i++;
      while (code(i) !== quote) if (code(i++) === -1) return -1;
      i++;
      c = code(i);
      if (!(c === 47 || c === 62 || isSpaceOrTab(c))) return -1;
      state = 'before';
      continue;
    }
    while (!(c === -1 || c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isSpaceOrTab(c))) c = code(++i);
    state = 'after';
  }
}

/** `inlineTagEnd`: the `<` starts no tag (it is text), or the line ends before the tag is decided. */
const NOT_A_TAG = -1;
const TAG_UNDECIDED = -2;

function isAsciiAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiAlpha(c) || (c >= 48 && c <= 57);
}

/**
 * Where the open or closing tag starting at `at` (a `<` followed by a letter or `/`) ends, read
 * state by state as micromark's `htmlText` reads it, on one line: `NOT_A_TAG` when micromark would
 * reject it (then the `<` is text, as in `<x/span>` or `<spanclass="a">`), `TAG_UNDECIDED` where
 * it would read on past a line ending or a tab, or reach the end of the text (left to the parser).
 */
function inlineTagEnd(text: string, at: number): number {
  const n = text.length;
  let i = at + 1;
  let c = text.charCodeAt(i);
  if (c === 47) {
    // Closing tag: a name, spaces, `>`.
    if (!isAsciiAlpha(text.charCodeAt(i + 1))) return tagUndecidedAt(text.charCodeAt(i + 1)) ? TAG_UNDECIDED : NOT_A_TAG;
    i += 2;
    while (i < n && (text.charCodeAt(i) === 45 || isAsciiAlphanumeric(text.charCodeAt(i)))) i++;
    while (text.charCodeAt(i) === 32) i++;
    c = text.charCodeAt(i);
    if (c === 62) return i + 1;
    return tagUndecidedAt(c) ? TAG_UNDECIDED : NOT_A_TAG;
  }
  // Open tag: the name, then attributes, each after white space, then `>` or `/>`.
  while (i < n && (text.charCodeAt(i) === 45 || isAsciiAlphanumeric(text.charCodeAt(i)))) i++;
  c = text.charCodeAt(i);
  if (tagUndecidedAt(c)) return TAG_UNDECIDED;
  if (c !== 47 && c !== 62 && c !== 32) return NOT_A_TAG;
  for (;;) {
    // Between attributes (micromark's tagOpenBetween).
    c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (c === 47) {
      c = text.charCodeAt(i + 1);
      if (c === 62) return i + 2;
      return tagUndecidedAt(c) ? TAG_UNDECIDED : NOT_A_TAG;
    }
    if (c === 62) return i + 1;
    if (tagUndecidedAt(c)) return TAG_UNDECIDED;
    if (!(c === 58 || c === 95 || isAsciiAlpha(c))) return NOT_A_TAG;
    // An attribute name, then maybe `=` and a value.
    i++;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c === 45 || c === 46 || c === 58 || c === 95 || isAsciiAlphanumeric(c)) i++;
      else break;
    }
    while (text.charCodeAt(i) === 32) i++;
    c = text.charCodeAt(i);
    if (tagUndecidedAt(c)) return TAG_UNDECIDED;
    if (c !== 61) continue;
    i++;
    while (text.charCodeAt(i) === 32) i++;
    c = text.charCodeAt(i);
    if (tagUndecidedAt(c)) return TAG_UNDECIDED;
    if (c === 60 || c === 61 || c === 62 || c === 96) return NOT_A_TAG;
    if (c === 34 || c === 39) {
      const quote = c;
      i++;
      for (;;) {
        c = text.charCodeAt(i);
        if (c === quote) break;
        if (c === 10 || c === 13 || Number.isNaN(c)) return TAG_UNDECIDED;
        i++;
      }
      i++;
      c = text.charCodeAt(i);
      if (tagUndecidedAt(c)) return TAG_UNDECIDED;
      if (c !== 47 && c !== 62 && c !== 32) return NOT_A_TAG;
      continue;
    }
    // Unquoted: up to white space, `/` or `>`.
    for (;;) {
      c = text.charCodeAt(i);
      if (c === 34 || c === 39 || c === 60 || c === 61 || c === 96) return NOT_A_TAG;
      if (c === 47 || c === 62 || c === 32) break;
      if (tagUndecidedAt(c)) return TAG_UNDECIDED;
      i++;
    }
  }
}

/** CommonMark autolinks: a URI or an email address in angle brackets. */
const AUTOLINK = /<(?:[A-Za-z][A-Za-z\d+.-]{1,31}:[^\0- <>\x7F]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*)>/y;
/** A character reference: decimal, hexadecimal or named (the name must be known). */

/** Links written as autolinks: their text is a URL already, never a GFM literal. */
const autolinks = new WeakSet<Link>();

const ATX = /^(#{1,6})(?:[ \t]|$)/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
/** A line GFM may read as a table's delimiter row (making the line above a header). */
const TABLE_DELIMITER = /^[ \t:|]*-[ \t:|-]*$/;
const BULLET = /^([-*+])[ \t]+(?=[^ \t])/;
const ORDERED = /^(\d{1,9})([.)])[ \t]+(?=[^ \t])/;
const EMPTY_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
const BLANK = /^[ \t]*$/;

/** The column after the white space character `c` at column `col`. */
function advance(c: number, col: number): number {
  return c === 9 ? col + 4 - (col % 4) : col + 1;
}

/** Width in columns of the line's leading white space. */
function indentOf(src: string, l: Line): number {
  let col = l.col;
  for (let i = l.s; i < l.e; i++) {
    const c = src.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    col = advance(c, col);
  }
  return col - l.col;
}

/** Offset of the line's first character after its leading white space. */
function textStart(src: string, l: Line): number {
  let i = l.s;
  while (i < l.e && (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * The rest of a line after a container took `cols` columns of its indentation. A tab split by the
 * container leaves part of itself as indentation: left to the parser.
 */
function behind(src: string, l: Line, cols: number): Line {
  let i = l.s;
  let col = l.col;
  const to = l.col + cols;
  while (col < to) {
    col = advance(src.charCodeAt(i), col);
    i++;
  }
  if (col !== to) out();
  return { s: i, e: l.e, next: l.next, lazy: l.lazy, col, blank: false };
}

/** The content of a blank line, in any container. */
function blankLine(l: Line): Line {
  return { s: l.e, e: l.e, next: l.next, lazy: false, col: 0, blank: true };
}

/** The tree the full parser would build for `src` (as far as the analysis reads it), or `undefined`. */
export function subsetTree(src: string): Root | undefined {
  if (src.length === 0 || ALWAYS_OUT.test(src)) return undefined;
  if (src.includes('\t') && (src.charCodeAt(0) === 124 || !tabsInPlace(src))) return undefined;
  const lines: Line[] = [];
  for (let s = 0; s <= src.length; ) {
    let e = src.indexOf('\n', s);
    if (e < 0) e = src.length;
    const next = e < src.length ? e + 1 : e;
    if (e > s && src.charCodeAt(e - 1) === 13) e--;
    const l: Line = { s, e, next, lazy: false, col: 0, blank: false };
    lines.push(BLANK.test(src.slice(s, e)) ? blankLine(l) : l);
    if (next >= src.length) break;
    s = next;
  }
  try {
    const children = src.charCodeAt(0) === 124 ? [table(src, lines)] : flow(src, lines, true);
    return { type: 'root', children, position: pos(0, src.length) };
  } catch (e) {
    if (e === OUT) return undefined;
    throw e;
  }
}

/** Whether the line (already de-indented) opens an HTML block, or may: the full parser decides. */
function htmlBlockStart(src: string, at: number, e: number, paragraphStart: boolean): boolean {
  if (src.charCodeAt(at) !== 60) return false;
  TAG_NAME.lastIndex = at;
  const m = TAG_NAME.exec(src);
  if (!m) return true;
  const name = m[1]!.toLowerCase();
  if (BLOCK_NAMES.has(name) || RAW_NAMES.has(name)) return true;
  if (!paragraphStart) return false;
  // Type 7: a line holding one complete tag and nothing else (tabs: the parser decides).
  if (src.slice(at, e).includes('\t')) return true;
  const t = completeTagEnd(src, at, e);
  return t >= 0 && BLANK.test(src.slice(t, e));
}

interface ItemStart {
  ordered: boolean;
  /** Width of the marker itself (`-`, `10.`). */
  marker: number;
  /** Marker character (bullet) or delimiter (ordered), to group items into lists. */
  kind: string;
  /** Content column, relative to the marker, and the offset of the content (from the marker). */
  width: number;
  skip: number;
  start: number;
}

/** A list item's marker at the start of `text`, which starts at column `col` of its line. */
function itemStart(text: string, col: number): ItemStart | undefined {
  let m = BULLET.exec(text);
  const ordered = !m;
  if (!m) m = ORDERED.exec(text);
  if (!m) return undefined;
  const marker = ordered ? m[1]!.length + 1 : 1;
  let c = col + marker;
  for (let k = marker; k < m[0].length; k++) c = advance(text.charCodeAt(k), c);
  return { ordered, marker, kind: ordered ? m[2]! : m[1]!, width: c - col, skip: m[0].length, start: ordered ? Number(m[1]) : 0 };
}

/** Whether a line (of the container the paragraph is in) underlines it as a setext heading; 1 or 2 is the depth. */
function setextDepth(src: string, l: Line): number {
  if (l.lazy || l.blank || indentOf(src, l) >= 4) return 0;
  const text = src.slice(textStart(src, l), l.e);
  return SETEXT.test(text) ? (text[0] === '=' ? 1 : 2) : 0;
}

/**
 * Whether the line from `at` (a `<`) opens an HTML block that runs to the next blank line: a block
 * tag name (`<div`, `</table`) followed by white space, the line's end, `>` or `/>` (kind 6), or one
 * complete tag other than `script`, `style`, `pre` or `textarea` with nothing after it (kind 7).
 */
function endsAtBlankLine(src: string, at: number, e: number): boolean {
  TAG_NAME.lastIndex = at;
  const m = TAG_NAME.exec(src);
  if (!m) return false;
  const name = m[1]!.toLowerCase();
  if (RAW_NAMES.has(name)) return false;
  const after = at + m[0].length;
  if (BLOCK_NAMES.has(name)) {
    const c = src.charCodeAt(after);
    return after === e || c === 32 || c === 62 || (c === 47 && src.charCodeAt(after + 1) === 62);
  }
  TAG.lastIndex = at;
  const t = TAG.exec(src);
  return t !== null && BLANK.test(src.slice(at + t[0].length, e));
}

/** Parses the lines of one container's content (`root`: the block itself) as a sequence of blocks. */
function flow(src: string, lines: Line[], root = false): RootContent[] {
  const nodes: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.blank) {
      i++;
      continue;
    }
    if (l.lazy) out();
    const ind = indentOf(src, l);
    if (ind >= 4) out(); // indented code
    if (src.lastIndexOf('|', l.e - 1) >= l.s) out(); // a table row, or a pipe a table may claim
    const at = textStart(src, l);
    const text = src.slice(at, l.e);
    if (THEMATIC.test(text)) {
      nodes.push({ type: 'thematicBreak', position: pos(at, l.e) });
      i++;
      continue;
    }
    if (FENCE_RUN.test(text) || EMPTY_ITEM.test(text)) out();
    if (text[0] === '>') {
      i = quote(src, lines, i, at, nodes);
      continue;
    }
    const h = ATX.exec(text);
    if (h) {
      if (/[<`]/.test(text)) out();
      nodes.push({ type: 'heading', depth: h[1]!.length as Heading['depth'], children: [], position: pos(at, l.e) });
      i++;
      continue;
    }
    const item = itemStart(text, l.col + ind);
    if (item) {
      i = list(src, lines, i, ind, item, nodes);
      continue;
    }
    if (htmlBlockStart(src, at, l.e, true)) {
      // At the top level, an HTML block that ends at a blank line (kinds 6 and 7) is read whole.
      if (!root || !endsAtBlankLine(src, at, l.e)) out();
      let j = i + 1;
      while (j < lines.length && !lines[j]!.blank) j++;
      const end = lines[j - 1]!.e;
      nodes.push({ type: 'html', value: src.slice(l.s, end), position: pos(l.s, end) });
      i = j;
      continue;
    }
    // A paragraph: this line and every line that continues it, or a setext heading.
    let j = i + 1;
    let depth = 0;
    while (j < lines.length && !(depth = setextDepth(src, lines[j]!)) && continues(src, lines[j]!)) j++;
    const para = paragraph(src, lines, i, j, at);
    if (depth) {
      for (let k = i + 1; k < j; k++) if (lines[k]!.lazy) out();
      const u = lines[j]!;
      nodes.push({ type: 'heading', depth: depth as Heading['depth'], children: para.children, position: pos(at, u.e) });
      i = j + 1;
      continue;
    }
    nodes.push(para);
    i = j;
  }
  return nodes;
}

/**
 * Whether a line continues the paragraph before it (false: it starts a block the subset reads).
 * Setext underlines are tested before.
 */
function continues(src: string, l: Line): boolean {
  if (l.blank) return false;
  if (src.lastIndexOf('|', l.e - 1) >= l.s) out();
  const ind = indentOf(src, l);
  if (ind >= 4 || l.lazy) return true;
  const at = textStart(src, l);
  const text = src.slice(at, l.e);
  const c = text[0];
  if (c === '>') return false;
  if (THEMATIC.test(text)) return false;
  if (FENCE_RUN.test(text) || TABLE_DELIMITER.test(text)) out();
  if (c === '#') return !ATX.test(text);
  if (c === '<') {
    if (htmlBlockStart(src, at, l.e, false)) out();
    return true;
  }
  if (c === '-' || c === '*' || c === '+') {
    if (BULLET.test(text)) return false;
    if (EMPTY_ITEM.test(text)) out();
    return true;
  }
  if (c !== undefined && c >= '0' && c <= '9') {
    // Only an ordered item numbered 1 interrupts a paragraph.
    if (ORDERED.exec(text)?.[1] === '1') return false;
    if (EMPTY_ITEM.test(text)) out();
  }
  return true;
}

/**
 * Reads a block quote starting at line `i` (its marker at offset `at`): its `>` lines, and the
 * lines that lazily continue a paragraph inside it. Returns the index of the first line after it.
 */
function quote(src: string, lines: Line[], i: number, at0: number, nodes: RootContent[]): number {
  const content: Line[] = [];
  let j = i;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.blank) break; // a blank line ends the quote
    const li = indentOf(src, l);
    const at = textStart(src, l);
    if (li < 4 && src.charCodeAt(at) === 62) {
      const sp = src.charCodeAt(at + 1);
      if (sp === 9) out(); // the tab after the marker is partly indentation
      const s = sp === 32 ? at + 2 : at + 1;
      const line: Line = { s, e: l.e, next: l.next, lazy: l.lazy, col: l.col + li + (s - at), blank: false };
      if (BLANK.test(src.slice(s, l.e))) {
        // An empty quote line: a blank line inside the quote.
        if (l.lazy) out();
        content.push(blankLine(line));
        continue;
      }
      content.push(line);
      continue;
    }
    // After an empty quote line no paragraph is open: any other line ends the quote.
    if (content.length > 0 && content[content.length - 1]!.blank) break;
    // Any other line either starts a block outside the quote or lazily continues its paragraph.
    if (li < 4) {
      const text = src.slice(at, l.e);
      if (THEMATIC.test(text) || itemStart(text, l.col + li) || EMPTY_ITEM.test(text)) break;
      const c = text[0];
      if (c === '#' || c === '<' || FENCE_RUN.test(text) || SETEXT.test(text)) out();
    }
    content.push({ s: at, e: l.e, next: l.next, lazy: true, col: l.col + li, blank: false });
  }
  const children = flow(src, content) as Blockquote['children'];
  // Where a list or a quote inside runs into an empty quote line, the parser's positions for it
  // follow rules of their own: left to it.
  if (content.some((l) => l.blank) && children.some((c) => c.type === 'list' || c.type === 'blockquote')) out();
  nodes.push({ type: 'blockquote', children, position: pos(at0, content[content.length - 1]!.e) });
  return j;
}

/** Reads a list starting at line `i`; returns the index of the first line after it. */
function list(src: string, lines: Line[], i: number, ind: number, first: ItemStart, nodes: RootContent[]): number {
  const items: ListItem[] = [];
  let item: ItemStart | undefined = first;
  let itemInd = ind;
  const listStart = textStart(src, lines[i]!);
  let listEnd = listStart;
  while (item) {
    const head = lines[i]!;
    const marker = textStart(src, head);
    const width = itemInd + item.width;
    if (item.width - item.marker > 4) out(); // content after 5+ columns of white space: indented code
    const content: Line[] = [{ s: marker + item.skip, e: head.e, next: head.next, lazy: false, col: head.col + width, blank: false }];
    let j = i + 1;
    let afterBlank = false;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.blank) {
        content.push(l);
        afterBlank = true;
        continue;
      }
      const li = indentOf(src, l);
      if (li >= width) {
        content.push(behind(src, l, width));
        afterBlank = false;
        continue;
      }
      // After a blank line only indented lines stay in the item.
      if (afterBlank) break;
      const at = textStart(src, l);
      if (li < 4) {
        const text = src.slice(at, l.e);
        // A thematic break (before a list item: `- - -` is one) ends the list; so does a next item.
        if (THEMATIC.test(text) || itemStart(text, l.col + li) || EMPTY_ITEM.test(text)) break;
        const c = text[0];
        if (c === '#' || c === '>' || c === '<' || FENCE_RUN.test(text) || SETEXT.test(text)) out();
      }
      // A lazy continuation line: it must continue a paragraph inside the item.
      content.push({ s: at, e: l.e, next: l.next, lazy: true, col: l.col + li, blank: false });
    }
    // Blank lines after the item's last line belong to no item.
    while (content[content.length - 1]!.blank) content.pop();
    const children = flow(src, content);
    const end = content[content.length - 1]!.e;
    items.push({ type: 'listItem', spread: false, checked: null, children: children as ListItem['children'], position: pos(marker, end) });
    listEnd = end;
    i = j;
    item = undefined;
    if (i < lines.length) {
      const l = lines[i]!;
      const li = indentOf(src, l);
      const text = src.slice(textStart(src, l), l.e);
      const next = li < 4 && !THEMATIC.test(text) ? itemStart(text, l.col + li) : undefined;
      if (next && next.ordered === first.ordered && next.kind === first.kind && !l.lazy) {
        item = next;
        itemInd = li;
      }
    }
  }
  const node: List = { type: 'list', ordered: first.ordered, start: first.ordered ? first.start : null, spread: false, children: items, position: pos(listStart, listEnd) };
  nodes.push(node);
  return i;
}

/**
 * Cells of a table row written with a leading pipe: content ranges (trimmed), split at pipes that
 * are not escaped (a pipe inside a code span splits too, as in GFM).
 */
function rowCells(src: string, l: Line): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let end = l.e;
  while (end > l.s && src.charCodeAt(end - 1) === 32) end--;
  let from = l.s + 1;
  for (let i = from; i <= end; i++) {
    const c = i < end ? src.charCodeAt(i) : 124;
    if (c === 92 && i + 1 < end) {
      i++;
      continue;
    }
    if (c !== 124) continue;
    if (i === end && i === from) break; // the row ended with a pipe
    let s = from;
    let e = i;
    while (s < e && src.charCodeAt(s) === 32) s++;
    while (e > s && src.charCodeAt(e - 1) === 32) e--;
    cells.push([s, e]);
    from = i + 1;
  }
  // A row of a lone pipe is one empty cell.
  if (cells.length === 0) cells.push([end, end]);
  return cells;
}

const DELIMITER_CELL = /^:?-+:?$/;

/** A GFM table whose every line starts with a pipe, and nothing else. */
function table(src: string, lines: Line[]): Table {
  if (lines.length < 2 || lines.some((l) => src.charCodeAt(l.s) !== 124)) out();
  const head = rowCells(src, lines[0]!);
  const delimiter = rowCells(src, lines[1]!);
  if (head.length === 0 || head.some(([s, e]) => s === e) || delimiter.length !== head.length || !delimiter.every(([s, e]) => DELIMITER_CELL.test(src.slice(s, e)))) out();
  const rows: TableRow[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (k === 1) continue;
    const l = lines[k]!;
    const children = rowCells(src, l).map(([s, e]): TableCell => {
      const content = new Content();
      content.add(src, s, e, e, true);
      return { type: 'tableCell', children: s < e ? (inline(content.text, content) as TableCell['children']) : [], position: pos(s, e) };
    });
    rows.push({ type: 'tableRow', children, position: pos(l.s, l.e) });
  }
  return { type: 'table', align: head.map(() => null), children: rows, position: pos(0, lines[lines.length - 1]!.e) };
}

// ---------------------------------------------------------------------------------------------
// Inline content

/** A piece of a paragraph's content, in content offsets (see `Content`). */
type Atom =
  | { k: 'text'; s: number; e: number; v: string }
  | { k: 'seq'; s: number; e: number; marker: number; open: boolean; close: boolean; dead: boolean }
  | { k: 'node'; s: number; e: number; node: PhrasingContent };

interface Group {
  type: 'emphasis' | 'strong' | 'delete';
  s: number;
  e: number;
  /** Length of the markers on each side. */
  size: number;
}

/**
 * A paragraph's content: its lines joined with their line endings, container prefixes and
 * indentation removed (what the parser's inline stage reads), and the map back to the source.
 */
class Content {
  text = '';
  /**
   * Per line: content offset of its first character, its source offset, its length without
   * trailing white space, the source offset of its line ending, the source offset past it, and how
   * many trailing white space characters were left out.
   */
  starts: number[] = [];
  sources: number[] = [];
  lens: number[] = [];
  ends: number[] = [];
  nexts: number[] = [];
  trailing: number[] = [];
  /** Content offsets of line endings that are hard breaks (after two or more spaces). */
  breaks = new Set<number>();

  add(src: string, s: number, e: number, next: number, last: boolean): void {
    let t = e;
    let tabs = false;
    while (t > s) {
      const c = src.charCodeAt(t - 1);
      if (c !== 32 && c !== 9) break;
      if (c === 9) tabs = true;
      t--;
    }
    this.starts.push(this.text.length);
    this.sources.push(s);
    this.lens.push(t - s);
    this.ends.push(e);
    this.nexts.push(next);
    this.trailing.push(e - t);
    // Trailing white space is not content: before a line ending, two or more spaces (and no tab)
    // make a hard break.
    this.text += src.slice(s, t);
    if (!last && e - t >= 2 && !tabs) this.breaks.add(this.text.length);
    if (!last) this.text += src.slice(e, next);
  }

  /** Whether the line starting at content offset `c` lost leading characters (indentation, a container's prefix). */
  prefixed(c: number): boolean {
    const k = this.starts.indexOf(c);
    return k <= 0 || this.sources[k] !== this.nexts[k - 1];
  }

  /** Whether some line in the content range [from, to) lost trailing white space. */
  trimmedWithin(from: number, to: number): boolean {
    for (let k = 0; k < this.starts.length; k++) {
      const lineEnd = this.starts[k]! + this.lens[k]!;
      if (lineEnd >= from && lineEnd < to && this.trailing[k]! > 0) return true;
    }
    return false;
  }

  /**
   * Source offset of content offset `c`. Where left-out characters sit at `c` (a line ending's
   * prefix of the next line, or trailing white space), a node that ends there ends before them and a
   * node that starts there starts after them.
   */
  toSource(c: number, side: 'start' | 'end'): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= c) lo = mid;
      else hi = mid - 1;
    }
    const d = c - this.starts[lo]!;
    if (d === 0 && side === 'end' && lo > 0) return this.nexts[lo - 1]!;
    if (d < this.lens[lo]! || (d === this.lens[lo]! && side === 'end')) return this.sources[lo]! + d;
    return this.ends[lo]! + (d - this.lens[lo]!);
  }
}

function paragraph(src: string, lines: Line[], from: number, to: number, at: number): Paragraph {
  const content = new Content();
  for (let k = from; k < to; k++) {
    const l = lines[k]!;
    const s = k === from ? at : textStart(src, l);
    content.add(src, s, l.e, l.next, k === to - 1);
  }
  const text = content.text;
  // A bracket that ends a line makes the parser's text positions run on into the next line's
  // indentation: left to it.
  for (let k = 0; k + 1 < content.starts.length; k++) if (content.lens[k]! > 0 && text.charCodeAt(content.starts[k]! + content.lens[k]! - 1) === 91) out();
  // A link reference definition, or a task item's checkbox.
  if (text[0] === '[' && (text.includes(']:') || /^\[[ xX]\]/.test(text))) out();
  const children = inline(text, content);
  return { type: 'paragraph', children, position: pos(at, lines[to - 1]!.e) };
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;
const UNICODE_WHITESPACE = /\s/;

/** micromark's character classes for attention: 1 white space (or none), 2 punctuation, 0 other. */
function classify(text: string, i: number): number {
  if (i < 0 || i >= text.length) return 1;
  const ch = text[i]!;
  if (UNICODE_WHITESPACE.test(ch)) return 1;
  if (UNICODE_PUNCTUATION.test(ch)) return 2;
  return 0;
}

/** Most delimiter runs in one paragraph before the subset leaves it to the parser (the matching is quadratic). */
const MAX_SEQUENCES = 200;

/** The characters `inline` handles (every other one is text), and the starts of literal URLs. */
const INLINE_SPECIAL = /[\\`<*_~\n\r&![\]]|[hH](?=[tT]{2}[pP][sS]?:\/\/)|[wW](?=[wW]{2}\.)/g;

function inline(text: string, content: Content): PhrasingContent[] {
  const atoms: Atom[] = [];
  const brackets: Array<{ atom: number; active: boolean; s: number; image: boolean }> = [];
  let sequences = 0;
  /** Whether the content has `~` runs GFM may read as strikethrough, and whether it opened a bracket. */
  let tildes = false;
  let bracketed = false;
  let textStart = -1;
  const flushText = (i: number): void => {
    if (textStart >= 0 && i > textStart) atoms.push({ k: 'text', s: textStart, e: i, v: text.slice(textStart, i) });
    textStart = -1;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Characters no case below handles are text: jump over them to the next one that may not be.
    INLINE_SPECIAL.lastIndex = i;
    const next = INLINE_SPECIAL.exec(text);
    const j = next ? next.index : n;
    if (j > i) {
      if (textStart < 0) textStart = i;
      i = j;
      if (i >= n) break;
    }
    const c = text.charCodeAt(i);
    switch (c) {
      case 92: {
        // Backslash: an escaped punctuation character is literal text (line-end escapes never get here).
        if (i + 1 < n && ASCII_PUNCTUATION.test(text[i + 1]!)) {
          flushText(i);
          atoms.push({ k: 'text', s: i, e: i + 2, v: text[i + 1]! });
          i += 2;
          continue;
        }
        break;
      }
      case 96: {
        let run = i;
        while (run < n && text.charCodeAt(run) === 96) run++;
        const size = run - i;
        const close = closingBackticks(text, run, size);
        if (close < 0) {
          // An unmatched run: literal text. (Over several lines the parser's text positions then
          // run on into the next line's indentation; that case is left to it.)
          if (content.starts.length > 1) out();
          if (textStart < 0) textStart = i;
          i = run;
          continue;
        }
        // Trailing spaces inside a code span are its content: left to the parser.
        if (content.trimmedWithin(i, close + size)) out();
        flushText(i);
        const node: InlineCode = { type: 'inlineCode', value: codeValue(text.slice(run, close)), position: undefined };
        atoms.push({ k: 'node', s: i, e: close + size, node });
        i = close + size;
        continue;
      }
      case 60: {
        AUTOLINK.lastIndex = i;
        const a = AUTOLINK.exec(text);
        if (a) {
          // At the start of a continuation line the parser's text positions before it can run on
          // into the line's indentation or container prefix (after an open bracket): left to the
          // parser unless the line has neither.
          if (text.charCodeAt(i - 1) === 10 && content.prefixed(i)) out();
          flushText(i);
          const end = i + a[0].length;
          const value = a[0].slice(1, -1);
          const link: Link = { type: 'link', url: '', title: null, children: [{ type: 'text', value, position: pos(content.toSource(i + 1, 'start'), content.toSource(end - 1, 'end')) }] };
          autolinks.add(link);
          atoms.push({ k: 'node', s: i, e: end, node: link });
          i = end;
          continue;
        }
        const d = text.charCodeAt(i + 1);
        const letter = (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 47;
        if (!letter) break;
        const tagEnd = inlineTagEnd(text, i);
        if (tagEnd === TAG_UNDECIDED) out(); // a tag that may go on over the next line: the parser decides
        if (tagEnd === NOT_A_TAG) break; // the `<` is text
        flushText(i);
        const node: Html = { type: 'html', value: text.slice(i, tagEnd) };
        atoms.push({ k: 'node', s: i, e: tagEnd, node });
        i = tagEnd;
        continue;
      }
      case 42:
      case 95: {
        let run = i;
        while (run < n && text.charCodeAt(run) === c) run++;
        flushText(i);
        // micromark: a run opens when followed by "other", or by punctuation after space or
        // punctuation; it closes symmetrically. `_` also needs space or punctuation outside.
        const before = classify(text, i - 1);
        const after = classify(text, run);
        const o = after === 0 || (after === 2 && before !== 0);
        const cl = before === 0 || (before === 2 && after !== 0);
        atoms.push({
          k: 'seq',
          s: i,
          e: run,
          marker: c,
          open: c === 42 ? o : o && (before !== 0 || !cl),
          close: c === 42 ? cl : cl && (after !== 0 || !o),
          dead: false,
        });
        if (++sequences > MAX_SEQUENCES) out();
        i = run;
        continue;
      }
      case 10:
      case 13: {
        if (!content.breaks.has(i)) break;
        const eol = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        flushText(i);
        const node: Break = { type: 'break' };
        atoms.push({ k: 'node', s: i, e: i + eol, node });
        i += eol;
        continue;
      }
      case 38: {
        CHARACTER_REFERENCE.lastIndex = i;
        const r = CHARACTER_REFERENCE.exec(text);
        if (!r) break;
        const v = r[1] !== undefined ? decodeNumericCharacterReference(r[1], 10) : r[2] !== undefined ? decodeNumericCharacterReference(r[2], 16) : decodeNamedCharacterReference(r[3]!);
        if (v === false) break; // an unknown name is literal text
        flushText(i);
        atoms.push({ k: 'text', s: i, e: i + r[0].length, v });
        i += r[0].length;
        continue;
      }
      case 126: {
        // GFM strikethrough: a run of one or two `~` (a longer run is text), flanking as `*` does.
        let run = i;
        while (run < n && text.charCodeAt(run) === 126) run++;
        if (run - i > 2) {
          if (textStart < 0) textStart = i;
          i = run;
          continue;
        }
        flushText(i);
        const before = classify(text, i - 1);
        const after = classify(text, run);
        atoms.push({ k: 'seq', s: i, e: run, marker: c, open: after === 0 || (after === 2 && before !== 0), close: before === 0 || (before === 2 && after !== 0), dead: false });
        tildes = true;
        if (++sequences > MAX_SEQUENCES) out();
        i = run;
        continue;
      }
      case 33: {
        if (text.charCodeAt(i + 1) !== 91) break;
        bracketed = true;
        flushText(i);
        brackets.push({ atom: atoms.length, active: true, s: i, image: true });
        atoms.push({ k: 'text', s: i, e: i + 2, v: '![' });
        i += 2;
        continue;
      }
      case 91: {
        bracketed = true;
        flushText(i);
        brackets.push({ atom: atoms.length, active: true, s: i, image: false });
        atoms.push({ k: 'text', s: i, e: i + 1, v: '[' });
        i++;
        continue;
      }
      case 93: {
        const opener = brackets.pop();
        if (opener && opener.active) {
          const tail = linkTail(text, i + 1);
          if (tail > 0) {
            flushText(i);
            const inner = atoms.splice(opener.atom);
            inner.shift();
            const children = build(inner, resolveAttention(inner), content);
            if (opener.image) {
              // An image: its label is alt text, which the analysis does not read.
              const image: Image = { type: 'image', url: '', alt: null };
              atoms.push({ k: 'node', s: opener.s, e: tail, node: image });
            } else {
              const link: Link = { type: 'link', url: '', title: null, children };
              atoms.push({ k: 'node', s: opener.s, e: tail, node: link });
              // No links inside links: earlier link openers become plain brackets.
              for (const b of brackets) if (!b.image) b.active = false;
            }
            i = tail;
            continue;
          }
        }
        break;
      }
      case 72:
      case 104:
      case 87:
      case 119: {
        // A GFM literal autolink (`https://…`, `www.…`), read only where no bracket is open (the
        // parser reads none then) and after white space or `(`; elsewhere the text keeps its URL
        // and the guard at the end hands the block over.
        if (brackets.length > 0) break;
        const p = i > 0 ? text.charCodeAt(i - 1) : 32;
        if (p !== 32 && p !== 10 && p !== 13 && p !== 40) break;
        const end = literalUrl(text, i);
        if (end < 0) break;
        if (p === 10 && content.prefixed(i)) out();
        flushText(i);
        const value = text.slice(i, end);
        const at = pos(content.toSource(i, 'start'), content.toSource(end, 'end'));
        const link: Link = { type: 'link', url: '', title: null, children: [{ type: 'text', value, position: at }] };
        autolinks.add(link);
        atoms.push({ k: 'node', s: i, e: end, node: link });
        i = end;
        continue;
      }
      default:
    }
    if (textStart < 0) textStart = i;
    i++;
  }
  flushText(n);
  const nodes = build(atoms, tildes ? resolveStrikethrough(atoms, bracketed) : resolveAttention(atoms), content);
  if (hasGfmText(nodes)) out();
  return nodes;
}

/** Characters that may trail a literal URL without belonging to it (micromark's `trail`). */
const URL_TRAIL = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);
/** Characters where the path of a literal URL may end (then `trail` decides). */
const PATH_PUNCTUATION = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);

/** Whether `text` holds only trailing punctuation from `k` to the URL's end (micromark's `trail`). */
function isTrail(text: string, k: number): boolean {
  for (;;) {
    const c = k < text.length ? text.charCodeAt(k) : -1;
    if (URL_TRAIL.has(c)) {
      k++;
      continue;
    }
    if (c === 38) {
      // `&` and letters and `;`, like a character reference.
      let j = k + 1;
      while (j < text.length && isAsciiAlpha(text.charCodeAt(j))) j++;
      if (j === k + 1 || text.charCodeAt(j) !== 59) return false;
      k = j + 1;
      continue;
    }
    if (c === 93) {
      k++;
      const d = k < text.length ? text.charCodeAt(k) : -1;
      if (d === -1 || d === 40 || d === 91 || d === 32 || d === 10 || d === 13) return true;
      continue;
    }
    return c === -1 || c === 60 || c === 32 || c === 10 || c === 13;
  }
}

/**
 * The end of a GFM literal URL (`http://`, `https://` or `www.`) starting at `i` as
 * micromark-extension-gfm-autolink-literal reads it, or -1 when it reads none there. Outside ASCII
 * (Unicode punctuation and white space end a domain) the parser decides.
 */
function literalUrl(text: string, i: number): number {
  const n = text.length;
  let j = i;
  if (text.charCodeAt(i) === 104 || text.charCodeAt(i) === 72) {
    j = text.indexOf('//', i) + 2;
    const c = j < n ? text.charCodeAt(j) : -1;
    if (c >= 128) out();
    // The domain must start with something other than white space, a control or punctuation.
    if (c <= 32 || c === 127 || ASCII_PUNCTUATION.test(text[j]!)) return -1;
  } else {
    if (j + 4 >= n) return -1;
    // An email address starting with `www.` is read as one.
    let k = i;
    while (k < n && /[\w.+-]/.test(text[k]!)) k++;
    if (text.charCodeAt(k) === 64) out();
  }
  // Domain: up to white space or punctuation other than `-`; a `.` or `_` followed only by
  // trailing punctuation ends it. No `_` in its last two segments.
  let seen = false;
  let underscoreLast = false;
  let underscoreLastLast = false;
  for (;;) {
    const c = j < n ? text.charCodeAt(j) : -1;
    if (c >= 128 || (c >= 0 && c < 32 && c !== 10 && c !== 13)) out();
    if (c === 46 || c === 95) {
      if (isTrail(text, j)) break;
      if (c === 95) underscoreLast = true;
      else {
        underscoreLastLast = underscoreLast;
        underscoreLast = false;
      }
      j++;
      continue;
    }
    if (c === -1 || c === 32 || c === 10 || c === 13 || (c !== 45 && ASCII_PUNCTUATION.test(text[j]!))) break;
    seen = true;
    j++;
  }
  if (!seen || underscoreLast || underscoreLastLast) return -1;
  // Path: up to white space; trailing punctuation stays out, and `)` only once it closes no `(`.
  let open = 0;
  let close = 0;
  for (;;) {
    const c = j < n ? text.charCodeAt(j) : -1;
    if (c >= 128 || (c >= 0 && c < 32 && c !== 10 && c !== 13)) out();
    if (c === -1 || c === 32 || c === 10 || c === 13) break;
    if (c === 40) open++;
    else if (c === 41 && close < open) close++;
    else if (PATH_PUNCTUATION.has(c)) {
      if (isTrail(text, j)) break;
      if (c === 41) close++;
    }
    j++;
  }
  return j;
}

function closingBackticks(text: string, from: number, size: number): number {
  for (let i = text.indexOf('`', from); i >= 0; i = text.indexOf('`', i)) {
    let run = i;
    while (run < text.length && text.charCodeAt(run) === 96) run++;
    if (run - i === size) return i;
    i = run;
  }
  return -1;
}

function codeValue(raw: string): string {
  const v = raw.replace(/\r\n|\n/g, ' ');
  return v.length > 2 && v[0] === ' ' && v[v.length - 1] === ' ' && /[^ ]/.test(v) ? v.slice(1, -1) : v;
}

/**
 * The end of an inline link's `(destination "title")` starting at `i`, or -1. Line endings inside
 * are left to the parser.
 */
function linkTail(text: string, i: number): number {
  if (text.charCodeAt(i) !== 40) return -1;
  const n = text.length;
  let j = i + 1;
  const space = (): number => {
    const from = j;
    while (j < n && text.charCodeAt(j) === 32) j++;
    if (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) out();
    return j - from;
  };
  space();
  if (text.charCodeAt(j) === 41) return j + 1;
  if (text.charCodeAt(j) === 60) {
    j++;
    for (;;) {
      const c = text.charCodeAt(j);
      if (j >= n || c === 10 || c === 13 || c === 60) return -1;
      if (c === 62) {
        j++;
        break;
      }
      j += c === 92 && j + 1 < n && ASCII_PUNCTUATION.test(text[j + 1]!) ? 2 : 1;
    }
  } else {
    let depth = 0;
    const from = j;
    for (;;) {
      const c = text.charCodeAt(j);
      if (j >= n || c <= 32 || c === 127) break;
      if (c === 40) {
        if (++depth > 32) out();
      } else if (c === 41) {
        if (depth === 0) break;
        depth--;
      } else if (c === 92 && j + 1 < n && ASCII_PUNCTUATION.test(text[j + 1]!)) {
        j += 2;
        continue;
      }
      j++;
    }
    if (j === from || depth !== 0) return -1;
  }
  const gap = space();
  if (text.charCodeAt(j) === 41) return j + 1;
  if (!gap) return -1;
  const q = text.charCodeAt(j);
  const closer = q === 34 ? 34 : q === 39 ? 39 : q === 40 ? 41 : -1;
  if (closer < 0) return -1;
  j++;
  for (;;) {
    const c = text.charCodeAt(j);
    if (j >= n) return -1;
    if (c === 10 || c === 13) out();
    if (c === closer) {
      j++;
      break;
    }
    if (closer === 41 && c === 40) return -1;
    j += c === 92 && j + 1 < n && ASCII_PUNCTUATION.test(text[j + 1]!) ? 2 : 1;
  }
  space();
  return text.charCodeAt(j) === 41 ? j + 1 : -1;
}

/**
 * micromark's attention resolution: each closing run, left to right, takes the nearest opening run
 * of the same marker before it (rule of three on the current sizes); the runs between a matched
 * pair take no further part.
 */
function resolveAttention(atoms: Atom[]): Group[] {
  const groups: Group[] = [];
  for (let c = 0; c < atoms.length; c++) {
    const closer = atoms[c]!;
    if (closer.k !== 'seq' || !closer.close || closer.dead) continue;
    let o = c;
    while (o-- > 0 && closer.e > closer.s) {
      const opener = atoms[o]!;
      if (opener.k !== 'seq' || opener.dead || !opener.open || opener.marker !== closer.marker || opener.e === opener.s) continue;
      const cs = closer.e - closer.s;
      const os = opener.e - opener.s;
      if ((opener.close || closer.open) && cs % 3 && !((os + cs) % 3)) continue;
      const use = os > 1 && cs > 1 ? 2 : 1;
      opener.e -= use;
      closer.s += use;
      for (let k = o + 1; k < c; k++) {
        const a = atoms[k]!;
        if (a.k === 'seq') a.dead = true;
      }
      groups.push({ type: use > 1 ? 'strong' : 'emphasis', s: opener.e, e: closer.s, size: use });
      // Walk back again from the opener: the runs between are spent.
      o = o + 1;
    }
  }
  return groups;
}

/**
 * GFM strikethrough, in content without emphasis or links (their interplay is left to the parser):
 * each closing run, left to right, takes the nearest unused opening run of the same length before
 * it; unused runs between a pair become text.
 */
function resolveStrikethrough(atoms: Atom[], bracketed: boolean): Group[] {
  if (bracketed) out();
  const groups: Group[] = [];
  for (let c = 0; c < atoms.length; c++) {
    const closer = atoms[c]!;
    if (closer.k !== 'seq') continue;
    if (closer.marker !== 126) out();
    if (!closer.close || closer.dead || closer.e === closer.s) continue;
    for (let o = c - 1; o >= 0; o--) {
      const opener = atoms[o]!;
      if (opener.k !== 'seq' || opener.dead || !opener.open || opener.e === opener.s || opener.e - opener.s !== closer.e - closer.s) continue;
      groups.push({ type: 'delete', s: opener.s, e: closer.e, size: closer.e - closer.s });
      for (let k = o + 1; k < c; k++) {
        const a = atoms[k]!;
        if (a.k === 'seq') a.dead = true;
      }
      opener.e = opener.s;
      closer.s = closer.e;
      break;
    }
  }
  return groups;
}

/** Builds mdast phrasing nodes from resolved atoms, merging adjacent text as the parser does. */
function build(atoms: Atom[], found: Group[], content: Content): PhrasingContent[] {
  const groups = found.sort((a, b) => a.s - b.s || b.e - a.e);
  // Pieces in content order: text (incl. leftover delimiters), nodes, and group boundaries.
  type Piece = { s: number; e: number; v?: string; node?: PhrasingContent };
  const pieces: Piece[] = [];
  for (const a of atoms) {
    if (a.k === 'text') pieces.push({ s: a.s, e: a.e, v: a.v });
    else if (a.k === 'node') pieces.push({ s: a.s, e: a.e, node: a.node });
    else if (a.e > a.s) pieces.push({ s: a.s, e: a.e, v: content.text.slice(a.s, a.e) });
  }
  pieces.sort((a, b) => a.s - b.s);
  let p = 0;
  let g = 0;
  const level = (end: number): PhrasingContent[] => {
    const nodes: PhrasingContent[] = [];
    let tail: Text | undefined;
    let tailStart = 0;
    let tailEnd = 0;
    const closeText = (): void => {
      if (tail) tail.position = pos(content.toSource(tailStart, 'start'), content.toSource(tailEnd, 'end'));
      tail = undefined;
    };
    for (;;) {
      const nextGroup = g < groups.length && groups[g]!.s < end ? groups[g]! : undefined;
      const piece = p < pieces.length && pieces[p]!.s < end ? pieces[p]! : undefined;
      if (nextGroup && (!piece || nextGroup.s <= piece.s)) {
        g++;
        closeText();
        const children = level(nextGroup.e - nextGroup.size);
        nodes.push({ type: nextGroup.type, children, position: pos(content.toSource(nextGroup.s, 'start'), content.toSource(nextGroup.e, 'end')) });
        continue;
      }
      if (!piece) break;
      p++;
      if (piece.node) {
        closeText();
        const node = piece.node;
        // A hard break starts with the trailing spaces it is made of.
        node.position = pos(content.toSource(piece.s, node.type === 'break' ? 'end' : 'start'), content.toSource(piece.e, 'end'));
        nodes.push(node);
        continue;
      }
      if (tail && tailEnd === piece.s) {
        tail.value += piece.v!;
        tailEnd = piece.e;
      } else {
        closeText();
        tail = { type: 'text', value: piece.v! };
        tailStart = piece.s;
        tailEnd = piece.e;
        nodes.push(tail);
      }
    }
    closeText();
    return nodes;
  };
  return level(Infinity);
}

function hasGfmText(nodes: readonly PhrasingContent[]): boolean {
  for (const n of nodes) {
    // Literal autolinks are not read inside links (while their bracket is open, micromark reads
    // none, and remark's later pass skips links).
    if (n.type === 'text' ? GFM_AUTOLINK_HINT.test(n.value) : 'children' in n && n.type !== 'link' && hasGfmText(n.children as PhrasingContent[])) return true;
  }
  return false;
}
