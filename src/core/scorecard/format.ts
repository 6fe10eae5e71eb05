/**
 * The scorecard as text: a Markdown table per document with a summary line, CSV rows for
 * spreadsheets, and the JSON shape of `povlint scorecard --format json`. One home for these, so
 * the CLI's output and the editor's "Copy Scorecard as Markdown" / "Export Scorecard as CSV" agree.
 */
import { CRITERION_PARTS, type Scorecard, type ScorecardSummary } from './types.js';

/** A document's scorecard with the path it is shown under. */
export interface ScorecardFile {
  path: string;
  scorecard: Scorecard;
}

export type ScorecardFormat = 'md' | 'csv' | 'json';

/** `44%`, or `n/a` for a document without outcome statements. */
export const formatReadiness = (r: number | null): string => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);

/** The summary line: criteria found, fully specified, missing per part, unmeasured claims, readiness. */
export function summaryLine(s: ScorecardSummary): string {
  const missing = CRITERION_PARTS.map((p) => `${p} ${s.missing[p]}`).join(', ');
  return `${s.criteria} criteria, ${s.complete} fully specified; missing: ${missing}; ${s.claims} unmeasured claims; POV readiness ${formatReadiness(s.readiness)}`;
}

/** The summaries of several documents added up (readiness over all their statements). */
export function totalSummary(list: readonly ScorecardSummary[]): ScorecardSummary {
  const missing = Object.fromEntries(CRITERION_PARTS.map((p) => [p, list.reduce((n, s) => n + s.missing[p], 0)])) as ScorecardSummary['missing'];
  const sum = (k: 'criteria' | 'complete' | 'claims' | 'statements'): number => list.reduce((n, s) => n + s[k], 0);
  const statements = sum('statements');
  return { criteria: sum('criteria'), complete: sum('complete'), missing, claims: sum('claims'), statements, readiness: statements === 0 ? null : sum('complete') / statements };
}

/** A table cell: one line, pipes escaped, empty parts shown as a dash. */
function cell(s: string | null): string {
  if (s === null || s === '') return '—';
  return s.replace(/\r\n|\r|\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** One document's Markdown: its criteria table, its claims table and its summary line. */
export function scorecardMarkdown({ path, scorecard: card }: ScorecardFile, first = true): string {
  const out: string[] = [first ? '' : '\n', `## ${path}\n\n`];
  if (card.criteria.length > 0) {
    out.push('| Line | Criterion | Metric | Target | Baseline | Window | Method | Remedy | Missing |\n');
    out.push('|---:|---|---|---|---|---|---|---|---|\n');
    for (const c of card.criteria) {
      out.push(`| ${c.line} | ${cell(c.text)} | ${cell(c.metric)} | ${cell(c.target)} | ${cell(c.baseline)} | ${cell(c.window)} | ${cell(c.method)} | ${cell(c.remedy)} | ${cell(c.missing.join(', '))} |\n`);
    }
    out.push('\n');
  } else out.push('No criteria found.\n\n');
  if (card.claims.length > 0) {
    out.push('To be made measurable:\n\n| Line | Claim | Rule |\n|---:|---|---|\n');
    for (const c of card.claims) out.push(`| ${c.line} | ${cell(c.text)} | ${c.ruleId} |\n`);
    out.push('\n');
  }
  out.push(`${summaryLine(card.summary)}\n`);
  return out.join('');
}

/** The line after several documents' tables. */
export function totalLine(files: readonly ScorecardFile[]): string {
  return `\n**Total** (${files.length} documents): ${summaryLine(totalSummary(files.map((f) => f.scorecard.summary)))}\n`;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(s: string | number | null): string {
  if (s === null) return '';
  const t = String(s);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** One row per criterion or claim, with a header row; CRLF line ends as RFC 4180 has them. */
export function scorecardCsv(files: readonly ScorecardFile[]): string {
  const rows: Array<Array<string | number | null>> = [['path', 'kind', 'line', 'text', ...CRITERION_PARTS, 'missing', 'rule']];
  for (const { path, scorecard: card } of files) {
    for (const c of card.criteria) rows.push([path, 'criterion', c.line, c.text, ...CRITERION_PARTS.map((p) => c[p]), c.missing.join(' '), null]);
    for (const c of card.claims) rows.push([path, 'claim', c.line, c.text, ...CRITERION_PARTS.map(() => null), null, c.ruleId]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `{"files":[{"path","criteria":[...],"claims":[...],"summary":{...}}]}` as plain data. */
export function scorecardJson(files: readonly ScorecardFile[]): unknown {
  return {
    files: files.map(({ path, scorecard: card }) => ({
      path,
      criteria: card.criteria.map((c) => ({ line: c.line, text: c.text, metric: c.metric, target: c.target, baseline: c.baseline, window: c.window, method: c.method, remedy: c.remedy, missing: c.missing })),
      claims: card.claims.map((c) => ({ line: c.line, text: c.text, ruleId: c.ruleId })),
      summary: card.summary,
    })),
  };
}

/** The scorecards of one or more documents in one format. */
export function formatScorecard(files: readonly ScorecardFile[], format: ScorecardFormat): string {
  if (format === 'csv') return scorecardCsv(files);
  if (format === 'json') return `${JSON.stringify(scorecardJson(files), null, 2)}\n`;
  return files.map((f, i) => scorecardMarkdown(f, i === 0)).join('') + (files.length > 1 ? totalLine(files) : '');
}
