/**
 * Safety check for regular expressions that come from a config file. A workspace file must never
 * be able to hang the linter, so a pattern is accepted only when it is short, compiles, has no
 * back-references and no quantified group that itself repeats or alternates (the shapes that
 * backtrack catastrophically), and passes safe-regex2's star-height analysis.
 */
import safeRegex from 'safe-regex2';

/** Longest pattern accepted from a config file, in UTF-16 code units. */
export const MAX_PATTERN_LENGTH = 200;

/** Flags a config pattern is compiled with: case-insensitive, Unicode. */
export const PATTERN_FLAGS = 'iu';

/** Returns why `pattern` is rejected, or `undefined` when it is safe to run on any text. */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return 'expected a non-empty regular expression';
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `regular expression is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`;
  }
  try {
    new RegExp(pattern, PATTERN_FLAGS);
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
  const shape = unsafeShape(pattern);
  if (shape) return `unsafe regular expression (${shape}); it could take exponential time on some text`;
  if (!safeRegex(pattern, { limit: 25 })) {
    return 'unsafe regular expression (nested or too many repetitions); it could take exponential time on some text';
  }
  return undefined;
}

interface Group {
  /** The group's body contains a quantifier. */
  quantified: boolean;
  /** The group's body contains a top-level `|`. */
  alternates: boolean;
}

/**
 * A single left-to-right scan: escapes and character classes are skipped; a group closed by an
 * unbounded or multi-count quantifier must contain neither a quantifier nor an alternation.
 */
function unsafeShape(p: string): string | undefined {
  const stack: Group[] = [{ quantified: false, alternates: false }];
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      const next = p[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && p[i + 2] === '<')) return 'back-reference';
      i += 2;
      continue;
    }
    if (c === '[') {
      i = skipClass(p, i);
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternates: false });
      // Skip the group kind: (?: (?= (?! (?<= (?<! (?<name>
      const kind = /^\((?:\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(p.slice(i, i + 64));
      i += kind ? kind[0].length : 1;
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1]!.alternates = true;
      i += 1;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { quantified: false, alternates: false };
      const q = quantifierAt(p, i + 1);
      if (q.repeats && group.quantified) return 'nested quantifier';
      if (q.repeats && group.alternates) return 'repeated alternation';
      if (q.length > 0 || group.quantified) stack[stack.length - 1]!.quantified = true;
      i += 1 + q.length;
      continue;
    }
    const q = quantifierAt(p, i);
    if (q.length > 0) {
      stack[stack.length - 1]!.quantified = true;
      i += q.length;
      continue;
    }
    i += 1;
  }
  return undefined;
}

function skipClass(p: string, start: number): number {
  let i = start + 1;
  while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
  return i + 1;
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
