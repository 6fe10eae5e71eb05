/**
 * The scorecard: every measurable commitment or success criterion of a document with its six
 * parts (metric, target, baseline, window, method, remedy), the outcome claims that still need a
 * criterion (the claim rules' findings), and how ready the document is to prove value.
 * Pure and linear in the document's size; never throws on any string.
 */
import type { LintOptions } from '../config/types.js';
import { blockLocales } from '../document.js';
import { LineIndex } from '../lines.js';
import { lint } from '../lint.js';
import { scanBlocks } from '../parse/scan.js';
import { splitSentences } from '../parse/sentences.js';
import { SCORED_RULES } from '../score/index.js';
import type { Finding } from '../types.js';
import { blockFacts, clean, type BlockFacts } from './extract.js';
import { linkCriteria } from './link.js';
import { CRITERION_PARTS, type Criterion, type CriterionPart, type Scorecard, type ScorecardClaim, type ScorecardSummary } from './types.js';

export * from './types.js';
export { blockFacts, type BlockFacts } from './extract.js';
export { linkCriteria, missingParts, type PlacedCriterion } from './link.js';

export interface ScorecardOptions extends LintOptions {
  /** The document's findings, when the caller has linted it already (else `scorecard` lints it). */
  findings?: readonly Finding[];
}

/** The criteria of a document, in document order (without the claims). */
export function extractCriteria(text: string, options: LintOptions = {}): Criterion[] {
  const blocks = scanBlocks(text);
  const locales = blockLocales(text, blocks, options);
  const list: Array<{ facts: BlockFacts; base: number }> = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'content') list.push({ facts: blockFacts(text.slice(b.start, b.end), locales[i]!), base: b.start });
  });
  const lines = new LineIndex(text);
  return linkCriteria(list).map((c) => ({
    text: c.text,
    start: c.start,
    end: c.end,
    line: lines.position(c.start).line,
    source: c.source,
    locale: c.locale,
    metric: c.metric,
    target: c.target,
    baseline: c.baseline,
    window: c.window,
    method: c.method,
    remedy: c.remedy,
    needsBaseline: c.needsBaseline,
    missing: c.missing,
    term: c.term,
  }));
}

/** The claims the claim rules flag, one per sentence, leaving out sentences that are criteria. */
function unmeasuredClaims(text: string, findings: readonly Finding[], criteria: readonly Criterion[]): ScorecardClaim[] {
  const blocks = scanBlocks(text);
  const sentencesOf = new Map<number, Array<[number, number]>>();
  const out: ScorecardClaim[] = [];
  const seen = new Set<number>();
  let ci = 0;
  let bi = 0;
  for (const f of [...findings].sort((a, b) => a.start.offset - b.start.offset)) {
    if (!SCORED_RULES.has(f.ruleId) || f.severity === 'hint') continue;
    const at = f.start.offset;
    while (ci < criteria.length && criteria[ci]!.end <= at) ci++;
    if (ci < criteria.length && criteria[ci]!.start <= at) continue;
    // The sentence is read in the finding's block (findings and blocks are both in text order).
    while (bi + 1 < blocks.length && blocks[bi + 1]!.start <= at) bi++;
    const b = blocks[bi];
    const base = b && b.start <= at && at <= b.end ? b.start : at;
    const end = b && base === b.start ? b.end : f.end.offset;
    let ranges = sentencesOf.get(base);
    if (!ranges) sentencesOf.set(base, (ranges = splitSentences(text.slice(base, end), 'zh')));
    const r = ranges.find(([a, z]) => base + a <= at && at < base + z) ?? [at - base, f.end.offset - base];
    if (seen.has(base + r[0])) continue;
    seen.add(base + r[0]);
    const sentence = clean(text.slice(base + r[0], base + r[1]).replace(/^[\s>#|*+-]+/, ''));
    out.push({ line: f.start.line, text: sentence, ruleId: f.ruleId, start: base + r[0], end: base + r[1], ...(f.term !== undefined ? { term: f.term } : {}) });
  }
  return out;
}

export function summarise(criteria: readonly Criterion[], claims: readonly ScorecardClaim[]): ScorecardSummary {
  const missing = Object.fromEntries(CRITERION_PARTS.map((p) => [p, 0])) as Record<CriterionPart, number>;
  let complete = 0;
  for (const c of criteria) {
    if (c.missing.length === 0) complete++;
    for (const p of c.missing) missing[p]++;
  }
  const statements = criteria.length + claims.length;
  return { criteria: criteria.length, complete, missing, claims: claims.length, statements, readiness: statements === 0 ? null : complete / statements };
}

/** The scorecard of a Markdown document (see the module comment). */
export function scorecard(text: string, options: ScorecardOptions = {}): Scorecard {
  const { findings, ...lintOptions } = options;
  const criteria = extractCriteria(text, lintOptions);
  const claims = unmeasuredClaims(text, findings ?? lint(text, lintOptions), criteria);
  return { criteria, claims, summary: summarise(criteria, claims) };
}
