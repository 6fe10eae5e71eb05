/**
 * Safety check for regular expressions that come from a config file. A workspace file must never
 * be able to hang the linter: the config loader rejects an unsafe pattern with the reason, and the
 * engine ignores one passed in lint options, through the same checker (../regex-safety.ts).
 */
import { DEFAULT_MAX_PATTERN_LENGTH, DEFAULT_PATTERN_FLAGS, regexProblem } from '../regex-safety.js';

/** Longest pattern accepted from a config file, in UTF-16 code units. */
export const MAX_PATTERN_LENGTH = DEFAULT_MAX_PATTERN_LENGTH;

/** Flags a config pattern is compiled with: case-insensitive, Unicode. */
export const PATTERN_FLAGS = DEFAULT_PATTERN_FLAGS;

/** Returns why `pattern` is rejected, or `undefined` when it is safe to run on any text. */
export function checkPattern(pattern: string): string | undefined {
  return regexProblem(pattern, { maxLength: MAX_PATTERN_LENGTH, flags: PATTERN_FLAGS });
}
