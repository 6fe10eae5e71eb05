import type { OutcomePart } from '../types.js';

/** One recogniser: a named, safe regular expression and the outcome parts it supplies. */
export interface Recogniser {
  id: string;
  parts: OutcomePart[];
  /** Regular-expression source, matched case-insensitively (with the `u` flag). */
  pattern: string;
}

export interface Measurement {
  id: string;
  parts: OutcomePart[];
  /** Offsets in the unit's text. */
  start: number;
  end: number;
  text: string;
}
