/**
 * Word (`.docx`) → Markdown, with a map from every Markdown line back to its source paragraph.
 *
 * mammoth reads the document into its tree and writes HTML; turndown with the GFM plugin writes
 * the Markdown. Between the two, one walk over mammoth's tree numbers the paragraphs and appends
 * each paragraph's marker (./sourceMap.ts), which is removed again from the Markdown.
 *
 * What becomes of each construct:
 * - headings, paragraphs, bold, italic, strikethrough, links: as Markdown;
 * - lists, nested and numbered: `-` and `1.` lists, nested by indentation;
 * - tables: GFM pipe tables; a header row is added when the document's table has none (it is
 *   empty), paragraphs and line breaks inside a cell are joined with `<br>`, lists and headings
 *   inside a cell become plain paragraphs of the cell;
 * - footnotes and endnotes: kept, as GFM footnotes (`[^1]` in the text, `[^1]: text` at the end),
 *   so their text is linted too;
 * - comments: dropped (they are reviewers' notes about the document, not its text); their number
 *   is returned so a caller can say so;
 * - images: dropped (nothing is inflated for them); external files are never read.
 */
import type TurndownService from 'turndown';
import { openDocx } from './container.js';
import { excerptOf, extractMarkers, marker, type ParagraphMap, type SourceParagraph } from './sourceMap.js';

export type DocxConversion =
  | { ok: true; markdown: string; map: ParagraphMap; comments: number }
  | { ok: false; reason: string };

/** The parts of mammoth's document tree this module reads or changes. */
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  noteType?: string;
  noteId?: string;
  body?: DocElement[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
}

interface DocRoot extends DocElement {
  notes?: { resolve(reference: { noteType: string; noteId: string }): DocElement | null };
  comments?: unknown[];
}

/** The Markdown label of a footnote or endnote, as used by `[^label]`. */
const noteLabel = (noteType: string, noteId: string): string => (noteType === 'endnote' ? `endnote-${noteId}` : noteId);

function textOf(element: DocElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return ' ';
  if (element.type === 'break') return '\n';
  return (element.children ?? []).map(textOf).join('');
}

function noteReferencesOf(element: DocElement, out: DocElement[] = []): DocElement[] {
  if (element.type === 'noteReference') out.push(element);
  for (const child of element.children ?? []) noteReferencesOf(child, out);
  return out;
}

/**
 * Numbers the paragraphs in document order and marks each that has text. Inside table cells,
 * list numbering and heading styles are removed, so a cell stays one line of a pipe table.
 */
function markParagraphs(document: DocRoot): { paragraphs: SourceParagraph[]; bodyParagraphsWithText: number } {
  const paragraphs: SourceParagraph[] = [];
  let count = 0;
  let withText = 0;

  const mark = (paragraph: DocElement, source: SourceParagraph): void => {
    const ref = paragraphs.push(source) - 1;
    (paragraph.children ??= []).push({ type: 'text', value: marker(ref) });
  };

  const visit = (element: DocElement, inCell: boolean): void => {
    if (element.type === 'paragraph') {
      count += 1;
      const number = count;
      if (inCell) {
        element.numbering = null;
        element.styleId = null;
        element.styleName = null;
      }
      const text = textOf(element);
      if (text.trim() !== '') {
        withText += 1;
        mark(element, { paragraph: number, excerpt: excerptOf(text) });
      }
      for (const reference of noteReferencesOf(element)) {
        const note = document.notes?.resolve({ noteType: reference.noteType ?? '', noteId: reference.noteId ?? '' });
        if (!note) continue;
        const label = noteLabel(reference.noteType ?? '', reference.noteId ?? '');
        for (const noteParagraph of note.body ?? []) visitNote(noteParagraph, number, label);
      }
      return;
    }
    const cell = inCell || element.type === 'tableCell';
    for (const child of element.children ?? []) visit(child, cell);
  };

  const visitNote = (element: DocElement, paragraph: number, label: string): void => {
    if (element.type === 'paragraph') {
      const text = textOf(element);
      if (text.trim() !== '') mark(element, { paragraph, excerpt: excerptOf(text), note: label });
      return;
    }
    for (const child of element.children ?? []) visitNote(child, paragraph, label);
  };

  visit(document, false);
  return { paragraphs, bodyParagraphsWithText: withText };
}

/** The parts of turndown's DOM nodes the rules read (the type checker here has no DOM library). */
interface DomNode {
  nodeName: string;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  getAttribute(name: string): string | null;
}

const dom = (node: unknown): DomNode => node as DomNode;
const attribute = (node: unknown, name: string): string => dom(node).getAttribute(name) ?? '';

const isIn = (node: unknown, names: string[]): boolean => {
  for (let parent = dom(node).parentNode; parent; parent = parent.parentNode) if (names.includes(parent.nodeName)) return true;
  return false;
};

const NOTE_ID = /^(footnote|endnote)-(-?\d+)$/;
const NOTE_REF_HREF = /^#(footnote|endnote)-(-?\d+)$/;

/**
 * mammoth and turndown are loaded on the first conversion, so a run that converts nothing (and
 * the CLI's start-up) does not pay for them.
 */
async function libraries() {
  const [mammothModule, turndownModule, gfmModule] = await Promise.all([import('mammoth'), import('turndown'), import('@joplin/turndown-plugin-gfm')]);
  return {
    mammoth: mammothModule.default,
    Turndown: turndownModule.default,
    gfm: gfmModule.gfm ?? (gfmModule as unknown as { default: typeof gfmModule }).default.gfm,
  };
}

type Libraries = Awaited<ReturnType<typeof libraries>>;

function markdownWriter({ Turndown, gfm }: Libraries): TurndownService {
  const service = new Turndown({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', strongDelimiter: '**' });
  service.use(gfm);
  service.addRule('noteReference', {
    filter: (node) => dom(node).nodeName === 'SUP' && dom(node).firstChild?.nodeName === 'A' && NOTE_REF_HREF.test(attribute(dom(node).firstChild, 'href')),
    replacement: (_content, node) => {
      const m = NOTE_REF_HREF.exec(attribute(dom(node).firstChild, 'href'))!;
      return `[^${noteLabel(m[1]!, m[2]!)}]`;
    },
  });
  service.addRule('noteDefinition', {
    filter: (node) => dom(node).nodeName === 'LI' && NOTE_ID.test(attribute(node, 'id')),
    replacement: (content, node) => {
      const m = NOTE_ID.exec(attribute(node, 'id'))!;
      const body = content.trim().replace(/\n/g, '\n    ');
      return `[^${noteLabel(m[1]!, m[2]!)}]: ${body}\n\n`;
    },
  });
  service.addRule('noteBackLink', {
    filter: (node) => dom(node).nodeName === 'A' && /^#(footnote|endnote)-ref-/.test(attribute(node, 'href')),
    replacement: () => '',
  });
  service.addRule('image', { filter: 'img', replacement: () => '' });
  // Within a table cell, paragraphs and line breaks end up as `<br>` (the GFM plugin turns a
  // cell's newlines into `<br>`), one per break.
  service.addRule('cellParagraph', {
    filter: (node) => dom(node).nodeName === 'P' && isIn(node, ['TD', 'TH']),
    replacement: (content) => `\n${content.trim()}\n`,
  });
  service.addRule('cellBreak', {
    filter: (node) => dom(node).nodeName === 'BR' && isIn(node, ['TD', 'TH']),
    replacement: () => '\n',
  });
  return service;
}

/** Converts the bytes of a `.docx` file; never throws. */
export async function convertDocx(bytes: Uint8Array): Promise<DocxConversion> {
  const opened = await openDocx(bytes);
  if (!opened.ok) return opened;

  const libs = await libraries();
  const { mammoth } = libs;
  let html: string;
  let paragraphs: SourceParagraph[] = [];
  let withText = 0;
  let comments = 0;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(opened.zip.buffer, opened.zip.byteOffset, opened.zip.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        transformDocument: (document: DocRoot) => {
          const marked = markParagraphs(document);
          paragraphs = marked.paragraphs;
          withText = marked.bodyParagraphsWithText;
          comments = document.comments?.length ?? 0;
          return document;
        },
      },
    );
    html = result.value;
  } catch (e) {
    return { ok: false, reason: `cannot read the Word document (${(e as Error).message.replace(/\s+/g, ' ').trim()})` };
  }
  if (withText === 0) return { ok: false, reason: 'the Word document contains no text' };

  let written: string;
  try {
    written = markdownWriter(libs).turndown(html);
  } catch (e) {
    return { ok: false, reason: `cannot write the Word document as Markdown (${(e as Error).message})` };
  }
  const { markdown, map } = extractMarkers(`${written.trim()}\n`, paragraphs);
  return { ok: true, markdown, map, comments };
}
