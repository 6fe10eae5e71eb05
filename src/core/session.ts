/**
 * Incremental linting of one document that is being edited. A session keeps the document's
 * blocks, each block's analysis, line number and script counts; an edit re-scans from the block
 * before the edited one until the scan emits a block that starts where an old block starts (after
 * the edit, shifted), so only the blocks an edit can affect are analysed again. Findings are always
 * exactly those of a fresh `lint()` of the same text.
 */
import type { DocType, LintOptions } from './config/types.js';
import { blockReading, DOC_TYPE_HEAD, frontMatterLocale, localeFromCounts, resolveDocType, scriptCounts } from './document.js';
import { getEngine, type BlockResult, type Engine } from './engine.js';
import { countLineBreaks, firstAtOrAfter, lastStartAtOrBefore, LineIndex } from './lines.js';
import { assemble, blockResult, collectFacts, moveFinding, type DocumentState, type FactLists, type PlacedCache, type Placer } from './lint.js';
import { frontMatterAtStart, opensFrontMatter, scanBlocks, type Block } from './parse/scan.js';
import { TextChunks } from './text-chunks.js';
import type { Finding, Locale, Position } from './types.js';

export interface Session {
  /** The findings of the current text. */
  findings(): Finding[];
  /**
   * Replaces `deleteCount` code units at `offset` (UTF-16) with `insert` and returns the findings
   * of the new text. Out-of-range arguments are clamped to the text. The findings of blocks the
   * edit moved are the same objects as before, moved in place (positions, fix ranges, related
   * ranges): a caller that compares findings across edits keeps a copy.
   */
  edit(offset: number, deleteCount: number, insert: string): Finding[];
  /** The current text. */
  text(): string;
  /** The length of the current text (without joining it). */
  length(): number;
}

/** Line starts within one block's text, shared by every block with the same analysis. */
const blockLines = new WeakMap<BlockResult, LineIndex>();

class DocumentSession implements Session {
  private readonly engine: Engine;
  private src: TextChunks;
  private blocks: Block[];
  private results: BlockResult[];
  /** 0-based line of each block's first character. */
  private lines: number[];
  private han: number[];
  private latin: number[];
  private hanTotal = 0;
  private latinTotal = 0;
  private fmLocale: Locale | undefined;
  private locale: Locale;
  private docType: DocType;
  private current: Finding[];
  /**
   * Per block, its findings as last placed and where: kept beside the blocks (not in a map keyed by
   * result), so an edit replaces the entries of the blocks it re-reads and the rest move with them.
   */
  private placed: Array<{ result: BlockResult; start: number; line: number; locale: Locale; docType: DocType; findings: Finding[] } | undefined>;

  constructor(
    text: string,
    private readonly options: LintOptions,
    piece?: number,
  ) {
    this.engine = getEngine(options);
    this.src = new TextChunks(text, piece);
    this.blocks = scanBlocks(text);
    this.lines = [];
    this.han = [];
    this.latin = [];
    this.measure(this.blocks, 0, 0, this.lines, this.han, this.latin, text, 0);
    for (let i = 0; i < this.blocks.length; i++) {
      this.hanTotal += this.han[i]!;
      this.latinTotal += this.latin[i]!;
    }
    this.fmLocale = frontMatterLocale(text, this.blocks);
    this.locale = this.resolveLocale();
    this.docType = resolveDocType(text, options);
    this.fixed = this.fixedLocale();
    this.results = this.blocks.map((b, i) => blockResult(text, b, this.engine, blockReading(this.fixed, this.han[i]!, this.latin[i]!), this.docType));
    this.placed = this.blocks.map(() => undefined);
    this.facts = collectFacts(this.blocks, this.results, 0, this.blocks.length);
    this.current = this.assemble();
  }

  /** The blocks' facts for the document rules, kept in step with the blocks across edits. */
  private facts: FactLists;

  /** The locale every block is read in, when the options or the front matter name one. */
  private fixed: Locale | undefined;

  private fixedLocale(): Locale | undefined {
    const o = this.options.locale;
    return o && o !== 'auto' ? o : this.fmLocale;
  }

  findings(): Finding[] {
    return this.current;
  }

  text(): string {
    return this.src.text();
  }

  length(): number {
    return this.src.length;
  }

  edit(offset: number, deleteCount: number, insert: string): Finding[] {
    const src = this.src;
    const length = src.length;
    const at = clamp(offset, 0, length);
    const del = clamp(deleteCount, 0, length - at);
    const ins = String(insert ?? '');
    if (del === 0 && ins.length === 0) return this.current;
    const delta = ins.length - del;
    const oldEditEnd = at + del;
    const newEditEnd = at + ins.length;
    const blocks = this.blocks;

    // Restart at the block before the one the edit starts in: an indented line after a blank line
    // joins the block before it, so an edit can reach one block back. Front matter can reach from
    // the first line to a closing line anywhere: restart at 0 when the edit may create it.
    const first = lastStartAtOrBefore(blocks.length, (i) => blocks[i]!.start, at);
    let r = Math.max(0, first - 1);
    const head = at < PIECE_HEAD ? spliced(src.slice(0, PIECE_HEAD), at, del, ins) : src.slice(0, PIECE_HEAD);
    const opens = opensFrontMatter(head);
    if (r > 0 && blocks[0]!.kind !== 'frontmatter' && opens && frontMatterAtStart(spliced(src.text(), at, del, ins)) > 0) r = 0;
    const restartPos = r === 0 ? 0 : blocks[r]!.start;
    const restartLine = r === 0 ? 0 : this.lines[r]!;

    // Only a window of the text is rebuilt: the pieces from the restart block to the edit's end,
    // grown a piece at a time until the re-scan finds where the old blocks resume. Front matter is
    // the one block a window cannot judge (its closing line may be anywhere): a scan from a first
    // line that may open it reads the whole text.
    const from = src.pieceAt(restartPos);
    let to = restartPos === 0 && opens ? src.pieceCount - 1 : src.pieceAt(oldEditEnd);
    const base = src.startOf(from);
    let window = spliced(src.span(from, to), at - base, del, ins);
    let fresh: Block[];
    let resync: number;
    for (;;) {
      // Re-scan until a new block starts where an old block started after the edit, and ends
      // inside the window (a block cut by the window's end may continue beyond it).
      let j = firstAtOrAfter(blocks.length, (i) => blocks[i]!.start, oldEditEnd);
      let found = blocks.length;
      const limit = window.length;
      const local = scanBlocks(window, restartPos - base, (b) => {
        const start = b.start + base;
        if (start < newEditEnd) return true;
        while (j < blocks.length && blocks[j]!.start + delta < start) j++;
        if (j < blocks.length && blocks[j]!.start + delta === start && blocks[j]!.kind === b.kind && b.end < limit) {
          found = j;
          return false;
        }
        return true;
      });
      if (found < blocks.length || to === src.pieceCount - 1) {
        fresh = local.map((b) => ({ ...b, start: b.start + base, end: b.end + base }));
        resync = found;
        break;
      }
      to++;
      window += src.span(to, to);
    }

    const freshLines: number[] = [];
    const freshHan: number[] = [];
    const freshLatin: number[] = [];
    const lastLine = this.measure(fresh, restartPos, restartLine, freshLines, freshHan, freshLatin, window, base);
    for (let i = r; i < resync; i++) {
      this.hanTotal -= this.han[i]!;
      this.latinTotal -= this.latin[i]!;
    }
    for (let i = 0; i < fresh.length; i++) {
      this.hanTotal += freshHan[i]!;
      this.latinTotal += freshLatin[i]!;
    }
    if (resync < blocks.length) {
      // The blocks from the resync point on are unchanged, only moved.
      const resyncLine = lastLine.line + countLineBreaks(window, lastLine.start - base, blocks[resync]!.start + delta - base);
      const lineDelta = resyncLine - this.lines[resync]!;
      for (let i = resync; i < blocks.length; i++) {
        const b = blocks[i]!;
        b.start += delta;
        b.end += delta;
        this.lines[i]! += lineDelta;
      }
    }
    this.blocks = replace(blocks, r, resync, fresh);
    this.lines = replace(this.lines, r, resync, freshLines);
    this.han = replace(this.han, r, resync, freshHan);
    this.latin = replace(this.latin, r, resync, freshLatin);
    src.replace(from, to, window, delta);

    if (r === 0) this.fmLocale = this.frontMatterLocale();
    const locale = this.resolveLocale();
    const docType = at < DOC_TYPE_HEAD ? resolveDocType(src.slice(0, DOC_TYPE_HEAD), this.options) : this.docType;
    const fixed = this.fixedLocale();
    if (locale !== this.locale || docType !== this.docType || fixed !== this.fixed) {
      this.locale = locale;
      this.docType = docType;
      this.fixed = fixed;
      const text = src.text();
      this.results = this.blocks.map((b, i) => blockResult(text, b, this.engine, blockReading(fixed, this.han[i]!, this.latin[i]!), docType));
      this.placed = this.blocks.map(() => undefined);
      this.facts = collectFacts(this.blocks, this.results, 0, this.blocks.length);
    } else {
      const analysed = fresh.map((b, i) => blockResult(window, { ...b, start: b.start - base, end: b.end - base }, this.engine, blockReading(fixed, freshHan[i]!, freshLatin[i]!), docType));
      this.results = replace(this.results, r, resync, analysed);
      this.placed = replace(this.placed, r, resync, Array.from({ length: analysed.length }, () => undefined));
      this.patchFacts(r, resync, fresh.length, delta);
    }
    this.current = this.assemble();
    return this.current;
  }

  /**
   * Brings the fact lists in step after blocks `from` up to `to` (old indices) were replaced by
   * `count` analysed blocks and the blocks after them moved by `delta` code units.
   */
  private patchFacts(from: number, to: number, count: number, delta: number): void {
    const shift = count - (to - from);
    const added = collectFacts(this.blocks, this.results, from, from + count);
    for (const id of new Set([...this.facts.keys(), ...added.keys()])) {
      const list = this.facts.get(id) ?? [];
      const lo = firstAtOrAfter(list.length, (k) => list[k]!.block, from);
      const hi = firstAtOrAfter(list.length, (k) => list[k]!.block, to);
      for (let k = hi; k < list.length; k++) {
        const e = list[k]!;
        e.base += delta;
        e.block += shift;
      }
      const next = replace(list, lo, hi, added.get(id) ?? []);
      if (next.length) this.facts.set(id, next);
      else this.facts.delete(id);
    }
  }

  /** The locale the front matter names, read from the first block only. */
  private frontMatterLocale(): Locale | undefined {
    const fm = this.blocks[0];
    return fm?.kind === 'frontmatter' ? frontMatterLocale(this.src.slice(0, fm.end), this.blocks) : undefined;
  }

  private resolveLocale(): Locale {
    const o = this.options.locale;
    if (o && o !== 'auto') return o;
    return this.fmLocale ?? localeFromCounts(this.hanTotal, this.latinTotal);
  }

  /**
   * Fills the line numbers and script counts of `blocks`, the first of which starts at or after
   * `from` (a line start on line `line`); `text` holds them and starts at offset `base`. Returns
   * the last block start and its line.
   */
  private measure(
    blocks: readonly Block[],
    from: number,
    line: number,
    lines: number[],
    han: number[],
    latin: number[],
    text: string,
    base: number,
  ): { start: number; line: number } {
    let pos = from;
    for (const b of blocks) {
      line += countLineBreaks(text, pos - base, b.start - base);
      pos = b.start;
      lines.push(line);
      const c = scriptCounts(text, b.start - base, b.end - base);
      han.push(c.han);
      latin.push(c.latin);
    }
    return { start: pos, line };
  }

  private assemble(): Finding[] {
    const state: DocumentState = { slice: (start, end) => this.src.slice(start, end), blocks: this.blocks, results: this.results, locale: this.locale, docType: this.docType, facts: this.facts };
    const place: Placer = (offset, i): Position => {
      const b = this.blocks[i]!;
      const r = this.results[i]!;
      let local = blockLines.get(r);
      if (!local) {
        local = new LineIndex(this.src.slice(b.start, b.end));
        blockLines.set(r, local);
      }
      const rel = offset - b.start;
      const l = local.lineOf(rel);
      return { line: this.lines[i]! + l + 1, column: rel - local.starts[l]! + 1, offset };
    };
    const placed: PlacedCache = {
      get: (i) => {
        const p = this.placed[i];
        if (!p || p.result !== this.results[i] || p.locale !== this.locale || p.docType !== this.docType) return undefined;
        const offset = this.blocks[i]!.start - p.start;
        const line = this.lines[i]! - p.line;
        if (offset !== 0 || line !== 0) {
          for (let k = 0; k < p.findings.length; k++) moveFinding(p.findings[k]!, offset, line);
          p.start += offset;
          p.line += line;
        }
        return p.findings;
      },
      set: (i, findings) => {
        this.placed[i] = findings.length > 0 ? { result: this.results[i]!, start: this.blocks[i]!.start, line: this.lines[i]!, locale: this.locale, docType: this.docType, findings } : undefined;
      },
    };
    return assemble(state, this.engine, place, placed, this.options);
  }
}

/** How much of the text's start decides whether it opens front matter (its first line, after a BOM). */
const PIECE_HEAD = 1024;

/** `text` with `del` code units at `at` replaced by `ins`. */
function spliced(text: string, at: number, del: number, ins: string): string {
  return text.slice(0, at) + ins + text.slice(at + del);
}

/** `list` with the items from `from` up to `to` replaced by `items`. */
function replace<T>(list: T[], from: number, to: number, items: T[]): T[] {
  if (to - from === items.length) {
    for (let i = 0; i < items.length; i++) list[from + i] = items[i]!;
    return list;
  }
  return list.slice(0, from).concat(items, list.slice(to));
}

function clamp(n: number, lo: number, hi: number): number {
  const v = Number.isFinite(n) ? Math.trunc(n) : 0;
  return v < lo ? lo : v > hi ? hi : v;
}


/**
 * Starts an incremental lint of `text`: `edit()` applies a change and re-lints only the blocks it
 * can affect. The findings always equal `lint()` of the current text with the same options.
 */
export function createSession(text: string, options: LintOptions = {}): Session {
  return new DocumentSession(String(text ?? ''), options);
}

/** A session whose text is held in pieces of `piece` code units (tests use tiny pieces). */
export function createSessionInPieces(text: string, options: LintOptions, piece: number): Session {
  return new DocumentSession(String(text ?? ''), options, piece);
}
