/**
 * `{ "files": [ { "path": string, "findings": [Finding, ...] } ] }`: a public contract read by
 * other tools. Written as a stream, one file entry per line, so no file's findings are kept.
 * Every linted file is listed, including those without findings.
 */
import type { FileResult, Formatter, FormatterContext } from './types.js';

export function json(ctx: FormatterContext): Formatter {
  let count = 0;
  return {
    begin() {
      ctx.write('{\n  "files": [');
    },
    file({ path, findings }: FileResult) {
      ctx.write(`${count === 0 ? '' : ','}\n    ${JSON.stringify({ path, findings })}`);
      count += 1;
    },
    end() {
      ctx.write(`${count === 0 ? '' : '\n  '}]\n}\n`);
    },
  };
}
