/**
 * `{ "files": [ { "path": string, "findings": [Finding, ...] } ] }`: a public contract read by
 * other tools. Written as a stream, one file entry per line, so no file's findings are kept.
 * Every linted file is listed, including those without findings. With a baseline, each file also
 * lists the findings it covers (`suppressed`), and the log ends with what the baseline did
 * (`baseline`: its file, how many findings it covered, the entries that no longer match).
 */
import type { FileResult, Formatter, FormatterContext } from './types.js';

export function json(ctx: FormatterContext): Formatter {
  let count = 0;
  return {
    begin() {
      ctx.write('{\n  "files": [');
    },
    file({ path, findings, suppressed }: FileResult) {
      ctx.write(`${count === 0 ? '' : ','}\n    ${JSON.stringify({ path, findings, ...(suppressed ? { suppressed } : {}) })}`);
      count += 1;
    },
    end(summary) {
      const baseline = summary.baseline ? `,\n  "baseline": ${JSON.stringify(summary.baseline)}` : '';
      ctx.write(`${count === 0 ? '' : '\n  '}]${baseline}\n}\n`);
    },
  };
}
