/**
 * The paragraph map of a converted Word document: which source paragraph each stretch of each
 * Markdown line came from. Pure (no Node, no DOM), so it is unit-tested on strings.
 *
 * During conversion every paragraph that has text gets an invisible marker appended at its end
 * (private-use characters around its number; see `marker`). The marker travels through the HTML
 * and Markdown writers as ordinary text, which is why it goes at the end: Markdown escaping looks
 * at the start of a paragraph ("1. " would otherwise stop being escaped). `extractMarkers` then
 * removes the markers and records, per line, where each paragraph's text ends; a finding at a
 * column belongs to the first paragraph that ends at or after it.
 */

/** Where a finding's text is in the Word document. */
export interface SourceParagraph {
  /** 1-based, counting every paragraph of the body in document order (table cells included, empty ones too). */
  paragraph: number;
  /** The start of the paragraph's text, whitespace collapsed, at most `EXCERPT_LENGTH` characters. */
  excerpt: string;
  /** Set for the text of a footnote or endnote: its label as written in the Markdown (`[^label]`); `paragraph` is then the paragraph that refers to the note. */
  note?: string;
}

/** One paragraph's text on a Markdown line ends at `end` (a 0-based UTF-16 column). */
export interface LineSegment {
  end: number;
  /** Index into `ParagraphMap.paragraphs`. */
  ref: number;
}

export interface ParagraphMap {
  paragraphs: SourceParagraph[];
  /** Per Markdown line (0-based), the paragraphs on it in order; empty for blank lines. */
  lines: LineSegment[][];
}

export const EXCERPT_LENGTH = 80;

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;
const ANY_MARKER_CHAR = /[\uE000\uE001]/g;

/** The marker appended to the paragraph with index `ref` into the map's paragraphs. */
export const marker = (ref: number): string => `${OPEN}${ref}${CLOSE}`;

/** A paragraph's text as an excerpt: whitespace collapsed, cut at a word near `EXCERPT_LENGTH`. */
export function excerptOf(text: string): string {
  const flat = text.replace(ANY_MARKER_CHAR, '').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= EXCERPT_LENGTH) return flat;
  const cut = chars.slice(0, EXCERPT_LENGTH - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Removes the markers from converted Markdown and builds the line map. Lines without a marker of
 * their own (a table's divider row, the first lines of a paragraph with line breaks) belong to the
 * next paragraph of the same block, or else to the last one before them.
 */
export function extractMarkers(markdown: string, paragraphs: SourceParagraph[]): { markdown: string; map: ParagraphMap } {
  const rawLines = markdown.split('\n');
  const lines: LineSegment[][] = [];
  const out: string[] = [];
  for (const raw of rawLines) {
    const segments: LineSegment[] = [];
    let text = '';
    let last = 0;
    for (const m of raw.matchAll(MARKER)) {
      text += raw.slice(last, m.index);
      last = m.index + m[0].length;
      const ref = Number(m[1]);
      if (ref < paragraphs.length) segments.push({ end: text.trimEnd().length, ref });
    }
    text += raw.slice(last);
    // A marker moved to the start of the next line by a writer still belongs to the line's text;
    // stray marker characters (a document that used these private-use characters) are dropped.
    text = text.replace(ANY_MARKER_CHAR, '');
    out.push(text);
    lines.push(segments);
  }
  // Unmarked, non-blank lines: the next marked line of the same block, else the previous one.
  let next: LineSegment | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (out[i]!.trim() === '') {
      next = undefined;
      continue;
    }
    const own = lines[i]!;
    if (own.length > 0) next = own[0];
    else if (next) lines[i] = [{ end: out[i]!.length, ref: next.ref }];
  }
  let previous: LineSegment | undefined;
  for (let i = 0; i < lines.length; i++) {
    const own = lines[i]!;
    if (own.length > 0) previous = own[own.length - 1];
    else if (previous && out[i]!.trim() !== '') lines[i] = [{ end: out[i]!.length, ref: previous.ref }];
  }
  return { markdown: out.join('\n'), map: { paragraphs, lines } };
}

/** The source paragraph of a position in the Markdown: 1-based line and column, as in a finding. */
export function sourceAt(map: ParagraphMap, line: number, column: number): SourceParagraph | undefined {
  const segments = map.lines[line - 1];
  if (!segments || segments.length === 0) return undefined;
  const at = column - 1;
  const hit = segments.find((s) => s.end >= at) ?? segments[segments.length - 1]!;
  return map.paragraphs[hit.ref];
}

/** "paragraph 42", "paragraph 42, footnote 1" or "paragraph 42, endnote 2", for people. */
export function describeSource(source: SourceParagraph): string {
  if (source.note === undefined) return `paragraph ${source.paragraph}`;
  const endnote = /^endnote-(.*)$/.exec(source.note);
  return `paragraph ${source.paragraph}, ${endnote ? `endnote ${endnote[1]}` : `footnote ${source.note}`}`;
}
