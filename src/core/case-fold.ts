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
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      // Back-references compare the text captured, which lower-casing could make equal or not.
      if ((next >= '1' && next <= '9') || next === 'k') return undefined;
      // An escape keeps its letter (`\S`, `\W`, `\B`, `\D` differ from their lower case); the
      // characters after it are read on, as any other (`\u00A0` and `\u00a0` are the same).
      out += ch + next;
      i++;
      continue;
    }
    if (ch === '(' && source[i + 1] === '?' && source[i + 2] === '<' && /[A-Za-z$_]/.test(source[i + 3] ?? '')) return undefined;
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    else if (inClass && ch === '-' && i > 0 && source[i + 1] !== ']' && source[i - 1] !== '[') {
      // A range: a capital at one end and not at the other spans more than letters.
      const from = source.charCodeAt(i - 1);
      const to = source.charCodeAt(i + 1);
      if (source[i - 2] !== '\\' && source[i + 1] !== '\\' && isCapital(from) !== isCapital(to)) return undefined;
    }
    if (ch > '\u007F' && ch.toLowerCase() !== ch.toUpperCase()) return undefined;
    out += ch.toLowerCase();
  }
  return out;
}

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
