/**
 * `povlint convert <file.docx> [-o file.md]`: writes a Word document as Markdown, the same
 * Markdown `povlint file.docx` lints, so a team can move the document into its repository.
 * Standard output without `-o`. The one place the CLI writes a file, and only the one named.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isDocxPath } from '../../docx/index.js';
import { displayPath, readWordFile } from '../files.js';
import type { CliIo } from '../io.js';
import { EXIT_ERROR, EXIT_OK } from '../run.js';
import { isUsageError, UsageError, usageFailure } from './shared.js';

export const CONVERT_HELP = `Usage: povlint convert <file.docx> [-o <file.md>]

Converts a Word document (.docx) to Markdown: headings, paragraphs, bold and italic, lists,
tables (GFM pipe tables; line breaks inside a cell become <br>) and footnotes (GFM footnotes).
Comments and images are left out. The Markdown is what \`povlint file.docx\` lints.

Options:
  -o, --output <file>   write the Markdown to this file (default: standard output)
  -h, --help            print this help

Exit codes: 0 converted, 2 usage error or a document that cannot be converted.
`;

export async function runConvert(argv: string[], io: CliIo): Promise<number> {
  let input: string;
  let output: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(CONVERT_HELP);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name one Word document (.docx) to convert' : 'convert takes one Word document at a time');
    input = positionals[0]!;
    if (!isDocxPath(input)) throw new UsageError(`"${input}" is not a Word document (.docx)`);
    if (values.output !== undefined) {
      if (values.output === '') throw new UsageError('--output needs a file name');
      output = values.output;
    }
  } catch (e) {
    if (!isUsageError(e)) throw e;
    return usageFailure(io, 'convert', e);
  }

  const path = resolve(io.cwd, input);
  const shown = displayPath(io.cwd, path);
  const converted = await readWordFile(path);
  if (!converted.ok) {
    io.stderr(`povlint: error: ${shown}: ${converted.reason}\n`);
    return EXIT_ERROR;
  }
  if (converted.comments > 0) {
    const what = converted.comments === 1 ? '1 comment was' : `${converted.comments} comments were`;
    io.stderr(`povlint: note: ${shown}: ${what} left out (comments are reviewers' notes, not the document's text)\n`);
  }
  if (output === undefined) {
    io.stdout(converted.markdown);
    return EXIT_OK;
  }
  const target = resolve(io.cwd, output);
  try {
    await writeFile(target, converted.markdown);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(`povlint: error: ${displayPath(io.cwd, target)}: cannot write file (${err.code ?? err.message})\n`);
    return EXIT_ERROR;
  }
  return EXIT_OK;
}
