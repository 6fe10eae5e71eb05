/**
 * `ignore` globs, matched with picomatch's POSIX build (pure JavaScript, no `node:path`).
 *
 * Paths are relative to the config file's folder, with `/` separators. Like `.gitignore`:
 * a pattern without `/` matches a file or folder name at any depth (`drafts` ignores every
 * `drafts` folder), a pattern ending in `/` matches a folder and everything under it, a leading
 * `/` anchors the pattern to the config folder, and `!pattern` re-includes; the last matching
 * pattern wins.
 */
import picomatch from 'picomatch/posix.js';

type Matcher = (path: string) => boolean;

const cache = new Map<string, { negated: boolean; match: Matcher }>();

function compile(glob: string): { negated: boolean; match: Matcher } {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  const anchored = pattern.startsWith('/');
  if (anchored) pattern = pattern.slice(1);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  const matchers: Matcher[] = [];
  const options = { dot: true };
  if (!anchored && !pattern.includes('/')) {
    // A bare name: match it as any path segment (the file itself or a folder above it).
    const name = picomatch(pattern, options);
    matchers.push((p) => p.split('/').some((segment) => name(segment)));
  } else {
    const whole = picomatch(pattern, options);
    const under = picomatch(`${pattern}/**`, options);
    matchers.push((p) => whole(p) || under(p));
  }
  const entry = { negated, match: (p: string) => matchers.some((m) => m(p)) };
  if (cache.size > 1000) cache.clear();
  cache.set(glob, entry);
  return entry;
}

/** Returns why `glob` is not a usable ignore pattern, or `undefined`. */
export function checkGlob(glob: string): string | undefined {
  const body = glob.replace(/^!?\/?/, '');
  if (body.trim() === '' || body === '/') return 'expected a non-empty glob pattern';
  if (glob.includes('\0')) return 'a glob pattern cannot contain a NUL character';
  if (/^[A-Za-z]:[\\/]/.test(glob) || glob.startsWith('//')) {
    return 'expected a pattern relative to the config file, not an absolute path';
  }
  if (glob.includes('\\')) return 'use `/` as the folder separator in glob patterns';
  if (unbalanced(body)) return 'unbalanced brackets or braces in glob pattern';
  try {
    picomatch.makeRe(body, { dot: true });
  } catch (e) {
    return `invalid glob pattern: ${(e as Error).message}`;
  }
  return undefined;
}

function unbalanced(glob: string): boolean {
  const pairs: Record<string, string> = { ']': '[', '}': '{', ')': '(' };
  const stack: string[] = [];
  for (const c of glob) {
    if (c === '[' || c === '{' || c === '(') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return true;
    }
  }
  return stack.length > 0;
}

/**
 * Whether `relPath` (relative to the config folder, `/`-separated) is ignored by `globs`.
 * Paths that leave the folder (`../x`) are never matched.
 */
export function matchesIgnore(relPath: string, globs: readonly string[]): boolean {
  const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (path === '' || path.startsWith('../') || path === '..') return false;
  let ignored = false;
  for (const glob of globs) {
    const { negated, match } = compile(glob);
    if (negated ? ignored : !ignored) {
      if (match(path)) ignored = !negated;
    }
  }
  return ignored;
}
