/** Editor-neutral positions: what the adapter turns into `vscode.Range`. Pure, no `vscode` import. */
import type { Position } from '../../core/host.js';

/** 0-based line and character (UTF-16), as in the editor API. */
export interface LineChar {
  line: number;
  character: number;
}

export interface RangeData {
  start: LineChar;
  end: LineChar;
}

/** A finding position (1-based line and column) as an editor position (0-based). */
export function toLineChar(p: Position): LineChar {
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
}

export function toRangeData(start: Position, end: Position): RangeData {
  return { start: toLineChar(start), end: toLineChar(end) };
}

/** The line ending a document mostly uses, for text we insert into it. */
export function eolOf(text: string): '\n' | '\r\n' {
  const firstLf = text.indexOf('\n');
  return firstLf > 0 && text[firstLf - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the start of the line that contains `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(Math.max(0, offset), text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the end of the line that contains `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.min(Math.max(0, offset), text.length);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offset just after the line break that ends the line at `offset`, or the text length. */
function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return text.length;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

/**
 * The end of the paragraph (block of non-blank lines) containing `offset`: the offset just before
 * the line break of its last line, so text inserted there follows the paragraph.
 */
export function paragraphEndAt(text: string, offset: number): number {
  let lineEnd = lineEndAt(text, offset);
  for (;;) {
    const next = nextLineStart(text, lineEnd);
    if (next >= text.length) return lineEnd;
    const nextEnd = lineEndAt(text, next);
    if (text.slice(next, nextEnd).trim() === '') return lineEnd;
    lineEnd = nextEnd;
  }
}

/** Applies non-overlapping edits given as offsets into `text` (for tests and previews). */
export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
