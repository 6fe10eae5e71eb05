/**
 * `povlint suggest "<claim text>" [--locale en|zh] [--doc-type T] [--rule R] [--limit N] [--format text|json]`
 * Classifies a claim, ranks the clauses that would make it verifiable and shows how to rewrite it.
 */
import { parseArgs } from 'node:util';
import { suggestClauses } from '../../core/index.js';
import type { Clause } from '../../core/index.js';
import { DOC_TYPES } from '../../core/index.js';
import { RULE_IDS } from '../../core/index.js';
import type { CliIo } from '../io.js';
import {
  clausePrefix,
  detectLocale,
  EXIT_OK,
  isUsageError,
  libraryWith,
  oneOf,
  pad,
  parseLocale,
  UsageError,
  usageFailure,
} from './shared.js';

export const SUGGEST_HELP = `Usage: povlint suggest "<claim text>" [options]

Suggest proof-of-value clauses and a measurable rewrite for a claim. Use - to read the claim from stdin.

Options:
  --locale en|zh        language of the claim (default: detected)
  --doc-type TYPE       document type: ${DOC_TYPES.join(', ')}
  --rule RULE           the rule that flagged the claim: ${RULE_IDS.join(', ')}
  --limit N             number of clauses (default 5)
  --format text|json    output format (default text)
  -h, --help            show this help
`;

const FORMATS = ['text', 'json'] as const;

export async function runSuggest(argv: string[], io: CliIo, customClauses?: Clause[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        locale: { type: 'string' },
        'doc-type': { type: 'string' },
        rule: { type: 'string' },
        limit: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout(SUGGEST_HELP);
      return EXIT_OK;
    }
    const format = oneOf('format', values.format, FORMATS) ?? 'text';
    const docType = oneOf('doc-type', values['doc-type'], DOC_TYPES);
    const ruleId = oneOf('rule', values.rule, RULE_IDS);
    let limit = 5;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number (got "${values.limit}")`);
    }
    const text = (positionals.length === 1 && positionals[0] === '-' ? await io.readStdin() : positionals.join(' ')).trim();
    if (!text) throw new UsageError('give the claim text, e.g. povlint suggest "responds faster than competitors"');
    const locale = parseLocale(values.locale) ?? detectLocale(text);

    const s = suggestClauses(text, {
      locale,
      limit,
      library: libraryWith(customClauses),
      ...(docType ? { docType } : {}),
      ...(ruleId ? { ruleId } : {}),
    });
    if (format === 'json') {
      const data = {
        text,
        locale,
        topics: s.topics,
        clauses: s.clauses.map((c) => ({ id: c.id, title: c.title, category: c.category, prefix: clausePrefix(c) })),
        template: { topic: s.template.topic, ...(s.template.metric ? { metric: s.template.metric } : {}), parts: s.template.parts, snippet: s.template.snippet, text: s.template.text },
      };
      io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      return EXIT_OK;
    }
    const idWidth = Math.max(0, ...s.clauses.map((c) => c.id.length));
    const lines = [
      `Topics: ${s.topics.length ? s.topics.join(', ') : '(none recognised)'}`,
      '',
      'Clauses:',
      ...(s.clauses.length
        ? s.clauses.map((c, i) => `  ${i + 1}. ${pad(c.id, idWidth)}  ${c.title}`)
        : ['  (none)']),
      '',
      `Rewrite (${s.template.metric ? `${s.template.metric}, ` : ''}${s.template.topic}; tab stops: ${s.template.parts.join(', ')}):`,
      `  ${s.template.text}`,
      '',
      'Snippet:',
      `  ${s.template.snippet}`,
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  } catch (e) {
    if (isUsageError(e)) return usageFailure(io, 'suggest', e);
    throw e;
  }
}
