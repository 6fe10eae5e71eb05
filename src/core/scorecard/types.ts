/** The scorecard's plain-data types: criteria, unmeasured claims and the summary. */
import type { Locale, RuleId } from '../types.js';

/** The parts of a proof-of-value criterion: the outcome parts and the remedy when it is missed. */
export const CRITERION_PARTS = ['metric', 'target', 'baseline', 'window', 'method', 'remedy'] as const;
export type CriterionPart = (typeof CRITERION_PARTS)[number];

/** Each part as the text that states it, or null when the document does not state it. */
export type CriterionParts = Record<CriterionPart, string | null>;

/** A criterion as one block states it: offsets are block-local. */
export interface LocalCriterion extends CriterionParts {
  /** The sentence or table row, as written (Markdown emphasis removed). */
  text: string;
  start: number;
  end: number;
  source: 'prose' | 'table';
  locale: Locale;
  /** The criterion compares against a starting point ("reduce by 40%", a Baseline column), so it needs a baseline. */
  needsBaseline: boolean;
  /** Word stems of the metric, for finding a remedy section or statement that names it. */
  keys: string[];
  /** A short name of the criterion for messages (`availability`). */
  term: string;
}

/** A measurable commitment or success criterion of a document. */
export interface Criterion extends CriterionParts {
  text: string;
  /** 0-based UTF-16 offsets of the sentence or row in the document. */
  start: number;
  end: number;
  /** 1-based line where the criterion starts. */
  line: number;
  source: 'prose' | 'table';
  locale: Locale;
  needsBaseline: boolean;
  /**
   * The parts the criterion lacks: every null part, except `baseline` when the criterion does not
   * compare against one (an absolute target such as 99.9 % needs no baseline).
   */
  missing: CriterionPart[];
  /** A short name of the criterion (`availability`, `resolve 90% of priority-2 tickets`). */
  term: string;
}

/** An outcome statement with no measurable criterion: a finding of one of the claim rules. */
export interface ScorecardClaim {
  /** 1-based line of the finding. */
  line: number;
  /** The sentence the finding is in. */
  text: string;
  /** The rule of the first finding in that sentence. */
  ruleId: RuleId;
  /** Offsets of the sentence. */
  start: number;
  end: number;
  /** The flagged words (`industry-leading`). */
  term?: string;
}

export interface ScorecardSummary {
  /** Criteria found. */
  criteria: number;
  /** Criteria with no part missing. */
  complete: number;
  /** How many criteria lack each part. */
  missing: Record<CriterionPart, number>;
  /** Unmeasured claims (sentences with a claim finding that are not criteria). */
  claims: number;
  /** Outcome statements: criteria plus unmeasured claims. */
  statements: number;
  /**
   * POV readiness: the share of outcome statements that are fully specified (complete criteria
   * over statements), 0..1; null when the document makes no outcome statement at all (nothing to
   * be ready or unready about).
   */
  readiness: number | null;
}

export interface Scorecard {
  criteria: Criterion[];
  claims: ScorecardClaim[];
  summary: ScorecardSummary;
}
