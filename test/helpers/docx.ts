/**
 * Real Word documents for the tests, written with the `docx` package, and the bad inputs a user
 * may hand povlint instead (built with fflate and cfb, or by editing bytes).
 */
import * as CFB from 'cfb';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strToU8, zipSync } from 'fflate';

/** The words of one test document in one language. */
export interface DocWords {
  title: string;
  /** Split so that `claim[1]` is bold and `claim[3]` italic. */
  claim: [string, string, string, string, string];
  numberedStart: string;
  steps: [string, string];
  subStep: string;
  table: { header: [string, string]; row: [string, string]; cellSecondLine: string };
  lineBreak: [string, string];
  footnote: string;
  comment: string;
  closing: string;
}

export const ENGLISH: DocWords = {
  title: 'Security Operations Proposal',
  claim: ['Our ', 'industry-leading', ' platform will ', 'significantly', ' reduce risk.'],
  numberedStart: '1. This line starts with a number but is not a list.',
  steps: ['Deploy the agents in the pilot estate.', 'Hand over the runbooks.'],
  subStep: 'The vendor will respond promptly to every alert.',
  table: { header: ['Metric', 'Target | goal'], row: ['Uptime', 'Always available.'], cellSecondLine: 'Measured each month.' },
  lineBreak: ['First line of the address.', 'Second line of the address.'],
  footnote: 'The vendor shall use commercially reasonable efforts.',
  comment: 'Reviewer: is this industry-leading claim backed by data?',
  closing: 'The supplier delivers the report within 10 business days of each quarter end.',
};

export const CHINESE: DocWords = {
  title: '安全运营服务建议书',
  claim: ['我们', '业界领先', '的平台将', '显著', '降低风险。'],
  numberedStart: '1. 这一行以数字开头，但不是列表。',
  steps: ['在试点环境部署代理。', '移交运行手册。'],
  subStep: '供应商将及时响应每一个告警。',
  table: { header: ['指标', '目标 | 说明'], row: ['可用性', '系统永不宕机。'], cellSecondLine: '按月度量。' },
  lineBreak: ['地址第一行。', '地址第二行。'],
  footnote: '供应商应尽商业上合理的努力。',
  comment: '评审意见：这个说法有数据支持吗？',
  closing: '供应商在每季度结束后10个工作日内提交报告。',
};

/**
 * The paragraphs of `proposalDocx`, 1-based in document order, as the paragraph map must count
 * them (an empty paragraph and every table cell's paragraphs included).
 */
export const PARAGRAPH = {
  title: 1,
  claim: 2,
  empty: 3,
  numberedStart: 4,
  step1: 5,
  subStep: 6,
  step2: 7,
  headerLeft: 8,
  headerRight: 9,
  rowLeft: 10,
  rowRight: 11,
  rowRightSecond: 12,
  lineBreak: 13,
  closing: 14,
};

/** A document with every construct povlint converts: heading, bold and italic, a numbered list
 * with a nested item, a table with a two-line cell, a line break, a footnote and a comment. */
export async function proposalDocx(words: DocWords): Promise<Uint8Array> {
  const doc = new Document({
    comments: { children: [{ id: 0, author: 'Buyer', initials: 'B', date: new Date(0), children: [new Paragraph({ children: [new TextRun(words.comment)] })] }] },
    footnotes: { 1: { children: [new Paragraph(words.footnote)] } },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: words.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun(words.claim[0]),
              new TextRun({ text: words.claim[1], bold: true }),
              new TextRun(words.claim[2]),
              new TextRun({ text: words.claim[3], italics: true }),
              new TextRun(words.claim[4]),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph(''),
          new Paragraph(words.numberedStart),
          new Paragraph({ text: words.steps[0], numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: words.subStep, numbering: { reference: 'steps', level: 1 } }),
          new Paragraph({ text: words.steps[1], numbering: { reference: 'steps', level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: words.table.header.map((h) => new TableCell({ children: [new Paragraph(h)] })) }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph(words.table.row[0])] }),
                  new TableCell({ children: [new Paragraph(words.table.row[1]), new Paragraph(words.table.cellSecondLine)] }),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun(words.lineBreak[0]), new TextRun({ text: words.lineBreak[1], break: 1 })] }),
          new Paragraph(words.closing),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A document of the given paragraphs, for the benchmark and simple cases. */
export async function paragraphsDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Only empty paragraphs. */
export const emptyDocx = (): Promise<Uint8Array> => paragraphsDocx(['', '', '   ']);

/** The first half of a real document: no end of central directory. */
export const truncatedDocx = (bytes: Uint8Array): Uint8Array => bytes.slice(0, Math.floor(bytes.length / 2));

/** A real document whose central directory is overwritten with noise. */
export function corruptDocx(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const eocd = lastIndexOf(out, [0x50, 0x4b, 0x05, 0x06]);
  const centralDirectory = view(out).getUint32(eocd + 16, true);
  for (let i = centralDirectory; i < eocd; i++) out[i] = (i * 31) & 0xff;
  return out;
}

/** An OLE compound file holding the streams of a password-protected Office document. */
export function encryptedDocx(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(64).fill(4));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096).fill(7));
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

/** An OLE compound file with the `WordDocument` stream of Word 97-2003. */
export function binaryDoc(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'WordDocument', new Uint8Array(4096).fill(1));
  CFB.utils.cfb_add(cfb, '1Table', new Uint8Array(1024).fill(2));
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

/** A zip that looks like a document and holds `mb` megabytes of zeros in word/document.xml. */
export function zipBombDocx(mb: number): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': new Uint8Array(mb * 1024 * 1024),
    },
    { level: 9 },
  );
}

/**
 * A real document whose central directory claims word/document.xml is 10 bytes: the inflated
 * text must be cut at the declared size (and then fail to parse), never grow past it.
 */
export function lyingSizeDocx(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const dv = view(out);
  const eocd = lastIndexOf(out, [0x50, 0x4b, 0x05, 0x06]);
  let at = dv.getUint32(eocd + 16, true);
  const name = new TextEncoder().encode('word/document.xml');
  while (dv.getUint32(at, true) === 0x02014b50) {
    const nameLength = dv.getUint16(at + 28, true);
    const extra = dv.getUint16(at + 30, true);
    const comment = dv.getUint16(at + 32, true);
    const entryName = out.subarray(at + 46, at + 46 + nameLength);
    if (entryName.length === name.length && entryName.every((b, i) => b === name[i])) {
      dv.setUint32(at + 24, 10, true);
      return out;
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error('word/document.xml not found in the central directory');
}

/** A zip with no Word document in it. */
export const notWordZip = (): Uint8Array => zipSync({ 'readme.txt': strToU8('hello') });

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function lastIndexOf(bytes: Uint8Array, signature: number[]): number {
  for (let i = bytes.length - signature.length; i >= 0; i--) if (signature.every((b, j) => bytes[i + j] === b)) return i;
  throw new Error('signature not found');
}
