/**
 * The "Show Report" summary of one document: claims per rule, missing outcome parts and POV
 * readiness (from the scorecard). Pure; the adapter shows the HTML in a webview.
 */
import { OUTCOME_PARTS, RULE_IDS, type Finding, type OutcomePart, type RuleId, type ScorecardSummary } from '../../core/host.js';
import { PART_LABELS } from './hover.js';

export interface Report {
  title: string;
  total: number;
  perRule: { ruleId: RuleId; count: number; docs?: string }[];
  missing: { part: OutcomePart; count: number }[];
  /**
   * POV readiness in percent (0–100): the share of outcome statements (criteria plus unmeasured
   * claims) that are fully specified, as the scorecard defines it; null when the document makes
   * no outcome statement or has no scorecard.
   */
  readiness: number | null;
  /** Criteria found and how many are complete. */
  criteria: { found: number; complete: number };
  findings: { line: number; ruleId: RuleId; message: string }[];
}

export function buildReport(title: string, findings: readonly Finding[], summary?: ScorecardSummary): Report {
  const perRule = RULE_IDS.map((ruleId) => {
    const of = findings.filter((f) => f.ruleId === ruleId);
    return { ruleId, count: of.length, docs: of[0]?.docs };
  }).filter((r) => r.count > 0);
  const missing = OUTCOME_PARTS.map((part) => ({ part, count: findings.filter((f) => f.missing.includes(part)).length })).filter(
    (m) => m.count > 0,
  );
  return {
    title,
    total: findings.length,
    perRule,
    missing,
    readiness: summary?.readiness == null ? null : Math.round(summary.readiness * 100),
    criteria: { found: summary?.criteria ?? 0, complete: summary?.complete ?? 0 },
    findings: findings.map((f) => ({ line: f.start.line, ruleId: f.ruleId, message: f.message })),
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Inline `code` spans of a message as <code>, everything else escaped. */
function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A self-contained page (no scripts; the CSP allows only inline styles). */
export function reportHtml(report: Report): string {
  const rows = (cells: string[][]): string => cells.map((c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('');
  const perRule = report.perRule.length
    ? `<table><thead><tr><th>Rule</th><th>Claims</th></tr></thead><tbody>${rows(
        report.perRule.map((r) => [r.docs ? `<a href="${escapeHtml(r.docs)}"><code>${r.ruleId}</code></a>` : `<code>${r.ruleId}</code>`, String(r.count)]),
      )}</tbody></table>`
    : '<p>No unverifiable claims found.</p>';
  const missing = report.missing.length
    ? `<table><thead><tr><th>Missing</th><th>Claims</th></tr></thead><tbody>${rows(
        report.missing.map((m) => [escapeHtml(PART_LABELS[m.part]), String(m.count)]),
      )}</tbody></table>`
    : '<p>No claim lacks an outcome part.</p>';
  const list = report.findings.length
    ? `<table><thead><tr><th>Line</th><th>Rule</th><th>Finding</th></tr></thead><tbody>${rows(
        report.findings.map((f) => [String(f.line), `<code>${f.ruleId}</code>`, messageHtml(f.message)]),
      )}</tbody></table>`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>POV Lint report</title>
<style>
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 1.5em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid var(--vscode-panel-border);padding:.25em .75em;text-align:left}
.score{font-size:2.5em;font-weight:bold}
</style></head><body>
<h1>POV Lint report: ${escapeHtml(report.title)}</h1>
<p>POV readiness: the share of outcome statements that state metric, target, baseline, window, method and remedy</p><p class="score" data-testid="readiness">${report.readiness === null ? 'n/a' : `${report.readiness}%`}</p>
<p>${report.criteria.complete} of ${report.criteria.found} criteria complete.</p>
<p>${report.total} unverifiable claim${report.total === 1 ? '' : 's'}.</p>
<h2>Claims per rule</h2>${perRule}
<h2>Missing outcome parts</h2>${missing}
${list ? `<h2>All findings</h2>${list}` : ''}
</body></html>`;
}
