/**
 * Ties each criterion to a remedy across the document: a remedy in its own sentence or row is
 * read with the block; here a criterion also gets one from a remedy section (a heading such as
 * "Service credits" or "违约责任") or a remedy statement that names its metric, or from a remedy
 * that covers every criterion ("service credits apply to each service level"). One pass over the
 * blocks, then one look-up per criterion: linear in the document.
 */
import { CRITERION_PARTS, type CriterionPart, type LocalCriterion } from './types.js';
import { hanPairs, wordsOf, type BlockFacts } from './extract.js';
import { WORDS } from './vocab.js';

export interface PlacedCriterion extends LocalCriterion {
  /** The criterion's parts with the remedy tied across the document; `start`/`end` are absolute. */
  missing: CriterionPart[];
}

/** The words of the text a remedy section or statement holds, read once per block and range. */
const keysMemo = new WeakMap<BlockFacts, Map<string, string[]>>();
function keysOf(facts: BlockFacts, start: number, end: number): string[] {
  let m = keysMemo.get(facts);
  if (!m) keysMemo.set(facts, (m = new Map()));
  const k = `${start}:${end}`;
  let keys = m.get(k);
  if (!keys) {
    const text = facts.src.slice(start, end);
    m.set(k, (keys = [...wordsOf(text), ...hanPairs(text)]));
  }
  return keys;
}

/** The parts a criterion lacks: null parts, baseline only when it compares against one. */
export function missingParts(c: LocalCriterion): CriterionPart[] {
  return CRITERION_PARTS.filter((p) => c[p] === null && (p !== 'baseline' || c.needsBaseline));
}

/** Each key of a remedy text → the first remedy text that holds it, and the remedy that covers every criterion. */
interface RemedyIndex {
  named: Map<string, string>;
  blanket: string | undefined;
}

/**
 * The remedy index of the last document linked, with the blocks it was read from: the facts of
 * each block that holds a heading or a remedy or lies in a remedy section, in order. Facts are
 * never changed once made, so the same blocks make the same index: an edit elsewhere (most
 * keystrokes) reuses it instead of reading every remedy section again.
 */
let last: { sources: BlockFacts[]; index: RemedyIndex } | undefined;

/** The blocks the remedy index is read from (see `last`). */
function remedySources(blocks: ReadonlyArray<{ facts: BlockFacts }>): BlockFacts[] {
  const out: BlockFacts[] = [];
  // The open headings' levels and whether each opens a remedy section.
  const levels: number[] = [];
  const remedy: boolean[] = [];
  let inSection = 0;
  for (const { facts } of blocks) {
    if (inSection > 0 || facts.headings.length > 0 || facts.remedies.length > 0) out.push(facts);
    for (const h of facts.headings) {
      while (levels.length && levels[levels.length - 1]! >= h.level) {
        levels.pop();
        if (remedy.pop()) inSection--;
      }
      levels.push(h.level);
      remedy.push(h.remedy);
      if (h.remedy) inSection++;
    }
  }
  return out;
}

function remedyIndex(blocks: ReadonlyArray<{ facts: BlockFacts }>): RemedyIndex {
  const sources = remedySources(blocks);
  if (last && last.sources.length === sources.length && last.sources.every((f, i) => f === sources[i])) return last.index;
  const named = new Map<string, string>();
  let blanket: string | undefined;
  const add = (facts: BlockFacts, start: number, end: number, label: string): void => {
    for (const k of keysOf(facts, start, end)) if (!named.has(k)) named.set(k, label);
  };
  // The open headings: a remedy section lasts until a heading of its level or above.
  const open: Array<{ level: number; remedy: boolean; text: string }> = [];
  const remedySection = (): string | undefined => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.remedy) return open[i]!.text;
    return undefined;
  };
  for (const facts of sources) {
    let from = 0;
    const readSection = (to: number): void => {
      const section = remedySection();
      if (section === undefined || to <= from) return;
      // The section's own criteria do not name themselves: only the text around them counts.
      let at = from;
      for (const c of facts.criteria) {
        if (c.end <= at || c.start >= to) continue;
        if (c.start > at) add(facts, at, c.start, section);
        at = c.end;
      }
      if (at < to) add(facts, at, to, section);
      if (!blanket && WORDS[facts.locale].blanket.test(facts.src.slice(from, to))) blanket = section;
    };
    for (const h of facts.headings) {
      readSection(h.start);
      while (open.length && open[open.length - 1]!.level >= h.level) open.pop();
      open.push({ level: h.level, remedy: h.remedy, text: h.text });
      if (h.remedy) add(facts, h.start, h.end, h.text);
      from = h.end;
    }
    readSection(facts.src.length);
    for (const r of facts.remedies) {
      add(facts, r.start, r.end, r.text);
      if (r.blanket && !blanket) blanket = r.text;
    }
  }
  const index = { named, blanket };
  last = { sources, index };
  return index;
}

export function linkCriteria(blocks: ReadonlyArray<{ facts: BlockFacts; base: number }>): PlacedCriterion[] {
  const { named, blanket } = remedyIndex(blocks);
  const out: PlacedCriterion[] = [];
  for (const { facts, base } of blocks) {
    for (const c of facts.criteria) {
      let remedy = c.remedy;
      if (remedy === null) {
        // Named: two of its words (or its only word) appear in a remedy section or statement.
        const hits = c.keys.filter((k) => named.has(k));
        const label = hits.length > 0 && hits.length >= Math.min(2, c.keys.length) ? named.get(hits[0]!) : undefined;
        remedy = label ?? blanket ?? null;
      }
      const placed = { ...c, remedy, start: base + c.start, end: base + c.end };
      out.push({ ...placed, missing: missingParts(placed) });
    }
  }
  return out;
}
