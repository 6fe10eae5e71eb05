import type { BaselineEntry, Finding, FindingKey } from '../../core/index.js';
import type { SourceParagraph } from '../../docx/sourceMap.js';

/** A finding as reported: for a converted Word document, also the paragraph it came from. */
export type ReportedFinding = Finding & { source?: SourceParagraph };

/** One linted file as handed to a formatter. `text` is for converting offsets; never kept. */
export interface FileResult {
  /** Path as shown to the user: relative to the working directory, `/`-separated; `<stdin>` for `-`. */
  path: string;
  /** The findings to report (with a baseline: the new ones). */
  findings: ReportedFinding[];
  /** The baseline key of each of `findings`, when a baseline or the format needs them. */
  keys?: FindingKey[];
  /** With a baseline: the findings it covers, not reported. */
  suppressed?: Finding[];
  /** The text that was linted: for a Word document, the Markdown converted from it. */
  text?: string;
  /** The file is a Word document linted as converted Markdown: positions and fixes refer to that Markdown, not to the file. */
  converted?: boolean;
}

/** What the baseline did in a run. */
export interface BaselineSummary {
  /** The baseline file as shown to the user. */
  file: string;
  /** Its folder relative to the working directory (`.` when the same); entry paths are relative to it. */
  dir: string;
  /** Findings covered by the baseline, not reported. */
  suppressed: number;
  /** Entries that no longer match any finding (fixed or reworded), with the unmatched count. */
  stale: BaselineEntry[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Info and hint findings. */
  infos: number;
  /** Present when a baseline was matched. */
  baseline?: BaselineSummary;
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

export const FORMATS = ['stylish', 'json', 'sarif', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];
