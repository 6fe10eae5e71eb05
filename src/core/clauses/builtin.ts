import type { Locale } from '../types.js';
import { BUILTIN_CLAUSES } from './builtin.generated.js';
import type { Clause } from './types.js';

/** The clauses shipped with povlint (bundled as data, so no file system is needed), optionally of one locale. */
export function builtinClauses(locale?: Locale): Clause[] {
  return locale ? BUILTIN_CLAUSES.filter((c) => c.locale === locale) : [...BUILTIN_CLAUSES];
}
