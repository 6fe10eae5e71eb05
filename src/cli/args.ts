/** Command-line arguments → options, or a usage error. */
import { parseArgs } from 'node:util';
import { SEVERITY_SETTINGS } from '../core/index.js';
import type { Locale, RuleId, SeveritySetting } from '../core/index.js';
import { LOCALES, RULE_IDS } from '../core/index.js';
import { FORMATS, type FormatName } from './formatters/types.js';

export interface CliOptions {
  inputs: string[];
  format: FormatName;
  config?: string;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  locale?: Locale | 'auto';
  maxFileSizeKB?: number;
  strict: boolean;
  /** Folders and globs also pick up Word documents (`*.docx`). */
  includeDocx: boolean;
  explain?: string;
  /** `--baseline [file]`: report only findings not in the baseline; `true` for the default file. */
  baseline?: string | true;
  /** `--write-baseline [file]`: record the findings (with `--baseline`: drop stale entries only). */
  writeBaseline?: string | true;
  /** `--no-baseline`: ignore a baseline named in the config. */
  noBaseline: boolean;
  version: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: povlint [options] [files, folders or globs ...]
       povlint clauses [...]     list, show and insert proof-of-value clauses
       povlint suggest [...]     suggest clauses for a claim
       povlint scorecard [...]   list each document's criteria, unmeasured claims and POV readiness
       povlint convert <file.docx> [-o file.md]   write a Word document as Markdown

Lints Markdown procurement documents (RFPs, SOWs, contracts, SLAs, proposals) for claims
nobody could verify. Folders are searched for *.md and *.markdown files (node_modules and .git
are skipped); \`-\` reads standard input. Word documents (*.docx) named on the command line are
converted to Markdown and linted; findings name the line of the Markdown and the source paragraph.

Options:
  -f, --format <name>      output format: stylish (default), json, sarif, gitlab
  -c, --config <file>      use this config file instead of looking for .povlint.jsonc /
                           .povlint.json from each file's folder upward
      --max-warnings <n>   exit 1 when there are more than n warnings (default: no limit)
  -q, --quiet              report errors only
      --rule <id=severity> set a rule's severity: error, warning, info, hint or off (repeatable)
      --locale <locale>    document language: en, zh or auto (default: auto)
      --max-file-size <kb> skip files larger than this many kilobytes (default: 5000)
      --strict             exit 1 on any warning, and exit 2 when a file had to be skipped
      --include-docx       folders and globs also pick up Word documents (*.docx)
      --explain <text>     explain the findings in a piece of text
      --baseline [file]    report only findings not recorded in the baseline file (default:
                           \`baseline\` in the config, else .povlint-baseline.json), and list its
                           entries that no longer match
      --write-baseline [file]
                           record the current findings in the baseline file; with --baseline,
                           only remove the entries that no longer match
      --no-baseline        ignore the baseline named in the config
  -v, --version            print the version
  -h, --help               print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or I/O error.
`;

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be one of ${allowed.join(', ')}; got "${value}"`);
}

/** A value of a baseline option that is the file name, not the next input: it ends in `.json`. */
const BASELINE_FILE = /\.json$/i;
const OPTIONAL_VALUE = new Set(['--baseline', '--write-baseline']);
/** Stands for "no file given" in the arguments handed to `parseArgs`. */
const DEFAULT_FILE = '\u0000default';

/**
 * `--baseline` and `--write-baseline` take an optional file name: the next argument when it ends
 * in `.json` (else `--baseline=FILE`); without one they stand for the default file.
 */
function optionalValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (OPTIONAL_VALUE.has(arg)) {
      const next = argv[i + 1];
      if (next !== undefined && BASELINE_FILE.test(next) && !next.startsWith('-')) {
        out.push(`${arg}=${next}`);
        i++;
      } else out.push(`${arg}=${DEFAULT_FILE}`);
      continue;
    }
    out.push(arg);
  }
  return out;
}

function baselineValue(values: string[] | undefined, name: string): string | true | undefined {
  if (values === undefined) return undefined;
  const value = values[values.length - 1]!;
  if (value === DEFAULT_FILE) return true;
  if (value === '') throw new UsageError(`${name} needs a file name after \`=\``);
  return value;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: optionalValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        rule: { type: 'string', multiple: true },
        locale: { type: 'string' },
        'max-file-size': { type: 'string' },
        strict: { type: 'boolean' },
        'include-docx': { type: 'boolean' },
        explain: { type: 'string' },
        baseline: { type: 'string', multiple: true },
        'write-baseline': { type: 'string', multiple: true },
        'no-baseline': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    inputs: positionals,
    format: values.format === undefined ? 'stylish' : oneOf(values.format, FORMATS, '--format'),
    maxWarnings: -1,
    quiet: values.quiet ?? false,
    rules: {},
    strict: values.strict ?? false,
    noBaseline: values['no-baseline'] ?? false,
    includeDocx: values['include-docx'] ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
  };
  if (values.config !== undefined) {
    if (values.config === '') throw new UsageError('--config needs a file name');
    options.config = values.config;
  }
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1) {
      throw new UsageError(`--max-warnings must be a whole number of warnings (0 or more, -1 for no limit); got "${raw}"`);
    }
    options.maxWarnings = Number(raw);
  }
  for (const rule of values.rule ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(rule);
    if (!m) throw new UsageError(`--rule expects ID=SEVERITY (e.g. --rule puffery=off); got "${rule}"`);
    const id = oneOf(m[1]!.trim(), RULE_IDS, '--rule rule id');
    options.rules[id] = oneOf(m[2]!.trim(), SEVERITY_SETTINGS, `--rule ${id} severity`);
  }
  if (values.locale !== undefined) options.locale = oneOf(values.locale, [...LOCALES, 'auto'] as const, '--locale');
  if (values['max-file-size'] !== undefined) {
    const raw = values['max-file-size'];
    const kb = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(kb) || kb <= 0) {
      throw new UsageError(`--max-file-size must be a positive number of kilobytes; got "${raw}"`);
    }
    options.maxFileSizeKB = kb;
  }
  if (values.explain !== undefined) options.explain = values.explain;
  const baseline = baselineValue(values.baseline, '--baseline');
  if (baseline !== undefined) options.baseline = baseline;
  const writeBaseline = baselineValue(values['write-baseline'], '--write-baseline');
  if (writeBaseline !== undefined) options.writeBaseline = writeBaseline;
  if (options.noBaseline && baseline !== undefined) throw new UsageError('--no-baseline and --baseline contradict each other');
  if (typeof baseline === 'string' && typeof writeBaseline === 'string' && baseline !== writeBaseline) {
    throw new UsageError('--baseline and --write-baseline name different files; to prune a baseline, name it once (--baseline FILE --write-baseline)');
  }
  return options;
}
