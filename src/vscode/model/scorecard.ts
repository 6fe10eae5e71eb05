/**
 * What the POV Scorecard view and the CodeLenses show for a document's scorecard: rows with their
 * labels, descriptions, tooltips and the offset a click moves the cursor to; one lens text per
 * criteria table. Pure, so it is unit-tested without an editor; the adapters only draw it.
 */
import { CRITERION_PARTS, type Criterion, type CriterionPart, type Scorecard } from '../../core/host.js';

export const PART_NAMES: Readonly<Record<CriterionPart, string>> = {
  metric: 'Metric',
  target: 'Target',
  baseline: 'Baseline',
  window: 'Window',
  method: 'Method',
  remedy: 'Remedy',
};

export type RowKind = 'summary' | 'criteria' | 'criterion' | 'part' | 'claims' | 'claim';

export interface ScorecardRow {
  /** Stable within one scorecard: the tree keeps expansion by it. */
  id: string;
  kind: RowKind;
  label: string;
  description?: string;
  tooltip?: string;
  /** `pass`, `warning`, `error`, `info`: the icon (a theme icon id). */
  icon?: 'pass' | 'warning' | 'error' | 'info' | 'graph' | 'checklist' | 'megaphone';
  /** Where a click moves the cursor (document offset). */
  offset?: number;
  children?: ScorecardRow[];
}

const MAX_LABEL = 80;

/** One line of `text`, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = MAX_LABEL): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** `40%`, or `n/a` when the document makes no outcome statement. */
export function readinessText(readiness: number | null): string {
  return readiness === null ? 'n/a' : `${Math.round(readiness * 100)}%`;
}

/** The name of a criterion in a row or a lens: its short term, else its metric, else its text. */
export function criterionName(c: Criterion): string {
  return shorten(c.term || c.metric || c.text, 48);
}

function criterionRow(c: Criterion, i: number): ScorecardRow {
  const complete = c.missing.length === 0;
  return {
    id: `criterion:${i}`,
    kind: 'criterion',
    label: criterionName(c),
    description: complete ? `✓ complete · line ${c.line}` : `missing: ${c.missing.join(', ')} · line ${c.line}`,
    tooltip: shorten(c.text, 400),
    icon: complete ? 'pass' : 'warning',
    offset: c.start,
    children: CRITERION_PARTS.map((p) => {
      const value = c[p];
      const needed = c.missing.includes(p);
      return {
        id: `criterion:${i}:${p}`,
        kind: 'part' as const,
        label: `${value !== null ? '✓' : needed ? '✗' : '–'} ${PART_NAMES[p]}`,
        description: value !== null ? shorten(value, 60) : needed ? 'missing' : 'not needed (no comparison)',
        ...(value !== null ? { tooltip: value } : {}),
        offset: c.start,
      };
    }),
  };
}

/** The rows of the view: the summary, the criteria with their parts, the claims to make measurable. */
export function scorecardRows(card: Scorecard): ScorecardRow[] {
  const s = card.summary;
  return [
    {
      id: 'summary',
      kind: 'summary',
      label: `POV readiness ${readinessText(s.readiness)}`,
      description: `${s.complete} of ${s.statements} outcome statements fully specified`,
      tooltip: 'The share of outcome statements (criteria plus unmeasured claims) that state metric, target, baseline where one is compared against, window, method and remedy.',
      icon: 'graph',
    },
    {
      id: 'criteria',
      kind: 'criteria',
      label: 'Criteria',
      description: `${s.complete} of ${s.criteria} complete`,
      icon: 'checklist',
      children: card.criteria.map(criterionRow),
    },
    {
      id: 'claims',
      kind: 'claims',
      label: 'To be made measurable',
      description: String(s.claims),
      icon: 'megaphone',
      children: card.claims.map((c, i) => ({
        id: `claim:${i}`,
        kind: 'claim' as const,
        label: shorten(c.text),
        description: `${c.ruleId} · line ${c.line}`,
        tooltip: c.text,
        icon: 'info' as const,
        offset: c.start,
      })),
    },
  ];
}

export interface TableLens {
  /** 0-based line the lens stands on: the table's header row. */
  line: number;
  text: string;
}

/**
 * One lens per table that holds criteria: "4 of 5 criteria complete · missing: remedy
 * (False-positive rate)". `tableStart` gives the 0-based first line of the table a criterion's row
 * is in (undefined when it is not in a table).
 */
export function tableLenses(card: Scorecard, tableStart: (c: Criterion) => number | undefined): TableLens[] {
  const tables = new Map<number, Criterion[]>();
  for (const c of card.criteria) {
    if (c.source !== 'table') continue;
    const at = tableStart(c);
    if (at === undefined) continue;
    const list = tables.get(at) ?? [];
    list.push(c);
    tables.set(at, list);
  }
  return [...tables].map(([line, list]) => {
    const complete = list.filter((c) => c.missing.length === 0).length;
    const gaps = CRITERION_PARTS.flatMap((p) => {
      const of = list.filter((c) => c.missing.includes(p));
      if (!of.length) return [];
      const names = of.slice(0, 2).map(criterionName).join(', ');
      return [`${p} (${names}${of.length > 2 ? `, +${of.length - 2}` : ''})`];
    });
    return {
      line,
      text: `${complete} of ${list.length} criteria complete${gaps.length ? ` · missing: ${gaps.join('; ')}` : ''}`,
    };
  });
}

/**
 * The 0-based first line of the Markdown table whose row is on `line` (0-based): the table runs
 * up while lines hold a `|` (GFM rows need not start with one).
 */
export function tableStartLine(lineText: (line: number) => string, line: number): number | undefined {
  const isRow = (l: number): boolean => lineText(l).includes('|');
  if (!isRow(line)) return undefined;
  let at = line;
  while (at > 0 && isRow(at - 1)) at--;
  return at;
}
