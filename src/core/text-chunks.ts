/**
 * A long text held as a list of pieces, so that an edit copies one piece instead of the whole
 * text. (A string built as `old.slice(0, at) + insert + old.slice(at + n)` is copied in full the
 * next time it is read: for a 1 MB document that copy, and the garbage it leaves, cost more than
 * re-linting the edited block.) The whole text is joined only when somebody asks for it.
 */

import { lastStartAtOrBefore } from './lines.js';

/** Target size of a piece, in UTF-16 code units. */
export const PIECE = 16_384;

export class TextChunks {
  private pieces: string[];
  /** Offset of each piece's first code unit. */
  private starts: number[];
  private size: number;
  private whole: string | undefined;

  /** `piece`: the target size of a piece (tests use tiny ones to cross piece boundaries often). */
  constructor(
    text: string,
    private readonly piece = PIECE,
  ) {
    this.pieces = [];
    this.starts = [];
    for (let s = 0; s < text.length; s += piece) {
      this.starts.push(s);
      this.pieces.push(text.slice(s, s + piece));
    }
    if (this.pieces.length === 0) {
      this.starts.push(0);
      this.pieces.push('');
    }
    this.size = text.length;
    this.whole = text;
  }

  get length(): number {
    return this.size;
  }

  /** The whole text (joined once after each edit, when first asked for). */
  text(): string {
    if (this.whole === undefined) this.whole = this.pieces.join('');
    return this.whole;
  }

  /** Index of the piece holding `offset` (the last piece for the end of the text). */
  pieceAt(offset: number): number {
    return Math.max(0, lastStartAtOrBefore(this.starts.length, (i) => this.starts[i]!, offset));
  }

  startOf(piece: number): number {
    return this.starts[piece]!;
  }

  get pieceCount(): number {
    return this.pieces.length;
  }

  /** The text of pieces `from` to `to` (inclusive), joined. */
  span(from: number, to: number): string {
    return from === to ? this.pieces[from]! : this.pieces.slice(from, to + 1).join('');
  }

  /** The text from `start` to `end`. */
  slice(start: number, end: number): string {
    if (this.whole !== undefined) return this.whole.slice(start, end);
    start = Math.max(0, Math.min(start, this.size));
    end = Math.max(start, Math.min(end, this.size));
    const a = this.pieceAt(start);
    const b = this.pieceAt(Math.max(start, end - 1));
    const base = this.starts[a]!;
    return this.span(a, b).slice(start - base, end - base);
  }

  /**
   * Replaces pieces `from` to `to` (inclusive) with `text`, which starts where piece `from`
   * started; `delta` is the change in length. A long replacement is cut into pieces again.
   */
  replace(from: number, to: number, text: string, delta: number): void {
    const base = this.starts[from]!;
    const pieces: string[] = [];
    const starts: number[] = [];
    if (text.length <= 2 * this.piece) {
      pieces.push(text);
      starts.push(base);
    } else {
      for (let s = 0; s < text.length; s += this.piece) {
        pieces.push(text.slice(s, s + this.piece));
        starts.push(base + s);
      }
    }
    if (pieces.length === 0) {
      pieces.push('');
      starts.push(base);
    }
    for (let i = to + 1; i < this.starts.length; i++) this.starts[i]! += delta;
    this.pieces.splice(from, to - from + 1, ...pieces);
    this.starts.splice(from, to - from + 1, ...starts);
    // An emptied piece between others is dropped (a later piece starting at the same offset would
    // make `pieceAt` ambiguous).
    for (let i = this.pieces.length - 1; i >= 0 && this.pieces.length > 1; i--) {
      if (this.pieces[i] === '') {
        this.pieces.splice(i, 1);
        this.starts.splice(i, 1);
      }
    }
    this.size += delta;
    this.whole = undefined;
  }
}
