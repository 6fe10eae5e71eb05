/**
 * Faster stand-ins for `u`-flag regular expressions. V8 runs a case-insensitive pattern several
 * times faster without the `u` flag. Without it, a pattern whose letters are ASCII behaves the
 * same on any text free of U+017F and U+212A (the only characters Unicode case folding equates
 * with ASCII letters) and of surrogates (which `u` reads as one character), so callers use the
 * stand-in only on such texts.
 */

/** A text on which a stand-in may differ from its `u` original. */
export const NEEDS_UNICODE = /[\u017F\u212A\uD800-\uDFFF]/;

/** Whether `source` holds a letter beyond ASCII that has a case (`é`, `Σ`; not `中`). */
export function casedBeyondAscii(source: string): boolean {
  BEYOND_ASCII.lastIndex = 0;
  for (let m = BEYOND_ASCII.exec(source); m; m = BEYOND_ASCII.exec(source)) if (m[0].toLowerCase() !== m[0].toUpperCase()) return true;
  return false;
}
const BEYOND_ASCII = /[\u0080-\u{10FFFF}]/gu;

/** Whether `source` means the same without the `u` flag (on texts without `NEEDS_UNICODE`). */
function portable(source: string): boolean {
  return !/\\[pPu]\{|\\k</.test(source) && !casedBeyondAscii(source);
}

/** `source` compiled without `u`, or `undefined` when it would mean something else. */
export function withoutUnicode(source: string, flags: string): RegExp | undefined {
  if (!portable(source)) return undefined;
  try {
    return new RegExp(source, flags.replace('u', ''));
  } catch {
    return undefined;
  }
}

/** The word-character class of the vocabularies' term boundaries, and its ASCII subset. */
export const UNICODE_WORD = '[\\p{L}\\p{N}_]';
const ASCII_WORD = '[A-Za-z0-9_]';

/**
 * A stand-in that matches wherever the original does (and possibly elsewhere): term boundaries
 * `[\p{L}\p{N}_]` become their ASCII subset, so a negative look-around rejects no more than
 * before. For cheap "can this match at all" tests, on texts without `NEEDS_UNICODE`.
 */
export function looserWithoutUnicode(source: string, flags: string): RegExp | undefined {
  return withoutUnicode(source.split(UNICODE_WORD).join(ASCII_WORD), flags);
}

/**
 * The stand-in `looserWithoutUnicode` makes, for a source known to have one (its checks already
 * passed, as a vocabulary plan records): the same pattern, made without checking again.
 */
export function looserSource(source: string, flags: string): RegExp {
  return new RegExp(source.split(UNICODE_WORD).join(ASCII_WORD), flags.replace('u', ''));
}

/** A pattern's exact form and its faster stand-in (see above). */
export interface WithStandIn {
  /** The exact pattern: made on first use when there is a stand-in (V8 checks a long `u` pattern's syntax when it is made). */
  readonly exact: RegExp;
  /** The stand-in, made now, or undefined when the pattern has none (then the exact one is made now). */
  readonly standIn: RegExp | undefined;
}

/** `source` with its stand-in (`withoutUnicode` or `looserWithoutUnicode`); most texts are read by the stand-in alone. */
export function withStandIn(source: string, flags: string, standInOf: (source: string, flags: string) => RegExp | undefined): WithStandIn {
  const standIn = standInOf(source, flags);
  let exact: RegExp | undefined = standIn ? undefined : new RegExp(source, flags);
  return {
    get exact() {
      return (exact ??= new RegExp(source, flags));
    },
    standIn,
  };
}
