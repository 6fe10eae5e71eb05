/**
 * `explain`: for each prose unit of a text, which recognisers fired and why the unit was or was
 * not flagged. Backs the CLI's `--explain` mode.
 */
import { analyseUnit, hasCriterion } from './analysis.js';
import type { LintOptions } from './config/types.js';
import { resolveLocale } from './document.js';
import { getEngine } from './engine.js';
import { lint } from './lint.js';
import { parseBlock } from './parse/markdown.js';
import { scanBlocks } from './parse/scan.js';
import { proseUnits } from './parse/units.js';
import type { Finding, RuleId } from './types.js';

export interface UnitExplanation {
  text: string;
  start: number;
  end: number;
  context: { question: boolean; instruction: boolean; definition: boolean; title: boolean };
  measurements: Array<{ id: string; text: string; parts: string[] }>;
  /** Whether the unit binds its claims to a measurable criterion. */
  criterion: boolean;
  matches: Array<{ rule: RuleId; term: string; text: string; kind?: string }>;
  findings: Array<Pick<Finding, 'ruleId' | 'severity' | 'message'>>;
}

export function explain(text: string, options: LintOptions = {}): UnitExplanation[] {
  const engine = getEngine(options);
  const blocks = scanBlocks(text);
  const locale = resolveLocale(text, blocks, options);
  const findings = lint(text, options);
  const out: UnitExplanation[] = [];
  for (const b of blocks) {
    if (b.kind !== 'content') continue;
    const src = text.slice(b.start, b.end);
    for (const unit of proseUnits(parseBlock(src), src, locale)) {
      const info = analyseUnit(unit, locale);
      const start = b.start + unit.start;
      const end = b.start + unit.end;
      const matches: UnitExplanation['matches'] = [];
      for (const [rule, matcher] of engine.vocab[locale].byRule) {
        for (const m of matcher.matchAll(unit.text)) matches.push({ rule, term: m.entry.term, text: m.text, ...(m.entry.kind ? { kind: m.entry.kind } : {}) });
      }
      out.push({
        text: unit.text,
        start,
        end,
        context: { question: info.question, instruction: info.instruction, definition: info.definition, title: info.title },
        measurements: info.measurements.map((m) => ({ id: m.id, text: m.text, parts: m.parts })),
        criterion: hasCriterion(info),
        matches,
        findings: findings.filter((f) => f.start.offset < end && f.end.offset > start).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })),
      });
    }
  }
  return out;
}
