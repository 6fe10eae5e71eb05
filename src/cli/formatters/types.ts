import type { Finding } from '../../core/index.js';
import type { SourceParagraph } from '../../docx/sourceMap.js';

/** A finding as reported: for a converted Word document, also the paragraph it came from. */
export type ReportedFinding = Finding & { source?: SourceParagraph };

/** One linted file as handed to a formatter. `text` is for converting offsets; never kept. */
export interface FileResult {
  /** Path as shown to the user: relative to the working directory, `/`-separated; `<stdin>` for `-`. */
  path: string;
  findings: ReportedFinding[];
  /** The text that was linted: for a Word document, the Markdown converted from it. */
  text?: string;
  /** The file is a Word document linted as converted Markdown: positions and fixes refer to that Markdown, not to the file. */
  converted?: boolean;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Info and hint findings. */
  infos: number;
}

/**
 * Formatters stream: `begin` once, `file` after each file is linted, `end` once. They keep no
 * file text and, except where a format needs it, no findings.
 */
export interface Formatter {
  begin(): void;
  file(result: FileResult): void;
  end(summary: Summary): void;
}

export interface FormatterContext {
  write: (text: string) => void;
  /** Colours allowed (a TTY and no NO_COLOR). */
  color: boolean;
  cwd: string;
  version: string;
}

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];
