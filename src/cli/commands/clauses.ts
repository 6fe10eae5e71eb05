/**
 * `povlint clauses [--locale en|zh] [--category C] [--format text|json] [--show ID]`
 * Lists the proof-of-value clause library (built-in plus custom), or prints one clause expanded
 * with its default values.
 */
import { parseArgs } from 'node:util';
import { expandWithDefaults } from '../../core/index.js';
import { CLAUSE_CATEGORIES, type Clause } from '../../core/index.js';
import { LOCALES } from '../../core/index.js';
import type { CliIo } from '../io.js';
import { clausePrefix, EXIT_OK, EXIT_USAGE, isUsageError, libraryWith, oneOf, pad, parseLocale, usageFailure } from './shared.js';

export const CLAUSES_HELP = `Usage: povlint clauses [options]

List the proof-of-value clauses (built-in and from the config's clause folders).

Options:
  --locale en|zh        only clauses of this language
  --category CATEGORY   only this category: ${CLAUSE_CATEGORIES.join(', ')}
  --format text|json    output format (default text)
  --show ID             print one clause with its default values filled in
  -h, --help            show this help
`;

const FORMATS = ['text', 'json'] as const;

/** The clause as plain data, front matter fields first. */
function clauseData(c: Clause): Record<string, unknown> {
  return {
    id: c.id,
    title: c.title,
    category: c.category,
    topics: c.topics,
    docTypes: c.docTypes,
    description: c.description,
    locale: c.locale,
    body: c.body,
    ...(c.source !== undefined ? { source: c.source } : {}),
  };
}

export async function runClauses(argv: string[], io: CliIo, customClauses?: Clause[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        locale: { type: 'string' },
        category: { type: 'string' },
        format: { type: 'string' },
        show: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    if (isUsageError(e)) return usageFailure(io, 'clauses', e);
    throw e;
  }
  if (values.help) {
    io.stdout(CLAUSES_HELP);
    return EXIT_OK;
  }
  let locale, category, format;
  try {
    locale = parseLocale(values.locale);
    category = oneOf('category', values.category, CLAUSE_CATEGORIES);
    format = oneOf('format', values.format, FORMATS) ?? 'text';
  } catch (e) {
    if (isUsageError(e)) return usageFailure(io, 'clauses', e);
    throw e;
  }

  const library = libraryWith(customClauses);
  if (values.show !== undefined) {
    const id = values.show;
    const candidates = library.filter((c) => c.id === id && (!locale || c.locale === locale));
    const clause = candidates.find((c) => c.locale === 'en') ?? candidates[0];
    if (!clause) {
      io.stderr(`povlint clauses: no clause \`${id}\`${locale ? ` in locale ${locale}` : ''}; run \`povlint clauses\` to list them\n`);
      return EXIT_USAGE;
    }
    const text = expandWithDefaults(clause.body);
    if (format === 'json') io.stdout(`${JSON.stringify({ ...clauseData(clause), text }, null, 2)}\n`);
    else io.stdout(`# ${clause.title}\n\n${text}\n`);
    return EXIT_OK;
  }

  const selected = library
    .filter((c) => (!locale || c.locale === locale) && (!category || c.category === category))
    .sort(
      (a, b) =>
        LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale) ||
        CLAUSE_CATEGORIES.indexOf(a.category) - CLAUSE_CATEGORIES.indexOf(b.category) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (format === 'json') {
    io.stdout(`${JSON.stringify(selected.map(clauseData), null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(2, ...selected.map((c) => c.id.length));
  const catWidth = Math.max(8, ...selected.map((c) => c.category.length));
  const lines = selected.map(
    (c) => `${c.locale}  ${pad(c.category, catWidth)}  ${pad(c.id, idWidth)}  ${c.title}${c.source ? `  (${c.source})` : ''}`,
  );
  lines.push('', `${selected.length} clause${selected.length === 1 ? '' : 's'}. Show one with \`povlint clauses --show <id>\`; in VS Code type its prefix, e.g. \`${selected[0] ? clausePrefix(selected[0]) : 'pov-availability-sla'}\`.`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
