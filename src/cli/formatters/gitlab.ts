/**
 * GitLab Code Quality: a JSON array of issues (`description`, `check_name`, `fingerprint`,
 * `severity`, `location.path`, `location.lines.begin`), the subset of the Code Climate spec that
 * GitLab reads for its merge request widget. Written as a stream, one issue per line.
 *
 * The fingerprint is the baseline key (document, rule, term, unit text) plus the occurrence of that
 * key in the document, hashed: it stays the same when text elsewhere moves, so GitLab tells new
 * findings from old ones across commits, and two identical claims in one document stay two issues.
 */
import { createHash } from 'node:crypto';
import type { Finding, FindingKey, Severity } from '../../core/index.js';
import type { FileResult, Formatter, FormatterContext } from './types.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const GITLAB_SEVERITY: Record<Severity, GitlabSeverity> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/** The fingerprint of the `occurrence`-th (0-based) finding with `key` in the document at `path`. */
export function gitlabFingerprint(path: string, key: FindingKey, occurrence: number): string {
  return createHash('md5').update(JSON.stringify([path, key.rule, key.term, key.text, occurrence])).digest('hex');
}

export function gitlab(ctx: FormatterContext): Formatter {
  let count = 0;
  const issue = (path: string, f: Finding, fingerprint: string) => ({
    description: f.message,
    check_name: f.ruleId,
    fingerprint,
    severity: GITLAB_SEVERITY[f.severity],
    location: { path, lines: { begin: f.start.line, end: f.end.line } },
  });
  return {
    begin() {
      ctx.write('[');
    },
    file({ path, findings, keys }: FileResult) {
      const seen = new Map<string, number>();
      findings.forEach((f, i) => {
        // Keys are always passed for this format; the position is a fallback that cannot collide.
        const key = keys?.[i] ?? { rule: f.ruleId, term: f.term ?? '', text: `${f.start.offset}:${f.end.offset}` };
        const id = JSON.stringify(key);
        const occurrence = seen.get(id) ?? 0;
        seen.set(id, occurrence + 1);
        ctx.write(`${count === 0 ? '' : ','}\n  ${JSON.stringify(issue(path, f, gitlabFingerprint(path, key, occurrence)))}`);
        count += 1;
      });
    },
    end() {
      ctx.write(`${count === 0 ? '' : '\n'}]\n`);
    },
  };
}
