/**
 * `povlint scorecard [files, folders or globs ...] [--format md|csv|json] [--min-readiness N]`
 * Lists every measurable commitment or success criterion of each document with its six parts,
 * the claims still to be made measurable, and the document's POV readiness. Files, config
 * discovery, ignore globs and size limits are the lint command's.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_CONFIG,
  decodeText,
  isIgnored,
  isTooLarge,
  LOCALES,
  mergeConfigs,
  formatReadiness,
  formatScorecard,
  scorecard,
  scorecardMarkdown,
  tooLargeReason,
  totalLine,
  type ScorecardFile,
  type PovlintConfig,
} from '../../core/index.js';
import { configResolver, configsForInputs, toPosix } from '../configs.js';
import { displayPath, expandInputs, readTextFile, type Input } from '../files.js';
import type { CliIo } from '../io.js';
import { configFailure, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, lintOptions } from '../run.js';
import { isUsageError, oneOf, UsageError, usageFailure } from './shared.js';

export const SCORECARD_HELP = `Usage: povlint scorecard [options] [files, folders or globs ...]

Lists each document's measurable commitments and success criteria with their parts (metric,
target, baseline, window, method, remedy), the claims still to be made measurable, and its POV
readiness: the share of outcome statements (criteria plus unmeasured claims) that are fully
specified. Files are found, configured and skipped as by \`povlint\`; \`-\` reads standard input.

Options:
  -f, --format md|csv|json   output: a Markdown table per document with a summary line (default),
                             CSV rows for spreadsheets, or JSON
      --min-readiness <N>    exit 1 when a document's POV readiness is below N percent (0-100);
                             a document with no outcome statements has no readiness and passes
  -c, --config <file>        use this config file instead of looking for .povlint.jsonc / .povlint.json
      --locale <locale>      document language: en, zh or auto (default: auto)
  -h, --help                 print this help

Exit codes: 0 done (and every document at or above --min-readiness), 1 a document below
--min-readiness, 2 usage, configuration or I/O error.
`;

const FORMATS = ['md', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];


export async function runScorecard(argv: string[], io: CliIo): Promise<number> {
  let format: Format;
  let minReadiness: number | undefined;
  let inputs: string[];
  let cliConfig: PovlintConfig = {};
  let explicitConfig: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'min-readiness': { type: 'string' },
        config: { type: 'string', short: 'c' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(SCORECARD_HELP);
      return EXIT_OK;
    }
    format = oneOf('format', values.format, FORMATS) ?? 'md';
    if (values['min-readiness'] !== undefined) minReadiness = parsePercent(values['min-readiness']);
    const locale = oneOf('locale', values.locale, [...LOCALES, 'auto'] as const);
    if (locale) cliConfig = { locale };
    if (values.config !== undefined) {
      if (values.config === '') throw new UsageError('--config needs a file name');
      explicitConfig = values.config;
    }
    inputs = positionals;
    if (inputs.length === 0) throw new UsageError('no files given: name files, folders or globs, or `-` for standard input');
  } catch (e) {
    if (isUsageError(e)) return usageFailure(io, 'scorecard', e);
    throw e;
  }

  let ioError = false;
  const files: Input[] = [];
  for await (const input of expandInputs(inputs, io.cwd, (input, why) => {
    io.stderr(`povlint: error: ${input}: ${why}\n`);
    ioError = true;
  })) {
    files.push(input);
  }
  // Every config first: a broken one stops everything before a single file is read.
  const loader = configResolver(io.cwd, explicitConfig);
  const { configFor, errors } = await configsForInputs(loader, files, io.cwd);
  if (errors.length > 0) return configFailure(io, errors);

  const cards: ScorecardFile[] = [];
  for (const input of files) {
    const loaded = configFor(input);
    const merged = mergeConfigs(DEFAULT_CONFIG, loaded.config, cliConfig);
    const maxKB = merged.maxFileSizeKB ?? 5000;
    const shown = input.path ? displayPath(io.cwd, input.path) : '<stdin>';
    if (input.path && isIgnored(loaded, loaded.config.ignore, toPosix(input.path))) {
      if (input.explicit) io.stderr(`povlint: warning: ${shown}: skipped: ignored by "ignore" in ${displayPath(io.cwd, loaded.path ?? '')}\n`);
      continue;
    }
    const text = await readInput(input, maxKB, io, (reason) => io.stderr(`povlint: warning: ${shown}: skipped: ${reason}\n`));
    if (text === undefined) continue;
    try {
      const card = scorecard(text, lintOptions(loaded, cliConfig));
      cards.push({ path: shown, scorecard: card });
      if (format === 'md') io.stdout(scorecardMarkdown({ path: shown, scorecard: card }, cards.length === 1));
    } catch (e) {
      io.stderr(`povlint: error: ${shown}: could not be read: ${(e as Error).message}\n`);
      ioError = true;
    }
  }
  if (format === 'md' && cards.length > 1) io.stdout(totalLine(cards));
  if (format !== 'md') io.stdout(formatScorecard(cards, format));

  if (ioError) return EXIT_ERROR;
  if (minReadiness !== undefined) {
    const below = cards.filter((c) => c.scorecard.summary.readiness !== null && c.scorecard.summary.readiness * 100 < minReadiness);
    for (const c of below) io.stderr(`povlint: ${c.path}: POV readiness ${formatReadiness(c.scorecard.summary.readiness)} is below ${minReadiness}% (--min-readiness)\n`);
    if (below.length > 0) return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** `80`, `80%` or `87.5` → a percentage from 0 to 100. */
function parsePercent(raw: string): number {
  const t = raw.trim().replace(/%$/, '');
  const n = Number(t);
  if (t === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--min-readiness must be a percentage from 0 to 100 (got "${raw}")`);
  return n;
}

async function readInput(input: Input, maxKB: number, io: CliIo, skip: (reason: string) => void): Promise<string | undefined> {
  if (input.path) {
    const read = await readTextFile(input.path, maxKB);
    if (!read.ok) return void skip(read.reason);
    return read.text;
  }
  let raw: string;
  try {
    raw = await io.readStdin();
  } catch (e) {
    return void skip(`cannot read standard input (${(e as Error).message})`);
  }
  const bytes = new TextEncoder().encode(raw);
  if (isTooLarge(bytes.length, maxKB)) return void skip(tooLargeReason(bytes.length, maxKB));
  const decoded = decodeText(bytes);
  if (!decoded.ok) return void skip(decoded.reason);
  return decoded.text;
}

