/**
 * Finding → diagnostic, as plain data. The adapter turns `DiagnosticData` into `vscode.Diagnostic`
 * one field at a time; everything that needs deciding is decided here, without an editor.
 */
import type { Finding, RuleId, Severity } from '../../core/host.js';
import type { BaselineDisplay } from './baseline.js';
import { toRangeData, type RangeData } from './geometry.js';

export const DIAGNOSTIC_SOURCE = 'povlint';

/** A severity as shown in the editor, or `off` to hide the finding. */
export type DisplaySeverity = Severity | 'off';

export interface RelatedData {
  range: RangeData;
  message: string;
}

export interface DiagnosticData {
  range: RangeData;
  message: string;
  severity: Severity;
  source: typeof DIAGNOSTIC_SOURCE;
  /** Rule id plus its documentation page. */
  code: { value: RuleId | string; target: string };
  related: RelatedData[];
}

export interface DiagnosticOptions {
  /** Per-rule severity overrides from the editor settings (`povlint.severity`). */
  severity?: Partial<Record<RuleId, DisplaySeverity>>;
  /** Per finding (same order), whether the baseline covers it. */
  baselined?: readonly boolean[];
  /** How findings the baseline covers are shown (`povlint.baselineFindings`); default `hint`. */
  baselineFindings?: BaselineDisplay;
}

/** Said after the message of a finding the baseline covers. */
export const BASELINE_NOTE = ' (recorded in the baseline)';

/**
 * The diagnostic for one finding, or `null` when the settings hide its rule, or it is in the
 * baseline (`baselined`) and baseline findings are hidden. A baseline finding is a hint at most.
 */
export function findingToDiagnostic(finding: Finding, options: DiagnosticOptions = {}, baselined = false): DiagnosticData | null {
  const shown = options.severity?.[finding.ruleId] ?? finding.severity;
  if (shown === 'off') return null;
  if (baselined && options.baselineFindings === 'hidden') return null;
  const severity = baselined ? 'hint' : shown;
  return {
    range: toRangeData(finding.start, finding.end),
    message: baselined ? `${finding.message}${BASELINE_NOTE}` : finding.message,
    severity,
    source: DIAGNOSTIC_SOURCE,
    code: { value: finding.ruleId, target: finding.docs },
    related: (finding.related ?? []).map((r) => ({ range: toRangeData(r.start, r.end), message: r.message })),
  };
}

export function findingsToDiagnostics(findings: readonly Finding[], options: DiagnosticOptions = {}): DiagnosticData[] {
  const out: DiagnosticData[] = [];
  findings.forEach((f, i) => {
    const d = findingToDiagnostic(f, options, options.baselined?.[i] ?? false);
    if (d) out.push(d);
  });
  return out;
}

/** Code of the one diagnostic that says a file was too large to lint. */
export const SIZE_LIMIT_CODE = 'max-file-size';

/** The diagnostic shown instead of findings when a document exceeds `povlint.maxFileSizeKB`. */
export function sizeLimitDiagnostic(sizeBytes: number, limitKB: number, docsBase: string): DiagnosticData {
  const kb = Math.ceil(sizeBytes / 1024);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message:
      `povlint skipped this file: it is ${kb.toLocaleString('en-US')} KB, over the limit of ` +
      `${limitKB.toLocaleString('en-US')} KB; raise \`povlint.maxFileSizeKB\` (or \`maxFileSizeKB\` in \`.povlint.jsonc\`) to lint it`,
    severity: 'info',
    source: DIAGNOSTIC_SOURCE,
    code: { value: SIZE_LIMIT_CODE, target: docsBase },
    related: [],
  };
}

/**
 * Whether a diagnostic seen by a provider (range and code only) belongs to a finding: same rule
 * id and same range. Diagnostics come back to providers as copies, so identity cannot be used.
 */
export function sameDiagnostic(
  d: { range: RangeData; code: { value: string } | string | number | undefined; source?: string },
  finding: Finding,
): boolean {
  if (d.source !== DIAGNOSTIC_SOURCE) return false;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  if (code !== finding.ruleId) return false;
  const r = toRangeData(finding.start, finding.end);
  return (
    d.range.start.line === r.start.line &&
    d.range.start.character === r.start.character &&
    d.range.end.line === r.end.line &&
    d.range.end.character === r.end.character
  );
}

/** Code of the one diagnostic that says the lint of a document failed. */
export const LINT_FAILED_CODE = 'lint-failed';

/**
 * The diagnostic shown when the lint worker gave up on a document (it took too long, or the worker
 * stopped while linting it). The document is not linted again until it changes.
 */
export function lintFailedDiagnostic(reason: 'timeout' | 'crash', docsBase: string): DiagnosticData {
  const why = reason === 'timeout' ? 'linting it took too long' : 'the lint worker stopped while linting it';
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `povlint could not lint this file: ${why}; it tries again when the file changes (details in the "POV Lint" output)`,
    severity: 'info',
    source: DIAGNOSTIC_SOURCE,
    code: { value: LINT_FAILED_CODE, target: docsBase },
    related: [],
  };
}
