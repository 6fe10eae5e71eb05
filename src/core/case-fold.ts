/**
 * Case-insensitive stand-ins as case-sensitive patterns over lower-cased text. V8 compiles a long
 * case-insensitive alternation (the candidate test's parts, the rules' sticky patterns) to machine
 * code at about twice the cost of the same alternation in one case, and every cold lint pays that
 * once per pattern. The stand-ins (unicode-regex.ts) have no cased letters beyond ASCII, and they
 * run only on texts without `NEEDS_UNICODE`. On such a text, a case-insensitive pattern without the
 * `u` flag matches an ASCII letter of the pattern exactly where the text has that letter in either
 * case: no other character of the text is equated with an ASCII letter (the only ones Unicode
 * equates, U+017F and U+212A, are in `NEEDS_UNICODE`). Lower-casing the text keeps that, and keeps
 * every other character's class (no ASCII character comes from lower-casing one beyond ASCII but
 * U+212A, and U+0130 becomes two characters, which `lowerText` refuses). So the pattern with its
 * letters in lower case and without `i`, run on the lower-cased text, finds the same matches at
 * the same offsets. Patterns where that does not hold are left alone: a class range from a capital
 * to something else (`[A-z]` also holds punctuation), a back-reference, a named group.
 */

import { casedBeyondAscii } from './unicode-regex.js';

/** Lower-cased `text`, or undefined when lower-casing changes its length (U+0130 becomes two characters). */
export function lowerText(text: string): string | undefined {
  const low = text.toLowerCase();
  return low.length === text.length ? low : undefined;
}

const A = 65;
const Z = 90;
const isCapital = (c: number): boolean => c >= A && c <= Z;

/**
 * The source of a case-insensitive pattern (no `u` flag) with its ASCII letters in lower case, to
 * run without `i` on lower-cased text; undefined when the pattern cannot be read that way (a cased
 * letter beyond ASCII, a class range from a capital to anything but a capital, a back-reference or
 * a named group).
 */
export function foldedSource(source: string): string | undefined {
  // Back-references compare the text captured, which lower-casing could make equal or not; named
  // groups would change their names.
  if (BACK_REFERENCE.test(source) || NAMED_GROUP.test(source)) return undefined;
  if (casedBeyondAscii(source)) return undefined;
  // A range with a capital at one end and not at the other spans more than letters (`[A-z]`).
  let inClass = false;
  for (let i = source.indexOf('['); i >= 0 && i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \\ */) i++;
    else if (c === 91 /* [ */) inClass = true;
    else if (c === 93 /* ] */) inClass = false;
    else if (inClass && c === 45 /* - */ && source[i - 1] !== '[' && source[i + 1] !== ']') {
      if (source[i - 2] !== '\\' && source[i + 1] !== '\\' && isCapital(source.charCodeAt(i - 1)) !== isCapital(source.charCodeAt(i + 1))) return undefined;
    }
  }
  // Every letter in lower case but those right after a backslash (`\S`, `\W`, `\B`, `\D` differ
  // from their lower case); what follows an escape's letter is read as any other text (`\u00A0`
  // and `\u00a0` are the same).
  const low = source.toLowerCase();
  let out = '';
  let from = 0;
  ESCAPED_CAPITAL.lastIndex = 0;
  for (let m = ESCAPED_CAPITAL.exec(source); m; m = ESCAPED_CAPITAL.exec(source)) {
    // A backslash escaping a backslash does not escape the letter after it.
    let slashes = 0;
    for (let j = m.index; j >= 0 && source.charCodeAt(j) === 92; j--) slashes++;
    if (slashes % 2 === 0) continue;
    out += low.slice(from, m.index + 1) + m[0][1];
    from = m.index + 2;
  }
  return from === 0 ? low : out + low.slice(from);
}

const BACK_REFERENCE = /\\(?:[1-9]|k<)/;
const NAMED_GROUP = /\(\?<[A-Za-z$_]/;
const ESCAPED_CAPITAL = /\\[A-Z]/g;

const FOLDED = new WeakMap<RegExp, RegExp | null>();

/**
 * `re` (case-insensitive, without `u`) as a case-sensitive pattern for lower-cased text, made once
 * per pattern; undefined when it has none (`foldedSource`), or `re` is not case-insensitive or has `u`.
 */
export function folded(re: RegExp): RegExp | undefined {
  let out = FOLDED.get(re);
  if (out === undefined) {
    const source = re.flags.includes('i') && !re.flags.includes('u') ? foldedSource(re.source) : undefined;
    out = source === undefined ? null : new RegExp(source, re.flags.replace('i', ''));
    FOLDED.set(re, out);
  }
  return out ?? undefined;
}
