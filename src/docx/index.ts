/**
 * Word documents for the CLI and the desktop extension: open a `.docx` safely, convert it to
 * Markdown, and trace each Markdown line back to its source paragraph. Runs in Node only (mammoth
 * and turndown's DOM); the web extension does not include it.
 */
export { convertDocx, type DocxConversion } from './convert.js';
export { DOCX_LIMITS, openDocx } from './container.js';
export { describeSource, sourceAt, type ParagraphMap, type SourceParagraph } from './sourceMap.js';

/** Whether a path names a Word document povlint converts. */
export const isDocxPath = (path: string): boolean => /\.docx$/i.test(path);
