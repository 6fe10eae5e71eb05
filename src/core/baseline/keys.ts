/**
 * The baseline key of each finding of a document: its rule, its normalised term and the normalised
 * text of the prose unit it sits in (a sentence of a paragraph, list item or table cell, as the
 * rules read them). Only the blocks that hold a finding are parsed, each once.
 */
import type { LintOptions } from '../config/types.js';
import { blockLocales } from '../document.js';
import { parseBlock } from '../parse/markdown.js';
import { scanBlocks, type Block } from '../parse/scan.js';
import { proseUnits, type ProseUnit } from '../parse/units.js';
import type { Finding } from '../types.js';
import { normaliseText, type FindingKey } from './file.js';

/** The longest flagged text used as a term when a rule names none. */
const MAX_SPAN_TERM = 200;

/** The index of the block holding `offset` (blocks are in order), or -1 when it is between blocks. */
function blockAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (offset < b.start) hi = mid - 1;
    else if (offset > b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The source line around `offset`, for a finding outside any prose unit (a heading, a document-level finding). */
function lineAround(text: string, offset: number): string {
  const from = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let to = text.length;
  for (const c of ['\n', '\r']) {
    const i = text.indexOf(c, offset);
    if (i >= 0 && i < to) to = i;
  }
  return text.slice(from, to);
}

/**
 * One key per finding, in the same order. `findings` must be the findings of `text` linted with
 * `options` (the locale decides where sentences end). Never throws for findings of `text`.
 */
export function findingKeys(text: string, findings: readonly Finding[], options: LintOptions = {}): FindingKey[] {
  if (findings.length === 0) return [];
  const blocks = scanBlocks(text);
  let locales: ReturnType<typeof blockLocales> | undefined;
  const units = new Map<number, ProseUnit[]>();
  const unitsOf = (i: number): ProseUnit[] => {
    let list = units.get(i);
    if (!list) {
      const b = blocks[i]!;
      list = [];
      if (b.kind === 'content') {
        locales ??= blockLocales(text, blocks, options);
        const src = text.slice(b.start, b.end);
        try {
          list = proseUnits(parseBlock(src), src, locales[i]!);
        } catch (e) {
          // Nesting deep enough to overflow the parser: fall back to the line.
          if (!(e instanceof RangeError)) throw e;
        }
      }
      units.set(i, list);
    }
    return list;
  };
  return findings.map((f) => {
    const offset = f.start.offset;
    const i = blockAt(blocks, offset);
    let unitText: string | undefined;
    if (i >= 0) {
      const local = offset - blocks[i]!.start;
      const unit = unitsOf(i).find((u) => local >= u.start && local < Math.max(u.end, u.start + 1));
      unitText = unit?.text;
    }
    const term = f.term ?? text.slice(f.start.offset, Math.min(f.end.offset, f.start.offset + MAX_SPAN_TERM));
    return { rule: f.ruleId, term: normaliseText(term), text: normaliseText(unitText ?? lineAround(text, offset)) };
  });
}
