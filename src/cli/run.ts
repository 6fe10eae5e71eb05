/**
 * `povlint [options] [files, folders or globs ...]` as a function: arguments and a window on the
 * world in, an exit code out. Never calls `process.exit`, so tests run it in-process.
 *
 * Files are linted one at a time and each result is handed to the formatter at once; no file's
 * text outlives its lint. Linted files are only ever read.
 */
import * as core from '../core/index.js';
import {
  DEFAULT_CONFIG,
  decodeText,
  formatConfigError,
  isIgnored,
  isTooLarge,
  mergeConfigs,
  tooLargeReason,
  toLintOptions,
  type LintOptions,
  type PovlintConfig,
} from '../core/index.js';
import { BaselineMatcher, describeEntry, findingKeys, type Baseline, type Finding, type FindingKey } from '../core/index.js';
import { baselineDir, baselinePath, goneFrom, loadBaseline, nextBaseline, planBaseline, saveBaseline } from './baseline.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { isDocxPath, sourceAt, type ParagraphMap } from '../docx/index.js';
import { runClauses } from './commands/clauses.js';
import { runConvert } from './commands/convert.js';
import { runScorecard } from './commands/scorecard.js';
import { runSuggest } from './commands/suggest.js';
import { configResolver, configsForInputs, toPosix, type LoadedConfig } from './configs.js';
import { renderExplanation } from './explain.js';
import { displayPath, expandInputs, readTextFile, readWordFile, type Input } from './files.js';
import { formatters, WITH_DETAILS, type ReportedFinding, type Summary } from './formatters/index.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    io.stderr(`povlint: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_ERROR;
  }
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'clauses' || command === 'suggest') {
    const loaded = await configResolver(io.cwd).forDir(toPosix(io.cwd));
    if (loaded.errors.length > 0) return configFailure(io, loaded.errors);
    return command === 'clauses' ? runClauses(rest, io, loaded.clauses) : runSuggest(rest, io, loaded.clauses);
  }

  if (command === 'scorecard') return runScorecard(rest, io);
  if (command === 'convert') return runConvert(rest, io);

  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`povlint: ${e.message}\nRun \`povlint --help\` for usage.\n`);
    return EXIT_ERROR;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }

  const loader = configResolver(io.cwd, options.config);
  const cliConfig: PovlintConfig = {
    ...(Object.keys(options.rules).length > 0 ? { rules: options.rules } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.maxFileSizeKB !== undefined ? { maxFileSizeKB: options.maxFileSizeKB } : {}),
  };

  if (options.explain !== undefined) {
    const loaded = await loader.forDir(toPosix(io.cwd));
    if (loaded.errors.length > 0) return configFailure(io, loaded.errors);
    const units = core.explain(options.explain, lintOptions(loaded, cliConfig));
    io.stdout(options.format === 'json' ? `${JSON.stringify({ units }, null, 2)}\n` : renderExplanation(units));
    return EXIT_OK;
  }

  if (options.inputs.length === 0) {
    io.stderr('povlint: no files given: name files, folders or globs to lint, or `-` for standard input\nRun `povlint --help` for usage.\n');
    return EXIT_ERROR;
  }

  // First pass: the list of files (paths only) and every config they need. A broken config stops
  // everything before a single file is linted.
  let ioError = false;
  const inputs: Input[] = [];
  for await (const input of expandInputs(options.inputs, io.cwd, (input, why) => {
    io.stderr(`povlint: error: ${input}: ${why}\n`);
    ioError = true;
  }, { includeDocx: options.includeDocx })) {
    inputs.push(input);
  }
  const { configFor, errors } = await configsForInputs(loader, inputs, io.cwd);
  if (errors.length > 0) return configFailure(io, errors);

  // The baseline: read (and checked) before anything is linted, like the configs.
  const cwdConfig = await loader.forDir(toPosix(io.cwd));
  if (cwdConfig.errors.length > 0) return configFailure(io, cwdConfig.errors);
  const plan = planBaseline(options, cwdConfig, io.cwd);
  let previous: Baseline | undefined;
  if (plan) {
    const loaded = await loadBaseline(plan);
    if (!loaded.ok) {
      for (const line of loaded.errors) io.stderr(`${line}\n`);
      io.stderr('povlint: invalid baseline; nothing was linted\n');
      return EXIT_ERROR;
    }
    previous = loaded.baseline;
  }
  const matcher = plan?.match && previous ? new BaselineMatcher(previous) : undefined;
  const recorded: { path: string; keys: FindingKey[] }[] = [];
  let suppressedTotal = 0;

  // Second pass: lint one file at a time, streaming results.
  const formatter = formatters[options.format]({
    write: io.stdout,
    color: io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb',
    cwd: io.cwd,
    version: VERSION,
  });
  const lintOptionsFor = new Map<LoadedConfig, { options: LintOptions; maxFileSizeKB: number }>();
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  let warningsTotal = 0;
  let skipped = false;
  const skip = (shown: string, reason: string): void => {
    io.stderr(`povlint: warning: ${shown}: skipped: ${reason}\n`);
    skipped = true;
  };

  formatter.begin();
  for (const input of inputs) {
    const loaded = configFor(input);
    let settings = lintOptionsFor.get(loaded);
    if (!settings) {
      const merged = mergeConfigs(DEFAULT_CONFIG, loaded.config, cliConfig);
      // Fix texts and clause suggestions are made only for the formats that write them.
      settings = { options: { ...lintOptions(loaded, cliConfig), deferDetails: true }, maxFileSizeKB: merged.maxFileSizeKB ?? 5000 };
      lintOptionsFor.set(loaded, settings);
    }
    const shown = input.path ? displayPath(io.cwd, input.path) : '<stdin>';

    if (input.path) {
      if (isIgnored(loaded, loaded.config.ignore, toPosix(input.path))) {
        if (input.explicit) io.stderr(`povlint: warning: ${shown}: skipped: ignored by "ignore" in ${displayPath(io.cwd, loaded.path ?? '')}\n`);
        continue;
      }
    }

    let text: string;
    let paragraphMap: ParagraphMap | undefined;
    if (input.path && isDocxPath(input.path)) {
      const converted = await readWordFile(input.path);
      if (!converted.ok) {
        io.stderr(`povlint: error: ${shown}: ${converted.reason}\n`);
        ioError = true;
        continue;
      }
      const size = new TextEncoder().encode(converted.markdown).length;
      if (isTooLarge(size, settings.maxFileSizeKB)) {
        skip(shown, `as Markdown the ${tooLargeReason(size, settings.maxFileSizeKB)}`);
        continue;
      }
      text = converted.markdown;
      paragraphMap = converted.map;
    } else if (input.path) {
      const read = await readTextFile(input.path, settings.maxFileSizeKB);
      if (!read.ok) {
        skip(shown, read.reason);
        continue;
      }
      text = read.text;
    } else {
      let raw: string;
      try {
        raw = await io.readStdin();
      } catch (e) {
        skip(shown, `cannot read standard input (${(e as Error).message})`);
        continue;
      }
      const bytes = new TextEncoder().encode(raw);
      if (isTooLarge(bytes.length, settings.maxFileSizeKB)) {
        skip(shown, tooLargeReason(bytes.length, settings.maxFileSizeKB));
        continue;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        skip(shown, decoded.reason);
        continue;
      }
      text = decoded.text;
    }

    let findings: Finding[];
    try {
      findings = core.lint(text, settings.options);
      if (WITH_DETAILS.has(options.format)) core.resolveFindings(findings, settings.options);
    } catch (e) {
      io.stderr(`povlint: error: ${shown}: could not be linted: ${(e as Error).message}\n`);
      ioError = true;
      continue;
    }
    // Baseline keys when a baseline is matched or written, or the format fingerprints findings.
    const allKeys = plan || options.format === 'gitlab' ? findingKeys(text, findings, settings.options) : undefined;
    let keys = allKeys;
    let suppressed: Finding[] | undefined;
    if (plan && allKeys) {
      const path = baselinePath(plan, input.path);
      recorded.push({ path, keys: allKeys });
      // Matching against a baseline, or writing a new one (everything in it is then recorded).
      const covered = matcher ? matcher.match(path, allKeys) : plan.match ? allKeys.map(() => false) : allKeys.map(() => true);
      suppressed = findings.filter((_, i) => covered[i]);
      keys = allKeys.filter((_, i) => !covered[i]);
      findings = findings.filter((_, i) => !covered[i]);
      suppressedTotal += suppressed.length;
    }
    for (const f of findings) if (f.severity === 'warning') warningsTotal += 1;
    const quiet = (f: Finding): boolean => !options.quiet || f.severity === 'error';
    const quietFindings = findings.filter(quiet);
    const map = paragraphMap;
    const shownFindings = map ? quietFindings.map((f) => withSource(f, map)) : quietFindings;
    summary.files += 1;
    for (const f of shownFindings) {
      if (f.severity === 'error') summary.errors += 1;
      else if (f.severity === 'warning') summary.warnings += 1;
      else summary.infos += 1;
    }
    formatter.file({
      path: shown,
      findings: shownFindings,
      text,
      ...(keys ? { keys: keys.filter((_, i) => quiet(findings[i]!)) } : {}),
      ...(suppressed ? { suppressed } : {}),
      ...(map ? { converted: true } : {}),
    });
  }

  const stale = matcher ? matcher.stale(goneFrom(plan!)) : [];
  if (plan?.match) summary.baseline = { file: plan.shown, dir: baselineDir(plan, io.cwd), suppressed: suppressedTotal, stale };
  formatter.end(summary);

  if (plan && stale.length > 0) {
    const n = stale.reduce((sum, e) => sum + e.count, 0);
    io.stderr(`povlint: ${n === 1 ? '1 finding' : `${n} findings`} recorded in ${plan.shown} no longer ${n === 1 ? 'occurs' : 'occur'} (fixed or reworded):\n`);
    for (const e of stale) io.stderr(`  ${describeEntry(e)}\n`);
    if (!plan.write) io.stderr(`povlint: remove ${n === 1 ? 'it' : 'them'} from the baseline with \`povlint --baseline${plan.origin === '--baseline' ? ` ${plan.shown}` : ''} --write-baseline ...\`\n`);
  }
  if (plan?.write) {
    if (ioError) {
      io.stderr(`povlint: ${plan.shown} was not written: some files could not be linted\n`);
    } else {
      const next = nextBaseline(plan, previous, matcher, recorded);
      try {
        await saveBaseline(plan, next);
      } catch (e) {
        io.stderr(`povlint: error: baseline ${plan.shown}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
        return EXIT_ERROR;
      }
      const count = next.entries.reduce((sum, e) => sum + e.count, 0);
      const removed = stale.reduce((sum, e) => sum + e.count, 0);
      io.stderr(
        plan.match
          ? `povlint: wrote ${plan.shown}: ${count} finding${count === 1 ? '' : 's'} (${removed} no longer occurring removed; new findings are not added)\n`
          : `povlint: wrote ${plan.shown}: ${count} finding${count === 1 ? '' : 's'} recorded\n`,
      );
    }
  }

  if (ioError || (options.strict && skipped)) return EXIT_ERROR;
  if (summary.errors > 0) return EXIT_FINDINGS;
  if (options.strict && warningsTotal > 0) return EXIT_FINDINGS;
  if (options.maxWarnings >= 0 && warningsTotal > options.maxWarnings) {
    const count = warningsTotal === 1 ? '1 warning exceeds' : `${warningsTotal} warnings exceed`;
    io.stderr(`povlint: ${count} the limit of ${options.maxWarnings} (--max-warnings)\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** The finding with the source paragraph of its start (`source` is last, after the core's fields). */
function withSource(f: Finding, map: ParagraphMap): ReportedFinding {
  const source = sourceAt(map, f.start.line, f.start.column);
  return source ? { ...f, source } : f;
}

/** The lint options for files under a config: defaults, then the config, then the command line. */
export function lintOptions(loaded: LoadedConfig, cliConfig: PovlintConfig): LintOptions {
  const merged = mergeConfigs(DEFAULT_CONFIG, loaded.config, cliConfig);
  const options = toLintOptions(merged, { allowPatterns: true });
  if (loaded.clauses.length > 0) options.clauses = loaded.clauses;
  return options;
}

export function configFailure(io: CliIo, errors: { file?: string; line: number; column: number; key: string; message: string }[]): number {
  for (const e of errors) io.stderr(`${formatConfigError(e)}\n`);
  io.stderr(`povlint: invalid configuration; nothing was linted\n`);
  return EXIT_ERROR;
}
