/**
 * `explain`: for each prose unit of a text, which recognisers fired and why the unit was or was
 * not flagged. Backs the CLI's `--explain` mode.
 */
import { analyseUnit, hasCriterion } from './analysis.js';
import type { LintOptions } from './config/types.js';
import { blockReadings, unitLocale } from './document.js';
import { getEngine } from './engine.js';
import { lint } from './lint.js';
import { parseBlock } from './parse/markdown.js';
import { scanBlocks } from './parse/scan.js';
import { proseUnits } from './parse/units.js';
import { model, scoreFeatures, SCORED_RULES, unitFeatures } from './score/index.js';
import { lexicalContributions } from './score/lexical.js';
import type { Finding, Locale, RuleId } from './types.js';
import { headMatch } from './vocab/matcher.js';

export interface UnitExplanation {
  text: string;
  start: number;
  end: number;
  /** The language the unit is read in (its block's, or in a mixed block its own script's). */
  locale: Locale;
  context: { question: boolean; instruction: boolean; definition: boolean; title: boolean };
  measurements: Array<{ id: string; text: string; parts: string[] }>;
  /** Whether the unit binds its claims to a measurable criterion. */
  criterion: boolean;
  matches: Array<{ rule: RuleId; term: string; text: string; kind?: string }>;
  findings: Array<Pick<Finding, 'ruleId' | 'severity' | 'message'>>;
  /**
   * The unit scorer's view, for a unit with candidate claims: its features, the weight of each,
   * the score and the decision (absent when the unit has no candidate; no score without a model).
   */
  scorer?: {
    features: Record<string, number>;
    score?: number;
    threshold?: number;
    flag?: boolean;
    contributions?: Array<{ feature: string; value: number; weight: number }>;
    /** The words that weigh most in the `lexical` feature, with their weights (when the locale has a lexical model). */
    words?: Array<{ term: string; weight: number }>;
  };
}

export function explain(text: string, options: LintOptions = {}): UnitExplanation[] {
  const engine = getEngine(options);
  const blocks = scanBlocks(text);
  const readings = blockReadings(text, blocks, options);
  const findings = lint(text, options);
  // The candidates are what the rules find before the scorer decides.
  const candidates = lint(text, { ...options, scorer: false }).filter((f) => SCORED_RULES.has(f.ruleId) && f.severity !== 'hint');
  const out: UnitExplanation[] = [];
  for (const [bi, b] of blocks.entries()) {
    if (b.kind !== 'content') continue;
    const { locale: blockLocale, mixed } = readings[bi]!;
    const src = text.slice(b.start, b.end);
    for (const unit of proseUnits(parseBlock(src), src, blockLocale)) {
      // A mixed block's units are read each in its own script's language (as the engine reads them).
      const locale = mixed ? unitLocale(unit.text, blockLocale) : blockLocale;
      const info = analyseUnit(unit, locale);
      const start = b.start + unit.start;
      const end = b.start + unit.end;
      const matches: UnitExplanation['matches'] = [];
      for (const [rule, matcher] of engine.vocab[locale].byRule) {
        for (const found of matcher.matchAll(unit.text)) {
          const head = engine.vocab[locale].heads.get(found.entry);
          const m = head ? headMatch(found, head, unit.text) : found;
          if (m) matches.push({ rule, term: m.entry.term, text: m.text, ...(m.entry.kind ? { kind: m.entry.kind } : {}) });
        }
      }
      const unitCandidates = candidates
        .filter((f) => f.start.offset >= start && f.start.offset < Math.max(end, start + 1))
        .map((f) => {
          const kind = matches.find((m) => m.rule === f.ruleId && m.text === f.term)?.kind;
          return { rule: f.ruleId, ...(kind ? { kind } : {}), ...(f.term ? { term: f.term } : {}), at: Math.max(0, f.term ? unit.text.indexOf(f.term) : 0) };
        });
      let scorer: UnitExplanation['scorer'];
      if (unitCandidates.length) {
        const features = unitFeatures(info, unitCandidates, locale);
        const m = model(locale);
        const s = m ? scoreFeatures(features, m) : undefined;
        scorer = {
          features: Object.fromEntries(features),
          ...(s ? { score: s.value, threshold: s.threshold, flag: s.flag, contributions: s.contributions } : {}),
          ...(features.has('lexical') ? { words: lexicalContributions(unit.text, locale) } : {}),
        };
      }
      out.push({
        text: unit.text,
        start,
        end,
        locale,
        context: { question: info.question, instruction: info.instruction, definition: info.definition, title: info.title },
        measurements: info.measurements.map((m) => ({ id: m.id, text: m.text, parts: m.parts })),
        criterion: hasCriterion(info),
        matches,
        findings: findings.filter((f) => f.start.offset < end && f.end.offset > start).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })),
        ...(scorer ? { scorer } : {}),
      });
    }
  }
  return out;
}
