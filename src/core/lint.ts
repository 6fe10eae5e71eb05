/** `lint` and the assembly of block results into a document's findings (shared with sessions). */
import type { DocType, LintOptions } from './config/types.js';
import { applyDirectives, type Directive } from './directives.js';
import { blockReadings, resolveDocType, resolveLocale, type BlockReading } from './document.js';
import { analyseBlock, EMPTY_BLOCK, getEngine, resolvedSeverity, type BlockResult, type Engine } from './engine.js';
import { enrichFinding } from './enrich.js';
import { placeFix } from './resolve.js';
import { lastStartAtOrBefore, LineIndex } from './lines.js';
import { scanBlocks, type Block } from './parse/scan.js';
import { docsUrl } from './rules/define.js';
import { documentRules } from './rules/index.js';
import { MESSAGES } from './messages.js';
import type { Finding, Locale, PendingClauses, Position, RuleId } from './types.js';

export interface DocumentState {
  /** A part of the document's text. */
  slice: (start: number, end: number) => string;
  blocks: Block[];
  results: BlockResult[];
  locale: Locale;
  docType: DocType;
  /** The blocks' facts for the document rules, when the caller keeps them (else collected here). */
  facts?: FactLists;
}

/** One block's facts for a document rule: the facts, the block's start and its index. */
export interface FactEntry {
  facts: unknown;
  base: number;
  block: number;
}

/** Per document rule, the facts of the blocks that have some, in block order. */
export type FactLists = Map<RuleId, FactEntry[]>;

/** The fact entries of blocks `from` up to `to`, per rule (one pass, block order). */
export function collectFacts(blocks: readonly Block[], results: readonly BlockResult[], from: number, to: number): FactLists {
  const out: FactLists = new Map();
  for (let i = from; i < to; i++) {
    const rf = results[i]!.facts;
    if (!rf) continue;
    for (const key in rf) {
      const id = key as RuleId;
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push({ facts: rf[id], base: blocks[i]!.start, block: i });
    }
  }
  return out;
}

/** Turns an offset inside block `block` into a line/column position. */
export type Placer = (offset: number, block: number) => Position;



/** The result of one block of `text` (front matter is never linted). */
export function blockResult(text: string, b: Block, engine: Engine, reading: BlockReading, docType: DocType): BlockResult {
  return b.kind === 'content' ? analyseBlock(text.slice(b.start, b.end), engine, reading.locale, docType, reading.mixed) : EMPTY_BLOCK;
}

export function analyseDocument(text: string, engine: Engine, options: LintOptions): DocumentState {
  const blocks = scanBlocks(text);
  const locale = resolveLocale(text, blocks, options);
  const docType = resolveDocType(text, options);
  const readings = blockReadings(text, blocks, options);
  const results = blocks.map((b, i) => blockResult(text, b, engine, readings[i]!, docType));
  return { slice: (start, end) => text.slice(start, end), blocks, results, locale, docType };
}

/** Places offsets with one line index over the whole text. */
export function wholeTextPlacer(text: string): Placer {
  const lines = new LineIndex(text);
  return (offset) => lines.position(offset);
}

/** A finding whose details (fix texts, clause suggestions) wait for `resolveFindings`. */
function withPending(f: Finding, pending: PendingClauses): Finding {
  f.pending = pending;
  return f;
}

/** Places block results in the document: absolute positions, severities, directives, document rules. */
/**
 * Remembers the placed findings of a block between assemblies (a session knows; `lint` has nothing
 * to remember). `get` returns them where the block is now: a block that moved keeps its text, its
 * line breaks and its columns, so its findings move with it (in place, by `moveFinding`).
 */
export interface PlacedCache {
  get(block: number): Finding[] | undefined;
  set(block: number, findings: Finding[]): void;
}

/**
 * Moves a placed finding of a block that moved by `offset` code units and `line` lines (columns
 * stay), in place: its positions, its fixes' edits and its related ranges. Every edit moves the
 * findings of every block after it; moving them in place keeps them from being made again on every
 * keystroke (a session's findings are long-lived, and copies of them are what a young-generation
 * collection would have to copy).
 */
export function moveFinding(f: Finding, offset: number, line: number): void {
  f.start.line += line;
  f.start.offset += offset;
  f.end.line += line;
  f.end.offset += offset;
  for (let i = 0; i < f.fixes.length; i++) {
    const edits = f.fixes[i]!.edits;
    for (let k = 0; k < edits.length; k++) {
      edits[k]!.start += offset;
      edits[k]!.end += offset;
    }
  }
  if (f.related) {
    for (let i = 0; i < f.related.length; i++) {
      const r = f.related[i]!;
      r.start.line += line;
      r.start.offset += offset;
      r.end.line += line;
      r.end.offset += offset;
    }
  }
}

/**
 * Places the findings of block `i` (starting at `base`) and adds them to `out`. A function of its
 * own: a closure in the block loop that captured the block's start would make the loop allocate a
 * scope for every block on every keystroke, findings or not.
 */
function placeBlock(r: BlockResult, i: number, base: number, engine: Engine, place: Placer, locale: Locale, docType: DocType, defer: boolean, options: LintOptions, out: Finding[]): void {
  for (const f of r.findings) {
    const start = base + f.start;
    const end = base + f.end;
    const finding: Finding = {
      ruleId: f.ruleId,
      severity: resolvedSeverity(engine, f),
      message: f.message,
      start: place(start, i),
      end: place(end, i),
      missing: f.missing,
      fixes: [],
      clauses: [],
      docs: docsUrl(f.ruleId),
      ...(f.term !== undefined ? { term: f.term } : {}),
    };
    // A claim's clauses and rewrite are made in the language it was read in.
    const pending: PendingClauses = { claim: f.claim ?? '', locale: f.locale ?? locale, docType };
    finding.fixes = f.fixes.map((x) => placeFix(x, base, defer ? undefined : pending));
    out.push(defer ? withPending(finding, pending) : enrichFinding(finding, pending.claim, pending.locale, docType, options));
  }
}

/**
 * `options` are the lint's own (its custom clauses, whether details are deferred); the engine's are
 * those of the first lint that made the engine, which shares only its rules.
 */
export function assemble(state: DocumentState, engine: Engine, place: Placer, placed?: PlacedCache, options: LintOptions = engine.options): Finding[] {
  const defer = options.deferDetails === true;
  const out: Finding[] = [];
  const directives: Directive[] = [];
  const { blocks, results, locale, docType } = state;
  const facts = state.facts ?? collectFacts(blocks, results, 0, blocks.length);
  // Indexed loops: this one runs over every block on every keystroke of a session, and a for-of
  // allocates an iterator per array until the function is optimised.
  for (let i = 0; i < blocks.length; i++) {
    const r = results[i]!;
    if (r === EMPTY_BLOCK) continue;
    const base = blocks[i]!.start;
    for (let k = 0; k < r.directives.length; k++) {
      const d = r.directives[k]!;
      const start = base + d.start;
      const end = base + d.end;
      directives.push({ ...d, start, end, line: place(start, i).line, endLine: place(end, i).line });
    }
    if (r.findings.length === 0) continue;
    const known = placed?.get(i);
    const first = out.length;
    if (known) {
      for (let k = 0; k < known.length; k++) out.push(known[k]!);
      continue;
    }
    placeBlock(r, i, base, engine, place, locale, docType, defer, options, out);
    placed?.set(i, out.slice(first));
  }
  let added = false;
  for (const rule of documentRules) {
    const id = rule.meta.id;
    if (!engine.enabled.has(id)) continue;
    const list = facts.get(id) ?? [];
    // A block's position for placing an offset: the last block of the list starting at or before it.
    const blockOf = (offset: number): number => list[Math.max(0, lastStartAtOrBefore(list.length, (i) => list[i]!.base, offset))]?.block ?? 0;
    for (const f of rule.assemble({ locale, messages: MESSAGES[locale], blocks: list })) {
      added = true;
      const finding: Finding = {
        ruleId: id,
        severity: engine.severity[id] === 'off' ? 'hint' : (engine.severity[id] as Finding['severity']),
        message: f.message,
        start: place(f.start, blockOf(f.start)),
        end: place(f.end, blockOf(f.start)),
        missing: f.missing ?? [],
        fixes: [],
        clauses: f.clauses ?? [],
        docs: docsUrl(id),
        ...(f.term !== undefined ? { term: f.term } : {}),
        ...(f.related ? { related: f.related.map((o) => ({ start: place(o.start, blockOf(o.start)), end: place(o.end, blockOf(o.start)), message: o.message })) } : {}),
      };
      // A rule that chose its clauses keeps them; the others get suggestions from the claim.
      if (f.clauses) out.push(finding);
      else if (defer) out.push(withPending(finding, { claim: state.slice(f.start, f.end), locale, docType }));
      else out.push(enrichFinding(finding, state.slice(f.start, f.end), locale, docType, options));
    }
  }
  if (added) out.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);
  return applyDirectives(out, directives);
}

/** Lints a Markdown document. Never edits anything; never throws on any string input. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  const engine = getEngine(options);
  return assemble(analyseDocument(text, engine, options), engine, wholeTextPlacer(text), undefined, options);
}
