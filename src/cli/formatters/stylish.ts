/**
 * Human output, grouped by file:
 *
 *   examples/rfp.md
 *     12:5  warning  `faster` claims an improvement with no target  unmeasured-claim
 *
 *   ✖ 1 problem (0 errors, 1 warning, 0 infos)
 *
 * For a Word document the position is in the converted Markdown and the source paragraph follows
 * it: `12:5 (paragraph 42)`.
 *
 * Each file's block is written as soon as the file is linted. Colours only when allowed.
 */
import type { Severity } from '../../core/index.js';
import { describeSource } from '../../docx/sourceMap.js';
import type { FileResult, Formatter, FormatterContext, Summary } from './types.js';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  info: ANSI.blue,
  hint: ANSI.cyan,
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Visible width of a string: code points, not UTF-16 units. */
const width = (s: string): number => [...s].length;

export function stylish(ctx: FormatterContext): Formatter {
  const paint = (code: string, text: string): string => (ctx.color ? `${code}${text}${ANSI.reset}` : text);
  let problems = 0;
  return {
    begin() {},
    file({ path, findings }: FileResult) {
      if (findings.length === 0) return;
      problems += findings.length;
      const rows = findings.map((f) => ({
        where: `${f.start.line}:${f.start.column}${f.source ? ` (${describeSource(f.source)})` : ''}`,
        severity: f.severity,
        message: f.message.replace(/\s*\r?\n\s*/g, ' '),
        rule: f.ruleId,
      }));
      const w = {
        where: Math.max(...rows.map((r) => width(r.where))),
        severity: Math.max(...rows.map((r) => r.severity.length)),
        message: Math.max(...rows.map((r) => width(r.message))),
      };
      const lines = [paint(ANSI.underline, path)];
      for (const r of rows) {
        lines.push(
          [
            '  ' + paint(ANSI.dim, r.where.padEnd(w.where)),
            paint(SEVERITY_COLOR[r.severity], r.severity.padEnd(w.severity)),
            r.message + ' '.repeat(w.message - width(r.message)),
            paint(ANSI.dim, r.rule),
          ].join('  '),
        );
      }
      ctx.write(`${lines.join('\n')}\n\n`);
    },
    end(summary: Summary) {
      const suppressed = summary.baseline?.suppressed ?? 0;
      const inBaseline = suppressed > 0 ? `${plural(suppressed, 'more problem')} recorded in ${summary.baseline!.file} not shown` : '';
      if (problems === 0) {
        if (inBaseline) ctx.write(`${paint(ANSI.dim, `✔ no new problems (${inBaseline})`)}\n`);
        return;
      }
      const text =
        `✖ ${plural(problems, 'problem')} ` +
        `(${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')})`;
      const color = summary.errors > 0 ? ANSI.red : summary.warnings > 0 ? ANSI.yellow : ANSI.blue;
      ctx.write(`${paint(ANSI.bold + color, text)}${inBaseline ? paint(ANSI.dim, `; ${inBaseline}`) : ''}\n`);
    },
  };
}
