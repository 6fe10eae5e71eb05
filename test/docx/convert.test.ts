/**
 * Word → Markdown on real .docx files written by the `docx` package, in English and Chinese: each
 * construct, the paragraph map, and every kind of bad input.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';
import { convertDocx, DOCX_LIMITS, sourceAt, type DocxConversion } from '../../src/docx/index.js';
import {
  binaryDoc,
  CHINESE,
  corruptDocx,
  emptyDocx,
  encryptedDocx,
  ENGLISH,
  lyingSizeDocx,
  notWordZip,
  PARAGRAPH,
  proposalDocx,
  truncatedDocx,
  zipBombDocx,
  type DocWords,
} from '../helpers/docx.js';

type Converted = Extract<DocxConversion, { ok: true }>;

async function converted(words: DocWords): Promise<Converted> {
  const result = await convertDocx(await proposalDocx(words));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** The 1-based line holding `text`, which must occur once. */
function lineOf(markdown: string, text: string): number {
  const lines = markdown.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  expect(hits, `"${text}" once in:\n${markdown}`).toHaveLength(1);
  return hits[0]!;
}

/** The source paragraph of the first character of `text` in the Markdown. */
function paragraphAt(result: Converted, text: string): number | undefined {
  const line = lineOf(result.markdown, text);
  const column = result.markdown.split('\n')[line - 1]!.indexOf(text) + 1;
  return sourceAt(result.map, line, column)?.paragraph;
}

describe.each([
  ['English', ENGLISH],
  ['Chinese', CHINESE],
])('a %s proposal', (_language, w) => {
  it('converts each construct to Markdown', async () => {
    const { markdown } = await converted(w);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(`# ${w.title}`);
    expect(markdown).toContain(`${w.claim[0]}**${w.claim[1]}**${w.claim[2]}*${w.claim[3]}*${w.claim[4]}[^1]`);
    // A paragraph that starts with "1. " stays a paragraph.
    expect(markdown).toContain(`1\\. ${w.numberedStart.slice(3)}`);
    // A numbered list with a nested item, indented under its parent.
    const step1 = lineOf(markdown, w.steps[0]);
    expect(lines[step1 - 1]).toBe(`1.  ${w.steps[0]}`);
    expect(lines[step1]).toBe(`    1.  ${w.subStep}`);
    expect(lines[step1 + 1]).toBe(`2.  ${w.steps[1]}`);
    // A pipe table: the document's table has no header row, so an empty one is added; the
    // pipe in a cell is escaped and the cell's two paragraphs are joined with <br>.
    const row = lineOf(markdown, w.table.row[0]);
    expect(lines.slice(row - 4, row)).toEqual([
      '|     |     |',
      '| --- | --- |',
      `| ${w.table.header[0]} | ${w.table.header[1].replace('|', '\\|')} |`,
      `| ${w.table.row[0]} | ${w.table.row[1]}<br>${w.table.cellSecondLine} |`,
    ]);
    // A line break inside a paragraph is a hard break.
    const br = lineOf(markdown, w.lineBreak[0]);
    expect(lines[br - 1]).toBe(`${w.lineBreak[0]}  `);
    expect(lines[br]).toBe(w.lineBreak[1]);
    // The footnote is kept as a GFM footnote at the end; the comment is dropped.
    expect(markdown).toContain(`\n[^1]: ${w.footnote}\n`);
    expect(markdown).not.toContain(w.comment);
    expect(markdown).not.toMatch(/[\uE000\uE001]/);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('counts the dropped comment', async () => {
    expect((await converted(w)).comments).toBe(1);
  });

  it('traces every line back to its source paragraph and excerpt', async () => {
    const result = await converted(w);
    expect(paragraphAt(result, w.title)).toBe(PARAGRAPH.title);
    expect(paragraphAt(result, w.claim[1])).toBe(PARAGRAPH.claim);
    expect(paragraphAt(result, w.numberedStart.slice(3))).toBe(PARAGRAPH.numberedStart);
    expect(paragraphAt(result, w.steps[0])).toBe(PARAGRAPH.step1);
    expect(paragraphAt(result, w.subStep)).toBe(PARAGRAPH.subStep);
    expect(paragraphAt(result, w.steps[1])).toBe(PARAGRAPH.step2);
    // Within one table row, each cell's text belongs to its own paragraph.
    expect(paragraphAt(result, w.table.header[0])).toBe(PARAGRAPH.headerLeft);
    expect(paragraphAt(result, w.table.header[1].split(' ')[0]!)).toBe(PARAGRAPH.headerRight);
    expect(paragraphAt(result, w.table.row[0])).toBe(PARAGRAPH.rowLeft);
    expect(paragraphAt(result, w.table.row[1])).toBe(PARAGRAPH.rowRight);
    expect(paragraphAt(result, w.table.cellSecondLine)).toBe(PARAGRAPH.rowRightSecond);
    // Both lines of a paragraph with a line break.
    expect(paragraphAt(result, w.lineBreak[0])).toBe(PARAGRAPH.lineBreak);
    expect(paragraphAt(result, w.lineBreak[1])).toBe(PARAGRAPH.lineBreak);
    expect(paragraphAt(result, w.closing)).toBe(PARAGRAPH.closing);
    // The footnote's text points at the paragraph that refers to it.
    const footnoteLine = lineOf(result.markdown, w.footnote);
    expect(sourceAt(result.map, footnoteLine, 10)).toEqual({ paragraph: PARAGRAPH.claim, excerpt: w.footnote, note: '1' });
    expect(sourceAt(result.map, lineOf(result.markdown, w.closing), 1)).toEqual({ paragraph: PARAGRAPH.closing, excerpt: w.closing });
    // Every non-blank line has a source; blank lines have none.
    result.markdown.split('\n').forEach((line, i) => {
      expect(sourceAt(result.map, i + 1, 1) !== undefined, `line ${i + 1}: ${line}`).toBe(line.trim() !== '');
    });
  });

  it('yields Markdown povlint lints: the claim, the cell and the footnote are all flagged', async () => {
    const result = await converted(w);
    const findings = lint(result.markdown);
    const flagged = (rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => sourceAt(result.map, f.start.line, f.start.column)?.paragraph);
    expect(flagged('puffery')).toContain(PARAGRAPH.claim);
    expect(flagged('unverifiable-absolute')).toContain(PARAGRAPH.rowRight);
    expect(flagged('weak-obligation')).toEqual(expect.arrayContaining([PARAGRAPH.subStep, PARAGRAPH.claim]));
  });
});

describe('bad input gets a reason, never an exception or a partial result', () => {
  const reasonFor = async (bytes: Uint8Array): Promise<string> => {
    const result = await convertDocx(bytes);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.reason;
  };

  it('a truncated .docx', async () => {
    expect(await reasonFor(truncatedDocx(await proposalDocx(ENGLISH)))).toMatch(/^not a readable zip archive \(corrupt or truncated/);
  });

  it('a .docx whose central directory is corrupt', async () => {
    expect(await reasonFor(corruptDocx(await proposalDocx(ENGLISH)))).toMatch(/corrupt or truncated|cannot read the Word document/);
  });

  it('an encrypted (password-protected) document', async () => {
    expect(await reasonFor(encryptedDocx())).toMatch(/^the document is encrypted \(password-protected\); remove the password/);
  });

  it('an old binary Word document (.doc)', async () => {
    expect(await reasonFor(binaryDoc())).toMatch(/^an old binary Word document \(\.doc\), not a \.docx; .*save it as a Word Document \(\.docx\)/);
  });

  it('a zip bomb is refused from its central directory, naming the limit', async () => {
    const limitMb = DOCX_LIMITS.maxUncompressedBytes / (1024 * 1024);
    const bomb = zipBombDocx(limitMb + 1);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await reasonFor(bomb)).toBe(`its XML parts would inflate to ${(limitMb + 1).toFixed(1)} MB, over the limit of ${limitMb.toFixed(1)} MB uncompressed (a possible zip bomb)`);
  });

  it('a part that inflates past its declared size is cut there and fails to parse', async () => {
    expect(await reasonFor(lyingSizeDocx(await proposalDocx(ENGLISH)))).toMatch(/^cannot read the Word document \(/);
  });

  it('a document with no text', async () => {
    expect(await reasonFor(await emptyDocx())).toBe('the Word document contains no text');
  });

  it('a zip that is not a Word document', async () => {
    expect(await reasonFor(notWordZip())).toBe('not a Word document: the zip archive has no word/document.xml');
  });

  it('a text file named .docx, and an empty file', async () => {
    expect(await reasonFor(new TextEncoder().encode('# Not Word\n'))).toBe('not a Word document (.docx files are zip archives; this file is not one)');
    expect(await reasonFor(new Uint8Array(0))).toBe('the file is empty');
  });
});
