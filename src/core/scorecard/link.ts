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
  /**
   * The criterion's parts with the remedy tied across the document; `start`/`end` are absolute
   * from `linkCriteria`, in the block from `forEachLinked`.
   */
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
let last: { sources: readonly BlockFacts[]; index: RemedyIndex } | undefined;

/**
 * The blocks the remedy index is read from (see `last`). When they are the blocks of `previous`, in
 * order, `previous` itself is returned: most keystrokes change no heading and no remedy, and the
 * check then allocates nothing.
 */
function remedySources(blocks: ReadonlyArray<{ facts: BlockFacts }>, previous: readonly BlockFacts[] | undefined): readonly BlockFacts[] {
  let out: BlockFacts[] | undefined;
  let k = 0;
  // The open headings' levels and whether each opens a remedy section.
  const levels: number[] = [];
  const remedy: boolean[] = [];
  let inSection = 0;
  for (let i = 0; i < blocks.length; i++) {
    const facts = blocks[i]!.facts;
    if (inSection > 0 || facts.headings.length > 0 || facts.remedies.length > 0) {
      if (out) out.push(facts);
      else if (previous && previous[k] === facts) k++;
      else (out = previous ? previous.slice(0, k) : []).push(facts);
    }
    const headings = facts.headings;
    for (let j = 0; j < headings.length; j++) {
      const h = headings[j]!;
      while (levels.length && levels[levels.length - 1]! >= h.level) {
        levels.pop();
        if (remedy.pop()) inSection--;
      }
      levels.push(h.level);
      remedy.push(h.remedy);
      if (h.remedy) inSection++;
    }
  }
  if (out) return out;
  return previous && k === previous.length ? previous : (previous ?? []).slice(0, k);
}

function remedyIndex(blocks: ReadonlyArray<{ facts: BlockFacts }>): RemedyIndex {
  const sources = remedySources(blocks, last?.sources);
  if (last && sources === last.sources) return last.index;
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

/** A block's criteria with the remedy tied across the document; offsets in the block. */
const linkedMemo = new WeakMap<BlockFacts, { index: RemedyIndex; criteria: PlacedCriterion[] }>();

function linkBlock(facts: BlockFacts, index: RemedyIndex): PlacedCriterion[] {
  const known = linkedMemo.get(facts);
  if (known && known.index === index) return known.criteria;
  const { named, blanket } = index;
  const criteria = facts.criteria.map((c): PlacedCriterion => {
    let remedy = c.remedy;
    if (remedy === null) {
      // Named: two of its words (or its only word) appear in a remedy section or statement.
      const hits = c.keys.filter((k) => named.has(k));
      const label = hits.length > 0 && hits.length >= Math.min(2, c.keys.length) ? named.get(hits[0]!) : undefined;
      remedy = label ?? blanket ?? null;
    }
    const linked = { ...c, remedy };
    return { ...linked, missing: missingParts(linked) };
  });
  linkedMemo.set(facts, { index, criteria });
  return criteria;
}

/**
 * Calls `each` with every block's linked criteria (offsets in the block) and the block's start. A
 * block whose facts and remedy index are those of the last call gets the same array: an edit
 * outside every heading and remedy links again only the blocks it re-read.
 */
export function forEachLinked(blocks: ReadonlyArray<{ facts: BlockFacts; base: number }>, each: (criteria: readonly PlacedCriterion[], base: number) => void): void {
  const index = remedyIndex(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.facts.criteria.length > 0) each(linkBlock(b.facts, index), b.base);
  }
}

/** The criteria of the blocks in document order, with the remedy tied across the document and offsets in the document. */
export function linkCriteria(blocks: ReadonlyArray<{ facts: BlockFacts; base: number }>): PlacedCriterion[] {
  const out: PlacedCriterion[] = [];
  forEachLinked(blocks, (criteria, base) => {
    for (const c of criteria) out.push({ ...c, start: base + c.start, end: base + c.end });
  });
  return out;
}
