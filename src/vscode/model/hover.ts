/** Hover text for a flagged range: why, what is missing, and one measurable rewrite. Pure. */
import { expandWithDefaults } from '../../core/host.js';
import type { Finding, OutcomePart } from '../../core/host.js';

export const PART_LABELS: Record<OutcomePart, string> = {
  metric: 'a metric',
  target: 'a target value',
  baseline: 'a baseline',
  window: 'a time window',
  method: 'a measurement method',
};

/** The text a rewrite fix would insert with its placeholders at their defaults. */
export function rewriteExample(finding: Finding): string | undefined {
  const fix = finding.fixes.find((f) => f.kind === 'rewrite-measurable') ?? finding.fixes.find((f) => f.kind === 'replace-puffery');
  const edit = fix?.edits[0];
  if (!edit || fix.pending) return undefined;
  if (!edit.snippet) return edit.text;
  try {
    return expandWithDefaults(edit.text);
  } catch {
    return undefined;
  }
}

/** Markdown for the hover of one or more findings at a position. */
export function hoverMarkdown(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const lines = [`**povlint** [\`${f.ruleId}\`](${f.docs}): ${f.message}`];
      if (f.missing.length) lines.push(`Missing to make it verifiable: ${f.missing.map((p) => PART_LABELS[p]).join(', ')}.`);
      const example = rewriteExample(f);
      if (example) lines.push(`A measurable rewrite, for example:\n\n> ${example.replace(/\r?\n/g, '\n> ')}`);
      return lines.join('\n\n');
    })
    .join('\n\n---\n\n');
}
