/**
 * Prose units: the sentences of paragraphs, list items and table cells, as plain text with a map
 * back to exact source offsets (across emphasis, links, escapes and line breaks).
 */
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { splitSentences } from './sentences.js';
import { CHARACTER_REFERENCE } from './syntax.js';

/** A run of plain text that maps onto source text. */
export interface Seg {
  /** Offset in the plain text. */
  p: number;
  /** Offset in the source (block-local). */
  s: number;
  /** Length in the plain text. */
  len: number;
  /** Source length (equals len when exact). */
  slen: number;
}

export type UnitContainer = 'paragraph' | 'list-item' | 'table-cell' | 'table-header' | 'quote';

/** The plain text of one paragraph or table cell. */
export interface PlainText {
  text: string;
  segs: Seg[];
  container: UnitContainer;
}

export interface ProseUnit {
  /** The sentence's plain text. */
  text: string;
  /** Where the sentence starts in `base.text`. */
  from: number;
  base: PlainText;
  /** Block-local source offsets of the sentence. */
  start: number;
  end: number;
  container: UnitContainer;
}

/** Maps a plain-text offset of `base` to a source offset (block-local). */
export function toSource(base: PlainText, p: number, side: 'start' | 'end'): number {
  const segs = base.segs;
  if (segs.length === 0) return 0;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.p <= p) lo = mid;
    else hi = mid - 1;
  }
  let seg = segs[lo]!;
  if (side === 'end' && p === seg.p && lo > 0) seg = segs[lo - 1]!;
  const d = p - seg.p;
  if (seg.len === seg.slen) return seg.s + Math.max(0, Math.min(d, seg.len));
  // Non-exact run (inline code, entity): snap to its edges.
  return d <= 0 ? seg.s : seg.s + seg.slen;
}

/** Characters of a text node that read as a space. */
/** An HTML line break, read as a space. */
const LINE_BREAK = /^<br\s*\/?>$/i;
const SOFT_BREAK = /[\r\n\t]/g;

class PlainBuilder {
  text = '';
  segs: Seg[] = [];
  constructor(private readonly src: string) {}

  /** Adds a text node's value, aligned character by character with its source slice. */
  addText(value: string, s: number, e: number): void {
    const src = this.src;
    if (value.length === e - s && src.startsWith(value, s)) {
      // A CRLF reads as one space, as an LF does, so distances in the text do not depend on line endings.
      let from = 0;
      for (let crlf = value.indexOf('\r\n'); crlf >= 0; crlf = value.indexOf('\r\n', from)) {
        if (crlf > from) this.push(value.slice(from, crlf), s + from, crlf - from);
        this.pushInexact(' ', s + crlf, 2);
        from = crlf + 2;
      }
      if (from < value.length) this.push(from ? value.slice(from) : value, s + from, value.length - from);
      return;
    }
    let k = s;
    let runP = -1;
    let runS = -1;
    let runLen = 0;
    const flush = (): void => {
      if (runLen > 0) this.push(value.slice(runP, runP + runLen), runS, runLen);
      runLen = 0;
    };
    for (let j = 0; j < value.length; j++) {
      const ch = value[j]!;
      const ref = src[k] === '&' ? referenceAt(src, k, e, value, j) : undefined;
      if (ref) {
        // A character reference: its decoded text maps onto the whole reference, inexact.
        flush();
        this.pushInexact(value.slice(j, j + ref.n), k, ref.len);
        j += ref.n - 1;
        k += ref.len;
        continue;
      }
      // Skip source characters that the parser dropped (escapes, indentation, quote markers, CR),
      // but never a character reference: its decoded character may also occur later, literally.
      let probe = k;
      // The parser reads NUL as U+FFFD: match it there, not at a literal U+FFFD further on.
      const same = (c: string | undefined): boolean => c === ch || (c === '\0' && ch === '\uFFFD');
      while (probe < e && !same(src[probe]) && !(probe > k && src[probe] === '&' && isReference(src, probe, e))) probe++;
      if (probe < e && !same(src[probe])) {
        // Stopped at a reference: take this character again from there.
        k = probe;
        j--;
        continue;
      }
      if (probe >= e) {
        // Not found (entity or character reference): map to the current position, inexact.
        flush();
        this.pushInexact(ch, k, 0);
        continue;
      }
      if (ch === '\r' && value[j + 1] === '\n' && src[probe + 1] === '\n') {
        // A CRLF reads as one space here too, as on the exact path above.
        flush();
        this.pushInexact(' ', probe, 2);
        j++;
        k = probe + 2;
        continue;
      }
      if (probe !== k || runLen === 0 || runS + runLen !== probe) {
        flush();
        runP = j;
        runS = probe;
      }
      runLen++;
      k = probe + 1;
    }
    flush();
  }

  private push(value: string, s: number, len: number): void {
    this.segs.push({ p: this.text.length, s, len, slen: len });
    // Soft line breaks read as spaces (one character for one, so offsets still map).
    this.text += value.replace(SOFT_BREAK, ' ');
  }

  pushInexact(value: string, s: number, slen: number): void {
    this.segs.push({ p: this.text.length, s, len: value.length, slen });
    this.text += value;
  }
}


function isReference(src: string, k: number, e: number): boolean {
  CHARACTER_REFERENCE.lastIndex = k;
  const m = CHARACTER_REFERENCE.exec(src);
  return m !== null && k + m[0].length <= e;
}

/**
 * The character reference at `k` in `src` that the parser decoded into `value` at `j`: its source
 * length and how many code units of `value` it became (a whole surrogate pair, never half).
 */
function referenceAt(src: string, k: number, e: number, value: string, j: number): { len: number; n: number } | undefined {
  CHARACTER_REFERENCE.lastIndex = k;
  const m = CHARACTER_REFERENCE.exec(src);
  if (!m || k + m[0].length > e) return undefined;
  const len = m[0].length;
  // Not decoded (an unknown name stays literal text).
  if (value.startsWith(m[0], j)) return undefined;
  const dec = m[1];
  const hex = m[2];
  if (hex !== undefined || dec !== undefined) {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    const decoded = code > 0 && code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    return value.startsWith(decoded, j) ? { len, n: decoded.length } : undefined;
  }
  const c = value.charCodeAt(j);
  let n = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  // A few names decode to two characters (&fjlig;): resynchronise with the source after it.
  if (j + n < value.length && value[j + n] !== src[k + len] && value[j + n + 1] === src[k + len]) n += 1;
  return j + n <= value.length ? { len, n } : undefined;
}

function collectPhrasing(nodes: readonly PhrasingContent[], b: PlainBuilder): void {
  for (const node of nodes) {
    const pos = node.position;
    switch (node.type) {
      case 'text':
        if (pos) b.addText(node.value, pos.start.offset!, pos.end.offset!);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference':
        collectPhrasing(node.children, b);
        break;
      case 'inlineCode':
        if (pos) b.pushInexact('\uFFFC', pos.start.offset!, pos.end.offset! - pos.start.offset!);
        break;
      case 'break':
        if (pos) b.pushInexact(' ', pos.start.offset!, pos.end.offset! - pos.start.offset!);
        break;
      case 'html':
        if (pos && LINE_BREAK.test(node.value)) b.pushInexact(' ', pos.start.offset!, pos.end.offset! - pos.start.offset!);
        break;
      default:
        break;
    }
  }
}

const HTML_TOKEN = /<!--[^]*?(?:-->|$)|<(\/?)([A-Za-z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g;
const HTML_BREAK = /^(?:p|td|th|li|div|blockquote|dd|dt|tr|table|tbody|thead|tfoot|ul|ol|br|hr|section|article|caption|figcaption|header|footer|main|aside|details|summary|h[1-6])$/i;
const HTML_SKIP = /^(?:script|style|h[1-6]|code|pre|textarea|title)$/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”' };

function decodeEntity(e: string): string {
  if (e[1] === '#') {
    const code = e[2] === 'x' || e[2] === 'X' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
    return code > 0 && code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[e.slice(1, -1).toLowerCase()] ?? ' ';
}

/** The prose inside a raw HTML block (tables and paragraphs pasted as HTML), split at block-level tags. */
function htmlPlains(value: string, base: number, src: string, container: UnitContainer): PlainText[] {
  const out: PlainText[] = [];
  let b = new PlainBuilder(src);
  let cell: UnitContainer = container;
  const flush = (): void => {
    if (b.text.trim()) out.push({ text: b.text, segs: b.segs, container: cell });
    b = new PlainBuilder(src);
  };
  let skipUntil: string | null = null;
  let last = 0;
  HTML_TOKEN.lastIndex = 0;
  for (let m = HTML_TOKEN.exec(value); ; m = HTML_TOKEN.exec(value)) {
    const at = m ? m.index : value.length;
    if (!skipUntil && at > last) b.addText(value.slice(last, at), base + last, base + at);
    if (!m) break;
    last = at + m[0].length;
    const tag = m[2]?.toLowerCase();
    if (!tag) {
      if (m[0][0] === '&' && !skipUntil) b.pushInexact(decodeEntity(m[0]), base + at, m[0].length);
      continue;
    }
    if (skipUntil) {
      if (m[1] === '/' && tag === skipUntil) skipUntil = null;
      continue;
    }
    if (HTML_SKIP.test(tag) && m[1] !== '/') {
      flush();
      skipUntil = tag;
      continue;
    }
    if (HTML_BREAK.test(tag)) {
      flush();
      if (tag === 'td' || tag === 'th' || tag === 'li') cell = tag === 'li' ? 'list-item' : 'table-cell';
    }
  }
  flush();
  return out;
}

function plainOf(nodes: readonly PhrasingContent[], src: string, container: UnitContainer): PlainText {
  const b = new PlainBuilder(src);
  collectPhrasing(nodes, b);
  return { text: b.text, segs: b.segs, container };
}

/** All prose units of a parsed block, in source order. */
export function proseUnits(tree: Root, src: string, locale: string): ProseUnit[] {
  const out: ProseUnit[] = [];
  const addPlain = (base: PlainText): void => {
    if (!base.text.trim()) return;
    for (const [a, z] of splitSentences(base.text, locale)) {
      const start = toSource(base, a, 'start');
      const end = toSource(base, z, 'end');
      if (end <= start) continue;
      out.push({ text: base.text.slice(a, z), from: a, base, start, end, container: base.container });
    }
  };
  const walk = (node: Nodes, container: UnitContainer): void => {
    switch (node.type) {
      case 'paragraph':
        addPlain(plainOf(node.children, src, container));
        return;
      case 'table': {
        node.children.forEach((row, i) => {
          for (const cell of row.children) addPlain(plainOf(cell.children, src, i === 0 ? 'table-header' : 'table-cell'));
        });
        return;
      }
      case 'listItem':
        for (const child of node.children) walk(child, 'list-item');
        return;
      case 'blockquote':
        for (const child of node.children) walk(child, 'quote');
        return;
      case 'html':
        if (node.position && !/^\s*<!--/.test(node.value)) for (const p of htmlPlains(node.value, node.position.start.offset!, src, container)) addPlain(p);
        return;
      case 'heading':
      case 'code':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) for (const child of (node as Parents).children) walk(child as Nodes, container);
    }
  };
  walk(tree, 'paragraph');
  return out;
}
