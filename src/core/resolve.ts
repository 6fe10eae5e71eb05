/**
 * The details a lint may defer (`LintOptions.deferDetails`): the text of each "rewrite as a
 * measurable outcome" fix (its template is chosen by ranking the clause library against the claim)
 * and each finding's clause suggestions and topics. `resolveFindings` makes them for the findings
 * asked about; a finding resolved is the finding an eager lint returns.
 */
import { claimTemplate } from './clauses/suggest.js';
import type { LintOptions } from './config/types.js';
import { enrichFinding } from './enrich.js';
import { TextMemo } from './memo.js';
import type { Finding, Fix, Locale, TextEdit } from './types.js';

/** Template snippets by locale and claim: every claim of a unit shares its unit's template. */
const snippets = new TextMemo<string>(50_000, 2_000_000);

function templateSnippet(claim: string, locale: Locale): string {
  const key = `${locale}\u0000${claim}`;
  let snippet = snippets.get(key);
  if (snippet === undefined) {
    snippet = claimTemplate(claim, locale).snippet;
    snippets.set(key, snippet);
  }
  return snippet;
}

/**
 * A copy of `fix` with its edits moved by `offset`; with `claim` (the finding's claim and the
 * locale it is read in), a pending text is written.
 */
export function placeFix(fix: Fix, offset: number, claim?: { claim: string; locale: Locale }): Fix {
  const moved = (e: TextEdit): TextEdit => ({ ...e, start: e.start + offset, end: e.end + offset });
  if (!claim || !fix.pending) return { ...fix, edits: fix.edits.map(moved) };
  const { pending, ...rest } = fix;
  const text = `${pending.before}${templateSnippet(claim.claim, claim.locale)}${pending.after}`;
  return { ...rest, edits: fix.edits.map((e, i) => (i === 0 ? { ...moved(e), text } : moved(e))) };
}

/**
 * Writes what a lint deferred into `findings` (in place) and returns them: the pending texts of
 * their fixes and their clause suggestions. `options` are the lint's (its custom clauses are
 * ranked with the built-in ones). Findings with nothing pending are left as they are.
 */
export function resolveFindings<T extends Finding>(findings: T[], options: LintOptions = {}): T[] {
  for (const f of findings) {
    const pending = f.pending;
    if (!pending) continue;
    delete f.pending;
    if (f.fixes.some((x) => x.pending)) f.fixes = f.fixes.map((x) => placeFix(x, 0, pending));
    enrichFinding(f, pending.claim, pending.locale, pending.docType, options);
  }
  return findings;
}
