/**
 * Inline directives in HTML comments, applied as a post-filter on findings:
 *   <!-- povlint-disable [rule ...] -->            until a matching enable (all rules when none named)
 *   <!-- povlint-enable [rule ...] -->
 *   <!-- povlint-disable-next-line [rule ...] -->  the line after the comment
 *   <!-- povlint-disable-line [rule ...] -->       the comment's own line
 *   <!-- povlint-disable-file [rule ...] -->       the whole file
 */
import type { Finding, RuleId } from './types.js';
import { RULE_IDS } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** The rules named; empty with `named` false means every rule. */
  rules: RuleId[];
  /** Whether the directive named rules (unknown names then disable nothing). */
  named: boolean;
  /** Offsets of the comment. */
  start: number;
  end: number;
  /** Lines of the comment's start and end (1-based). */
  line: number;
  endLine: number;
}

const DIRECTIVE = /<!--\s*povlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->/g;

/** Directives in one HTML comment or HTML node's text; offsets relative to `base`. */
export function parseDirectives(html: string, base: number): Array<Omit<Directive, 'line' | 'endLine'>> {
  const out: Array<Omit<Directive, 'line' | 'endLine'>> = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(html); m; m = DIRECTIVE.exec(html)) {
    const names = m[2]!.split(/[\s,]+/).filter(Boolean);
    const rules = names.filter((r): r is RuleId => (RULE_IDS as readonly string[]).includes(r));
    out.push({ kind: m[1] as DirectiveKind, rules, named: names.length > 0, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

const applies = (d: Directive, rule: RuleId): boolean => !d.named || d.rules.includes(rule);

/** Drops the findings that directives switch off. `directives` must be in document order. */
export function applyDirectives(findings: Finding[], directives: readonly Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  const file = directives.filter((d) => d.kind === 'disable-file');
  const lines = directives.filter((d) => d.kind === 'disable-next-line' || d.kind === 'disable-line');
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  return findings.filter((f) => {
    if (file.some((d) => applies(d, f.ruleId))) return false;
    for (const d of lines) {
      const line = d.kind === 'disable-line' ? d.line : d.endLine + 1;
      if (f.start.line === line && applies(d, f.ruleId)) return false;
    }
    let disabled = false;
    for (const d of ranges) {
      if (d.start > f.start.offset) break;
      if (applies(d, f.ruleId)) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}
