/**
 * Catastrophic-backtracking check for regular expressions that povlint did not write itself: term
 * patterns from a config file (checked and rejected with a message by the config loader) and from
 * lint options (ignored by the engine), and the patterns of the built-in vocabularies (checked by a
 * test). Pure: no `node:*`, so the config loader, the engine and a web worker share it.
 *
 * A pattern is accepted only when it is short, compiles, has no capturing groups (unless allowed)
 * and no back-references, has star height 1
 * (no quantified group that itself contains a quantifier), repeats no alternation whose branches
 * can start with the same character, and passes safe-regex2's star-height and repetition-count
 * analysis. The check is deliberately conservative: it may reject a pattern that is in fact linear,
 * never the reverse for the shapes above.
 */
import safeRegex from 'safe-regex2';

/** Longest pattern accepted by default, in UTF-16 code units. */
export const DEFAULT_MAX_PATTERN_LENGTH = 200;

/** Flags a term pattern is compiled with by default: case-insensitive, Unicode. */
export const DEFAULT_PATTERN_FLAGS = 'iu';

export interface RegexCheckOptions {
  /** Flags the pattern must compile with (default `iu`). */
  flags?: string;
  /** Longest accepted pattern (default 200). */
  maxLength?: number;
  /** Most quantifiers safe-regex2 accepts in one pattern (default 25). */
  repetitionLimit?: number;
  /**
   * Whether capturing groups are allowed (default false: a term pattern is one alternative of a
   * matcher that names its entry by group number, so it must use `(?:...)`).
   */
  captures?: boolean;
}

/** Returns why `pattern` is unsafe or invalid, or `undefined` when it is safe to run on any text. */
export function regexProblem(pattern: string, options: RegexCheckOptions = {}): string | undefined {
  const maxLength = options.maxLength ?? DEFAULT_MAX_PATTERN_LENGTH;
  if (pattern.length === 0) return 'expected a non-empty regular expression';
  if (pattern.length > maxLength) {
    return `regular expression is ${pattern.length} characters long; at most ${maxLength} are allowed`;
  }
  let groups: number;
  try {
    const flags = options.flags ?? DEFAULT_PATTERN_FLAGS;
    new RegExp(pattern, flags);
    groups = new RegExp(`${pattern}|`, flags).exec('')!.length - 1;
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  const shape = scanShape(pattern);
  if (shape.problem) return `unsafe regular expression (${shape.problem}); it could take exponential time on some text`;
  if (!safeRegex(shape.forAnalysis, { limit: options.repetitionLimit ?? 25 })) {
    return 'unsafe regular expression (nested or too many repetitions); it could take exponential time on some text';
  }
  if (groups > 0 && !options.captures) return 'capturing group: write `(?:...)` instead of `(...)`';
  return undefined;
}

/** Whether `pattern` is safe (see {@link regexProblem}). */
export function isSafeRegex(pattern: string, options: RegexCheckOptions = {}): boolean {
  return regexProblem(pattern, options) === undefined;
}

interface Group {
  /** The group's body contains a quantifier (directly or in a nested group). */
  quantified: boolean;
  /** Raw text of the top-level alternatives of the body, when it has a `|`. */
  alternatives: string[];
  /** Where the current alternative starts. */
  altStart: number;
}

/**
 * A single left-to-right scan. Escapes and character classes are atoms; a group closed by a
 * quantifier that can repeat must contain no quantifier and no alternation whose branches overlap.
 * Also returns the pattern for safe-regex2: lookbehinds written as plain groups (its parser does
 * not know them) and quantifiers that cannot repeat (`?`, `{0,1}`) left out.
 */
function scanShape(p: string): { problem?: string; forAnalysis: string } {
  const stack: Group[] = [{ quantified: false, alternatives: [], altStart: 0 }];
  let forAnalysis = '';
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      const next = p[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && p[i + 2] === '<')) return { problem: 'back-reference', forAnalysis };
      let end = i + 2;
      if (/[pPu]/.test(next) && p[i + 2] === '{') {
        const close = p.indexOf('}', i + 3);
        end = close < 0 ? p.length : close + 1;
      }
      forAnalysis += p.slice(i, end);
      i = markQuantified(p, end, top);
      forAnalysis += repeating(p, end);
      continue;
    }
    if (c === '[') {
      const end = skipClass(p, i);
      forAnalysis += p.slice(i, end);
      i = markQuantified(p, end, top);
      forAnalysis += repeating(p, end);
      continue;
    }
    if (c === '(') {
      // The group kind: (?: (?= (?! (?<= (?<! (?<name>
      const kind = /^\((?:\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(p.slice(i, i + 64));
      const open = kind ? kind[0] : '(';
      forAnalysis += open === '(?<=' || open === '(?<!' ? '(?:' : open;
      i += open.length;
      stack.push({ quantified: false, alternatives: [], altStart: i });
      continue;
    }
    if (c === '|') {
      top.alternatives.push(p.slice(top.altStart, i));
      top.altStart = i + 1;
      forAnalysis += c;
      i += 1;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { quantified: false, alternatives: [], altStart: i };
      if (group.alternatives.length > 0) group.alternatives.push(p.slice(group.altStart, i));
      const q = quantifierAt(p, i + 1);
      if (q.repeats && group.quantified) return { problem: 'nested quantifier', forAnalysis };
      if (q.repeats && group.alternatives.length > 0 && !disjointLiterals(group.alternatives)) {
        return { problem: 'repeated alternation whose branches can match the same text', forAnalysis };
      }
      const parent = stack[stack.length - 1]!;
      if (q.length > 0 || group.quantified) parent.quantified = true;
      forAnalysis += ')' + repeating(p, i + 1);
      i += 1 + q.length;
      continue;
    }
    const q = quantifierAt(p, i);
    if (q.length > 0) {
      top.quantified = true;
      forAnalysis += repeating(p, i);
      i += q.length;
      continue;
    }
    forAnalysis += c;
    i += 1;
  }
  return { forAnalysis };
}

/**
 * The quantifier at `i` when it can repeat, else nothing: safe-regex2 counts `?` as a repetition,
 * so `(?:\w+\s)?` would read as star height 2 although it cannot backtrack more than once.
 */
function repeating(p: string, i: number): string {
  const q = quantifierAt(p, i);
  return q.repeats ? p.slice(i, i + q.length) : '';
}

/** Skips the quantifier after an atom ending at `end`, marking the group quantified if there is one. */
function markQuantified(p: string, end: number, group: Group): number {
  const q = quantifierAt(p, end);
  if (q.length > 0) group.quantified = true;
  return end + q.length;
}

function skipClass(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === ']') i += 1;
  while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, p.length);
}

/**
 * Whether alternatives are plain literal text (escaped punctuation allowed) that start with
 * pairwise different characters, ignoring case: then one character decides which branch an
 * iteration takes, and repeating the alternation cannot backtrack across branches.
 */
function disjointLiterals(alternatives: readonly string[]): boolean {
  const firsts = new Set<string>();
  for (const alt of alternatives) {
    if (!/^(?:[^\\[\](){}|.*+?^$]|\\[^\w\s])+$/u.test(alt)) return false;
    const first = (alt[0] === '\\' ? alt[1]! : String.fromCodePoint(alt.codePointAt(0)!)).toLowerCase();
    if (firsts.has(first)) return false;
    firsts.add(first);
  }
  return true;
}

/** The quantifier starting at `i` (with a lazy `?`), and whether it can repeat more than once. */
function quantifierAt(p: string, i: number): { length: number; repeats: boolean } {
  const c = p[i];
  let length = 0;
  let repeats = false;
  if (c === '*' || c === '+') {
    length = 1;
    repeats = true;
  } else if (c === '?') {
    length = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
    if (m) {
      length = m[0].length;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      repeats = max > 1;
    }
  }
  if (length > 0 && p[i + length] === '?') length += 1;
  return { length, repeats };
}
