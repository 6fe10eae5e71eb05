/**
 * A shortcut past the Markdown parser for the commonest candidate block: one paragraph of plain
 * text. When a block has no character that can start inline syntax (emphasis, code, links,
 * autolinks, HTML, entities, escapes, strikethrough, table pipes), no line that could open a
 * block construct (heading, quote, list, fence, setext underline, thematic break, indented code)
 * and no leading or trailing whitespace on any line, remark-parse + remark-gfm produce exactly one
 * paragraph holding one text node equal to the source. This builds that tree directly; anything
 * else returns `undefined` and goes to the parser.
 */
import type { Root } from 'mdast';
import { GFM_AUTOLINK_HINT } from './syntax.js';


/**
 * Everything that stops a block from being a plain paragraph, in one pattern (a native scan rather
 * than a character loop): a control character other than a line ending (tabs included); a
 * character that can start inline syntax (`*` `_` `` ` `` `[` `]` `<` `>` `&` `\` `|` `~` `@`, a
 * BOM); white space before a line ending or at the end; a line ending at the end; and at the start
 * of a line (after LF, CR or CRLF), a blank line, indentation, `#` `>` `-` `+` `=` or an ordered
 * list marker (up to ten digits and `.` or `)`).
 */
const NOT_PLAIN = /[^\n\r -\uffff]|[*_`[\]<>&\\|~@\uFEFF]|[ \t](?:[\n\r]|$)|[\n\r]$|(?:^|\r\n|\r(?!\n)|\n)(?:[\n\r \t#>+=-]|\d{1,10}[.)])/;

/** Whether `src` is a plain paragraph in the sense above. */
export function isPlainParagraph(src: string): boolean {
  return src.length > 0 && !NOT_PLAIN.test(src) && !GFM_AUTOLINK_HINT.test(src);
}

/** The tree remark would build for a plain paragraph, or `undefined` when `src` is not one. */
export function plainParagraphTree(src: string): Root | undefined {
  if (!isPlainParagraph(src)) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && src.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  const position = { start: { line: 1, column: 1, offset: 0 }, end: { line, column: src.length - lineStart + 1, offset: src.length } };
  return {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: src, position }], position }],
    position,
  };
}

/** Nesting (container markers and indentation) beyond which the Markdown parser is not used. */
const MAX_MARKERS = 32;
const MAX_INDENT = 256;

/**
 * Whether some line of the block nests deeper than any real document does (thousands of list
 * markers or `>`): the parser's time grows with the square of the depth there, so such a block is
 * read line by line instead (`flatTree`).
 */
export function tooDeep(src: string): boolean {
  const n = src.length;
  let i = 0;
  let cr = -2;
  while (i < n) {
    let markers = 0;
    let indent = 0;
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9) {
        indent++;
        i++;
      } else if (c === 62) {
        markers++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && (src.charCodeAt(i + 1) === 32 || src.charCodeAt(i + 1) === 9)) {
        markers++;
        i += 2;
      } else break;
      if (markers > MAX_MARKERS || indent > MAX_INDENT) return true;
    }
    // Next line: after an LF, a CR or a CRLF (found with indexOf; `cr` is the next CR, -1: none).
    if (cr !== -1 && cr < i) cr = src.indexOf('\r', i);
    const lf = src.indexOf('\n', i);
    i = lf < 0 ? n : lf;
    if (cr !== -1 && cr < i) i = cr;
    if (src.charCodeAt(i) === 13 && src.charCodeAt(i + 1) === 10) i++;
    i++;
  }
  return false;
}

/** Each line as a paragraph of plain text, container markers and indentation stripped. */
export function flatTree(src: string): Root {
  const children: Root['children'] = [];
  const lineRe = /[^\r\n]+/g;
  for (let m = lineRe.exec(src); m; m = lineRe.exec(src)) {
    let s = m.index;
    const e = m.index + m[0].length;
    for (;;) {
      const c = src.charCodeAt(s);
      if (s < e && (c === 32 || c === 9 || c === 62)) s++;
      else if (s + 1 < e && (c === 45 || c === 42 || c === 43) && (src.charCodeAt(s + 1) === 32 || src.charCodeAt(s + 1) === 9)) s += 2;
      else break;
    }
    if (s >= e) continue;
    const position = { start: point(src, s), end: point(src, e) };
    children.push({ type: 'paragraph', position, children: [{ type: 'text', value: src.slice(s, e), position }] });
  }
  return { type: 'root', children, position: { start: point(src, 0), end: point(src, src.length) } };
}

function point(_src: string, offset: number): { line: number; column: number; offset: number } {
  // Only offsets are read from these trees; line and column are placeholders.
  return { line: 1, column: offset + 1, offset };
}

const FENCE_LINE = /^(`{3,}|~{3,})([^\r\n]*)/;

/**
 * Whether the block is one fenced code block opened at the left margin (closed by its last line, or
 * never): it holds no prose, so it needs no parsing.
 */
export function fencedCodeOnly(src: string): boolean {
  const open = FENCE_LINE.exec(src);
  if (!open) return false;
  const fence = open[1]!;
  if (fence[0] === '`' && open[2]!.includes('`')) return false;
  const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  let s = open[0].length;
  while (s < src.length) {
    // Next line.
    if (src.charCodeAt(s) === 13 && src.charCodeAt(s + 1) === 10) s += 2;
    else s++;
    let e = s;
    while (e < src.length && src.charCodeAt(e) !== 10 && src.charCodeAt(e) !== 13) e++;
    if (close.test(src.slice(s, e))) return e === src.length;
    s = e;
  }
  return true;
}
