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
  -f, --format <name>      output format: stylish (default), json, sarif
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
  -v, --version            print the version
  -h, --help               print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or I/O error.
`;

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be one of ${allowed.join(', ')}; got "${value}"`);
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
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
  return options;
}
