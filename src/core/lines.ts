import type { Position } from './types.js';

/** Line starts of a text (LF, CRLF and CR endings), for offset → line/column. */
export class LineIndex {
  readonly starts: number[];
  constructor(text: string, from = 0, to = text.length) {
    const starts = [from];
    const cr = text.indexOf('\r', from);
    if (cr < 0 || cr >= to) {
      // LF only: let indexOf find the line ends.
      for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    // CRs too: indexOf finds each ending, keeping the position of the next CR (-1: no more).
    let next = cr;
    for (let i = from; i < to; ) {
      if (next !== -1 && next < i) next = text.indexOf('\r', i);
      let e = text.indexOf('\n', i);
      if (next !== -1 && (e < 0 || next < e)) e = next;
      if (e < 0 || e >= to) break;
      if (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10) e++;
      starts.push(e + 1);
      i = e + 1;
    }
    this.starts = starts;
  }

  /** The 0-based line of an offset and the offset where that line starts. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const lo = this.lineOf(offset);
    return { line: lo + 1, column: offset - this.starts[lo]! + 1, offset };
  }
}

/**
 * Line breaks in `text` from `from` (a line start) up to `to`, counted exactly as `LineIndex`
 * counts them (a CRLF pair is one break).
 */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  return n;
}

/** 1-based line and column (UTF-16 code units) of a 0-based offset; `\r\n`, `\n` and `\r` end lines. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const { line, column } = new LineIndex(text).position(Math.max(0, Math.min(offset, text.length)));
  return { line, column };
}

/** A line of a text: its start and the offset of its line ending (or the text's end). */
export interface LineSpan {
  start: number;
  end: number;
}

/** The lines of a text, each without its ending; LF, CRLF and CR each end one. */
export function lineSpans(src: string): LineSpan[] {
  const out: LineSpan[] = [];
  const n = src.length;
  let start = 0;
  // The next CR at or after `start` (n when none): line ends are found with indexOf.
  let cr = -1;
  for (;;) {
    if (cr < start) {
      cr = src.indexOf('\r', start);
      if (cr < 0) cr = n;
    }
    let i = src.indexOf('\n', start);
    if (i < 0 || i > cr) i = cr;
    if (i >= n) break;
    out.push({ start, end: i });
    start = src.charCodeAt(i) === 13 && src.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  out.push({ start, end: n });
  return out;
}

/**
 * Index of the last of `count` items, in ascending order of `startOf`, that starts at or before
 * `offset` (-1 when none): the block, piece or line an offset falls in.
 */
export function lastStartAtOrBefore(count: number, startOf: (i: number) => number, offset: number): number {
  return firstAtOrAfter(count, startOf, offset + 1) - 1;
}

/**
 * Index of the first of `count` items, in ascending order of `keyOf`, whose key is `value` or more
 * (`count` when none). Keys are integers (offsets, indices).
 */
export function firstAtOrAfter(count: number, keyOf: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
