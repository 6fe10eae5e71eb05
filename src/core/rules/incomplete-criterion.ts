/**
 * Document level: a commitment or a success-criteria row sets a target but leaves out what makes
 * it checkable: the period it is measured over, how it is measured, the baseline it is compared
 * against (only when it compares: "reduce by 40%", a Baseline column) or what happens when it is
 * missed. The criteria and their parts come from the scorecard (src/core/scorecard), so the
 * scorecard and this rule always agree; a remedy may be tied from anywhere in the document, which
 * is why the rule is document-level.
 */
import { builtinClauses } from '../clauses/builtin.js';
import { MESSAGES } from '../messages.js';
import { blockFacts, type BlockFacts } from '../scorecard/extract.js';
import { forEachLinked, type PlacedCriterion } from '../scorecard/link.js';
import type { CriterionPart } from '../scorecard/types.js';
import type { Locale, OutcomePart } from '../types.js';
import { defineDocumentRule, type DocumentFinding } from './define.js';
import { warm } from '../regex-warm.js';

/** The parts this rule asks for, in the order the message names them. */
export const CHECKED_PARTS = ['window', 'method', 'baseline', 'remedy'] as const satisfies readonly CriterionPart[];
type CheckedPart = (typeof CHECKED_PARTS)[number];

/** The clauses that supply each missing part, best first. */
export const CLAUSES_FOR: Readonly<Record<CheckedPart, readonly string[]>> = {
  window: ['measurement-methodology', 'reporting-cadence'],
  method: ['measurement-methodology'],
  baseline: ['baseline-before-go-live'],
  remedy: ['service-credits-tiered'],
};

const clauseIds = new Map<Locale, Set<string>>();
function hasClause(id: string, locale: Locale): boolean {
  let ids = clauseIds.get(locale);
  if (!ids) clauseIds.set(locale, (ids = new Set(builtinClauses(locale).map((c) => c.id))));
  return ids.has(id);
}

/** The built-in clauses of the locale that supply the missing parts, best first (at most three). */
export function clausesFor(missing: readonly CriterionPart[], locale: Locale): string[] {
  const out: string[] = [];
  for (const p of CHECKED_PARTS) {
    if (!missing.includes(p)) continue;
    for (const id of CLAUSES_FOR[p]) if (!out.includes(id) && hasClause(id, locale)) out.push(id);
  }
  // Reporting cadence is the last resort for a window: the measurement clause states it first.
  out.sort((a, b) => Number(a === 'reporting-cadence') - Number(b === 'reporting-cadence'));
  return out.slice(0, 3);
}

const ASCII_WORD = /[A-Za-z0-9]/;
const ANY_WORD = /[\p{L}\p{N}]/u;
/** Whether a text has a letter or a digit of any script (an ASCII one is found without the Unicode tables). */
function hasWord(src: string): boolean {
  return ASCII_WORD.test(src) || warm(ANY_WORD, src).test(src);
}

/** Blocks without prose (code, blank) contribute nothing; every other block may be part of a remedy section. */
function facts(src: string, locale: Locale): BlockFacts | undefined {
  const f = blockFacts(src, locale);
  return f.headings.length || f.criteria.length || f.remedies.length || hasWord(src) ? f : undefined;
}

/**
 * The findings of one block's linked criteria, offsets in the block: made once per linked list (a
 * block's list is the same array while neither its text nor the document's remedies change).
 */
const findingsMemo = new WeakMap<readonly PlacedCriterion[], DocumentFinding[]>();
function blockFindings(criteria: readonly PlacedCriterion[]): DocumentFinding[] {
  let out = findingsMemo.get(criteria);
  if (out) return out;
  out = [];
  for (const c of criteria) {
    const missing: CheckedPart[] = CHECKED_PARTS.filter((p) => c.missing.includes(p));
    if (missing.length === 0) continue;
    out.push({
      message: MESSAGES[c.locale].incompleteCriterion(c.term, missing),
      start: c.start,
      end: c.end,
      term: c.term,
      missing: missing.filter((p) => p !== 'remedy') as OutcomePart[],
      clauses: clausesFor(missing, c.locale),
    });
  }
  findingsMemo.set(criteria, out);
  return out;
}

export default defineDocumentRule<BlockFacts>({
  meta: {
    id: 'incomplete-criterion',
    description: 'A commitment or success criterion sets a target but states no measurement window, measurement method, baseline (when it compares against one) or remedy.',
    defaultSeverity: 'warning',
    fixes: [],
    scope: 'document',
  },
  facts,
  assemble(ctx) {
    const out: DocumentFinding[] = [];
    forEachLinked(ctx.blocks, (criteria, base) => {
      for (const f of blockFindings(criteria)) out.push({ ...f, start: base + f.start, end: base + f.end });
    });
    return out;
  },
});
