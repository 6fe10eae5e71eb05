/** The Insert Clause picker and `pov:` completions, as data. Pure. */
import { expandWithDefaults } from '../../core/host.js';
import { CLAUSE_CATEGORIES, type Clause, type ClauseCategory } from '../../core/host.js';

export const CATEGORY_TITLES: Record<ClauseCategory, string> = {
  'pov-plan-acceptance': 'POV plan and acceptance',
  'baseline-measurement': 'Baseline and measurement',
  'risk-allocation': 'Risk allocation',
  'service-levels': 'Service levels',
  'security-outcomes': 'Security outcomes',
};

export type PickEntry = { type: 'separator'; label: string } | { type: 'clause'; label: string; description: string; detail: string; clause: Clause };

/** Each clause's body as one line with its defaults, made once per clause object (a library's clauses are loaded once per config). */
const flattened = new WeakMap<Clause, string>();

/** One-line preview of a clause body with its placeholders at their defaults. */
export function clausePreview(clause: Clause, max = 160): string {
  let flat = flattened.get(clause);
  if (flat === undefined) {
    let text: string;
    try {
      text = expandWithDefaults(clause.body);
    } catch {
      text = clause.body;
    }
    flat = text.replace(/\s+/g, ' ').trim();
    flattened.set(clause, flat);
  }
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Makes the previews of `clauses` ahead of the picker, a few clauses per turn of `schedule` (the
 * host's `setTimeout`), so that opening the picker does not parse every clause body at once on the
 * extension host's thread. Each turn stops after `sliceMs`. Returns a function that stops it.
 */
export function warmClausePreviews(
  clauses: readonly Clause[],
  schedule: (run: () => void) => unknown,
  { sliceMs = 2, now = () => performance.now() }: { sliceMs?: number; now?: () => number } = {},
): () => void {
  let next = 0;
  let stopped = false;
  const turn = (): void => {
    if (stopped) return;
    const until = now() + sliceMs;
    do clausePreview(clauses[next++]!);
    while (next < clauses.length && now() < until);
    if (next < clauses.length) schedule(turn);
  };
  if (clauses.length) schedule(turn);
  return () => {
    stopped = true;
  };
}

/** Whether a clause's preview is already made (for tests of the warm-up). */
export function hasClausePreview(clause: Clause): boolean {
  return flattened.has(clause);
}

/**
 * Titles in alphabetical order, ignoring case. Not `localeCompare`: its first call loads the
 * collation data, which blocked the extension host for about 10 ms when the picker opened.
 */
function byTitle(a: Clause, b: Clause): number {
  const x = a.title.toLowerCase();
  const y = b.title.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/** Clauses grouped by category in library order, each group under a separator. */
export function clausePickEntries(clauses: readonly Clause[]): PickEntry[] {
  const out: PickEntry[] = [];
  const known = new Set<string>(CLAUSE_CATEGORIES);
  const categories = [...CLAUSE_CATEGORIES, ...new Set(clauses.map((c) => c.category).filter((c) => !known.has(c)))];
  for (const category of categories) {
    const group = clauses.filter((c) => c.category === category).sort(byTitle);
    if (!group.length) continue;
    out.push({ type: 'separator', label: CATEGORY_TITLES[category] ?? category });
    for (const clause of group) {
      out.push({ type: 'clause', label: clause.title, description: clause.description, detail: clausePreview(clause), clause });
    }
  }
  return out;
}

/** The `pov:` trigger before the cursor: where it starts and what was typed after it. */
export function povPrefixAt(lineText: string, character: number): { start: number; query: string } | undefined {
  const before = lineText.slice(0, character);
  const m = /(?:^|[\s(>])pov:([\w-]*)$/.exec(before);
  if (!m) return undefined;
  return { start: character - m[1]!.length - 4, query: m[1]! };
}

/**
 * The clauses to offer in a document: those of its locale. With `auto`, a document that is mostly
 * Han script gets the `zh` clauses, any other the `en` ones (the same guess the core makes).
 */
export function clausesForDocument(clauses: readonly Clause[], locale: string, text: string): Clause[] {
  let chosen = locale;
  if (chosen !== 'en' && chosen !== 'zh') {
    const sample = text.slice(0, 4000);
    const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
    const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
    chosen = han > latin ? 'zh' : 'en';
  }
  const matching = clauses.filter((c) => c.locale === chosen);
  return matching.length ? matching : [...clauses];
}
