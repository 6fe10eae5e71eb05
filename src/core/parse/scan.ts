import { FENCE_RUN } from './syntax.js';
import { warm } from '../regex-warm.js';
/**
 * A structure-aware pre-scan that splits a document into blocks without running the Markdown
 * parser: runs of non-blank lines, kept whole across fenced code, HTML comments and raw-HTML
 * blocks, with indented continuation lines (list item bodies, indented code) attached to the block
 * before them. Every block boundary is a state where the scanner holds nothing open, so a scan can
 * restart at any boundary: that is what makes incremental re-linting exact.
 */

export type BlockKind = 'frontmatter' | 'content';

export interface Block {
  kind: BlockKind;
  /** 0-based offset of the first character (always the start of a line). */
  start: number;
  /** Offset just past the last character of the last non-blank line (line ending excluded). */
  end: number;
}

// Each part must start with a different character, so a failed match backtracks in linear time.
const FENCE_OPEN = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})/;
const LIST_MARKER = /^ {0,3}(?:[-*+]|(\d{1,9})[.)])(?:[ \t]|$)/;

/** `bullet` or `ordered` when the line starts a top-level list item, else null. */
function listKind(line: string): 'bullet' | 'ordered' | null {
  const m = LIST_MARKER.exec(line);
  return m ? (m[1] ? 'ordered' : 'bullet') : null;
}

const RAW_HTML_OPEN = /^[ \t]{0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;

/** A line that may close a fence (its run is checked against the opener's), and one at the left margin. */
const FENCE_CLOSE = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})[ \t]*$/;
const FENCE_AT_MARGIN = /^ {0,3}[`~]/;
/**
 * A line that may open a container whose content can go on after a blank line: a list item at any
 * depth, or a footnote definition.
 */
const CONTAINER_LINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|\[\^)/;
/** A line that may open an HTML block, which a fence line would not end. */
const HTML_LINE = /^ {0,3}</;

interface LineCursor {
  text: string;
  pos: number;
  /**
   * The offset of the first CR at or after an earlier `pos` (the text's length when there is
   * none): while it is not before `pos`, no CR lies between them. Line ends are found with indexOf.
   */
  cr?: number;
  /** The last line read: its start and the end of its content (before the line break). */
  start: number;
  end: number;
}

function cursor(text: string, pos: number): LineCursor {
  return { text, pos, start: pos, end: pos };
}

/**
 * Reads the next line into `c.start` and `c.end` and moves `c.pos` to the line after it; false at
 * the end of the text. (Fields, not a tuple: a scan reads every line of the window it re-scans.)
 */
function nextLine(c: LineCursor): boolean {
  const { text } = c;
  const start = c.pos;
  if (start >= text.length) return false;
  const n = text.length;
  if (c.cr === undefined || c.cr < start) {
    const cr = text.indexOf('\r', start);
    c.cr = cr < 0 ? n : cr;
  }
  let i = text.indexOf('\n', start);
  if (i < 0 || i > c.cr) i = c.cr;
  let next = i;
  if (i < n) next = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  c.pos = next;
  c.start = start;
  c.end = i;
  return true;
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
}

/** End of the front matter block whose opener line starts at `start` (-1 when there is none). */
function frontMatterEnd(text: string, start: number): number {
  const c = cursor(text, start);
  if (!nextLine(c)) return -1;
  const opener = text.slice(c.start, c.end).trimEnd();
  if (opener !== '---' && opener !== '+++') return -1;
  const closers = opener === '---' ? ['---', '...'] : ['+++'];
  while (nextLine(c)) {
    const t = text.slice(c.start, c.end).trimEnd();
    if (closers.includes(t)) return c.end;
  }
  return -1;
}

/**
 * End of the document's front matter (-1 when there is none). A first line of `---` or `+++`
 * becomes front matter as soon as a closing line appears anywhere after it.
 */
export function frontMatterAtStart(text: string): number {
  return frontMatterEnd(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/** Whether the first line of the text (after a BOM) could open front matter. */
export function opensFrontMatter(text: string): boolean {
  const s = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const c = text.charCodeAt(s);
  if (c !== 45 && c !== 43) return false;
  let e = s;
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  const line = text.slice(s, e).trimEnd();
  return line === '---' || line === '+++';
}

/**
 * Scans from `from` (which must be 0 or a block boundary: the start of a line outside any open
 * construct) and calls `onBlock` for each block. `onBlock` returns false to stop the scan early.
 */
export function scanBlocks(text: string, from = 0, onBlock?: (b: Block) => boolean | void): Block[] {
  const out: Block[] = [];
  const emit = (b: Block): boolean => {
    if (onBlock && onBlock(b) === false) return false;
    out.push(b);
    return true;
  };
  let pos = from;
  if (from === 0) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const fmEnd = frontMatterEnd(text, bom);
    if (fmEnd > 0) {
      if (!emit({ kind: 'frontmatter', start: 0, end: fmEnd })) return out;
      const c = cursor(text, fmEnd);
      nextLine(c);
      pos = c.pos;
    }
  }
  const c = cursor(text, pos);
  let blockStart = -1;
  let blockEnd = -1;
  let pending: Block | null = null; // the last closed block, kept until we know no indented line continues it
  /** `pending` ended with a fence at the left margin: nothing continues it. */
  let pendingFenced = false;
  /** Some line of the current block (or of `pending`) may have opened an HTML block. */
  let blockHtml = false;
  let pendingHtml = false;
  /** Some line of the current block (or of `pending`) may have opened a list item or footnote. */
  let blockContainer = false;
  let pendingContainer = false;
  /** The list kind of `pending`'s first line: a next item of that kind starts a block, even indented. */
  let pendingList: 'bullet' | 'ordered' | null = null;
  /** The open fence starts its block at the left margin (so its closing line ends the block). */
  let fenceAtMargin = false;
  let fence: { ch: string; len: number } | null = null;
  let inComment = false;
  let rawHtml: string | null = null;
  /** The list kind of the current block's first line: a list is split into one block per item. */
  let blockList: 'bullet' | 'ordered' | null = null;
  const lineAt = (start: number): string => {
    const c2 = cursor(text, start);
    return nextLine(c2) ? text.slice(c2.start, c2.end) : '';
  };

  while (nextLine(c)) {
    const ls = c.start;
    const le = c.end;
    if (fence) {
      blockEnd = le;
      const m = FENCE_CLOSE.exec(text.slice(ls, le));
      if (m && m[1]![0] === fence.ch && m[1]!.length >= fence.len) {
        fence = null;
        if (fenceAtMargin && FENCE_AT_MARGIN.test(text.slice(ls, le))) {
          // A fenced code block at the left margin ends its block: the next line starts afresh.
          if (pending && !emit(pending)) return out;
          pending = { kind: 'content', start: blockStart, end: blockEnd };
          pendingFenced = true;
          pendingHtml = false;
          pendingContainer = false;
          blockStart = -1;
        }
        fenceAtMargin = false;
      }
      continue;
    }
    if (inComment) {
      blockEnd = le;
      if (text.slice(ls, le).includes('-->')) inComment = false;
      continue;
    }
    if (rawHtml) {
      blockEnd = le;
      if (text.slice(ls, le).toLowerCase().includes(`</${rawHtml}>`)) rawHtml = null;
      continue;
    }
    if (isBlank(text, ls, le)) {
      if (blockStart >= 0) {
        if (pending && !emit(pending)) return out;
        pending = { kind: 'content', start: blockStart, end: blockEnd };
        pendingFenced = false;
        pendingHtml = blockHtml;
        pendingContainer = blockContainer;
        pendingList = blockList;
        blockStart = -1;
      }
      continue;
    }
    const lineText = text.slice(ls, le);
    if (blockStart < 0) {
      const ch = text.charCodeAt(ls);
      const item = ch === 32 ? listKind(lineText) : null;
      if (pending && !pendingFenced && pendingContainer && (ch === 32 || ch === 9) && !(item && item === pendingList)) {
        // An indented line after a blank line may continue a list item (or footnote) of the
        // previous block. (After any other block it starts a new one: a paragraph, a list or
        // indented code; and a list item like the one the block starts with, nested or not, is a
        // block of its own, as without the blank line.)
        blockStart = pending.start;
        blockHtml = pendingHtml;
        blockContainer = true;
        pending = null;
        blockList = listKind(lineAt(blockStart));
      } else {
        if (pending && !emit(pending)) return out;
        pending = null;
        blockStart = ls;
        blockHtml = false;
        blockContainer = false;
        blockList = listKind(lineText);
      }
    } else if (blockList && listKind(lineText) === blockList) {
      // The next item of a list: each item is its own block, so an edit re-reads one item only.
      if (!emit({ kind: 'content', start: blockStart, end: blockEnd })) return out;
      blockStart = ls;
      blockHtml = false;
      blockContainer = false;
    }
    if (!blockContainer && CONTAINER_LINE.test(lineText)) blockContainer = true;
    const f = lineText.includes('``') || lineText.includes('~~') ? FENCE_OPEN.exec(lineText) : null;
    if (f && !(f[1]![0] === '`' && lineText.slice(f.index + f[0].length).includes('`'))) {
      if (FENCE_RUN.test(lineText) && !blockHtml) {
        // A fence at the left margin ends whatever came before it: it starts a block of its own.
        if (blockStart < ls) {
          if (!emit({ kind: 'content', start: blockStart, end: blockEnd })) return out;
          blockStart = ls;
          blockList = null;
          blockContainer = false;
        }
        fenceAtMargin = true;
      }
      blockEnd = le;
      fence = { ch: f[1]![0]!, len: f[1]!.length };
      continue;
    }
    blockEnd = le;
    const lt = lineText.includes('<');
    if (lt && HTML_LINE.test(lineText)) blockHtml = true;
    if (!lt) continue;
    const open = lineText.lastIndexOf('<!--');
    if (open >= 0 && !lineText.includes('-->', open + 4)) {
      inComment = true;
      continue;
    }
    const h = warm(RAW_HTML_OPEN, lineText).exec(lineText);
    if (h && !lineText.toLowerCase().includes(`</${h[1]!.toLowerCase()}>`)) rawHtml = h[1]!.toLowerCase();
  }
  if (blockStart >= 0) {
    if (pending && !emit(pending)) return out;
    pending = { kind: 'content', start: blockStart, end: blockEnd };
  }
  if (pending) emit(pending);
  return out;
}
